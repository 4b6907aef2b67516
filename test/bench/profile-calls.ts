// npx tsx test/bench/profile-calls.ts --op whole [--n 200] [--cpuprofile FILE] [--top 25]
//   op: name1 | name2 | given | name3 | pinyin | pinyinSpaced | initials | idFragment | idWhole
//       (the bench's search rows) | list | file
// Where the time of one bench row goes between the API and the raw SQL (issue 19 #1): the same
// inputs as the bench, each call timed (wall and this process's CPU) along every path:
//   api        core.invoke, as the bench's p95 column;
//   staged     the dispatcher's steps replayed by hand on the core's connection, each timed:
//              parse (zod), read (the handler in its snapshot), audit (the view's audit rows);
//   raw        the recorded statements replayed on the bench's encrypted copy (test/bench/dataset.ts);
//   plain      the same dispatcher over the decrypted copy.
// --cpuprofile writes a V8 profile of the api path and prints the functions with the most self time.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { contract } from '../../db/api/contract';
import { createCore, makeContext, type SunwardCore } from '../../db/api/core';
import type { AuditEntry, ReadCtx, SessionUser, ViewCtx } from '../../db/api/define';
import { openEncrypted, openPlain } from '../../db/core/open';
import { Rng } from '../fixtures/random';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE, DEFAULT_SEED, MIGRATIONS_DIR } from '../fixtures/seeder';
import { plainCopyCurrent, prepareDataset } from './dataset';
import { dispatcherOn } from './host';
import { type Call, Replayer, recordRolledBack } from './replay';
import { percentile } from './stats';
import { listPageInputs, SEARCH_LABELS, type SearchKind, sampleChildren, searchInputs } from './workload';

const { values } = parseArgs({
  options: {
    op: { type: 'string', default: 'idWhole' },
    n: { type: 'string', default: '200' },
    children: { type: 'string', default: '100000' },
    cpuprofile: { type: 'string' },
    top: { type: 'string', default: '25' },
    /** Time every statement of the api path by its SQL (the prototype's methods wrapped, caches kept). */
    statements: { type: 'boolean', default: false },
    /** Run every path over the inputs this many times before the timed pass (2: all pages cached). */
    before: { type: 'string', default: '0' },
  },
});
const n = Number(values.n);
const WARM = 20;
const ds = await prepareDataset({
  dir: path.resolve('.data', `bench-${values.children}`),
  children: Number(values.children),
  seed: DEFAULT_SEED,
  passphrase: DEFAULT_PASSPHRASE,
  fresh: false,
  log: (l) => process.stderr.write(`${l}\n`),
});
const core = createCore({
  dataDir: ds.dataDir,
  migrationsDir: MIGRATIONS_DIR,
  log: () => {},
}) as unknown as SunwardCore & ReturnType<typeof createCore>;
const signIn = await core.invoke('session.signIn', {
  username: ADMIN_USERNAME,
  passphrase: DEFAULT_PASSPHRASE,
});
if (!signIn.ok) throw new Error(signIn.error.message);
const admin = signIn.value as SessionUser;
plainCopyCurrent(ds, () => {});
const plain = openPlain(ds.plainFile);
const recorder = openPlain(ds.plainFile);

type Def = { input: z.ZodType; kind: string; handler: (ctx: ReadCtx, input: unknown) => unknown };
const method = values.op === 'file' ? 'children.get' : 'children.list';
const def = (contract as unknown as Record<string, Def>)[method];
const rng = new Rng(DEFAULT_SEED ^ 0xbe4c4);
const sample = sampleChildren(recorder, rng, (WARM + n) * 3, ds.seeded.children);
const inputs: unknown[] =
  values.op === 'file'
    ? sample.slice(0, WARM + n).map((c) => ({ id: c.id }))
    : values.op === 'list'
      ? listPageInputs(recorder, rng, WARM + n)
      : searchInputs(values.op as SearchKind, sample, rng, WARM + n);
process.stderr.write(
  `${values.op} (${SEARCH_LABELS[values.op as SearchKind] ?? method}): ${inputs.length} inputs\n`,
);

interface Times {
  wall: number[];
  cpu: number[];
}
const times = (): Times => ({ wall: [], cpu: [] });
function timed<T>(into: Times, fn: () => T): T {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  into.wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  into.cpu.push((c.user + c.system) / 1000);
  return out;
}
async function timedAsync<T>(into: Times, fn: () => Promise<T>): Promise<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await fn();
  into.wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  into.cpu.push((c.user + c.system) / 1000);
  return out;
}

const run = inputs.slice(WARM);
const profiles: Profile[] = [];
// --before K: the timed inputs themselves run K times first, so every path reads cached pages only.
const warm = [...inputs.slice(0, WARM), ...Array.from({ length: Number(values.before) }, () => run).flat()];

// Every path over the warm-up inputs, then, input by input, each path in turn (so the other
// helpers' load falls on all of them alike).
const ctx = core.ctx();
const read = core.readCtx();
const stage = { parse: times(), read: times(), audit: times(), total: times() };
const scratch = () => ({ parse: times(), read: times(), audit: times(), total: times() });
function runStaged(input: unknown, t: typeof stage) {
  timed(t.total, () => {
    const parsed = timed(t.parse, () => def.input.parse(input));
    const rows: AuditEntry[] = [];
    const view: ViewCtx = {
      ...read,
      audit: { write: (e) => rows.push(e), writeMany: (es) => rows.push(...es) },
    };
    timed(t.read, () => ctx.raw.transaction(() => def.handler(view, parsed)).deferred());
    timed(t.audit, () => {
      if (!rows.length) return;
      ctx.raw.pragma('synchronous = NORMAL');
      try {
        ctx.raw.transaction(() => ctx.audit.writeMany(rows)).immediate();
      } finally {
        ctx.raw.pragma('synchronous = FULL');
      }
    });
  });
}
// Raw: the recorded statements replayed on the bench's encrypted copy (its own connection and
// file, as the bench's raw column).
const recorderCtx = makeContext(recorder, admin);
const replay = new Replayer(openEncrypted(ds.replayFile, ds.key, { create: false }));
const record = (input: unknown): Call[] => {
  const parsed = def.input.parse(input);
  const calls = recordRolledBack(recorder, () => def.handler(recorderCtx, parsed));
  replay.prepareAll(calls);
  return calls;
};
const plainInvoke = dispatcherOn(makeContext(plain, admin));

const api = times();
const rawT = times();
const plainT = times();
for (const input of warm) {
  await core.invoke(method, input);
  runStaged(input, scratch());
  replay.run(record(input), 'view');
  await plainInvoke(method, input);
}
let session: Session | null = null;
if (values.cpuprofile) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
}
const bySql = new Map<string, { ms: number; n: number }>();
for (const input of run) {
  if (session) await session.post('Profiler.start');
  const unwrap = values.statements ? wrapStatements(plain.prepare('SELECT 1'), bySql) : () => {};
  const r = await timedAsync(api, () => core.invoke(method, input));
  unwrap();
  if (session) profiles.push((await session.post('Profiler.stop')).profile);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  runStaged(input, stage);
  const calls = record(input);
  timed(rawT, () => replay.run(calls, 'view'));
  await timedAsync(plainT, () => plainInvoke(method, input));
}
if (session && profiles.length) {
  writeFileSync(values.cpuprofile as string, JSON.stringify(profiles[0]));
  printProfile(profiles, Number(values.top));
}

const fmt = (v: number) => v.toFixed(3).padStart(8);
const line = (label: string, t: Times) => {
  const w = [...t.wall].sort((a, b) => a - b);
  const c = [...t.cpu].sort((a, b) => a - b);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `${label.padEnd(14)} wall p50 ${fmt(percentile(w, 50))} p95 ${fmt(percentile(w, 95))} mean ${fmt(sum(w))}   cpu p50 ${fmt(percentile(c, 50))} p95 ${fmt(percentile(c, 95))} mean ${fmt(sum(c))}`,
  );
};
console.log(`\n${values.op}: ${run.length} calls, ms`);
line('api', api);
line('staged total', stage.total);
line('  parse', stage.parse);
line('  read', stage.read);
line('  audit', stage.audit);
line('raw', rawT);
line('plain', plainT);
if (bySql.size) {
  console.log('\napi path, per statement (ms per call, summed over the calls)');
  for (const [k, e] of [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(values.top)))
    console.log(`${(e.ms / run.length).toFixed(3).padStart(7)}  ×${(e.n / run.length).toFixed(1)}  ${k}`);
}

core.close();
plain.close();
recorder.close();

/** Wraps the statement prototype's run/get/all/iterate to sum each SQL text's time; returns the undo. */
function wrapStatements(
  sample: { constructor: { prototype: object } },
  into: Map<string, { ms: number; n: number }>,
) {
  const proto = Object.getPrototypeOf(sample) as Record<string, (...a: unknown[]) => unknown>;
  const saved: [string, (...a: unknown[]) => unknown][] = [];
  for (const m of ['run', 'get', 'all', 'iterate']) {
    const orig = proto[m];
    saved.push([m, orig]);
    proto[m] = function (this: { source: string }, ...a: unknown[]) {
      const t0 = performance.now();
      const out = orig.apply(this, a);
      const key = this.source.replace(/\s+/g, ' ').slice(0, 160);
      const e = into.get(key) ?? { ms: 0, n: 0 };
      e.ms += performance.now() - t0;
      e.n++;
      into.set(key, e);
      return out;
    };
  }
  return () => {
    for (const [m, f] of saved) proto[m] = f;
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}
/** One profile per api call (started and stopped around it): self time summed over them all. */
function printProfile(profiles: Profile[], top: number) {
  // Self time per function from the samples, and per area (zod, drizzle, the core, native calls).
  const byFn = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const self = new Map<number, number>();
    const deltas = profile.timeDeltas ?? [];
    for (const [i, id] of (profile.samples ?? []).entries())
      self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
    for (const node of profile.nodes) {
      const us = self.get(node.id) ?? 0;
      // The inspector's own message handling (starting and stopping the profile) is not the call's.
      if (!us || (!node.callFrame.url && node.callFrame.functionName === 'dispatch')) continue;
      total += us;
      const f = node.callFrame;
      const where = f.url.replace(/^file:\/\//, '').replace(process.cwd(), '.');
      const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
      byFn.set(key, (byFn.get(key) ?? 0) + us);
      const area = !f.url
        ? `native ${f.functionName || '(anonymous)'}`
        : /zod/.test(f.url)
          ? 'zod'
          : /drizzle-orm/.test(f.url)
            ? 'drizzle'
            : /node_modules/.test(f.url)
              ? 'other modules'
              : /^node:/.test(f.url)
                ? 'node'
                : where.replace(/:\d+$/, '');
      byArea.set(area, (byArea.get(area) ?? 0) + us);
    }
  }
  const show = (title: string, m: Map<string, number>) => {
    console.log(`\n${title} (self time, ${(total / 1000).toFixed(1)} ms sampled)`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(
        `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`,
      );
  };
  show('by area', byArea);
  show('by function', byFn);
}
