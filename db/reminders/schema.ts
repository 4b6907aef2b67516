import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Reminders themselves are derived from the records every time; only a user's decision to put
 * one off is stored: which reminder (its stable key), on whose board, until when, and why. A
 * snooze is per user (issue 11, item 6): it hides the reminder from that user's board only, so
 * no one can hide a reminder from its owner; a supervisor may snooze for a caseworker (audited).
 */
export const reminderSnoozes = sqliteTable(
  'reminder_snoozes',
  {
    key: text('key').notNull(),
    /** Whose board it is put off on. */
    userId: text('user_id').notNull(),
    until: text('until').notNull(),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Who put it off: the user, or a supervisor for them. */
    createdBy: text('created_by'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('reminder_snoozes_until').on(t.until)],
);
