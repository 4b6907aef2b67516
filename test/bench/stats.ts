// Timing and reporting for the benchmark.

export interface Sample {
  /** Milliseconds, one per iteration. */
  times: number[];
}

/** Nearest-rank percentile: the value below which `p` per cent of the samples lie. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarize(times: readonly number[]): Summary {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** Fewer than this and a p95 means nothing; more than this of a multi-second query is no wiser. */
const MIN_RUNS = 5;

/**
 * Runs `fn` once per input and times each call; `setup` turns an input into what `fn` takes,
 * untimed. Stops early once `budgetMs` of wall time is spent (after MIN_RUNS runs), so a
 * pathological query shape cannot hold the whole benchmark up; the length of the result
 * says how many ran.
 */
export async function timeEach<I, T = I>(
  inputs: readonly I[],
  fn: (input: T) => unknown,
  budgetMs: number,
  setup?: (input: I) => T,
  /** Filled with each call's CPU time (this process, user + system), ms. */
  cpu?: number[],
): Promise<number[]> {
  const times: number[] = [];
  const started = performance.now();
  for (const input of inputs) {
    const arg = setup ? setup(input) : (input as unknown as T);
    const c0 = cpu ? process.cpuUsage() : undefined;
    const t0 = performance.now();
    const out = fn(arg);
    if (out instanceof Promise) await out;
    times.push(performance.now() - t0);
    if (cpu && c0) {
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    if (performance.now() - started > budgetMs && times.length >= MIN_RUNS) break;
  }
  return times;
}

/** Runs `fn` over warm-up inputs: all of them, or as many as fit in a second. */
export async function warmUp<I>(inputs: readonly I[], fn: (input: I) => unknown): Promise<void> {
  const started = performance.now();
  for (const input of inputs) {
    const out = fn(input);
    if (out instanceof Promise) await out;
    if (performance.now() - started > 1000) break;
  }
}

export interface Row extends Summary {
  op: string;
  raw_p95?: number;
  plain_p95?: number;
  /**
   * The same calls' CPU time (this process), p95, on each path: what the call itself cost, which
   * the other processes on a shared machine do not inflate as they do the wall-clock figures.
   */
  cpu?: { p95: number; raw_p95?: number; plain_p95?: number };
  /** ARCHITECTURE.md §9, in ms; undefined where §9 sets none. */
  target?: number;
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(2));

/** A fixed-width table for the console: the numbers, the target, and whether it is met. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['op', 'n', 'p50', 'p95', 'p99', 'raw_p95', 'plain_p95', 'enc/plain', 'target p95', ''];
  const body = rows.map((r) => {
    const ratio = r.plain_p95 ? r.p95 / r.plain_p95 : undefined;
    const verdict = r.target === undefined ? '' : r.p95 <= r.target ? 'ok' : 'MISS';
    return [
      r.op,
      String(r.n),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      ms(r.raw_p95),
      ms(r.plain_p95),
      ratio === undefined ? '—' : `${ratio.toFixed(2)}×`,
      r.target === undefined ? '—' : `≤ ${r.target}`,
      verdict,
    ];
  });
  return columns(header, body);
}

/** The rows measured with CPU time: each path's p95 and the two ratios on CPU time. */
export function formatCpuTable(rows: readonly Row[]): string {
  const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '—');
  const body = rows
    .filter((r) => r.cpu)
    .map((r) => {
      const c = r.cpu as NonNullable<Row['cpu']>;
      return [
        r.op,
        ms(c.p95),
        ms(c.raw_p95),
        ms(c.plain_p95),
        ratio(c.p95, c.raw_p95),
        ratio(c.p95, c.plain_p95),
      ];
    });
  return columns(
    ['op (CPU time, ms)', 'cpu_p95', 'raw_cpu_p95', 'plain_cpu_p95', 'api/raw', 'enc/plain'],
    body,
  );
}

/** Cells in fixed-width columns under their header and a rule: the first left-aligned, the rest right. */
export function columns(header: readonly string[], body: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The JSON the brief asks for: ms, with raw/plain only where they were measured. */
export function jsonRows(rows: readonly Row[], children?: number) {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return rows.map((r) => ({
    op: r.op,
    ...(children === undefined ? {} : { children }),
    n: r.n,
    p50: round(r.p50),
    p95: round(r.p95),
    p99: round(r.p99),
    ...(r.raw_p95 === undefined ? {} : { raw_p95: round(r.raw_p95) }),
    ...(r.plain_p95 === undefined ? {} : { plain_p95: round(r.plain_p95) }),
    ...(r.cpu === undefined
      ? {}
      : {
          cpu_p95: round(r.cpu.p95),
          ...(r.cpu.raw_p95 === undefined ? {} : { raw_cpu_p95: round(r.cpu.raw_p95) }),
          ...(r.cpu.plain_p95 === undefined ? {} : { plain_cpu_p95: round(r.cpu.plain_p95) }),
        }),
  }));
}

export interface GrowthRow {
  op: string;
  children?: number;
  p95: number;
}

/**
 * Operations that must not grow more than 2× for 10× the data (ARCHITECTURE §9): search, lists
 * and registers, a file, the board and 首页. Others (a backup, an export of everything, the
 * whole board of the studio) grow with the data by nature, and the table says so without a verdict.
 */
const BOUNDED =
  /search|list page| list \(|child's file|inbox|register|referral's page|orders list|reminders board \(a caseworker|home screen|create child|update child|summary PDF/;

/** Each operation at the earlier run's size and at this one's, side by side, with the ratio. */
export function formatGrowth(before: readonly GrowthRow[], after: readonly GrowthRow[]): string {
  const was = new Map(before.map((r) => [r.op, r]));
  const size = (rows: readonly GrowthRow[]) =>
    rows.find((r) => r.children)?.children?.toLocaleString('en') ?? '?';
  const header = ['op', `p95 @ ${size(before)}`, `p95 @ ${size(after)}`, 'ratio', 'target', ''];
  const body = after
    .filter((r) => was.has(r.op))
    .map((r) => {
      const b = was.get(r.op)!;
      const ratio = b.p95 > 0 ? r.p95 / b.p95 : Number.NaN;
      const bounded = BOUNDED.test(r.op);
      return [
        r.op,
        ms(b.p95),
        ms(r.p95),
        Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)}×`,
        bounded ? '≤ 2×' : '—',
        bounded ? (ratio <= 2 ? 'ok' : 'MISS') : '',
      ];
    });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
