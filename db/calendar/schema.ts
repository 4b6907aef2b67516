import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from '../accounts/schema';
import { recordColumns } from '../common/columns';
import { referralActions, referrals } from '../referrals/schema';
import type { Festival } from './notice';

/**
 * A year's 节假日安排 entered by an administrator. It overrides holidays.json for that year; the
 * shipped file stays the default for the years it covers and no row names.
 */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  /** As confirmed: each festival's name, ranges and 调休 days (JSON). */
  festivals: text('festivals', { mode: 'json' }).$type<Festival[]>().notNull(),
  /** The days off and the weekends worked, flattened from `festivals` (JSON arrays of YYYY-MM-DD). */
  holidays: text('holidays', { mode: 'json' }).$type<string[]>().notNull(),
  workdays: text('workdays', { mode: 'json' }).$type<string[]>().notNull(),
  source: text('source', { enum: ['notice', 'manual'] }).notNull(),
  /** The notice text pasted, kept so a later reader can see what the dates were read from. */
  noticeText: text('notice_text'),
  ...recordColumns(),
});

/**
 * A stored deadline that a calendar change moved, so the referral page can say so. Only derived
 * deadlines move (核查期限 always, 回复期限 when it was left to the default); a date typed by hand stays.
 */
export const deadlineMoves = sqliteTable(
  'deadline_moves',
  {
    id: text('id').primaryKey(),
    referralId: text('referral_id')
      .notNull()
      .references(() => referrals.id),
    /** Set for a 回复期限; null for the referral's 核查期限. */
    actionId: text('action_id').references(() => referralActions.id),
    field: text('field', { enum: ['verifyDue', 'replyDue'] }).notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** The calendar year whose change moved it. */
    year: integer('year').notNull(),
    at: integer('at').notNull(),
    by: text('by').references(() => accounts.id),
  },
  (t) => [index('deadline_moves_referral').on(t.referralId, t.at)],
);
