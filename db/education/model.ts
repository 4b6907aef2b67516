// What other areas need of education (训诫, 家庭教育指导): a plan's and a child's views, creating a
// plan (an escalated order creates one), the timeline's entries. Never reached through handlers.ts.

import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx, ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { addMonths } from '../children/guardianship';
import { loadChild, today } from '../children/model';
import { childRelations, persons } from '../children/schema';
import type { TimelineItem } from '../children/timeline';
import { inJsonArray, liveOfChildBound } from '../common/columns';
import { stepsFrom } from '../common/flow';
import { newId } from '../common/ids';
import { created, loadLive } from '../common/records';
import { preparedQuery } from '../core/statements';
import {
  type FollowUpView,
  listFollowUps,
  listRequirements,
  nextFollowUpDate,
  type RequirementView,
  replaceRequirements,
  type Subject,
} from '../followups/model';
import { labelOr, t } from '../i18n';
import { PLAN_FLOW, type PlanStep } from './codes';
import type { planCreateInput } from './inputs';
import { type PlanProgress, planProgress } from './progress';
import { admonitions, guidancePlans, guidanceSessions, planGuardians } from './schema';

export type PlanRow = typeof guidancePlans.$inferSelect;

/** What the register reads of a plan: its row's columns that a register row shows or counts from. */
export type RegisterPlanRow = Pick<
  PlanRow,
  | 'id'
  | 'childId'
  | 'kind'
  | 'status'
  | 'assessmentDate'
  | 'startDate'
  | 'endDate'
  | 'sessionsPerMonth'
  | 'minMinutes'
  | 'completedDate'
  | 'version'
>;

export interface AdmonitionView {
  id: string;
  childId: string;
  guardian: { id: string; name: string };
  date: string;
  place: string;
  reason: string;
  deliveredBy: string;
}

export interface SessionView {
  id: string;
  date: string;
  mode: 'individual' | 'family' | 'group' | 'inSitu';
  minutes: number;
  attendees: string;
  instructor: string;
  content: string;
  homework: string | null;
  evaluation: string | null;
  counts: boolean;
}

export interface PlanView {
  id: string;
  childId: string;
  childName: string;
  kind: 'ordered' | 'voluntary';
  status: PlanRow['status'];
  guardians: { id: string; name: string }[];
  assessmentDate: string | null;
  willingness: PlanRow['willingness'];
  ability: PlanRow['ability'];
  relationship: PlanRow['relationship'];
  assessmentNote: string | null;
  provider: string | null;
  startDate: string | null;
  endDate: string | null;
  sessionsPerMonth: number;
  minMinutes: number;
  /** Longer than the usual six months: allowed, but shown. */
  termLong: boolean;
  goals: RequirementView[];
  sessions: SessionView[];
  progress: PlanProgress | null;
  finalEvaluation: string | null;
  finalResult: PlanRow['finalResult'];
  completedDate: string | null;
  /** 回访 due within six months of completion, until one is recorded. */
  followUpDue: string | null;
  followUps: FollowUpView[];
  suspendReason: string | null;
  sourceOrderId: string | null;
  /** The steps the signed-in user may take now (PLAN_FLOW): the page's buttons. */
  steps: PlanStep[];
  version: number;
}

export const subject = (id: string): Subject => ({ type: 'plan', id });

export function guardianOf(ctx: Ctx, childId: string, personId: string): { id: string; name: string } {
  const row = ctx.db
    .select({ id: persons.id, name: persons.name })
    .from(childRelations)
    .innerJoin(persons, eq(persons.id, childRelations.personId))
    .where(
      and(
        eq(childRelations.childId, childId),
        eq(childRelations.personId, personId),
        isNull(childRelations.deletedAt),
      ),
    )
    .get();
  if (!row)
    throw new ApiError('VALIDATION', t('errors.validation'), {
      guardianPersonId: t('validation.education.guardianNotRelated'),
    });
  return row;
}

export function loadPlan(ctx: ReadCtx, id: string): PlanRow {
  return loadLive(ctx, guidancePlans, id);
}

/** On the bare connection: the register's stored rows are worked out inside a write's commit. */
export function planFollowUpDue(
  ctx: Pick<ReadCtx, 'raw'>,
  p: Pick<PlanRow, 'id' | 'status' | 'completedDate'>,
): string | null {
  if (p.status !== 'completed' || !p.completedDate) return null;
  // The latest 回访's next date; none yet, six months after completion.
  const next = nextFollowUpDate(ctx.raw, { type: 'plan', id: p.id });
  return next === undefined ? addMonths(p.completedDate, 6) : next;
}

/** A register row: what the register's table shows of a plan, without its sessions and goals. */
export type RegisterPlan = Pick<
  PlanView,
  | 'id'
  | 'childId'
  | 'childName'
  | 'kind'
  | 'status'
  | 'guardians'
  | 'assessmentDate'
  | 'startDate'
  | 'endDate'
> & { progress: PlanProgress | null; followUpDue: string | null; version: number };

/**
 * A plan's progress against its terms (none while it is being assessed or has no terms); the
 * register and the plan's page count it with the same rule on the same sessions. A completed
 * plan's progress stops where it stopped.
 */
function progressOf(
  p: RegisterPlanRow,
  sessions: { date: string; minutes: number }[],
  day: string,
): ReturnType<typeof planProgress> | null {
  if (!p.startDate || !p.endDate || p.status === 'assessing') return null;
  const terms = {
    startDate: p.startDate,
    endDate: p.endDate,
    sessionsPerMonth: p.sessionsPerMonth,
    minMinutes: p.minMinutes,
  };
  return planProgress(terms, sessions, p.status === 'completed' && p.completedDate ? p.completedDate : day);
}

export function viewPlan(ctx: ReadCtx, id: string): PlanView {
  const p = loadPlan(ctx, id);
  const day = today(ctx);
  const child = loadChild(ctx, p.childId);
  const guardians = ctx.db
    .select({ id: persons.id, name: persons.name })
    .from(planGuardians)
    .innerJoin(persons, eq(persons.id, planGuardians.personId))
    .where(eq(planGuardians.planId, id))
    .all();
  const sessions = ctx.db
    .select()
    .from(guidanceSessions)
    .where(and(eq(guidanceSessions.planId, id), isNull(guidanceSessions.deletedAt)))
    .orderBy(asc(guidanceSessions.date))
    .all();
  return {
    id: p.id,
    childId: p.childId,
    childName: child.name,
    kind: p.kind,
    status: p.status,
    guardians,
    assessmentDate: p.assessmentDate,
    willingness: p.willingness,
    ability: p.ability,
    relationship: p.relationship,
    assessmentNote: p.assessmentNote,
    provider: p.provider,
    startDate: p.startDate,
    endDate: p.endDate,
    sessionsPerMonth: p.sessionsPerMonth,
    minMinutes: p.minMinutes,
    termLong: !!p.startDate && !!p.endDate && p.endDate > addMonths(p.startDate, 6),
    goals: listRequirements(ctx, subject(id), day, p.status === 'active'),
    sessions: sessions.map((s) => ({
      id: s.id,
      date: s.date,
      mode: s.mode,
      minutes: s.minutes,
      attendees: s.attendees,
      instructor: s.instructor,
      content: s.content,
      homework: s.homework,
      evaluation: s.evaluation,
      counts: s.minutes >= p.minMinutes,
    })),
    progress: progressOf(p, sessions, day),
    finalEvaluation: p.finalEvaluation,
    finalResult: p.finalResult,
    completedDate: p.completedDate,
    followUpDue: planFollowUpDue(ctx, p),
    followUps: listFollowUps(ctx, subject(id)),
    suspendReason: p.suspendReason,
    sourceOrderId: p.sourceOrderId,
    steps: stepsFrom(PLAN_FLOW, p.status, ctx.user.role),
    version: p.version,
  };
}

export type PlanFields = Omit<z.output<typeof planCreateInput>, 'childId'>;

export function writePlanFields(ctx: Ctx, planId: string, childId: string, fields: PlanFields): void {
  for (const personId of fields.guardianPersonIds) guardianOf(ctx, childId, personId);
  ctx.db.delete(planGuardians).where(eq(planGuardians.planId, planId)).run();
  for (const personId of new Set(fields.guardianPersonIds))
    ctx.db.insert(planGuardians).values({ planId, personId }).run();
  replaceRequirements(ctx, subject(planId), fields.goals);
}

/** Creates a plan; exported because an escalated guardianship order creates one too. */
export function createPlan(
  ctx: Ctx,
  input: z.output<typeof planCreateInput>,
  sourceOrderId: string | null = null,
): string {
  const { childId, guardianPersonIds, goals, ...fields } = input;
  loadChild(ctx, childId);
  const id = newId();
  ctx.db
    .insert(guidancePlans)
    .values({ id, childId, ...fields, status: 'assessing', sourceOrderId, ...created(ctx) })
    .run();
  writePlanFields(ctx, id, childId, { ...fields, guardianPersonIds, goals });
  ctx.audit.write({
    action: 'education.createPlan',
    entity: 'plan',
    entityId: id,
    detail: { childId, kind: input.kind },
  });
  return id;
}

export interface EducationOfChild {
  admonitions: AdmonitionView[];
  plans: PlanView[];
}

/** A child's 训诫 and plans, newest first. */
export function educationOfChild(ctx: ReadCtx, childId: string): EducationOfChild {
  const rows = ctx.db
    .select({ a: admonitions, name: persons.name })
    .from(admonitions)
    .innerJoin(persons, eq(persons.id, admonitions.guardianPersonId))
    .where(and(eq(admonitions.childId, childId), isNull(admonitions.deletedAt)))
    .orderBy(desc(admonitions.date))
    .all();
  // `+deleted_at`: "not deleted" is nearly every child, so the planner must not start from
  // children (a walk of all of them) but from the newest plans and 训诫.
  const plans = ctx.db
    .select({ id: guidancePlans.id })
    .from(guidancePlans)
    .where(and(eq(guidancePlans.childId, childId), isNull(guidancePlans.deletedAt)))
    .orderBy(desc(guidancePlans.createdAt))
    .all();
  return {
    admonitions: rows.map(({ a, name }) => ({
      id: a.id,
      childId: a.childId,
      guardian: { id: a.guardianPersonId, name },
      date: a.date,
      place: a.place,
      reason: a.reason,
      deliveredBy: a.deliveredBy,
    })),
    plans: plans.map((p) => viewPlan(ctx, p.id)),
  };
}

export function educationTimeline(ctx: ReadCtx, childId: string): TimelineItem[] {
  const items: TimelineItem[] = [];
  const adms = preparedQuery(ctx, 'education.timeline.1', () =>
    ctx.db
      .select({ a: { date: admonitions.date, reason: admonitions.reason }, name: persons.name })
      .from(admonitions)
      .innerJoin(persons, eq(persons.id, admonitions.guardianPersonId))
      .where(liveOfChildBound(admonitions))
      .prepare(),
  ).all({ childId });
  for (const { a, name } of adms) {
    items.push({
      date: a.date,
      area: 'education',
      title: t('timeline.education.admonition', { name }),
      detail: a.reason,
    });
  }
  // Only the columns shown: a whole-row select costs drizzle a column map per call, on every file opened.
  const plans = preparedQuery(ctx, 'education.timeline.2', () =>
    ctx.db
      .select({
        id: guidancePlans.id,
        kind: guidancePlans.kind,
        startDate: guidancePlans.startDate,
        provider: guidancePlans.provider,
        completedDate: guidancePlans.completedDate,
        finalResult: guidancePlans.finalResult,
      })
      .from(guidancePlans)
      .where(liveOfChildBound(guidancePlans))
      .prepare(),
  ).all({ childId });
  const planIds = plans.map((p) => p.id);
  // The plans' ids go in as one JSON array, so the query's text, and its statement, is one.
  const sessions = planIds.length
    ? preparedQuery(ctx, 'education.timeline.sessions', () =>
        ctx.db
          .select({
            planId: guidanceSessions.planId,
            date: guidanceSessions.date,
            minutes: guidanceSessions.minutes,
            instructor: guidanceSessions.instructor,
            content: guidanceSessions.content,
          })
          .from(guidanceSessions)
          .where(and(inJsonArray(guidanceSessions.planId, 'planIds'), isNull(guidanceSessions.deletedAt)))
          .prepare(),
      ).all({ planIds: JSON.stringify(planIds) })
    : [];
  for (const p of plans) {
    const link = `/education/plans/${p.id}`;
    const kind = labelOr(`codes.planKind.${p.kind}`, p.kind);
    if (p.startDate)
      items.push({
        date: p.startDate,
        area: 'education',
        title: t('timeline.education.planStarted', { kind }),
        detail: p.provider,
        link,
      });
    for (const s of sessions.filter((x) => x.planId === p.id)) {
      items.push({
        date: s.date,
        area: 'education',
        title: t('timeline.education.session', { minutes: s.minutes }),
        detail: `${s.instructor}：${s.content}`,
        link,
      });
    }
    if (p.completedDate) {
      items.push({
        date: p.completedDate,
        area: 'education',
        title: t('timeline.education.planCompleted'),
        detail: p.finalResult ? labelOr(`codes.evaluation.${p.finalResult}`, p.finalResult) : null,
        link,
      });
    }
    for (const f of listFollowUps(ctx, subject(p.id))) {
      items.push({
        date: f.date,
        area: 'education',
        title: t('timeline.education.followUp'),
        detail: f.findings,
        link,
      });
    }
  }
  return items;
}
