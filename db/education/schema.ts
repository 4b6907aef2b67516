import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { childRef, persons } from '../children/schema';
import { recordColumns } from '../common/columns';

// 训诫: an admonition of a guardian, a single event.
export const admonitions = sqliteTable(
  'admonitions',
  {
    id: text('id').primaryKey(),
    childId: childRef(),
    guardianPersonId: text('guardian_person_id')
      .notNull()
      .references(() => persons.id),
    date: text('date').notNull(),
    place: text('place').notNull(),
    reason: text('reason').notNull(),
    deliveredBy: text('delivered_by').notNull(),
    ...recordColumns(),
  },
  (t) => [
    index('admonitions_child').on(t.childId, t.date),
    index('admonitions_date').on(t.date, t.deletedAt, t.childId),
  ],
);

// 家庭教育指导 plan. Its goals are requirements and its 回访 are follow-ups (db/followups).
export const guidancePlans = sqliteTable(
  'guidance_plans',
  {
    id: text('id').primaryKey(),
    childId: childRef(),
    kind: text('kind', { enum: ['ordered', 'voluntary'] }).notNull(), // 责令接受家庭教育指导 / 自愿指导
    /** 家庭教育情况评估 */
    assessmentDate: text('assessment_date'),
    willingness: text('willingness', { enum: ['high', 'medium', 'low'] }),
    ability: text('ability', { enum: ['high', 'medium', 'low'] }),
    relationship: text('relationship', { enum: ['good', 'fair', 'poor'] }),
    assessmentNote: text('assessment_note'),
    provider: text('provider'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    sessionsPerMonth: integer('sessions_per_month').notNull().default(1),
    minMinutes: integer('min_minutes').notNull().default(40),
    status: text('status', { enum: ['assessing', 'active', 'completed', 'suspended'] })
      .notNull()
      .default('assessing'),
    finalEvaluation: text('final_evaluation'),
    finalResult: text('final_result', { enum: ['met', 'basicallyMet', 'notMet'] }),
    completedDate: text('completed_date'),
    suspendReason: text('suspend_reason'),
    sourceOrderId: text('source_order_id'),
    ...recordColumns(),
  },
  (t) => [
    index('guidance_plans_child').on(t.childId),
    index('guidance_plans_status').on(t.deletedAt, t.status),
    // The register, newest change first: its rows walked off the index, with no sort of every plan.
    index('guidance_plans_updated').on(t.deletedAt, t.updatedAt),
    index('guidance_plans_group').on(t.id, t.deletedAt, t.childId),
  ],
);

export const planGuardians = sqliteTable(
  'plan_guardians',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => guidancePlans.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
  },
  (t) => [index('plan_guardians_plan').on(t.planId)],
);

export const guidanceSessions = sqliteTable(
  'guidance_sessions',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => guidancePlans.id),
    date: text('date').notNull(),
    mode: text('mode', { enum: ['individual', 'family', 'group', 'inSitu'] }).notNull(), // 单独 家庭 团体 实境
    minutes: integer('minutes').notNull(),
    attendees: text('attendees').notNull(),
    instructor: text('instructor').notNull(),
    content: text('content').notNull(),
    homework: text('homework'),
    evaluation: text('evaluation'),
    ...recordColumns(),
  },
  (t) => [
    index('guidance_sessions_plan').on(t.planId, t.date),
    index('guidance_sessions_date').on(t.date, t.deletedAt, t.planId),
  ],
);

/**
 * The register's rows (education/register.ts), one per live plan and 训诫 of a live child, with
 * what a row shows already worked out: the names, a plan's sessions counted month by month, its
 * 回访 due. Kept current in the transaction of every write that touches the child (the children a
 * write marks for reminders/due.ts), so the register reads one range of one index, not a page of
 * plans joined to children, guardians and sessions.
 */
export const educationRegister = sqliteTable(
  'education_register',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['plan', 'admonition'] }).notNull(),
    /** The register's tab the row is in: a plan's status, or 'admonitions' for a 训诫. */
    view: text('view').notNull().default(''),
    childId: text('child_id').notNull(),
    /** The register's order, newest first: a plan's last change (zero-padded), a 训诫's date. */
    sortKey: text('sort_key').notNull(),
    /** JSON: the row as the register shows it, less what hangs on the day (a plan's progress). */
    row: text('row').notNull(),
  },
  (t) => [
    // A tab's page and its capped count, each one range walked in order; the child in the index
    // so leaving out children a write around the API marked stale reads no row.
    index('education_register_view').on(t.view, t.sortKey, t.childId),
    index('education_register_child').on(t.childId),
  ],
);
