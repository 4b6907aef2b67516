import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { loadChild } from '../children/model';
import { children } from '../children/schema';
import { notFuture } from '../common/checks';
import { newId } from '../common/ids';
import { created } from '../common/records';
import { t } from '../i18n';
import {
  visitChildInput,
  visitDraftInput,
  visitFinalizeInput,
  visitIdInput,
  visitRecentInput,
} from './inputs';
import { namedVisits, type VisitRow, type VisitView, view, visitsOfChild } from './model';
import { visits } from './schema';

const myDraftsInput = z.object({}).strict();

export const visitMethods = {
  /**
   * Saves whatever has been typed, as often as the screen likes (it calls this a moment after
   * each change), so twenty minutes at a doorstep survive a crash, a lock or a reload.
   */
  'visits.saveDraft': method({
    input: visitDraftInput,
    access: 'user',
    kind: 'write',
    handler: saveDraft,
  }),

  'visits.finalize': method({
    input: visitFinalizeInput,
    access: 'user',
    kind: 'write',
    handler: finalize,
  }),

  'visits.discardDraft': method({
    input: visitIdInput,
    access: 'user',
    kind: 'write',
    handler: discardDraft,
  }),

  'visits.get': method({
    input: visitIdInput,
    access: 'user',
    kind: 'read',
    handler: getVisit,
  }),

  'visits.forChild': method({
    input: visitChildInput,
    access: 'user',
    kind: 'read',
    handler: visitsForChild,
  }),

  /** Recent final visits across children: mine by default, a colleague's or everyone's on request. */
  'visits.recent': method({
    input: visitRecentInput,
    access: 'user',
    kind: 'read',
    handler: recent,
  }),

  'visits.myDrafts': method({
    input: myDraftsInput,
    access: 'user',
    kind: 'read',
    handler: myDrafts,
  }),
};

/** Only the author edits a draft; anyone else is told it does not exist. */
function loadOwnDraft(ctx: Ctx, id: string): VisitRow {
  const row = ctx.db
    .select()
    .from(visits)
    .where(and(eq(visits.id, id), isNull(visits.deletedAt)))
    .get();
  if (row?.status !== 'draft' || row.createdBy !== ctx.user.id)
    throw new ApiError('NOT_FOUND', t('errors.notFound'));
  return row;
}

const clean = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function saveDraft(
  ctx: Ctx,
  input: z.output<typeof visitDraftInput>,
): { id: string; savedAt: number; version: number } {
  loadChild(ctx, input.childId);
  const fields = {
    date: clean(input.date),
    kind: input.kind ?? null,
    place: clean(input.place),
    visitors: clean(input.visitors),
    personsMet: clean(input.personsMet),
    findings: Object.fromEntries(Object.entries(input.findings).map(([k, v]) => [k, clean(v)])),
    needsFound: input.needsFound.map((n) => ({ kind: n.kind, note: clean(n.note) })),
    actionsAgreed: clean(input.actionsAgreed),
    nextVisitDate: clean(input.nextVisitDate),
  };
  const now = ctx.clock.now();
  if (input.id) {
    const row = loadOwnDraft(ctx, input.id);
    ctx.db
      .update(visits)
      .set({ ...fields, version: row.version + 1, updatedAt: now, updatedBy: ctx.user.id })
      .where(eq(visits.id, row.id))
      .run();
    return { id: row.id, savedAt: now, version: row.version + 1 };
  }
  const id = newId();
  ctx.db
    .insert(visits)
    .values({ id, childId: input.childId, status: 'draft', ...fields, ...created(ctx) })
    .run();
  ctx.audit.write({
    action: 'visits.startDraft',
    entity: 'child',
    entityId: input.childId,
    detail: { visitId: id },
  });
  return { id, savedAt: now, version: 1 };
}

function finalize(ctx: Ctx, input: z.output<typeof visitFinalizeInput>): VisitView {
  const row = loadOwnDraft(ctx, input.id);
  notFuture(ctx, 'date', input.date);
  const { id, ...fields } = input;
  ctx.db
    .update(visits)
    .set({
      ...fields,
      status: 'final',
      version: row.version + 1,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.user.id,
    })
    .where(eq(visits.id, id))
    .run();
  // Needs found at the door become the child's open needs, noted with where they came from.
  if (input.needsFound.length) {
    const child = loadChild(ctx, row.childId);
    const needs = { ...child.needs };
    for (const n of input.needsFound) {
      const source = t('visits.needSource', { date: input.date });
      const note = [needs[n.kind]?.note, n.note ? `${n.note}（${source}）` : source]
        .filter(Boolean)
        .join('；');
      needs[n.kind] = { note: note.slice(0, 200), met: false };
    }
    ctx.db
      .update(children)
      .set({ needs, version: child.version + 1, updatedAt: ctx.clock.now(), updatedBy: ctx.user.id })
      .where(eq(children.id, child.id))
      .run();
  }
  ctx.audit.write({
    action: 'visits.finalize',
    entity: 'child',
    entityId: row.childId,
    detail: { visitId: id, needs: input.needsFound.length },
  });
  return view(ctx, ctx.db.select().from(visits).where(eq(visits.id, id)).get()!);
}

function discardDraft(ctx: Ctx, input: z.output<typeof visitIdInput>): null {
  const row = loadOwnDraft(ctx, input.id);
  ctx.db.update(visits).set({ deletedAt: ctx.clock.now() }).where(eq(visits.id, row.id)).run();
  ctx.audit.write({
    action: 'visits.discardDraft',
    entity: 'child',
    entityId: row.childId,
    detail: { visitId: row.id },
  });
  return null;
}

function getVisit(ctx: ReadCtx, input: z.output<typeof visitIdInput>): VisitView {
  const row = ctx.db
    .select()
    .from(visits)
    .where(and(eq(visits.id, input.id), isNull(visits.deletedAt)))
    .get();
  if (!row || (row.status === 'draft' && row.createdBy !== ctx.user.id))
    throw new ApiError('NOT_FOUND', t('errors.notFound'));
  return view(ctx, row);
}

function visitsForChild(ctx: ReadCtx, input: z.output<typeof visitChildInput>): VisitView[] {
  return visitsOfChild(ctx, input.childId);
}

function recent(ctx: ReadCtx, input: z.output<typeof visitRecentInput>): VisitView[] {
  const ownerId = input.ownerId === undefined ? ctx.user.id : input.ownerId;
  return namedVisits(
    ctx,
    [eq(visits.status, 'final'), ownerId === null ? undefined : eq(children.ownerId, ownerId)],
    [desc(visits.date), desc(visits.updatedAt)],
    input.limit,
  );
}

// A draft for a child in the recycle bin waits there with its child (it comes back on
// restore); it must not take the caseworker's other drafts off the screen with it.
function myDrafts(ctx: ReadCtx): VisitView[] {
  return namedVisits(
    ctx,
    [eq(visits.status, 'draft'), eq(visits.createdBy, ctx.user.id)],
    [desc(visits.updatedAt)],
  );
}
