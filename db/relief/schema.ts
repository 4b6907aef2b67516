import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from '../accounts/schema';
import { childRef } from '../children/schema';
import { recordColumns } from '../common/columns';
import type { ReliefMaterial, ReliefStatus } from './codes';

// 国家司法救助. Every amount is integer 分 (see rules.ts); shown and summed as 元.
export const judicialRelief = sqliteTable(
  'judicial_relief',
  {
    id: text('id').primaryKey(),
    childId: childRef(),
    applicantName: text('applicant_name').notNull(),
    applicantRelation: text('applicant_relation').notNull(),
    applicantPhone: text('applicant_phone'),
    applicationDate: text('application_date').notNull(),
    caseNumber: text('case_number'),
    reasons: text('reasons').notNull(),
    materials: text('materials', { mode: 'json' }).$type<ReliefMaterial[]>().notNull(),
    requestedFen: integer('requested_fen'),
    status: text('status').$type<ReliefStatus>().notNull().default('applied'),
    reviewNote: text('review_note'),
    reviewStartedAt: integer('review_started_at'),
    decisionDate: text('decision_date'),
    amountFen: integer('amount_fen'),
    decisionReason: text('decision_reason'),
    /** The ceiling in force when decided, kept with the decision it warned about. */
    ceilingFen: integer('ceiling_fen'),
    overCeiling: integer('over_ceiling', { mode: 'boolean' }),
    decidedBy: text('decided_by').references(() => accounts.id),
    decidedAt: integer('decided_at'),
    paidDate: text('paid_date'),
    /** When the payment was recorded: orders the timeline within a day. */
    paidAt: integer('paid_at'),
    /** 监管账户: holder(s), bank, account (the last digits only are kept). */
    accountHolders: text('account_holders'),
    bank: text('bank'),
    accountTail: text('account_tail'),
    accountSupervisor: text('account_supervisor'),
    returnVisitDate: text('return_visit_date'),
    returnVisitMethod: text('return_visit_method', { enum: ['home', 'phone', 'office'] }),
    returnVisitFindings: text('return_visit_findings'),
    closedAt: integer('closed_at'),
    withdrawnAt: integer('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    ...recordColumns(),
  },
  (t) => [
    index('relief_child').on(t.childId),
    // A status's page in the list's order, and each tab's count, a year's and the amounts' sum
    // read off its entries alone (db/relief/model.ts listRelief).
    index('relief_list').on(t.deletedAt, t.status, t.updatedAt, t.applicationDate, t.amountFen),
    // The open ones' page and all of them, walked in the list's order; the status and year are
    // checked on the entry, so only a row that is shown is read.
    index('relief_updated').on(t.deletedAt, t.updatedAt, t.status, t.applicationDate),
    index('relief_decision_date').on(t.deletedAt, t.decisionDate),
    index('relief_paid_date').on(t.deletedAt, t.paidDate),
    index('relief_application_date').on(t.deletedAt, t.applicationDate),
  ],
);
