import { z } from 'zod';
import { dateText, editInput, optionalDate, optionalText, requiredText } from '../common/inputs';
import { followUpFields, requirementItem } from '../followups/inputs';
import { t } from '../i18n';

export const admonitionInput = z.object({
  childId: z.string().min(1),
  guardianPersonId: z
    .string({ error: t('validation.education.guardianRequired') })
    .min(1, t('validation.education.guardianRequired')),
  date: dateText(),
  place: requiredText(100, 'validation.education.placeRequired'),
  reason: requiredText(1000, 'validation.education.reasonRequired'),
  deliveredBy: requiredText(40, 'validation.education.deliveredByRequired'),
});

const level = z
  .enum(['high', 'medium', 'low'])
  .nullish()
  .transform((v) => v ?? null);

const planFields = {
  kind: z.enum(['ordered', 'voluntary'], { error: t('validation.education.kindRequired') }),
  guardianPersonIds: z.array(z.string().min(1)).min(1, t('validation.education.guardianRequired')).max(4),
  assessmentDate: optionalDate(),
  willingness: level,
  ability: level,
  relationship: z
    .enum(['good', 'fair', 'poor'])
    .nullish()
    .transform((v) => v ?? null),
  assessmentNote: optionalText(1000),
  provider: optionalText(60),
  startDate: optionalDate(),
  endDate: optionalDate(),
  sessionsPerMonth: z.number().int().min(1).max(8).default(1),
  minMinutes: z.number().int().min(10).max(240).default(40),
  goals: z.array(requirementItem).max(20).default([]),
};

function termRules(v: { startDate: string | null; endDate: string | null }, ctx: z.RefinementCtx) {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: t('validation.custody.beforeStart') });
  }
}

export const planCreateInput = z.object({ childId: z.string().min(1), ...planFields }).superRefine(termRules);
export const planUpdateInput = editInput(planFields).superRefine(termRules);
export const planIdInput = z.object({ id: z.string().min(1) });
export const planStartInput = editInput();

export const sessionInput = z.object({
  planId: z.string().min(1),
  date: dateText(),
  mode: z.enum(['individual', 'family', 'group', 'inSitu'], {
    error: t('validation.education.modeRequired'),
  }),
  minutes: z
    .number({ error: t('validation.education.minutesRequired') })
    .int()
    .min(1)
    .max(600),
  attendees: requiredText(200, 'validation.education.attendeesRequired'),
  instructor: requiredText(40, 'validation.education.instructorRequired'),
  content: requiredText(2000, 'validation.education.contentRequired'),
  homework: optionalText(1000),
  evaluation: optionalText(1000),
});

export const planCompleteInput = editInput({
  completedDate: dateText(),
  finalResult: z.enum(['met', 'basicallyMet', 'notMet'], { error: t('validation.education.resultRequired') }),
  finalEvaluation: requiredText(2000, 'validation.education.evaluationRequired'),
});

export const planSuspendInput = editInput({
  reason: requiredText(500, 'validation.education.suspendReasonRequired'),
});

export const planFollowUpInput = z.object({ id: z.string().min(1), ...followUpFields });
