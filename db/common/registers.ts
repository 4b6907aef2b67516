// What the registers (orders, relief, suits, mandatory reports, outreach) share: the status tabs of the
// list page, the plain rows of the Excel export, and the figures 统计台账 plugs in. One shape
// here, so a fix to how a register counts or filters reaches all of them.
import { eq, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Ctx, ReadRaw } from '../api/define';
import { cached } from '../core/statements';
import { type MessageKey, t } from '../i18n';

/**
 * Where a register's tab stops counting: past it the tab says 超过 N, as broad search does, so a
 * count costs at most this many index entries however large the register grows.
 */
export const REGISTER_COUNT_CAP = 500;

/** Each tab's count, exact up to REGISTER_COUNT_CAP; `capped` where counting stopped there. */
export interface TabCounts {
  counts: Record<string, number>;
  capped: Record<string, boolean>;
}

/** How a register's rows are counted: its table, the index whose (deleted_at, status, …) ranges are walked. */
export interface CountedTable {
  table: string;
  index: string;
}

/**
 * How many live records each status has, each counted off one range of the register's status
 * index and stopped at the cap and one: a count costs at most that many index entries. `where`
 * (SQL over the table's columns, its values in `params`) narrows every range, e.g. to a filter.
 */
export function statusTally(
  raw: ReadRaw,
  on: CountedTable,
  statuses: readonly string[],
  where = '',
  params: Record<string, unknown> = {},
): Map<string, number> {
  // One statement for every status (a statement's run cost more than a range of a few hundred
  // entries): each status's count a correlated range of the index, stopped at the cap.
  const statement = cached(
    raw,
    `SELECT s.value AS status, (SELECT count(*) FROM (SELECT 1 FROM ${on.table} INDEXED BY ${on.index}
       WHERE ${on.table}.deleted_at IS NULL AND ${on.table}.status = s.value${where ? ` AND ${where}` : ''}
       LIMIT @cap)) AS n
     FROM json_each(@statuses) s`,
  );
  const rows = statement.all({
    ...params,
    statuses: JSON.stringify(statuses),
    cap: REGISTER_COUNT_CAP + 1,
  }) as {
    status: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.status, r.n]));
}

/**
 * A view's count from a tally: a status's own, the open ones together, or all. Each status is
 * counted to the cap and one, so a sum of them is past the cap exactly when the true sum is.
 */
export function viewCount(
  tally: ReadonlyMap<string, number>,
  view: string,
  open: readonly string[],
): { total: number; totalCapped: boolean } {
  const statuses = view === 'all' ? [...tally.keys()] : view === 'open' ? open : [view];
  const n = statuses.reduce((sum, s) => sum + (tally.get(s) ?? 0), 0);
  return { total: Math.min(n, REGISTER_COUNT_CAP), totalCapped: n > REGISTER_COUNT_CAP };
}

/** Every tab's count from a tally of every status: each status, then `open` (where the area has it) and `all`. */
export function tabCounts(tally: ReadonlyMap<string, number>, open: readonly string[]): TabCounts {
  const out: TabCounts = { counts: {}, capped: {} };
  for (const view of [...tally.keys(), ...(open.length ? ['open'] : []), 'all']) {
    const { total, totalCapped } = viewCount(tally, view, open);
    out.counts[view] = total;
    out.capped[view] = totalCapped;
  }
  return out;
}

/**
 * A register's tabs and the view's total: the tabs over the whole register (`tabWhere` narrows
 * them, as outreach's filters do), the total under the view's filters (`filterWhere`). Without
 * filters the total is the view's tab, counted once.
 */
export function registerCounts(
  raw: ReadRaw,
  on: CountedTable,
  spec: {
    statuses: readonly string[];
    open: readonly string[];
    view: string;
    tabWhere?: string;
    filterWhere?: string;
    params?: Record<string, unknown>;
  },
): TabCounts & { total: number; totalCapped: boolean } {
  const tally = statusTally(raw, on, spec.statuses, spec.tabWhere, spec.params);
  const tabs = tabCounts(tally, spec.open);
  if (!spec.filterWhere || spec.filterWhere === spec.tabWhere)
    return { ...tabs, total: tabs.counts[spec.view] ?? 0, totalCapped: tabs.capped[spec.view] ?? false };
  const inView = spec.view === 'all' ? spec.statuses : spec.view === 'open' ? spec.open : [spec.view];
  const filtered = statusTally(raw, on, inView, spec.filterWhere, spec.params);
  return { ...tabs, ...viewCount(filtered, spec.view, spec.open) };
}

/**
 * A list's status filter: `open` is the area's open statuses, `all` no condition, else the one
 * status. The open ones are tested row by row (`+status`), so their page is walked in the list's
 * order off the register's (deleted_at, order) index rather than several status ranges merged
 * and sorted.
 */
export function statusFilter(column: SQLiteColumn, status: string, open: readonly string[]): SQL | undefined {
  if (status === 'open')
    return sql`+${column} IN (${sql.join(
      open.map((s) => sql`${s}`),
      sql`, `,
    )})`;
  return status === 'all' ? undefined : eq(column, status);
}

/** Plain rows with Chinese column headers, for the generic Excel export (db/exports). */
export interface ExportTable {
  sheetName: string;
  columns: { key: string; header: string }[];
  rows: Record<string, string | number | null>[];
}

/** A figure for 统计台账: one count with its unit and written definition (db/stats plugs these in). */
export interface AreaFigure {
  key: string;
  label: string;
  unit: '件' | '次' | '人次' | '人' | '份' | '元';
  /** The column whose date puts a record in the period. */
  dateColumn: string;
  description: string;
  /** from/to: YYYY-MM-DD, inclusive. For 元, the sum in 元 (computed in integer 分, divided once). */
  count(ctx: Ctx, from: string, to: string): number;
}

/** A figure's catalog entry, `<area>.figures.<name>`, that has its label (and description). */
type FigureEntry =
  Extract<MessageKey, `${string}.figures.${string}.label`> extends `${infer E}.label` ? E : never;

/** The figure `<area>.<name>`, worded by its catalog entry `<area>.figures.<name>`. */
export function areaFigure(
  entry: FigureEntry,
  unit: AreaFigure['unit'],
  dateColumn: string,
  countIt: AreaFigure['count'],
): AreaFigure {
  return {
    key: entry.replace('.figures.', '.'),
    label: t(`${entry}.label`),
    unit,
    dateColumn,
    description: t(`${entry}.description` as MessageKey),
    count: countIt,
  };
}

/** What a dated figure counts of each row: `count(*)` unless it says; an amount in 分 is divided once. */
export interface FigureMeasure {
  /** A further condition on the rows, SQL. */
  where?: string;
  /** The SQL aggregate, `count(*)` by default. */
  measure?: string;
  /** 100 for a sum in 分 shown in 元: the sum stays exact in integers until this one division. */
  divisor?: number;
}

/**
 * A figure counted by one SQL query over the live rows of the table whose `dateColumn`
 * (`table.column`) falls inside [@from, @to].
 */
export function datedFigure(
  entry: FigureEntry,
  unit: AreaFigure['unit'],
  dateColumn: string,
  m: FigureMeasure = {},
): AreaFigure {
  const [table, column] = dateColumn.split('.');
  const where = m.where ? ` AND ${m.where}` : '';
  const query = `SELECT ${m.measure ?? 'count(*)'} AS n FROM ${table}
    WHERE deleted_at IS NULL${where} AND ${column} BETWEEN @from AND @to`;
  const divisor = m.divisor ?? 1;
  return areaFigure(entry, unit, dateColumn, (ctx, from, to) => {
    return (ctx.raw.prepare(query).get({ from, to }) as { n: number }).n / divisor;
  });
}
