import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from '../accounts/schema';
import { childRef, persons } from '../children/schema';
import { recordColumns } from '../common/columns';
import type { Carrier, ReferralStatus } from './codes';

// 线索移交: a lead from the criminal department that a suspect has minor children.
export const referrals = sqliteTable(
  'referrals',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    sourceDepartment: text('source_department').notNull(),
    sourceCaseNumber: text('source_case_number'),
    /** YYYY-MM-DD */
    receivedDate: text('received_date').notNull(),
    receivedBy: text('received_by').references(() => accounts.id),
    summary: text('summary'),
    urgency: text('urgency', { enum: ['normal', 'urgent'] })
      .notNull()
      .default('normal'),
    status: text('status').$type<ReferralStatus>().notNull().default('received'),
    /** 核查期限: receivedDate plus the configured working days. */
    verifyDue: text('verify_due').notNull(),
    closedAt: integer('closed_at'),
    /**
     * The earliest deadline the referral still owes (its 核查期限 while received or verifying, an
     * open action's reply due while not closed), NULL when it owes none: overdue is `due < today`,
     * so the day rolling over needs no write. Kept by triggers (migration 0022) on every write to
     * the referral's status or 核查期限 and to its actions, whatever makes the write.
     */
    due: text('due'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('referrals_number').on(t.year, t.seq),
    // The inbox in its order (overdue first, then urgent, then newest), a page walked off one
    // index: the overdue part and the rest each read in urgency, date, number order, with the
    // status and due date in the index so the walk and an OFFSET never read a row.
    index('referrals_inbox').on(t.deletedAt, t.urgency, t.receivedDate, t.seq, t.status, t.due),
    index('referrals_inbox_status').on(t.deletedAt, t.status, t.urgency, t.receivedDate, t.seq, t.due),
    index('referrals_status').on(t.deletedAt, t.status, t.receivedDate),
    // The inbox's overdue counts, each status's overdue ones one range stopped at the cap. Partial,
    // so that only a query on the due date can take it (a walk by status keeps its own index).
    index('referrals_overdue')
      .on(t.status, t.due, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL AND ${t.due} IS NOT NULL`),
    index('referrals_received').on(t.deletedAt, t.receivedDate),
    index('referrals_department').on(t.sourceDepartment, t.receivedDate),
    // 统计台账: referrals received in a period by who received them, and an action's referral.
    index('referrals_stats').on(t.receivedDate, t.deletedAt, t.receivedBy),
    index('referrals_group').on(t.id, t.deletedAt, t.receivedBy),
  ],
);

export const referralChildren = sqliteTable(
  'referral_children',
  {
    referralId: text('referral_id')
      .notNull()
      .references(() => referrals.id),
    childId: childRef(),
  },
  (t) => [
    uniqueIndex('referral_children_pk').on(t.referralId, t.childId),
    index('referral_children_child').on(t.childId),
  ],
);

export const referralPersons = sqliteTable(
  'referral_persons',
  {
    referralId: text('referral_id')
      .notNull()
      .references(() => referrals.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
  },
  (t) => [
    uniqueIndex('referral_persons_pk').on(t.referralId, t.personId),
    index('referral_persons_person').on(t.personId),
  ],
);

// 分流处置: one action per agency.
export const referralActions = sqliteTable(
  'referral_actions',
  {
    id: text('id').primaryKey(),
    referralId: text('referral_id')
      .notNull()
      .references(() => referrals.id),
    agency: text('agency').notNull(),
    carrier: text('carrier').$type<Carrier>().notNull(),
    sentDate: text('sent_date').notNull(),
    replyDue: text('reply_due').notNull(),
    replyDate: text('reply_date'),
    result: text('result'),
    followUpNote: text('follow_up_note'),
    withdrawnAt: integer('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    ...recordColumns(),
  },
  (t) => [
    index('referral_actions_referral').on(t.referralId),
    index('referral_actions_open_due').on(t.replyDate, t.withdrawnAt, t.replyDue),
    index('referral_actions_agency').on(t.agency),
    index('referral_actions_sent').on(t.sentDate, t.deletedAt, t.withdrawnAt, t.referralId, t.agency),
  ],
);
