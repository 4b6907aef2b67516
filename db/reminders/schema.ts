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

/**
 * The reminders the rules (rules.ts, part `stored`) give for each child, kept current in the
 * transaction of every write (due.ts): the board reads them by owner instead of running every
 * rule over every record. Each item shows on the days from `showsFrom` to `showsUntil`, compared
 * with the clock at read time, so the day rolling over moves items with no write.
 */
export const reminderDue = sqliteTable(
  'reminder_due',
  {
    childId: text('child_id').notNull(),
    ownerId: text('owner_id'),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    /** '' for an item due the day it is read (事实无人抚养). */
    due: text('due').notNull(),
    showsFrom: text('shows_from').notNull(),
    showsUntil: text('shows_until').notNull(),
    childName: text('child_name').notNull(),
    /** JSON: the title's facts. */
    facts: text('facts').notNull(),
    link: text('link').notNull(),
  },
  (t) => [index('reminder_due_child').on(t.childId), index('reminder_due_owner').on(t.ownerId, t.showsFrom)],
);

/** Children whose stored reminders a write (seen by triggers, due.ts) has made stale. */
export const reminderDirty = sqliteTable('reminder_dirty', {
  childId: text('child_id').primaryKey(),
});
