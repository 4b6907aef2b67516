// npm run planner-stats -- [--children N] [--data-dir DIR]
//
// Writes db/core/plannerStats.ts from the bench's dataset (the one `npm run bench` seeds and
// caches; run it first): ANALYZE over the whole file, then sqlite_stat1 as a sorted table.
// Run it again when a migration adds an index or the generator changes what it seeds, and read
// the diff: a changed figure can change a plan, and the plan tests say whether it did.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE } from '../fixtures/seeder';

/**
 * sqlite_stat1 gives, per index column, the average rows sharing a value. For `deleted_at` the
 * average is over a few hundred deletion times and NULL, so "deleted_at = ?" looks as narrow as
 * a day of registrations, while every query asks for `deleted_at IS NULL`: nearly every row.
 * Left as measured, the planner started a referral's or a plan's join from "every live child"
 * (children_created on deleted_at alone). Here a deleted_at column narrows nothing: its figure is
 * the one before it (the row count when it leads the index). A status column is skewed the other
 * way (below).
 */
function correctedFigures(raw: Database.Database, index: string, stat: string): string {
  const columns = (raw.prepare(`PRAGMA index_info("${index}")`).all() as { name: string | null }[]).map(
    (c) => c.name,
  );
  const parts = stat.split(' ');
  const figures = parts.slice(0, columns.length + 1).map(Number);
  if (figures.some((f) => !Number.isFinite(f))) return stat;
  // A leading column that is mostly NULL (a link to an order most suits do not have) counts its
  // NULLs as one big value, while `col = ?` never matches NULL: its figure is over the values.
  const table = (
    raw.prepare('SELECT tbl_name AS t FROM sqlite_master WHERE name = ?').get(index) as { t: string }
  ).t;
  const first = columns[0];
  if (first && first !== 'deleted_at') {
    const c = raw
      .prepare(
        `SELECT count(*) AS rows, count("${first}") AS n, count(DISTINCT "${first}") AS d FROM "${table}"`,
      )
      .get() as { rows: number; n: number; d: number };
    if (c.n < c.rows) figures[1] = Math.min(figures[1], Math.max(1, Math.round(c.n / Math.max(1, c.d))));
  }
  columns.forEach((name, i) => {
    if (name === 'deleted_at') figures[i + 1] = figures[i];
    // The statuses asked for are the open ones, which records leave quickly (in the bench's
    // data 201 of 16,299 referrals are still being received or verified), while the average
    // is dragged up by the closed ones: a status narrows to at most 1 % of the rows before it.
    // (Not a child's status: the one asked for, 在册, is most of them.)
    if (name === 'status' && table !== 'children')
      figures[i + 1] = Math.min(figures[i + 1], Math.max(1, Math.round(figures[i] / 100)));
  });
  // No skip-scan: every query here names the leading columns it means its index for, and with
  // few caseworkers a skip-scan over owner_id looked cheaper than the owner's own range plus
  // board order (then sorted a whole column to take a page of it).
  const rest = parts.slice(columns.length + 1).filter((p) => p !== 'noskipscan');
  return [...figures.map(String), ...rest, 'noskipscan'].join(' ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      children: { type: 'string', default: '100000' },
      'data-dir': { type: 'string' },
    },
  });
  const n = Number(values.children);
  const dir = path.resolve(values['data-dir'] ?? path.join('.data', `bench-${n}`));
  const dataDir = path.join(dir, 'data');
  const passphrase = process.env.SUNWARD_SEED_PASSPHRASE || DEFAULT_PASSPHRASE;
  const opened = await new Vault(dataDir).openDatabaseKey(ADMIN_USERNAME, passphrase);
  if (!opened) throw new Error(`the bench passphrase does not open ${dataDir}: run npm run bench first`);
  const raw = openEncrypted(path.join(dataDir, 'sunward.db'), opened.key, { create: false });
  try {
    const children = (raw.prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n;
    const t0 = performance.now();
    raw.exec('ANALYZE');
    const seconds = (performance.now() - t0) / 1000;
    const rows = (
      raw
        .prepare(
          `SELECT tbl, idx, stat FROM sqlite_stat1
           WHERE tbl NOT LIKE 'sqlite_%' AND tbl NOT LIKE '__drizzle%'
           ORDER BY tbl, idx IS NOT NULL, idx`,
        )
        .all() as { tbl: string; idx: string | null; stat: string }[]
    ).map(
      (r) =>
        `  [${JSON.stringify(r.tbl)}, ${JSON.stringify(r.idx)}, ${JSON.stringify(r.idx ? correctedFigures(raw, r.idx, r.stat) : r.stat)}],`,
    );
    const out = path.resolve('db/core/plannerStats.ts');
    writeFileSync(
      out,
      [
        '// Made by `npm run planner-stats` from the bench dataset: do not edit by hand.',
        `// ${children.toLocaleString('en')} children; ANALYZE took ${seconds.toFixed(1)} s. See db/core/planner.ts for why.`,
        "import type { StatRow } from './planner';",
        '',
        'export const PLANNER_STATS: readonly StatRow[] = [',
        ...rows,
        '];',
        '',
      ].join('\n'),
    );
    console.log(
      `${rows.length} rows from ${children} children written to ${out} (ANALYZE ${seconds.toFixed(1)} s)`,
    );
  } finally {
    raw.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
