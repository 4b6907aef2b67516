import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { loadChild } from '../children/model';
import { notFuture } from '../common/checks';
import { newId } from '../common/ids';
import { created, updateVersioned } from '../common/records';
import { transition } from '../common/transition';
import { recordFollowUp } from '../followups/model';
import { t } from '../i18n';
import {
  PLAN_EDITABLE,
  PLAN_FLOW,
  PLAN_FOLLOW_UP,
  PLAN_SESSIONS,
  type PlanStatus,
  type PlanStep,
  REGISTER_VIEWS,
} from './codes';
import {
  admonitionInput,
  planCompleteInput,
  planCreateInput,
  planFollowUpInput,
  planIdInput,
  planStartInput,
  planSuspendInput,
  planUpdateInput,
  sessionInput,
} from './inputs';
import {
  type AdmonitionView,
  createPlan,
  type EducationOfChild,
  educationOfChild,
  guardianOf,
  loadPlan,
  type PlanRow,
  type PlanView,
  subject,
  viewPlan,
  writePlanFields,
} from './model';
import { type RegisterPage, readRegister } from './register';
import { admonitions, guidancePlans, guidanceSessions } from './schema';

const educationForChildInput = z.object({ childId: z.string().min(1) });

const registerEducationInput = z.object({
  view: z.enum(REGISTER_VIEWS).default('active'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const educationMethods = {
  'education.admonish': method({
    input: admonitionInput,
    access: 'user',
    kind: 'write',
    handler: admonish,
  }),

  'education.forChild': method({
    input: educationForChildInput,
    access: 'user',
    kind: 'read',
    handler: educationForChild,
  }),

  /**
   * The area's register across children: one tab's page (the plans of a status, or the 训诫),
   * newest first, with each tab's count exact up to a cap.
   */
  'education.register': method({
    input: registerEducationInput,
    access: 'user',
    kind: 'read',
    handler: registerEducation,
  }),

  'education.createPlan': method({
    input: planCreateInput,
    access: 'user',
    kind: 'write',
    handler: createPlanAndView,
  }),

  'education.updatePlan': method({
    input: planUpdateInput,
    access: 'user',
    kind: 'write',
    handler: updatePlan,
  }),

  'education.getPlan': method({
    input: planIdInput,
    access: 'user',
    kind: 'read',
    handler: getPlan,
  }),

  'education.startPlan': method({
    input: planStartInput,
    access: 'user',
    kind: 'write',
    handler: startPlan,
  }),

  'education.addSession': method({
    input: sessionInput,
    access: 'user',
    kind: 'write',
    handler: addSession,
  }),

  'education.completePlan': method({
    input: planCompleteInput,
    access: 'user',
    kind: 'write',
    handler: completePlan,
  }),

  'education.suspendPlan': method({
    input: planSuspendInput,
    access: 'user',
    kind: 'write',
    handler: suspendPlan,
  }),

  'education.addFollowUp': method({
    input: planFollowUpInput,
    access: 'user',
    kind: 'write',
    handler: addPlanFollowUp,
  }),
};

function auditPlan(ctx: Ctx, p: PlanRow, action: string, detail: Record<string, unknown> = {}): void {
  ctx.audit.write({ action, entity: 'plan', entityId: p.id, detail: { childId: p.childId, ...detail } });
}

function assertStatus(p: PlanRow, allowed: readonly PlanStatus[]): void {
  if (!allowed.includes(p.status)) {
    throw new ApiError(
      'VALIDATION',
      t('validation.education.wrongStatus', { status: t(`codes.planStatus.${p.status}`) }),
    );
  }
}

function step(
  ctx: Ctx,
  p: PlanRow,
  name: PlanStep,
  version: number,
  patch: Record<string, unknown> = {},
  detail: Record<string, unknown> = {},
): PlanView {
  transition(ctx, {
    table: guidancePlans,
    area: 'education',
    action: `education.${name}Plan`,
    entity: 'plan',
    flow: PLAN_FLOW,
    step: name,
    row: p,
    version,
    patch,
    statusLabel: (st) => t(`codes.planStatus.${st}`),
    wrongStatus: 'validation.education.wrongStatus',
    detail: { childId: p.childId, ...detail },
  });
  return viewPlan(ctx, p.id);
}

function admonish(ctx: Ctx, input: z.output<typeof admonitionInput>): AdmonitionView {
  loadChild(ctx, input.childId);
  const guardian = guardianOf(ctx, input.childId, input.guardianPersonId);
  notFuture(ctx, 'date', input.date);
  const id = newId();
  ctx.db
    .insert(admonitions)
    .values({ id, ...input, ...created(ctx) })
    .run();
  ctx.audit.write({
    action: 'education.admonish',
    entity: 'child',
    entityId: input.childId,
    detail: { admonitionId: id },
  });
  return {
    id,
    childId: input.childId,
    guardian,
    date: input.date,
    place: input.place,
    reason: input.reason,
    deliveredBy: input.deliveredBy,
  };
}

function educationForChild(ctx: ReadCtx, input: z.output<typeof educationForChildInput>): EducationOfChild {
  return educationOfChild(ctx, input.childId);
}

function registerEducation(ctx: ReadCtx, input: z.output<typeof registerEducationInput>): RegisterPage {
  return readRegister(ctx, input.view, input.offset, input.limit);
}

function createPlanAndView(ctx: Ctx, input: z.output<typeof planCreateInput>): PlanView {
  return viewPlan(ctx, createPlan(ctx, input));
}

function updatePlan(ctx: Ctx, input: z.output<typeof planUpdateInput>): PlanView {
  const { id, version, guardianPersonIds, goals, ...fields } = input;
  const p = loadPlan(ctx, id);
  assertStatus(p, PLAN_EDITABLE);
  updateVersioned(ctx, guidancePlans, id, version, fields);
  writePlanFields(ctx, id, p.childId, { ...fields, guardianPersonIds, goals });
  auditPlan(ctx, p, 'education.updatePlan');
  return viewPlan(ctx, id);
}

function getPlan(ctx: ReadCtx, input: z.output<typeof planIdInput>): PlanView {
  return viewPlan(ctx, input.id);
}

function startPlan(ctx: Ctx, input: z.output<typeof planStartInput>): PlanView {
  const p = loadPlan(ctx, input.id);
  assertStatus(p, PLAN_FLOW.start.from);
  if (!p.startDate || !p.endDate || !p.provider)
    throw new ApiError('VALIDATION', t('validation.education.termRequired'));
  return step(ctx, p, 'start', input.version);
}

function addSession(ctx: Ctx, input: z.output<typeof sessionInput>): PlanView {
  const p = loadPlan(ctx, input.planId);
  assertStatus(p, PLAN_SESSIONS);
  notFuture(ctx, 'date', input.date);
  if (p.startDate && input.date < p.startDate) {
    throw new ApiError('VALIDATION', t('errors.validation'), {
      date: t('validation.education.beforePlanStart'),
    });
  }
  const id = newId();
  ctx.db
    .insert(guidanceSessions)
    .values({ id, ...input, ...created(ctx) })
    .run();
  ctx.db
    .update(guidancePlans)
    .set({ version: p.version + 1, updatedAt: ctx.clock.now() })
    .where(eq(guidancePlans.id, p.id))
    .run();
  auditPlan(ctx, p, 'education.addSession', { sessionId: id });
  return viewPlan(ctx, p.id);
}

function completePlan(ctx: Ctx, input: z.output<typeof planCompleteInput>): PlanView {
  const p = loadPlan(ctx, input.id);
  assertStatus(p, PLAN_FLOW.complete.from);
  notFuture(ctx, 'completedDate', input.completedDate);
  if (p.startDate && input.completedDate < p.startDate) {
    throw new ApiError('VALIDATION', t('errors.validation'), {
      completedDate: t('validation.education.beforePlanStart'),
    });
  }
  return step(
    ctx,
    p,
    'complete',
    input.version,
    {
      completedDate: input.completedDate,
      finalResult: input.finalResult,
      finalEvaluation: input.finalEvaluation,
    },
    { result: input.finalResult },
  );
}

function suspendPlan(ctx: Ctx, input: z.output<typeof planSuspendInput>): PlanView {
  const p = loadPlan(ctx, input.id);
  return step(ctx, p, 'suspend', input.version, { suspendReason: input.reason });
}

function addPlanFollowUp(ctx: Ctx, input: z.output<typeof planFollowUpInput>): PlanView {
  const { id, requirementStatuses, ...followUp } = input;
  const p = loadPlan(ctx, id);
  notFuture(ctx, 'date', followUp.date);
  assertStatus(p, PLAN_FOLLOW_UP);
  const followUpId = recordFollowUp(ctx, subject(id), followUp, requirementStatuses);
  auditPlan(ctx, p, 'education.addFollowUp', { followUpId });
  return viewPlan(ctx, id);
}
