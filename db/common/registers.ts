// What the registers (relief, suits, mandatory reports, outreach) share: the status tabs of the
// list page, the plain rows of the Excel export, and the figures 统计台账 plugs in. One shape
// here, so a fix to how a register counts or filters reaches all of them.
import { count, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Ctx, ReadCtx } from '../api/define';
import { type MessageKey, t } from '../i18n';

/**
 * Where a register's tab stops counting: past it the tab says 超过 N, as broad search does, so a
 * count costs at most this many index entries however large the register grows.
 */
export const REGISTER_COUNT_CAP = 500;

type StatusTable = SQLiteTable & { status: SQLiteColumn; deletedAt: SQLiteColumn };

/**
 * How many records each status has, for the list's tabs: over the whole register (not the
 * page's filter) unless the area narrows it, the recycle bin never counted.
 */
export function statusCounts(
  ctx: ReadCtx,
  table: StatusTable,
  where: SQL | undefined = isNull(table.deletedAt),
): Record<string, number> {
  const rows = ctx.db
    .select({ status: table.status, n: count() })
    .from(table as SQLiteTable)
    .where(where)
    .groupBy(table.status)
    .all();
  return Object.fromEntries(rows.map((c) => [c.status, c.n]));
}

/** A list's status filter: `open` is the area's open statuses, `all` no condition, else the one status. */
export function statusFilter(column: SQLiteColumn, status: string, open: readonly string[]): SQL | undefined {
  if (status === 'open') return inArray(column, [...open]);
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
