import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from '../accounts/schema';
import { childRef, persons } from '../children/schema';
import { recordColumns } from '../common/columns';
import type { OrderStatus } from './codes';

// 督促监护令. Requirements and follow-ups live in the shared tables of db/followups.
export const guardianshipOrders = sqliteTable(
  'guardianship_orders',
  {
    id: text('id').primaryKey(),
    childId: childRef(),
    /** 文号, allocated at approval: year and sequence. */
    year: integer('year'),
    seq: integer('seq'),
    prefix: text('prefix'),
    caseNumber: text('case_number'),
    facts: text('facts').notNull(),
    problems: text('problems', { mode: 'json' }).$type<string[]>().notNull(),
    problemsOther: text('problems_other'),
    legalBasis: text('legal_basis').notNull(),
    consequences: text('consequences').notNull(),
    status: text('status').$type<OrderStatus>().notNull().default('draft'),
    submittedAt: integer('submitted_at'),
    rejectNote: text('reject_note'),
    approvedBy: text('approved_by').references(() => accounts.id),
    approvedAt: integer('approved_at'),
    issueDate: text('issue_date'),
    deliveryMethod: text('delivery_method', { enum: ['written', 'onSite'] }),
    deliveryDate: text('delivery_date'),
    guardianSigned: integer('guardian_signed', { mode: 'boolean' }),
    observationStart: text('observation_start'),
    observationEnd: text('observation_end'),
    evaluation: text('evaluation', { enum: ['met', 'basicallyMet', 'notMet'] }),
    evaluationNote: text('evaluation_note'),
    evaluatedAt: integer('evaluated_at'),
    outcome: text('outcome', { enum: ['close', 'guidance', 'supportSuit'] }),
    outcomePlanId: text('outcome_plan_id'),
    closedAt: integer('closed_at'),
    withdrawnAt: integer('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('orders_number').on(t.year, t.seq),
    index('orders_child').on(t.childId),
    // The list, newest change first: one status's page off orders_status, the open ones (most
    // orders) and all of them walked off orders_updated in that order, with no sort.
    index('orders_status').on(t.deletedAt, t.status, t.updatedAt),
    index('orders_updated').on(t.deletedAt, t.updatedAt),
    index('orders_observation_end').on(t.status, t.observationEnd),
    // 统计台账: orders issued and closed within a period.
    index('orders_issue_date').on(t.issueDate, t.deletedAt, t.withdrawnAt, t.childId),
    index('orders_closed_at').on(t.closedAt, t.status, t.deletedAt, t.childId, t.outcome),
  ],
);

export const orderGuardians = sqliteTable(
  'order_guardians',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => guardianshipOrders.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    relation: text('relation').notNull(),
  },
  (t) => [
    uniqueIndex('order_guardians_pk').on(t.orderId, t.personId),
    index('order_guardians_person').on(t.personId),
  ],
);
