import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { recordColumns } from '../common/columns';

/**
 * The life cycle that guardianship orders and guidance plans share: requirements with due
 * dates, follow-ups (回访) with findings, and an evaluation on the subject itself. One pair of
 * tables, keyed by the subject, so both areas use one mechanism.
 */
export type SubjectType = 'order' | 'plan';

export const requirements = sqliteTable(
  'requirements',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type').$type<SubjectType>().notNull(),
    subjectId: text('subject_id').notNull(),
    text: text('text').notNull(),
    /** YYYY-MM-DD */
    dueDate: text('due_date'),
    status: text('status', { enum: ['pending', 'met', 'partlyMet', 'notMet'] })
      .notNull()
      .default('pending'),
    note: text('note'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...recordColumns(),
  },
  (t) => [
    index('requirements_subject').on(t.subjectType, t.subjectId),
    index('requirements_due').on(t.status, t.dueDate),
  ],
);

export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type').$type<SubjectType>().notNull(),
    subjectId: text('subject_id').notNull(),
    date: text('date').notNull(),
    method: text('method', { enum: ['visit', 'phone', 'atOffice'] }).notNull(), // 走访 电话 到院
    findings: text('findings').notNull(),
    compliance: text('compliance', { enum: ['good', 'fair', 'poor'] }), // 好 一般 差
    /** The next follow-up agreed, if any; a reminder until a later follow-up is recorded. */
    nextDate: text('next_date'),
    ...recordColumns(),
  },
  (t) => [index('follow_ups_subject').on(t.subjectType, t.subjectId, t.date)],
);
