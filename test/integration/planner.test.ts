// The fixed planner statistics (db/core/planner.ts): every database the core opens carries the
// committed sqlite_stat1 of the 100,000-children dataset, so a small database plans like a full one.
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlannerStats, wantedStats } from '../../db/core/planner';
import { PLANNER_STATS } from '../../db/core/plannerStats';
import { ADMIN, call, openCore, openRaw } from './support';

const opened: Database.Database[] = [];
afterEach(() => {
  for (const raw of opened.splice(0)) raw.close();
});

async function setUpFolder(): Promise<{ dataDir: string; raw: () => Promise<Database.Database> }> {
  const core = openCore();
  await call(core, 'session.setup', ADMIN);
  core.close();
  return {
    dataDir: core.dataDir,
    raw: async () => {
      const raw = await openRaw(core.dataDir);
      opened.push(raw);
      return raw;
    },
  };
}

const statsOf = (raw: Database.Database) =>
  (
    raw.prepare('SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx').all() as {
      tbl: string;
      idx: string | null;
      stat: string;
    }[]
  ).map((r) => [r.tbl, r.idx, r.stat]);

describe('planner statistics', () => {
  it('are written into a new database, exactly the committed rows', async () => {
    const folder = await setUpFolder();
    const raw = await folder.raw();
    const want = wantedStats(raw)
      .map((r) => [...r])
      .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));
    expect(want.length).toBeGreaterThan(40);
    expect(statsOf(raw)).toEqual(want);
    // Already there: opening again writes nothing.
    expect(applyPlannerStats(raw)).toBe(false);
  });

  it('are put back at the next open when someone ran ANALYZE on the small file', async () => {
    const folder = await setUpFolder();
    const raw = await folder.raw();
    raw.exec('ANALYZE');
    expect(statsOf(raw).length).toBeLessThan(wantedStats(raw).length);
    raw.close();
    opened.pop();
    const core = openCore(folder.dataDir);
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    core.close();
    const again = await folder.raw();
    expect(statsOf(again).length).toBe(wantedStats(again).length);
  });

  it('cover every index of every table the dataset fills', async () => {
    const folder = await setUpFolder();
    const raw = await folder.raw();
    const stated = new Set(PLANNER_STATS.map(([, idx]) => idx));
    const statedTables = new Set(PLANNER_STATS.map(([tbl]) => tbl));
    const indexes = raw
      .prepare(
        `SELECT name, tbl_name AS tbl FROM sqlite_master
         WHERE type = 'index' AND tbl_name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE '__drizzle%'`,
      )
      .all() as { name: string; tbl: string }[];
    // A table the dataset fills has a row for each of its indexes: an index added by a later
    // migration without `npm run planner-stats` would be planned by guesswork.
    const missing = indexes.filter((i) => statedTables.has(i.tbl) && !stated.has(i.name)).map((i) => i.name);
    expect(missing).toEqual([]);
    // And the tables that grow with the children are all stated.
    for (const table of [
      'children',
      'child_relations',
      'persons',
      'custody_records',
      'referrals',
      'audit_log',
    ])
      expect(statedTables.has(table), table).toBe(true);
  });

  it('make a referral join start from its few rows, not from every child', async () => {
    const folder = await setUpFolder();
    const raw = await folder.raw();
    const plan = (
      raw
        .prepare(
          `EXPLAIN QUERY PLAN SELECT c.id, c.name, c.id_number FROM referral_children rc
           JOIN children c ON c.id = rc.child_id WHERE rc.referral_id = ? AND c.deleted_at IS NULL`,
        )
        .all('x') as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan[0]).toMatch(/^SEARCH rc USING COVERING INDEX referral_children_pk \(referral_id=\?\)/);
    expect(plan[1]).toMatch(/^SEARCH c USING .*\(id=\?/);
  });
});
