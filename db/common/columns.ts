import { and, eq, getTableColumns, isNull, type SQL, sql, type Table } from 'drizzle-orm';
import { integer, type SQLiteColumn, text } from 'drizzle-orm/sqlite-core';

/**
 * Every record carries who and when, a version for optimistic concurrency, and a
 * soft-delete mark (a recycle bin can restore it). Instants are epoch milliseconds.
 */
export function recordColumns() {
  return {
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    version: integer('version').notNull().default(1),
    deletedAt: integer('deleted_at'),
  };
}

/**
 * Some of a table's columns by name, for a select of only what a page shows: a whole-row select
 * costs drizzle a column map per call, which the timeline pays on every file opened.
 */
export function pickColumns<T extends Table, K extends keyof T['_']['columns'] & string>(
  table: T,
  keys: readonly K[],
): Pick<T['_']['columns'], K> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, columns[key]])) as Pick<T['_']['columns'], K>;
}

/**
 * A child's live records of a table, the child bound at each run (`.all({ childId })`): the
 * condition of every timeline source built once with preparedQuery.
 */
export function liveOfChildBound(table: { childId: SQLiteColumn; deletedAt: SQLiteColumn }): SQL {
  return and(eq(table.childId, sql.placeholder('childId')), isNull(table.deletedAt)) as SQL;
}

/** `column` among the ids of a JSON array bound at each run as `name`: one statement for any count. */
export function inJsonArray(column: SQLiteColumn, name: string): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${sql.placeholder(name)}))`;
}
