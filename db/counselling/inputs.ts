import { z } from 'zod';
import { dateText, fieldIssue, optionalDate, optionalText, requiredText } from '../common/inputs';
import { t } from '../i18n';

export const assessmentInput = z
  .object({
    childId: z.string().min(1),
    date: dateText(),
    instrument: requiredText(60, 'validation.counselling.instrumentRequired'),
    score: optionalText(40),
    riskLevel: z.enum(['high', 'medium', 'low', 'none'], { error: t('validation.counselling.riskRequired') }),
    guardianConsent: z.boolean().default(false),
    childConsent: z.boolean().default(false),
    assessor: requiredText(40, 'validation.counselling.assessorRequired'),
    notes: optionalText(2000),
    crisis: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    // 预防未成年人犯罪法 art. 51: an assessment needs both consents, or it is not saved at all.
    if (!v.guardianConsent) fieldIssue(ctx, 'guardianConsent', 'validation.counselling.consentRequired');
    if (!v.childConsent) fieldIssue(ctx, 'childConsent', 'validation.counselling.consentRequired');
  });

export const sessionInput = z.object({
  childId: z.string().min(1),
  date: dateText(),
  institution: requiredText(60, 'validation.counselling.institutionRequired'),
  counsellor: requiredText(40, 'validation.counselling.counsellorRequired'),
  minutes: z
    .number({ error: t('validation.education.minutesRequired') })
    .int()
    .min(1)
    .max(600),
  summary: requiredText(4000, 'validation.counselling.summaryRequired'),
  sharedNote: optionalText(500),
  nextFollowUp: optionalDate(),
  crisis: z.boolean().default(false),
});

export const treatmentInput = z.object({
  childId: z.string().min(1),
  date: dateText(),
  institution: requiredText(60, 'validation.counselling.institutionRequired'),
  reason: requiredText(2000, 'validation.counselling.reasonRequired'),
  outcome: optionalText(2000),
});

export const forChildInput = z.object({ childId: z.string().min(1) });
