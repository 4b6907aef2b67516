import { integer, text } from 'drizzle-orm/sqlite-core';

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
