// The shared requirement / follow-up mechanism (see schema.ts). Areas call these functions
// from their own handlers, inside their own transaction, after checking their own status.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Ctx, ReadCtx, ReadRaw } from '../api/define';
import { ApiError } from '../api/errors';
import { newId } from '../common/ids';
import { created, updateVersioned } from '../common/records';
import { cached } from '../core/statements';
import { t } from '../i18n';
import { followUps, requirements, type SubjectType } from './schema';

export type RequirementStatus = 'pending' | 'met' | 'partlyMet' | 'notMet';

export interface RequirementView {
  id: string;
  text: string;
  dueDate: string | null;
  status: RequirementStatus;
  note: string | null;
  overdue: boolean;
  version: number;
}

export interface FollowUpView {
  id: string;
  date: string;
  method: 'visit' | 'phone' | 'atOffice';
  findings: string;
  compliance: 'good' | 'fair' | 'poor' | null;
  nextDate: string | null;
  createdByName: string | null;
  version: number;
}

export interface Subject {
  type: SubjectType;
  id: string;
}

/**
 * The next follow-up the subject's latest one set: `undefined` before the first follow-up (the
 * caller knows when that one is due), `null` when the latest set none. Prepared once per
 * connection: the reminder rules ask it for every open order and plan.
 */
export function nextFollowUpDate(raw: ReadRaw, s: Subject): string | null | undefined {
  const last = cached(
    raw,
    `SELECT next_date AS nextDate FROM follow_ups WHERE subject_type = ? AND subject_id = ? AND deleted_at IS NULL
       ORDER BY date DESC, created_at DESC LIMIT 1`,
  ).get(s.type, s.id) as { nextDate: string | null } | undefined;
  return last ? last.nextDate : undefined;
}

/** `open`: whether the subject is still running; a finished one has nothing overdue. */
export function listRequirements(ctx: ReadCtx, s: Subject, today: string, open = true): RequirementView[] {
  return ctx.db
    .select()
    .from(requirements)
    .where(
      and(
        eq(requirements.subjectType, s.type),
        eq(requirements.subjectId, s.id),
        isNull(requirements.deletedAt),
      ),
    )
    .orderBy(asc(requirements.sortOrder), asc(requirements.createdAt))
    .all()
    .map((r) => ({
      id: r.id,
      text: r.text,
      dueDate: r.dueDate,
      status: r.status,
      note: r.note,
      overdue: open && r.status === 'pending' && !!r.dueDate && r.dueDate < today,
      version: r.version,
    }));
}

/** Replaces a draft's requirements wholesale: while a document is drafted, its list is one field. */
export function replaceRequirements(
  ctx: Ctx,
  s: Subject,
  items: { text: string; dueDate: string | null }[],
): void {
  ctx.db
    .delete(requirements)
    .where(and(eq(requirements.subjectType, s.type), eq(requirements.subjectId, s.id)))
    .run();
  items.forEach((item, i) => {
    ctx.db
      .insert(requirements)
      .values({
        id: newId(),
        subjectType: s.type,
        subjectId: s.id,
        text: item.text,
        dueDate: item.dueDate,
        sortOrder: i,
        ...created(ctx),
      })
      .run();
  });
}

export function setRequirementStatus(
  ctx: Ctx,
  s: Subject,
  input: { id: string; version: number; status: RequirementStatus; note: string | null },
): void {
  const row = ctx.db.select().from(requirements).where(eq(requirements.id, input.id)).get();
  if (!row || row.subjectType !== s.type || row.subjectId !== s.id)
    throw new ApiError('NOT_FOUND', t('errors.notFound'));
  updateVersioned(ctx, requirements, input.id, input.version, { status: input.status, note: input.note });
}

export function listFollowUps(ctx: ReadCtx, s: Subject): FollowUpView[] {
  const rows = cached(
    ctx.raw,
    `SELECT f.*, a.display_name AS createdByName FROM follow_ups f LEFT JOIN accounts a ON a.id = f.created_by
       WHERE f.subject_type = ? AND f.subject_id = ? AND f.deleted_at IS NULL ORDER BY f.date, f.created_at`,
  ).all(s.type, s.id) as (Record<string, unknown> & { createdByName: string | null })[];
  return rows.map((r) => ({
    id: r.id as string,
    date: r.date as string,
    method: r.method as FollowUpView['method'],
    findings: r.findings as string,
    compliance: (r.compliance as FollowUpView['compliance']) ?? null,
    nextDate: (r.next_date as string | null) ?? null,
    createdByName: r.createdByName,
    version: r.version as number,
  }));
}

export function addFollowUp(
  ctx: Ctx,
  s: Subject,
  input: {
    date: string;
    method: FollowUpView['method'];
    findings: string;
    compliance: FollowUpView['compliance'];
    nextDate: string | null;
  },
): string {
  const id = newId();
  ctx.db
    .insert(followUps)
    .values({ id, subjectType: s.type, subjectId: s.id, ...input, ...created(ctx) })
    .run();
  return id;
}

/** The last follow-up's agreed next date, if no later follow-up has been recorded since. */
export function nextFollowUpDue(ctx: ReadCtx, s: Subject): string | null {
  const last = ctx.db
    .select({ nextDate: followUps.nextDate })
    .from(followUps)
    .where(and(eq(followUps.subjectType, s.type), eq(followUps.subjectId, s.id), isNull(followUps.deletedAt)))
    .orderBy(desc(followUps.date), desc(followUps.createdAt))
    .get();
  return last?.nextDate ?? null;
}

/**
 * A follow-up visit as a plan or an order records it: the requirements' statuses as found, then
 * the visit itself. Returns the follow-up's id.
 */
export function recordFollowUp(
  ctx: Ctx,
  s: Subject,
  followUp: Parameters<typeof addFollowUp>[2],
  requirementStatuses: { id: string; version: number; status: RequirementStatus; note: string | null }[],
): string {
  for (const r of requirementStatuses)
    setRequirementStatus(ctx, s, { id: r.id, version: r.version, status: r.status, note: r.note });
  return addFollowUp(ctx, s, followUp);
}
