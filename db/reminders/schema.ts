import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Reminders themselves are derived from the records every time; only a caseworker's decision
 * to put one off is stored: which reminder (its stable key), until when, and why.
 */
export const reminderSnoozes = sqliteTable(
  'reminder_snoozes',
  {
    key: text('key').primaryKey(),
    until: text('until').notNull(),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [index('reminder_snoozes_until').on(t.until)],
);
