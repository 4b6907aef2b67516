// What other areas need of counselling (心理辅导): the reader's view of a child's records, who may
// see their text, the timeline's entries. Never reached through handlers.ts.

import { and, desc, eq, getTableName, isNull, sql } from 'drizzle-orm';
import { can } from '../access/policy';
import { accountName } from '../accounts/model';
import type { ReadCtx, ViewCtx } from '../api/define';
import { ageOn } from '../children/idNumber';
import { loadChild, today } from '../children/model';
import { children } from '../children/schema';
import type { TimelineItem } from '../children/timeline';
import { liveOfChildBound, pickColumns } from '../common/columns';
import { preparedQuery } from '../core/statements';
import { t } from '../i18n';
import { counsellingSessions, psychAssessments, treatmentReferrals } from './schema';
import { openField } from './sealed';

type CounsellingTable = typeof psychAssessments | typeof counsellingSessions | typeof treatmentReferrals;

/**
 * Counselling notes (精神卫生法 art. 23): only counselling staff and administrators read their
 * text, and only they hold the key it is sealed under (sealed.ts). The child's owner reads what
 * the counsellor chose to share (sharedNote). Everyone else sees that something took place, and when.
 */
export function maySeeCounsellingText(ctx: ReadCtx, _childOwnerId: string | null): boolean {
  return can(ctx.user, 'readCounsellingText', {}) && ctx.counselling.privateKey !== null;
}

/** What a counsellor wrote for the child's owner: readable by the owner as well. */
export function maySeeSharedNote(ctx: ReadCtx, childOwnerId: string | null): boolean {
  return can(ctx.user, 'readCounsellingShared', { ownerId: childOwnerId });
}

/**
 * For a reader without text access (`restricted`), a record keeps only that it exists, its
 * date, its counsellor and the crisis flag (issue 11, item 7): every other field is null. The
 * timeline, the reminders, 首页 and the summary follow the same rule.
 */
export interface AssessmentView {
  id: string;
  guardianConsent: boolean | null;
  childConsent: boolean | null;
  date: string;
  instrument: string | null;
  riskLevel: 'high' | 'medium' | 'low' | 'none' | null;
  crisis: boolean;
  assessor: string;
  score: string | null;
  notes: string | null;
  restricted: boolean;
}

export interface SessionView {
  id: string;
  date: string;
  institution: string | null;
  counsellor: string;
  minutes: number | null;
  crisis: boolean;
  nextFollowUp: string | null;
  /** null when the reader may not see it (`restricted`). */
  summary: string | null;
  /** What the counsellor shared with the child's owner; null for readers who may not see it. */
  sharedNote: string | null;
  restricted: boolean;
}

export interface TreatmentView {
  id: string;
  date: string;
  institution: string | null;
  reason: string | null;
  outcome: string | null;
  restricted: boolean;
}

export interface CounsellingRecord {
  /** Enough of the child for the page's header, so the page need not open (and audit) the whole file. */
  child: {
    id: string;
    name: string;
    gender: 'male' | 'female';
    age: number;
    riskLevel: string;
    ownerName: string | null;
  };
  assessments: AssessmentView[];
  sessions: SessionView[];
  treatments: TreatmentView[];
  /** Whether this reader saw the texts; when not, the refusal was audited. */
  textVisible: boolean;
  crisis: boolean;
}

/**
 * A child's counselling records as this reader may see them. Writes: a reading of the notes, and
 * every refusal to show them, is audited (so the summary calls this as the page does).
 */
export function counsellingOfChild(ctx: ViewCtx, input: { childId: string }): CounsellingRecord {
  const child = loadChild(ctx, input.childId);
  const visible = maySeeCounsellingText(ctx, child.ownerId);
  // Newest first, the recycle bin left out: the same for each of the three record types.
  const ofChild = <T extends CounsellingTable>(table: T): T['$inferSelect'][] =>
    ctx.db
      .select()
      .from(table as CounsellingTable)
      .where(and(eq(table.childId, child.id), isNull(table.deletedAt)))
      .orderBy(desc(table.date))
      .all();
  const assessments = ofChild(psychAssessments);
  const sessions = ofChild(counsellingSessions);
  const treatments = ofChild(treatmentReferrals);
  const shared = maySeeSharedNote(ctx, child.ownerId);
  const open = (table: Parameters<typeof openField>[1], column: string, id: string, v: string | null) =>
    visible ? openField(ctx.counselling, table, column, id, v) : null;
  const hasText = assessments.length + sessions.length + treatments.length > 0;
  if (hasText) {
    ctx.audit.write({
      action: visible ? 'counselling.view' : 'access.denied',
      entity: 'child',
      entityId: child.id,
      detail: visible
        ? {}
        : {
            method: 'counselling.forChild',
            hidden: sessions.length + assessments.length + treatments.length,
          },
    });
  }
  return {
    child: {
      id: child.id,
      name: child.name,
      gender: child.gender,
      age: ageOn(child.birthDate, today(ctx)),
      riskLevel: child.riskLevel,
      ownerName: accountName(ctx, child.ownerId),
    },
    assessments: assessments.map((a) => ({
      id: a.id,
      guardianConsent: visible ? a.guardianConsent : null,
      childConsent: visible ? a.childConsent : null,
      date: a.date,
      instrument: visible ? a.instrument : null,
      riskLevel: visible ? a.riskLevel : null,
      crisis: a.crisis,
      assessor: a.assessor,
      score: open('psych_assessments', 'score', a.id, a.score),
      notes: open('psych_assessments', 'notes', a.id, a.notes),
      restricted: !visible,
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      date: s.date,
      institution: visible ? s.institution : null,
      counsellor: s.counsellor,
      minutes: visible ? s.minutes : null,
      crisis: s.crisis,
      nextFollowUp: visible ? s.nextFollowUp : null,
      summary: open('counselling_sessions', 'summary', s.id, s.summary),
      sharedNote: shared ? s.sharedNote : null,
      restricted: !visible,
    })),
    treatments: treatments.map((r) => ({
      id: r.id,
      date: r.date,
      institution: visible ? r.institution : null,
      reason: open('treatment_referrals', 'reason', r.id, r.reason),
      outcome: open('treatment_referrals', 'outcome', r.id, r.outcome),
      restricted: !visible,
    })),
    textVisible: visible,
    crisis: assessments.some((a) => a.crisis) || sessions.some((s) => s.crisis),
  };
}

// The timeline says that counselling happened, never what was said: the file is read by more
// people than the notes may be. A reader without text access gets what the counselling page
// gives them: the date, the counsellor and a crisis flag.
export function counsellingTimeline(ctx: ReadCtx, childId: string): TimelineItem[] {
  const link = `/counselling/${childId}`;
  const owner = preparedQuery(ctx, 'counselling.timeline.1', () =>
    ctx.db
      .select({ ownerId: children.ownerId })
      .from(children)
      .where(eq(children.id, sql.placeholder('childId')))
      .prepare(),
  ).get({ childId });
  const visible = maySeeCounsellingText(ctx, owner?.ownerId ?? null);
  // A detail left undefined is no detail at all, not an empty one; the crisis flag ends the title.
  const entry = (date: string, title: string, crisis: boolean, detail?: string | null): TimelineItem => ({
    date,
    area: 'counselling',
    title: crisis ? title + t('timeline.counselling.crisis') : title,
    ...(detail === undefined ? {} : { detail }),
    link,
  });
  // Only the columns shown, of the child's live records.
  const rowsOf = <T extends CounsellingTable, K extends keyof T['$inferSelect'] & string>(
    table: T,
    keys: readonly K[],
  ) =>
    preparedQuery(ctx, `counselling.timeline.${getTableName(table)}`, () =>
      ctx.db
        .select(pickColumns(table as CounsellingTable, keys as never))
        .from(table as CounsellingTable)
        .where(liveOfChildBound(table))
        .prepare(),
    ).all({ childId }) as unknown as Pick<T['$inferSelect'], K>[];
  const assessments = rowsOf(psychAssessments, ['date', 'instrument', 'crisis', 'assessor']).map((a) =>
    visible
      ? entry(a.date, t('timeline.counselling.assessment', { instrument: a.instrument }), a.crisis)
      : entry(a.date, t('timeline.counselling.assessmentRestricted'), a.crisis, a.assessor),
  );
  const sessions = rowsOf(counsellingSessions, [
    'date',
    'minutes',
    'crisis',
    'institution',
    'counsellor',
  ]).map((s) =>
    visible
      ? entry(s.date, t('timeline.counselling.session', { minutes: s.minutes }), s.crisis, s.institution)
      : entry(s.date, t('timeline.counselling.sessionRestricted'), s.crisis, s.counsellor),
  );
  const treatments = rowsOf(treatmentReferrals, ['date', 'institution']).map((r) =>
    entry(r.date, t('timeline.counselling.treatment'), false, visible ? r.institution : undefined),
  );
  return [...assessments, ...sessions, ...treatments];
}
