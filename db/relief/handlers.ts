// 国家司法救助: application → review → decision → payment → 回访 (RELIEF_FLOW in codes.ts).

import { z } from 'zod';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { loadChild } from '../children/model';
import { fieldError, notFuture, stepDate } from '../common/checks';
import { newId } from '../common/ids';
import { created, currentIdsOfChild, updateVersioned } from '../common/records';
import { areaSteps } from '../common/transition';
import { t } from '../i18n';
import { RELIEF_FLOW } from './codes';
import {
  reliefCreateInput,
  reliefDenyInput,
  reliefGrantInput,
  reliefIdInput,
  reliefListInput,
  reliefPayInput,
  reliefReturnVisitInput,
  reliefReviewInput,
  reliefUpdateInput,
  reliefWithdrawInput,
} from './inputs';
import {
  currentCeilingFen,
  listRelief,
  loadRelief,
  type ReliefRow,
  type ReliefView,
  reliefExportRows,
  reliefStatusLabel,
  viewRelief,
} from './model';
import { judicialRelief } from './schema';

export const reliefMethods = {
  'relief.create': method({ input: reliefCreateInput, access: 'user', kind: 'write', handler: createRelief }),
  'relief.update': method({ input: reliefUpdateInput, access: 'user', kind: 'write', handler: updateRelief }),
  'relief.get': method({ input: reliefIdInput, access: 'user', kind: 'read', handler: getRelief }),
  'relief.list': method({ input: reliefListInput, access: 'user', kind: 'read', handler: listReliefs }),
  'relief.exportRows': method({
    input: reliefListInput.pick({ status: true, year: true }),
    access: 'user',
    kind: 'read',
    handler: exportReliefRows,
  }),
  'relief.forChild': method({
    input: z.object({ childId: z.string().min(1) }),
    access: 'user',
    kind: 'read',
    handler: reliefForChild,
  }),
  'relief.startReview': method({
    input: reliefReviewInput,
    access: RELIEF_FLOW.startReview.roles,
    kind: 'write',
    handler: startReview,
  }),
  'relief.grant': method({
    input: reliefGrantInput,
    access: RELIEF_FLOW.grant.roles,
    kind: 'write',
    handler: grant,
  }),
  'relief.deny': method({
    input: reliefDenyInput,
    access: RELIEF_FLOW.deny.roles,
    kind: 'write',
    handler: deny,
  }),
  'relief.pay': method({ input: reliefPayInput, access: RELIEF_FLOW.pay.roles, kind: 'write', handler: pay }),
  'relief.returnVisit': method({
    input: reliefReturnVisitInput,
    access: RELIEF_FLOW.returnVisit.roles,
    kind: 'write',
    handler: returnVisit,
  }),
  'relief.withdraw': method({
    input: reliefWithdrawInput,
    access: RELIEF_FLOW.withdraw.roles,
    kind: 'write',
    handler: withdraw,
  }),
};

const step = areaSteps({
  flow: RELIEF_FLOW,
  table: judicialRelief,
  entity: 'relief',
  area: 'relief',
  statusLabel: reliefStatusLabel,
  wrongStatus: 'relief.flow.wrongStatus',
  view: (ctx, id): ReliefView => viewRelief(ctx, id),
});

type ApplicationFields = Omit<z.output<typeof reliefCreateInput>, 'childId' | 'requested'> & {
  requested: number | null;
};

function applicationColumns(f: ApplicationFields) {
  return {
    applicantName: f.applicantName,
    applicantRelation: f.applicantRelation,
    applicantPhone: f.applicantPhone,
    applicationDate: f.applicationDate,
    caseNumber: f.caseNumber,
    reasons: f.reasons,
    materials: f.materials,
    requestedFen: f.requested,
  };
}

function createRelief(ctx: Ctx, input: z.output<typeof reliefCreateInput>): ReliefView {
  const { childId, ...fields } = input;
  loadChild(ctx, childId);
  notFuture(ctx, 'applicationDate', fields.applicationDate);
  const id = newId();
  ctx.db
    .insert(judicialRelief)
    .values({ id, childId, ...applicationColumns(fields), status: 'applied', ...created(ctx) })
    .run();
  ctx.audit.write({ action: 'relief.create', entity: 'relief', entityId: id, detail: { childId } });
  return viewRelief(ctx, id);
}

function updateRelief(ctx: Ctx, input: z.output<typeof reliefUpdateInput>): ReliefView {
  const { id, version, ...fields } = input;
  const r = loadRelief(ctx, id);
  // The application may be completed (materials arrive late) until the decision.
  if (r.status !== 'applied' && r.status !== 'reviewing')
    throw new ApiError('VALIDATION', t('relief.flow.wrongStatus', { status: reliefStatusLabel(r.status) }));
  notFuture(ctx, 'applicationDate', fields.applicationDate);
  updateVersioned(ctx, judicialRelief, id, version, applicationColumns(fields));
  ctx.audit.write({
    action: 'relief.update',
    entity: 'relief',
    entityId: id,
    detail: { childId: r.childId },
  });
  return viewRelief(ctx, id);
}

function getRelief(ctx: ReadCtx, input: z.output<typeof reliefIdInput>): ReliefView {
  return viewRelief(ctx, input.id);
}

function listReliefs(ctx: ReadCtx, input: z.output<typeof reliefListInput>) {
  return listRelief(ctx, input);
}

function exportReliefRows(
  ctx: ReadCtx,
  input: { status: z.output<typeof reliefListInput>['status']; year?: number | null },
) {
  return reliefExportRows(ctx, input);
}

function reliefForChild(ctx: ReadCtx, input: { childId: string }): ReliefView[] {
  return currentIdsOfChild(ctx, judicialRelief, input.childId).map((id) => viewRelief(ctx, id));
}

function startReview(ctx: Ctx, input: z.output<typeof reliefReviewInput>): ReliefView {
  const r = loadRelief(ctx, input.id);
  // Reviewing needs the application itself in hand; the other materials may follow.
  if (r.status === 'applied' && !r.materials.includes('application'))
    throw fieldError('materials', t('relief.validation.applicationMissing'));
  return step(ctx, r, 'startReview', input.version, {
    reviewNote: input.note,
    reviewStartedAt: ctx.clock.now(),
  });
}

function decisionDateChecks(ctx: Ctx, r: ReliefRow, date: string): void {
  stepDate(ctx, 'decisionDate', date, r.applicationDate, t('relief.validation.decisionBeforeApplication'));
}

function grant(ctx: Ctx, input: z.output<typeof reliefGrantInput>): ReliefView {
  const r = loadRelief(ctx, input.id);
  decisionDateChecks(ctx, r, input.decisionDate);
  const ceiling = currentCeilingFen(ctx);
  // Over the usual ceiling is allowed (a warning on the screen and on the 审批表), never blocked.
  const over = input.amount > ceiling;
  return step(
    ctx,
    r,
    'grant',
    input.version,
    {
      decisionDate: input.decisionDate,
      amountFen: input.amount,
      decisionReason: input.reason,
      ceilingFen: ceiling,
      overCeiling: over,
      decidedBy: ctx.user.id,
      decidedAt: ctx.clock.now(),
    },
    { amountFen: input.amount, overCeiling: over },
  );
}

function deny(ctx: Ctx, input: z.output<typeof reliefDenyInput>): ReliefView {
  const r = loadRelief(ctx, input.id);
  decisionDateChecks(ctx, r, input.decisionDate);
  return step(ctx, r, 'deny', input.version, {
    decisionDate: input.decisionDate,
    decisionReason: input.reason,
    decidedBy: ctx.user.id,
    decidedAt: ctx.clock.now(),
    closedAt: ctx.clock.now(),
  });
}

function pay(ctx: Ctx, input: z.output<typeof reliefPayInput>): ReliefView {
  const r = loadRelief(ctx, input.id);
  stepDate(ctx, 'paidDate', input.paidDate, r.decisionDate, t('relief.validation.paidBeforeDecision'));
  return step(ctx, r, 'pay', input.version, {
    paidDate: input.paidDate,
    paidAt: ctx.clock.now(),
    accountHolders: input.accountHolders,
    bank: input.bank,
    accountTail: input.accountTail,
    accountSupervisor: input.accountSupervisor,
  });
}

function returnVisit(ctx: Ctx, input: z.output<typeof reliefReturnVisitInput>): ReliefView {
  const r = loadRelief(ctx, input.id);
  stepDate(ctx, 'date', input.date, r.paidDate, t('relief.validation.visitBeforePayment'));
  return step(ctx, r, 'returnVisit', input.version, {
    returnVisitDate: input.date,
    returnVisitMethod: input.method,
    returnVisitFindings: input.findings,
    closedAt: ctx.clock.now(),
  });
}

function withdraw(ctx: Ctx, input: z.output<typeof reliefWithdrawInput>): ReliefView {
  const r = loadRelief(ctx, input.id);
  return step(ctx, r, 'withdraw', input.version, {
    withdrawnAt: ctx.clock.now(),
    withdrawReason: input.reason,
  });
}
