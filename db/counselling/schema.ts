import { sql } from 'drizzle-orm';
import { index, integer, type SQLiteColumn, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { childRef } from '../children/schema';
import { recordColumns } from '../common/columns';

// 心理疏导: three record types, because the law separates them (精神卫生法 arts. 23, 29, 51).
// Their free text is the most restricted data in the app (see handlers.ts).

/** What each of the three starts with: a record of one child on one day. */
function childDayColumns() {
  return { id: text('id').primaryKey(), childId: childRef(), date: text('date').notNull() };
}

function crisisColumn() {
  return integer('crisis', { mode: 'boolean' }).notNull().default(false);
}

/** The reminders board's crisis rule starts from the few flagged records (db/reminders/rules.ts). */
function crisisIndex(name: string, t: { childId: SQLiteColumn; date: SQLiteColumn }) {
  return index(name).on(t.childId, t.date).where(sql`crisis = 1 AND deleted_at IS NULL`);
}

// 心理测评: never saved without the guardian's and the child's consent (预防未成年人犯罪法 art. 51).
export const psychAssessments = sqliteTable(
  'psych_assessments',
  {
    ...childDayColumns(),
    instrument: text('instrument').notNull(),
    score: text('score'),
    riskLevel: text('risk_level', { enum: ['high', 'medium', 'low', 'none'] }).notNull(),
    guardianConsent: integer('guardian_consent', { mode: 'boolean' }).notNull(),
    childConsent: integer('child_consent', { mode: 'boolean' }).notNull(),
    assessor: text('assessor').notNull(),
    notes: text('notes'),
    crisis: crisisColumn(),
    ...recordColumns(),
  },
  (t) => [
    index('psych_assessments_child').on(t.childId, t.date),
    index('psych_assessments_date').on(t.date, t.deletedAt, t.childId),
    crisisIndex('psych_assessments_crisis', t),
  ],
);

// 心理疏导 session
export const counsellingSessions = sqliteTable(
  'counselling_sessions',
  {
    ...childDayColumns(),
    institution: text('institution').notNull(),
    counsellor: text('counsellor').notNull(),
    minutes: integer('minutes').notNull(),
    /** Sealed under the counselling key (sealed.ts). */
    summary: text('summary').notNull(),
    /** 共享给承办人的摘要: the part the counsellor shares with the child's owner, under the database key only. */
    sharedNote: text('shared_note'),
    nextFollowUp: text('next_follow_up'),
    crisis: crisisColumn(),
    ...recordColumns(),
  },
  (t) => [
    index('counselling_sessions_child').on(t.childId, t.date),
    index('counselling_sessions_next').on(t.nextFollowUp),
    index('counselling_sessions_date').on(t.date, t.deletedAt, t.childId),
    crisisIndex('counselling_sessions_crisis', t),
  ],
);

// 转介就医: only a psychiatrist diagnoses; the studio refers and records the outcome.
export const treatmentReferrals = sqliteTable(
  'treatment_referrals',
  {
    ...childDayColumns(),
    institution: text('institution').notNull(),
    reason: text('reason').notNull(),
    outcome: text('outcome'),
    ...recordColumns(),
  },
  (t) => [index('treatment_referrals_child').on(t.childId, t.date)],
);
