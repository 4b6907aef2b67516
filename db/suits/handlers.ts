// 支持起诉: draft → 意见书 issued → filed at court → court's decision (SUIT_FLOW in codes.ts).

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { loadChild, relatedPersons } from '../children/model';
import { fieldError, notFuture, stepDate } from '../common/checks';
import { newId } from '../common/ids';
import { nextNumber } from '../common/numbering';
import { created, currentIdsOfChild, updateVersioned } from '../common/records';
import { areaSteps } from '../common/transition';
import { guidancePlans } from '../education/schema';
import { t } from '../i18n';
import { guardianshipOrders } from '../orders/schema';
import { DEFAULT_SUIT_PREFIX, SUIT_FLOW } from './codes';
import {
  suitCreateInput,
  suitDecideInput,
  suitFileInput,
  suitIdInput,
  suitIssueInput,
  suitListInput,
  suitUpdateInput,
  suitWithdrawInput,
} from './inputs';
import {
  listSuits,
  loadSuit,
  type SuitView,
  suitExportRows,
  suitNumber,
  suitStatusLabel,
  viewSuit,
} from './model';
import { suitSupports } from './schema';

export const suitMethods = {
  'suits.create': method({ input: suitCreateInput, access: 'user', kind: 'write', handler: createSuit }),
  'suits.update': method({ input: suitUpdateInput, access: 'user', kind: 'write', handler: updateSuit }),
  'suits.get': method({ input: suitIdInput, access: 'user', kind: 'read', handler: getSuit }),
  'suits.list': method({ input: suitListInput, access: 'user', kind: 'read', handler: listSuitsHandler }),
  'suits.exportRows': method({
    input: suitListInput.pick({ status: true, kind: true }),
    access: 'user',
    kind: 'read',
    handler: exportSuitRows,
  }),
  'suits.forChild': method({
    input: z.object({ childId: z.string().min(1) }),
    access: 'user',
    kind: 'read',
    handler: suitsForChild,
  }),
  'suits.issue': method({
    input: suitIssueInput,
    access: SUIT_FLOW.issue.roles,
    kind: 'write',
    handler: issue,
  }),
  'suits.file': method({ input: suitFileInput, access: SUIT_FLOW.file.roles, kind: 'write', handler: file }),
  'suits.decide': method({
    input: suitDecideInput,
    access: SUIT_FLOW.decide.roles,
    kind: 'write',
    handler: decide,
  }),
  'suits.withdraw': method({
    input: suitWithdrawInput,
    access: SUIT_FLOW.withdraw.roles,
    kind: 'write',
    handler: withdraw,
  }),
};

const step = areaSteps({
  flow: SUIT_FLOW,
  table: suitSupports,
  entity: 'suit',
  area: 'suits',
  statusLabel: suitStatusLabel,
  wrongStatus: 'suits.validation.wrongStatus',
  view: (ctx, id): SuitView => viewSuit(ctx, id),
});

type DraftFields = Omit<z.output<typeof suitCreateInput>, 'childId'>;

/** Respondents must be persons linked to the child; an order or plan must be the child's own. */
function checkLinks(ctx: Ctx, childId: string, f: DraftFields): void {
  if (relatedPersons(ctx, childId, f.respondentIds).size !== new Set(f.respondentIds).size)
    throw fieldError('respondentIds', t('suits.validation.respondentNotRelated'));
  if (f.orderId) {
    const o = ctx.db
      .select({ c: guardianshipOrders.childId })
      .from(guardianshipOrders)
      .where(eq(guardianshipOrders.id, f.orderId))
      .get();
    if (!o || o.c !== childId) throw fieldError('orderId', t('suits.validation.orderNotChilds'));
  }
  if (f.planId) {
    const p = ctx.db
      .select({ c: guidancePlans.childId })
      .from(guidancePlans)
      .where(eq(guidancePlans.id, f.planId))
      .get();
    if (!p || p.c !== childId) throw fieldError('planId', t('suits.validation.planNotChilds'));
  }
}

function draftColumns(f: DraftFields) {
  return {
    kind: f.kind,
    grounds: f.grounds,
    groundsText: f.groundsText,
    respondentIds: [...new Set(f.respondentIds)],
    applicantKind: f.applicantKind,
    applicantName: f.applicantName,
    applicantContact: f.applicantContact,
    documents: f.documents,
    facts: f.facts,
    opinion: f.opinion,
    orderId: f.orderId,
    planId: f.planId,
  };
}

function createSuit(ctx: Ctx, input: z.output<typeof suitCreateInput>): SuitView {
  const { childId, ...fields } = input;
  loadChild(ctx, childId);
  checkLinks(ctx, childId, fields);
  const id = newId();
  ctx.db
    .insert(suitSupports)
    .values({ id, childId, ...draftColumns(fields), status: 'draft', ...created(ctx) })
    .run();
  ctx.audit.write({
    action: 'suits.create',
    entity: 'suit',
    entityId: id,
    detail: { childId, orderId: fields.orderId },
  });
  return viewSuit(ctx, id);
}

function updateSuit(ctx: Ctx, input: z.output<typeof suitUpdateInput>): SuitView {
  const { id, version, ...fields } = input;
  const s = loadSuit(ctx, id);
  if (s.status !== 'draft')
    throw new ApiError(
      'VALIDATION',
      t('suits.validation.wrongStatus', { status: suitStatusLabel(s.status) }),
    );
  checkLinks(ctx, s.childId, fields);
  updateVersioned(ctx, suitSupports, id, version, draftColumns(fields));
  ctx.audit.write({ action: 'suits.update', entity: 'suit', entityId: id, detail: { childId: s.childId } });
  return viewSuit(ctx, id);
}

function getSuit(ctx: ReadCtx, input: z.output<typeof suitIdInput>): SuitView {
  return viewSuit(ctx, input.id);
}

function listSuitsHandler(ctx: ReadCtx, input: z.output<typeof suitListInput>) {
  return listSuits(ctx, input);
}

function exportSuitRows(ctx: ReadCtx, input: Pick<z.output<typeof suitListInput>, 'status' | 'kind'>) {
  return suitExportRows(ctx, input);
}

function suitsForChild(ctx: ReadCtx, input: { childId: string }): SuitView[] {
  return currentIdsOfChild(ctx, suitSupports, input.childId).map((id) => viewSuit(ctx, id));
}

function issue(ctx: Ctx, input: z.output<typeof suitIssueInput>): SuitView {
  const s = loadSuit(ctx, input.id);
  notFuture(ctx, 'issueDate', input.issueDate);
  // A draft made by an order's escalation carries a suggested ground; it must still be confirmed
  // in the form (the update writes it) — an empty one cannot go out.
  if (s.status === 'draft' && s.grounds.length === 0 && !s.groundsText)
    throw fieldError('grounds', t('suits.validation.groundsRequired'));
  if (s.status === 'draft' && !s.documents.includes('complaint'))
    throw fieldError('documents', t('suits.validation.complaintMissing'));
  const year = Number(input.issueDate.slice(0, 4));
  // The number is taken only once the step is allowed, so a refused call never burns one.
  const allowed = SUIT_FLOW.issue.from.includes(s.status);
  const seq = allowed ? nextNumber(ctx, 'suit', year) : null;
  const patch = {
    issueDate: input.issueDate,
    issuedBy: ctx.user.id,
    issuedAt: ctx.clock.now(),
    year,
    seq,
    prefix: DEFAULT_SUIT_PREFIX,
  };
  const view = step(ctx, s, 'issue', input.version, patch, {
    number: seq ? suitNumber({ prefix: DEFAULT_SUIT_PREFIX, year, seq }) : null,
  });
  return view;
}

function file(ctx: Ctx, input: z.output<typeof suitFileInput>): SuitView {
  const s = loadSuit(ctx, input.id);
  stepDate(ctx, 'filedDate', input.filedDate, s.issueDate, t('suits.validation.filedBeforeIssue'));
  return step(ctx, s, 'file', input.version, {
    court: input.court,
    filedDate: input.filedDate,
    filedAt: ctx.clock.now(),
    courtCaseNumber: input.courtCaseNumber,
  });
}

function decide(ctx: Ctx, input: z.output<typeof suitDecideInput>): SuitView {
  const s = loadSuit(ctx, input.id);
  stepDate(ctx, 'decisionDate', input.decisionDate, s.filedDate, t('suits.validation.decisionBeforeFiling'));
  const takesOver = input.decision === 'revoked' || input.decision === 'changed';
  return step(
    ctx,
    s,
    'decide',
    input.version,
    {
      decision: input.decision,
      decisionDate: input.decisionDate,
      newGuardianName: takesOver ? input.newGuardianName : null,
      newGuardianKind: takesOver ? input.newGuardianKind : null,
      decisionNote: input.note,
      closedAt: ctx.clock.now(),
    },
    { decision: input.decision },
  );
}

function withdraw(ctx: Ctx, input: z.output<typeof suitWithdrawInput>): SuitView {
  const s = loadSuit(ctx, input.id);
  return step(ctx, s, 'withdraw', input.version, {
    withdrawnAt: ctx.clock.now(),
    withdrawReason: input.reason,
  });
}
