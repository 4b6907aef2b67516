import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Per-year counters for document and referral numbers. A number, once handed out, is never
 * handed out again, even if its record is withdrawn or deleted.
 */
export const numberSequences = sqliteTable(
  'number_sequences',
  {
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.year] })],
);
