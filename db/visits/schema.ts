import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { NeedKind } from '../children/codes';
import { childRef } from '../children/schema';
import { recordColumns } from '../common/columns';

export interface VisitFindings {
  living?: string | null;
  schooling?: string | null;
  health?: string | null;
  psychological?: string | null;
  safety?: string | null;
}

// 走访: typed at a doorstep. A draft is saved as it is typed and becomes final once submitted.
export const visits = sqliteTable(
  'visits',
  {
    id: text('id').primaryKey(),
    childId: childRef(),
    status: text('status', { enum: ['draft', 'final'] })
      .notNull()
      .default('draft'),
    date: text('date'),
    kind: text('kind', { enum: ['home', 'school', 'phone', 'atOffice'] }), // 家访 校访 电话回访 来院
    place: text('place'),
    visitors: text('visitors'),
    personsMet: text('persons_met'),
    findings: text('findings', { mode: 'json' }).$type<VisitFindings>().notNull().default({}),
    needsFound: text('needs_found', { mode: 'json' })
      .$type<{ kind: NeedKind; note: string | null }[]>()
      .notNull()
      .default([]),
    actionsAgreed: text('actions_agreed'),
    nextVisitDate: text('next_visit_date'),
    ...recordColumns(),
  },
  (t) => [
    index('visits_child').on(t.childId, t.status, t.date),
    index('visits_next').on(t.status, t.nextVisitDate),
    index('visits_drafts').on(t.status, t.createdBy),
    index('visits_date').on(t.date, t.status, t.deletedAt, t.childId),
  ],
);
