// The screen benchmark's arguments and its table (npm run bench:ui): kept apart from the
// Chromium run so a unit test can check them without a browser or a data set.
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '../fixtures/seeder';
import { columns, summarize } from './stats';

export interface UiBenchOptions {
  children: number;
  seed: number;
  dataDir: string | undefined;
  fresh: boolean;
  json: string | undefined;
  /** Page loads, each one sign-in, 首页, the list twice and its share of the keystrokes. */
  sessions: number;
  /** Keystrokes timed in the search box, spread over the sessions. */
  keystrokes: number;
  /** A Chromium trace of the last session (open it in Perfetto or chrome://tracing). */
  trace: string | undefined;
  /** A CPU profile of the last session (.cpuprofile), and its heaviest functions printed. */
  cpuProfile: string | undefined;
  /** Ms between a screen painted and the next click (a person reading it); default 800. */
  settle: number;
}

/** Fewer and a p95 is the slowest keystroke, not a percentile (the issue asks for ≥ 20). */
export const MIN_KEYSTROKES = 20;

export const UI_USAGE =
  'npm run bench:ui -- [--children N (default 100000)] [--data-dir DIR] [--seed S] [--fresh] [--json FILE]\n' +
  '                    [--sessions S (default 5)] [--keystrokes K (default 40, at least 20)]\n' +
  '                    [--trace FILE.json] [--cpu-profile FILE.cpuprofile] [--settle MS (default 800)]';

function whole(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}: ${text}`);
  return n;
}

/** Parses `npm run bench:ui -- …`; throws a one-line reason (and the usage) on bad input. */
export function parseUiArgs(argv: readonly string[]): UiBenchOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        children: { type: 'string', default: '100000' },
        seed: { type: 'string', default: String(DEFAULT_SEED) },
        'data-dir': { type: 'string' },
        fresh: { type: 'boolean', default: false },
        json: { type: 'string' },
        sessions: { type: 'string', default: '5' },
        keystrokes: { type: 'string', default: '40' },
        trace: { type: 'string' },
        'cpu-profile': { type: 'string' },
        settle: { type: 'string', default: '800' },
      },
    }));
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${UI_USAGE}`);
  }
  const str = (k: string) => values[k] as string | undefined;
  return {
    children: whole('children', str('children')!, 1),
    seed: whole('seed', str('seed')!, 0),
    dataDir: str('data-dir'),
    fresh: values.fresh === true,
    json: str('json'),
    sessions: whole('sessions', str('sessions')!, 1),
    keystrokes: whole('keystrokes', str('keystrokes')!, MIN_KEYSTROKES),
    trace: str('trace'),
    cpuProfile: str('cpu-profile'),
    settle: whole('settle', str('settle')!, 0),
  };
}

export interface UiRow {
  op: string;
  /** Milliseconds, one per run, in the order they ran (the first is the cold one). */
  times: number[];
  /** The bound for p95, in ms; none where it sets none. */
  target?: number;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));

/** A fixed-width table like the API bench's: first run, p50, p95, max, the target and a verdict. */
export function formatUiTable(rows: readonly UiRow[]): string {
  const header = ['op', 'n', 'first', 'p50', 'p95', 'max', 'target p95', ''];
  const body = rows.map((r) => {
    const s = summarize(r.times);
    const max = r.times.length ? Math.max(...r.times) : Number.NaN;
    const verdict = r.target === undefined || r.times.length === 0 ? '' : s.p95 <= r.target ? 'ok' : 'MISS';
    return [
      r.op,
      String(s.n),
      ms(r.times[0] ?? Number.NaN),
      ms(s.p50),
      ms(s.p95),
      ms(max),
      r.target === undefined ? '—' : `≤ ${r.target}`,
      verdict,
    ];
  });
  return columns(header, body);
}

/** The rows as the API bench writes them (ms, rounded to µs), with every run kept. */
export function uiJson(rows: readonly UiRow[], children: number) {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return rows.map((r) => {
    const s = summarize(r.times);
    return {
      op: r.op,
      children,
      n: s.n,
      p50: round(s.p50),
      p95: round(s.p95),
      p99: round(s.p99),
      ...(r.target === undefined ? {} : { target: r.target }),
      times: r.times.map(round),
    };
  });
}
