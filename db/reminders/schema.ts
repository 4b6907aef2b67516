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
    /** PRIORITY of the kind (rules.ts): the board's order is priority, date, name, read off the indexes below. */
    priority: integer('priority').notNull().default(9),
    /** The child's name in pinyin (children.name_pinyin), the board's order among equal dates. */
    sortName: text('sort_name').notNull().default(''),
  },
  (t) => [
    index('reminder_due_child').on(t.childId),
    // A column of the board is a range of dates, read a page at a time in board order and
    // counted up to a cap (handlers.ts): due now by priority first, what lies ahead by date first.
    index('reminder_due_owner_priority').on(t.ownerId, t.priority, t.due, t.sortName, t.key),
    index('reminder_due_owner_date').on(t.ownerId, t.due, t.priority, t.sortName, t.key),
    index('reminder_due_priority').on(t.priority, t.due, t.sortName, t.key),
    index('reminder_due_date').on(t.due, t.priority, t.sortName, t.key),
    // What a user put off, found by its key to count it out of its column.
    index('reminder_due_key').on(t.key),
  ],
);

/** Children whose stored reminders a write (seen by triggers, due.ts) has made stale. */
export const reminderDirty = sqliteTable('reminder_dirty', {
  childId: text('child_id').primaryKey(),
});
