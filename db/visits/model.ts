// What other areas need of the visits (走访): a child's visits as this reader sees them, and the
// timeline's entries. Never reached through handlers.ts.

import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { ReadCtx } from '../api/define';
import { loadChild } from '../children/model';
import { children } from '../children/schema';
import type { TimelineItem } from '../children/timeline';
import { preparedQuery } from '../core/statements';
import { labelOr, t } from '../i18n';
import { visits } from './schema';

export type VisitRow = typeof visits.$inferSelect;
export type VisitView = Omit<VisitRow, 'deletedAt' | 'createdBy' | 'updatedBy'> & { childName: string };

export function view(ctx: ReadCtx, row: VisitRow): VisitView {
  return named(row, loadChild(ctx, row.childId).name);
}

export function named(row: VisitRow, childName: string): VisitView {
  const { deletedAt: _d, createdBy: _c, updatedBy: _u, ...rest } = row;
  return { ...rest, childName };
}

/** Final visits and this reader's own drafts, newest first. */
/**
 * Live visits of children on file (not in the recycle bin) that meet `where`, each with its
 * child's name: the lists across children (recent visits, my drafts).
 */
export function namedVisits(
  ctx: ReadCtx,
  where: (SQL | undefined)[],
  orderBy: SQL[],
  limit?: number,
): VisitView[] {
  const q = ctx.db
    .select({ v: visits, name: children.name })
    .from(visits)
    .innerJoin(children, eq(children.id, visits.childId))
    .where(and(...where, isNull(visits.deletedAt), isNull(children.deletedAt)))
    .orderBy(...orderBy)
    .$dynamic();
  return (limit === undefined ? q : q.limit(limit)).all().map((r) => named(r.v, r.name));
}

export function visitsOfChild(ctx: ReadCtx, childId: string): VisitView[] {
  return ctx.db
    .select()
    .from(visits)
    .where(and(eq(visits.childId, childId), isNull(visits.deletedAt)))
    .orderBy(desc(visits.date), desc(visits.updatedAt))
    .all()
    .filter((v) => v.status === 'final' || v.createdBy === ctx.user.id)
    .map((v) => view(ctx, v));
}

export function visitsTimeline(ctx: ReadCtx, childId: string): TimelineItem[] {
  // Only the columns shown: a whole-row select costs drizzle a column map per call, on every file opened.
  return preparedQuery(ctx, 'visits.timeline.1', () =>
    ctx.db
      .select({
        id: visits.id,
        date: visits.date,
        kind: visits.kind,
        place: visits.place,
        visitors: visits.visitors,
      })
      .from(visits)
      .where(
        and(
          eq(visits.childId, sql.placeholder('childId')),
          eq(visits.status, 'final'),
          isNull(visits.deletedAt),
        ),
      )
      .prepare(),
  )
    .all({ childId })
    .map((v) => ({
      date: v.date ?? '',
      area: 'visits',
      title: t('timeline.visits.visit', {
        kind: labelOr(`codes.visitKind.${v.kind ?? 'home'}`, v.kind ?? 'home'),
      }),
      detail: [v.place, v.visitors].filter(Boolean).join('，') || null,
      link: `/visits/${v.id}`,
    }));
}
