// npx tsx test/bench/profile-write.ts [--file .data/bench-100000/plain.db] [--count 30]
// What one write costs, statement by statement: children.create on a copy of the bench file,
// each call rolled back, every statement's time summed by its SQL.
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { contract } from '../../db/api/contract';
import { makeContext } from '../../db/api/core';
import type { SessionUser } from '../../db/api/define';
import { refreshDue } from '../../db/reminders/due';
import { createInputs } from './workload';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: '.data/bench-100000/plain.db' },
    count: { type: 'string', default: '30' },
  },
});
const raw = new Database(values.file as string);
raw.pragma('cache_size = -131072');
const totals = new Map<string, { ms: number; n: number }>();
const origPrepare = raw.prepare.bind(raw);
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
)['children.create'];
const inputs = createInputs([raw], 7, Date.now(), Number(values.count) + 5);
const phases = { handler: 0, refresh: 0 };
for (const [i, input] of inputs.entries()) {
  if (i === 5) {
    totals.clear();
    phases.handler = 0;
    phases.refresh = 0;
  }
  raw.exec('BEGIN IMMEDIATE');
  const t0 = performance.now();
  def.handler(ctx, def.input.parse(input));
  const t1 = performance.now();
  refreshDue(raw, Date.now());
  phases.handler += t1 - t0;
  phases.refresh += performance.now() - t1;
  raw.exec('ROLLBACK');
}
const n = Number(values.count);
console.log(
  `per write: handler ${(phases.handler / n).toFixed(2)} ms, reminders refresh ${(phases.refresh / n).toFixed(2)} ms`,
);
for (const [sql, e] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
  console.log(`${(e.ms / n).toFixed(3)} ms  x${(e.n / n).toFixed(1)}  ${sql}`);
