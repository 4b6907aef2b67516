// Fixed statistics for SQLite's query planner.
//
// Without statistics (nothing here runs ANALYZE on a user's file) the planner guesses, and at
// 100,000 children it guessed badly: a referral's two-row child join walked every child by
// `deleted_at IS NULL` (95 ms per referral created, 2.4 ms with statistics). Running ANALYZE on
// the studio's own file would make plans depend on how big that file happens to be, so a plan
// tested on a small database would not be the plan a full one runs. Instead the statistics of
// the bench's 100,000-children dataset are committed (db/core/plannerStats.ts, made by
// `npm run planner-stats`) and written into every database at open: every database, of any size,
// plans like the full one, and the plan assertions in the tests hold at 100,000 children.
// (SQLite's documentation offers exactly this: "the sqlite_stat tables may be written by the
// application to fix the plans", https://sqlite.org/optoverview.html#manctrl.)

import type Database from 'better-sqlite3';
import { PLANNER_STATS } from './plannerStats';

export type StatRow = readonly [tbl: string, idx: string | null, stat: string];

function current(raw: Database.Database): StatRow[] {
  const exists = raw
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'`)
    .get();
  if (!exists) return [];
  return (
    raw.prepare('SELECT tbl, idx, stat FROM sqlite_stat1').all() as {
      tbl: string;
      idx: string | null;
      stat: string;
    }[]
  ).map((r) => [r.tbl, r.idx, r.stat] as const);
}

const key = ([tbl, idx, stat]: StatRow) => `${tbl}\u0000${idx ?? ''}\u0000${stat}`;

/**
 * The committed rows for the tables and indexes this database has (a row for an index a later
 * migration dropped would only confuse the planner).
 */
export function wantedStats(raw: Database.Database, rows: readonly StatRow[] = PLANNER_STATS): StatRow[] {
  const names = new Set(
    (
      raw.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'index')`).all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
  return rows.filter(([tbl, idx]) => names.has(tbl) && (idx === null || names.has(idx)));
}

/**
 * Makes sqlite_stat1 hold exactly the committed statistics and has the planner reload them.
 * Cheap when they are already there (one read of a few hundred rows), so it runs at every open.
 * Returns whether anything was written.
 */
export function applyPlannerStats(raw: Database.Database, rows: readonly StatRow[] = PLANNER_STATS): boolean {
  const want = wantedStats(raw, rows);
  const have = new Set(current(raw).map(key));
  const same = have.size === want.length && want.every((r) => have.has(key(r)));
  if (same) return false;
  // `ANALYZE sqlite_schema` creates sqlite_stat1 when missing and analyses nothing of ours;
  // run after the rows are written it makes this connection's planner read them again.
  raw.exec('ANALYZE sqlite_schema');
  raw.transaction(() => {
    raw.prepare('DELETE FROM sqlite_stat1').run();
    const insert = raw.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
    for (const [tbl, idx, stat] of want) insert.run(tbl, idx, stat);
  })();
  raw.exec('ANALYZE sqlite_schema');
  // The reload above may have added a row for sqlite_schema itself; keep exactly the set.
  raw.prepare(`DELETE FROM sqlite_stat1 WHERE tbl = 'sqlite_schema' OR tbl = 'sqlite_master'`).run();
  return true;
}
