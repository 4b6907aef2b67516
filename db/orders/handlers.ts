import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { refusal } from '../access/policy';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { addMonths } from '../children/guardianship';
import { isRelated, loadChild, today } from '../children/model';
import { notFuture } from '../common/checks';
import { newId } from '../common/ids';
import { nextNumber } from '../common/numbering';
import { created, updateVersioned } from '../common/records';
import { registerCounts } from '../common/registers';
import { transition } from '../common/transition';
import { cached } from '../core/statements';
import { createPlan } from '../education/model';
import { listFollowUps, recordFollowUp, replaceRequirements } from '../followups/model';
import { t } from '../i18n';
import { readSetting } from '../settings/model';
import { createSuitFromOrder } from '../suits/model';
import {
  DEFAULT_OBSERVATION_MONTHS,
  ORDER_EDITABLE,
  ORDER_FLOW,
  ORDER_FOLLOW_UP,
  ORDER_OPEN,
  ORDER_STATUSES,
  type OrderStatus,
  type OrderStep,
} from './codes';
import {
  orderApproveInput,
  orderDeliveryInput,
  orderDraftInput,
  orderEvaluateInput,
  orderFollowUpInput,
  orderIdInput,
  orderListInput,
  orderRejectInput,
  orderStepInput,
  orderUpdateInput,
  orderWithdrawInput,
} from './inputs';
import {
  loadOrder,
  type OrderRow,
  type OrderView,
  orderNumber,
  ordersOfChild,
  selfApproval,
  subject,
  viewOrder,
} from './model';
import { guardianshipOrders, orderGuardians } from './schema';

const ordersForChildInput = z.object({ childId: z.string().min(1) });

export const orderMethods = {
  'orders.createDraft': method({
    input: orderDraftInput,
    access: 'user',
    kind: 'write',
    handler: createDraft,
  }),

  'orders.updateDraft': method({
    input: orderUpdateInput,
    access: 'user',
    kind: 'write',
    handler: updateDraft,
  }),

  'orders.get': method({
    input: orderIdInput,
    access: 'user',
    kind: 'read',
    handler: getOrder,
  }),

  'orders.submit': method({
    input: orderStepInput,
    access: 'user',
    kind: 'write',
    handler: submit,
  }),

  'orders.reject': method({
    input: orderRejectInput,
    access: ORDER_FLOW.reject.roles,
    kind: 'write',
    handler: reject,
  }),

  'orders.approve': method({
    input: orderApproveInput,
    access: ORDER_FLOW.approve.roles,
    kind: 'write',
    handler: approve,
  }),

  'orders.withdraw': method({
    input: orderWithdrawInput,
    access: 'user',
    kind: 'write',
    handler: withdraw,
  }),

  'orders.recordDelivery': method({
    input: orderDeliveryInput,
    access: 'user',
    kind: 'write',
    handler: recordDelivery,
  }),

  'orders.addFollowUp': method({
    input: orderFollowUpInput,
    access: 'user',
    kind: 'write',
    handler: addOrderFollowUp,
  }),

  'orders.startEvaluation': method({
    input: orderStepInput,
    access: 'user',
    kind: 'write',
    handler: startEvaluation,
  }),

  'orders.evaluate': method({
    input: orderEvaluateInput,
    access: 'user',
    kind: 'write',
    handler: evaluate,
  }),

  'orders.list': method({
    input: orderListInput,
    access: 'user',
    kind: 'read',
    handler: listOrders,
  }),

  'orders.forChild': method({
    input: ordersForChildInput,
    access: 'user',
    kind: 'read',
    handler: ordersForChild,
  }),
};

function step(
  ctx: Ctx,
  o: OrderRow,
  name: OrderStep,
  version: number,
  patch: Record<string, unknown> = {},
  detail: Record<string, unknown> = {},
): OrderView {
  transition(ctx, {
    table: guardianshipOrders,
    area: 'orders',
    entity: 'order',
    flow: ORDER_FLOW,
    step: name,
    row: o,
    version,
    patch,
    statusLabel: (st) => t(`codes.orderStatus.${st}`),
    wrongStatus: 'validation.order.wrongStatus',
    detail: { childId: o.childId, ...detail },
  });
  return viewOrder(ctx, o.id);
}

function assertStatus(o: OrderRow, allowed: readonly OrderStatus[]): void {
  if (!allowed.includes(o.status)) {
    throw new ApiError(
      'VALIDATION',
      t('validation.order.wrongStatus', { status: t(`codes.orderStatus.${o.status}`) }),
    );
  }
}

type DraftFields = Omit<z.output<typeof orderDraftInput>, 'childId'>;

function writeDraft(ctx: Ctx, orderId: string, childId: string, fields: DraftFields): void {
  ctx.db.delete(orderGuardians).where(eq(orderGuardians.orderId, orderId)).run();
  for (const g of fields.guardians) {
    if (!isRelated(ctx, childId, g.personId))
      throw new ApiError('VALIDATION', t('errors.validation'), {
        guardians: t('validation.education.guardianNotRelated'),
      });
    ctx.db
      .insert(orderGuardians)
      .values({ orderId, personId: g.personId, relation: g.relation })
      .onConflictDoNothing()
      .run();
  }
  replaceRequirements(ctx, subject(orderId), fields.requirements);
}

function draftColumns(fields: DraftFields) {
  return {
    caseNumber: fields.caseNumber,
    facts: fields.facts,
    problems: fields.problems,
    problemsOther: fields.problemsOther,
    legalBasis: fields.legalBasis ?? t('documents.order.legalBasis'),
    consequences: fields.consequences ?? t('documents.order.consequences'),
  };
}

function audit(ctx: Ctx, o: OrderRow, action: string, detail: Record<string, unknown> = {}): void {
  ctx.audit.write({ action, entity: 'order', entityId: o.id, detail: { childId: o.childId, ...detail } });
}

function createDraft(ctx: Ctx, input: z.output<typeof orderDraftInput>): OrderView {
  const { childId, ...fields } = input;
  loadChild(ctx, childId);
  const id = newId();
  ctx.db
    .insert(guardianshipOrders)
    .values({ id, childId, ...draftColumns(fields), status: 'draft', ...created(ctx) })
    .run();
  writeDraft(ctx, id, childId, fields);
  audit(ctx, loadOrder(ctx, id), 'orders.createDraft');
  return viewOrder(ctx, id);
}

function updateDraft(ctx: Ctx, input: z.output<typeof orderUpdateInput>): OrderView {
  const { id, version, ...fields } = input;
  const o = loadOrder(ctx, id);
  assertStatus(o, ORDER_EDITABLE);
  updateVersioned(ctx, guardianshipOrders, id, version, draftColumns(fields));
  writeDraft(ctx, id, o.childId, fields);
  audit(ctx, o, 'orders.updateDraft');
  return viewOrder(ctx, id);
}

function getOrder(ctx: ReadCtx, input: z.output<typeof orderIdInput>): OrderView {
  return viewOrder(ctx, input.id);
}

function submit(ctx: Ctx, input: z.output<typeof orderStepInput>): OrderView {
  const o = loadOrder(ctx, input.id);
  return step(ctx, o, 'submit', input.version, { submittedAt: ctx.clock.now(), rejectNote: null });
}

function reject(ctx: Ctx, input: z.output<typeof orderRejectInput>): OrderView {
  const o = loadOrder(ctx, input.id);
  return step(ctx, o, 'reject', input.version, { rejectNote: input.note });
}

function approve(ctx: Ctx, input: z.output<typeof orderApproveInput>): OrderView {
  const o = loadOrder(ctx, input.id);
  if (o.status === 'pending' && selfApproval(ctx, o))
    throw refusal(
      'orders.approve',
      { entity: 'order', entityId: o.id, detail: { rule: 'selfApproval' } },
      t('validation.order.selfApproval'),
    );
  const issueDate = input.issueDate ?? today(ctx);
  const year = Number(issueDate.slice(0, 4));
  const seq = nextNumber(ctx, 'order', year);
  const prefix = readSetting(ctx, 'orderPrefix');
  return step(
    ctx,
    o,
    'approve',
    input.version,
    { approvedBy: ctx.user.id, approvedAt: ctx.clock.now(), issueDate, year, seq, prefix },
    { number: orderNumber(prefix, year, seq) },
  );
}

function withdraw(ctx: Ctx, input: z.output<typeof orderWithdrawInput>): OrderView {
  const o = loadOrder(ctx, input.id);
  return step(ctx, o, 'withdraw', input.version, {
    withdrawnAt: ctx.clock.now(),
    withdrawReason: input.reason,
  });
}

function recordDelivery(ctx: Ctx, input: z.output<typeof orderDeliveryInput>): OrderView {
  const o = loadOrder(ctx, input.id);
  assertStatus(o, ORDER_FLOW.recordDelivery.from);
  if (o.issueDate && input.date < o.issueDate) {
    throw new ApiError('VALIDATION', t('errors.validation'), {
      date: t('validation.order.deliveryBeforeIssue'),
    });
  }
  const end = input.observationEnd ?? addMonths(input.date, DEFAULT_OBSERVATION_MONTHS);
  if (end <= input.date)
    throw new ApiError('VALIDATION', t('errors.validation'), {
      observationEnd: t('validation.custody.beforeStart'),
    });
  return step(
    ctx,
    o,
    'recordDelivery',
    input.version,
    {
      deliveryMethod: input.method,
      deliveryDate: input.date,
      guardianSigned: input.guardianSigned,
      observationStart: input.date,
      observationEnd: end,
    },
    { method: input.method },
  );
}

function addOrderFollowUp(ctx: Ctx, input: z.output<typeof orderFollowUpInput>): OrderView {
  const { id, version, requirementStatuses, ...followUp } = input;
  const o = loadOrder(ctx, id);
  assertStatus(o, ORDER_FOLLOW_UP);
  notFuture(ctx, 'date', followUp.date);
  if (o.deliveryDate && followUp.date < o.deliveryDate) {
    throw new ApiError('VALIDATION', t('errors.validation'), {
      date: t('validation.order.followUpBeforeDelivery'),
    });
  }
  const followUpId = recordFollowUp(ctx, subject(id), followUp, requirementStatuses);
  updateVersioned(ctx, guardianshipOrders, id, version, {});
  audit(ctx, o, 'orders.addFollowUp', { followUpId });
  return viewOrder(ctx, id);
}

function startEvaluation(ctx: Ctx, input: z.output<typeof orderStepInput>): OrderView {
  const o = loadOrder(ctx, input.id);
  return step(ctx, o, 'startEvaluation', input.version);
}

function evaluate(ctx: Ctx, input: z.output<typeof orderEvaluateInput>): OrderView {
  const o = loadOrder(ctx, input.id);
  assertStatus(o, ORDER_FLOW.evaluate.from);
  if (listFollowUps(ctx, subject(o.id)).length === 0)
    throw new ApiError('VALIDATION', t('validation.order.followUpRequired'));
  let outcomePlanId: string | null = null;
  if (input.outcome === 'guidance') {
    const guardians = ctx.db.select().from(orderGuardians).where(eq(orderGuardians.orderId, o.id)).all();
    outcomePlanId = createPlan(
      ctx,
      {
        childId: o.childId,
        kind: 'ordered',
        guardianPersonIds: guardians.map((g) => g.personId),
        assessmentDate: null,
        willingness: null,
        ability: null,
        relationship: null,
        assessmentNote: input.note,
        provider: null,
        startDate: null,
        endDate: null,
        sessionsPerMonth: 1,
        minMinutes: 40,
        goals: [],
      },
      o.id,
    );
  }
  transition(ctx, {
    table: guardianshipOrders,
    area: 'orders',
    entity: 'order',
    flow: ORDER_FLOW,
    step: 'evaluate',
    row: o,
    version: input.version,
    statusLabel: (st) => t(`codes.orderStatus.${st}`),
    wrongStatus: 'validation.order.wrongStatus',
    detail: { childId: o.childId, evaluation: input.evaluation, outcome: input.outcome },
    patch: {
      evaluation: input.evaluation,
      evaluationNote: input.note,
      evaluatedAt: ctx.clock.now(),
      outcome: input.outcome,
      outcomePlanId,
      closedAt: ctx.clock.now(),
    },
  });
  // The escalation lands in 支持起诉 in this same write: a linked draft suit.
  if (input.outcome === 'supportSuit') createSuitFromOrder(ctx, o.id, input.note);
  return viewOrder(ctx, o.id);
}

const OPEN_STATUSES = ORDER_OPEN.map((s) => `'${s}'`).join(', ');

/**
 * The list, newest change first, as plain statements prepared once per status shape (drizzle's
 * building and mapping of three queries cost more than SQLite took to answer them). One
 * status's page comes off orders_status; the open ones (most orders) and all of them off
 * orders_updated, walked in the list's order: `+status` keeps the planner off five status
 * ranges merged and sorted.
 */
function listOrders(ctx: ReadCtx, input: z.output<typeof orderListInput>) {
  const one = input.status !== 'open' && input.status !== 'all';
  const status =
    input.status === 'open'
      ? `AND +guardianship_orders.status IN (${OPEN_STATUSES})`
      : one
        ? 'AND guardianship_orders.status = @status'
        : '';
  const params = one ? { status: input.status } : {};
  const rows = cached(
    ctx.raw,
    `SELECT guardianship_orders.id, guardianship_orders.year, guardianship_orders.seq, guardianship_orders.prefix,
            guardianship_orders.child_id AS childId, guardianship_orders.status,
            guardianship_orders.issue_date AS issueDate, guardianship_orders.observation_end AS observationEnd,
            guardianship_orders.updated_at AS updatedAt, children.name AS childName
     FROM guardianship_orders JOIN children ON children.id = guardianship_orders.child_id
     WHERE guardianship_orders.deleted_at IS NULL ${status}
     ORDER BY guardianship_orders.updated_at DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.limit, offset: input.offset }) as {
    id: string;
    year: number | null;
    seq: number | null;
    prefix: string | null;
    childId: string;
    status: OrderStatus;
    issueDate: string | null;
    observationEnd: string | null;
    updatedAt: number;
    childName: string;
  }[];
  // Each tab counted up to the cap (超过 N past it), each one range of orders_status.
  const counted = registerCounts(
    ctx.raw,
    { table: 'guardianship_orders', index: 'orders_status' },
    { statuses: ORDER_STATUSES, open: ORDER_OPEN, view: input.status },
  );
  return {
    rows: rows.map((o) => ({
      id: o.id,
      number: o.year && o.seq && o.prefix ? orderNumber(o.prefix, o.year, o.seq) : null,
      childId: o.childId,
      childName: o.childName,
      status: o.status,
      issueDate: o.issueDate,
      observationEnd: o.observationEnd,
      updatedAt: o.updatedAt,
    })),
    ...counted,
  };
}

function ordersForChild(ctx: ReadCtx, input: z.output<typeof ordersForChildInput>): OrderView[] {
  return ordersOfChild(ctx, input.childId);
}
