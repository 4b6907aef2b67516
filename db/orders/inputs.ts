import { z } from 'zod';
import { RELATIONS } from '../children/codes';
import { dateText, editInput, listOrText, optionalDate, optionalText, requiredText } from '../common/inputs';
import { followUpFields, requirementItem } from '../followups/inputs';
import { t } from '../i18n';
import { PROBLEM_CODES } from './codes';

const draftFields = {
  guardians: z
    .array(z.object({ personId: z.string().min(1), relation: z.enum(RELATIONS) }))
    .min(1, t('validation.order.guardianRequired'))
    .max(4),
  caseNumber: optionalText(60),
  facts: requiredText(4000, 'validation.order.factsRequired'),
  problems: z
    .array(z.enum(PROBLEM_CODES as [string, ...string[]]))
    .max(PROBLEM_CODES.length)
    .default([]),
  problemsOther: optionalText(1000),
  requirements: z.array(requirementItem).min(1, t('validation.order.requirementsRequired')).max(20),
  /** Empty takes the standard wording (documents.order.*). */
  legalBasis: optionalText(1000),
  consequences: optionalText(1000),
};

const someProblem = listOrText('problems', 'problemsOther', 'validation.order.problemsRequired');

export const orderDraftInput = z
  .object({ childId: z.string().min(1), ...draftFields })
  .superRefine(someProblem);
export const orderUpdateInput = editInput(draftFields).superRefine(someProblem);
export const orderIdInput = z.object({ id: z.string().min(1) });
export const orderStepInput = editInput();
export const orderRejectInput = editInput({ note: requiredText(500) });
export const orderApproveInput = editInput({ issueDate: optionalDate() });
export const orderWithdrawInput = editInput({ reason: requiredText(500) });

export const orderDeliveryInput = editInput({
  method: z.enum(['written', 'onSite'], { error: t('validation.order.deliveryMethodRequired') }),
  date: dateText(),
  guardianSigned: z.boolean(),
  /** 考察期 end; empty takes three months from delivery. */
  observationEnd: optionalDate(),
});

export const orderFollowUpInput = editInput(followUpFields);

export const orderEvaluateInput = editInput({
  evaluation: z.enum(['met', 'basicallyMet', 'notMet'], {
    error: t('validation.order.evaluationRequired'),
  }),
  note: optionalText(2000),
  outcome: z.enum(['close', 'guidance', 'supportSuit'], { error: t('validation.order.outcomeRequired') }),
}).refine((v) => v.evaluation === 'notMet' || v.outcome === 'close', {
  path: ['outcome'],
  message: t('validation.order.escalateOnlyWhenNotMet'),
});

export const orderListInput = z.object({
  status: z
    .enum(['draft', 'pending', 'approved', 'observing', 'evaluating', 'closed', 'withdrawn', 'open', 'all'])
    .default('open'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
