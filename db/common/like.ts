import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * The one way to build a LIKE pattern from what a user typed: `%`, `_` and the escape
 * character itself match only themselves, so "%" finds a name containing "%", not everyone.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column LIKE 'text%'`, with `text` escaped. */
export function startsWith(column: SQLiteColumn | SQL, text: string): SQL {
  return sql`${column} LIKE ${`${escapeLike(text)}%`} ESCAPE '\\'`;
}

/** `column LIKE '%text%'`, with `text` escaped. */
export function contains(column: SQLiteColumn | SQL, text: string): SQL {
  return sql`${column} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
}
