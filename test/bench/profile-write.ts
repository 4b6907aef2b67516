// npx tsx test/bench/profile-write.ts [--file .data/bench-100000/plain.db] [--count 30]
// What one write costs, statement by statement: children.create on a copy of the bench file,
// each call rolled back, every statement's time summed by its SQL.
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { contract } from '../../db/api/contract';
import { makeContext } from '../../db/api/core';
import type { SessionUser } from '../../db/api/define';
import { openEncrypted, openPlain } from '../../db/core/open';
import { DEFAULT_SOURCE_DEPARTMENTS } from '../../db/referrals/codes';
import { refreshDue } from '../../db/reminders/due';
import { DEFAULT_PASSPHRASE, DEFAULT_SEED } from '../fixtures/seeder';
import { prepareDataset } from './dataset';
import { createInputs, updateInputs } from './workload';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: '.data/bench-100000/plain.db' },
    count: { type: 'string', default: '30' },
    /** Leave prepare alone (a wrapped prepare also turns off the rules' statement cache). */
    'no-statements': { type: 'boolean', default: false },
    /** Commit each write (into the file given) and time the commit, instead of rolling back. */
    commit: { type: 'boolean', default: false },
    /** The bench's encrypted file (its data folder under .data/bench-100000) instead of --file. */
    encrypted: { type: 'boolean', default: false },
    /** Which write: children.create (default) or children.update. */
    method: { type: 'string', default: 'children.create' },
  },
});
let raw: Database.Database;
if (values.encrypted) {
  const ds = await prepareDataset({
    dir: path.resolve('.data/bench-100000'),
    children: 100000,
    seed: DEFAULT_SEED,
    passphrase: DEFAULT_PASSPHRASE,
    fresh: false,
    log: () => {},
  });
  raw = openEncrypted(ds.dbFile, ds.key, { create: false });
  values.file = ds.dbFile;
} else raw = openPlain(values.file as string);
const totals = new Map<string, { ms: number; n: number }>();
const origPrepare = raw.prepare.bind(raw);
if (!values['no-statements'])
  (raw as unknown as { prepare: unknown }).prepare = (sql: string) => {
    const stmt = origPrepare(sql);
    for (const m of ['run', 'get', 'all', 'iterate'] as const) {
      const f = (stmt as unknown as Record<string, (...a: unknown[]) => unknown>)[m].bind(stmt);
      (stmt as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        const t0 = performance.now();
        const out = f(...a);
        const key = sql.replace(/\s+/g, ' ').slice(0, 150);
        const e = totals.get(key) ?? { ms: 0, n: 0 };
        e.ms += performance.now() - t0;
        e.n++;
        totals.set(key, e);
        return out;
      };
    }
    return stmt;
  };
const admin = raw
  .prepare(
    `SELECT id, username, display_name AS displayName, role FROM accounts WHERE role = 'admin' LIMIT 1`,
  )
  .get() as SessionUser;
const ctx = makeContext(raw, admin);
const def = (
  contract as unknown as Record<
    string,
    { input: { parse(x: unknown): unknown }; handler: (c: unknown, i: unknown) => unknown }
  >
)[values.method as string];
const count = Number(values.count) + 5;
const inputs =
  values.method === 'children.update'
    ? updateInputs(
        ctx,
        raw
          .prepare('SELECT id FROM children WHERE deleted_at IS NULL ORDER BY random() LIMIT ?')
          .pluck()
          .all(count) as string[],
      )
    : values.method === 'referrals.create'
      ? (
          raw
            .prepare('SELECT id FROM children WHERE deleted_at IS NULL ORDER BY random() LIMIT ?')
            .pluck()
            .all(count) as string[]
        ).map((childId, i) => ({
          sourceDepartment: DEFAULT_SOURCE_DEPARTMENTS[i % DEFAULT_SOURCE_DEPARTMENTS.length],
          receivedDate: new Date().toISOString().slice(0, 10),
          summary: '合成的移送材料',
          children: [{ childId }],
        }))
      : createInputs([raw], 7, Date.now(), count);
const phases = { handler: 0, refresh: 0, commit: 0 };
const commits: number[] = [];
const walFrames: number[] = [];
for (const [i, input] of inputs.entries()) {
  if (i === 5) {
    totals.clear();
    phases.handler = 0;
    phases.refresh = 0;
    phases.commit = 0;
    commits.length = 0;
  }
  raw.exec('BEGIN IMMEDIATE');
  const t0 = performance.now();
  def.handler(ctx, def.input.parse(input));
  const t1 = performance.now();
  refreshDue(raw, Date.now());
  phases.handler += t1 - t0;
  phases.refresh += performance.now() - t1;
  const t2 = performance.now();
  if (values.commit) {
    const before = walSize();
    raw.exec('COMMIT');
    walFrames.push((walSize() - before) / 4120);
  } else raw.exec('ROLLBACK');
  const c = performance.now() - t2;
  phases.commit += c;
  if (i >= 5) commits.push(c);
}
function walSize(): number {
  try {
    return statSync(`${values.file}-wal`).size;
  } catch {
    return 0;
  }
}
commits.sort((a, b) => a - b);
console.log(
  `commit: mean ${(phases.commit / Number(values.count)).toFixed(2)} ms, p50 ${commits[Math.floor(commits.length / 2)]?.toFixed(2)}, p95 ${commits[Math.floor(commits.length * 0.95)]?.toFixed(2)}; WAL growth per commit (frames) ${walFrames.slice(5).join(' ')}`,
);
const n = Number(values.count);
console.log(
  `per write: handler ${(phases.handler / n).toFixed(2)} ms, reminders refresh ${(phases.refresh / n).toFixed(2)} ms`,
);
for (const [sql, e] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
  console.log(`${(e.ms / n).toFixed(3)} ms  x${(e.n / n).toFixed(1)}  ${sql}`);
