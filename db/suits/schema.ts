import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from '../accounts/schema';
import { childRef } from '../children/schema';
import { recordColumns } from '../common/columns';
import { guidancePlans } from '../education/schema';
import { guardianshipOrders } from '../orders/schema';
import type { SuitDecision, SuitGround, SuitStatus } from './codes';

// 支持起诉: the suit, the guardians it concerns (person ids), and the order or plan behind it.
export const suitSupports = sqliteTable(
  'suit_supports',
  {
    id: text('id').primaryKey(),
    childId: childRef(),
    orderId: text('order_id').references(() => guardianshipOrders.id),
    planId: text('plan_id').references(() => guidancePlans.id),
    kind: text('kind', { enum: ['revoke', 'change'] }).notNull(),
    grounds: text('grounds', { mode: 'json' }).$type<SuitGround[]>().notNull(),
    groundsText: text('grounds_text'),
    /** The guardian(s) whose guardianship is at issue: persons linked to the child. */
    respondentIds: text('respondent_ids', { mode: 'json' }).$type<string[]>().notNull(),
    applicantKind: text('applicant_kind').notNull(),
    applicantName: text('applicant_name'),
    applicantContact: text('applicant_contact'),
    documents: text('documents', { mode: 'json' }).$type<string[]>().notNull(),
    facts: text('facts').notNull(),
    opinion: text('opinion'),
    status: text('status').$type<SuitStatus>().notNull().default('draft'),
    year: integer('year'),
    seq: integer('seq'),
    prefix: text('prefix'),
    issueDate: text('issue_date'),
    issuedBy: text('issued_by').references(() => accounts.id),
    /** When issue and filing were recorded: order the timeline within a day. */
    issuedAt: integer('issued_at'),
    filedAt: integer('filed_at'),
    court: text('court'),
    filedDate: text('filed_date'),
    courtCaseNumber: text('court_case_number'),
    decision: text('decision').$type<SuitDecision>(),
    decisionDate: text('decision_date'),
    newGuardianName: text('new_guardian_name'),
    newGuardianKind: text('new_guardian_kind'),
    decisionNote: text('decision_note'),
    closedAt: integer('closed_at'),
    withdrawnAt: integer('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('suits_number').on(t.year, t.seq),
    index('suits_child').on(t.childId),
    index('suits_order').on(t.orderId),
    // A status's page in the list's order, and each tab's count, a kind's too, off its entries
    // alone (db/suits/model.ts listSuits).
    index('suits_list').on(t.deletedAt, t.status, t.updatedAt, t.kind),
    // The open ones' page and all of them, walked in the list's order; the status and kind are
    // checked on the entry, so only a row that is shown is read.
    index('suits_updated').on(t.deletedAt, t.updatedAt, t.status, t.kind),
    index('suits_issue_date').on(t.deletedAt, t.issueDate),
    index('suits_filed_date').on(t.deletedAt, t.filedDate),
    index('suits_decision_date').on(t.deletedAt, t.decisionDate),
  ],
);
