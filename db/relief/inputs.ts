import { z } from 'zod';
import { dateText, editInput, optionalText, phoneText, requiredText } from '../common/inputs';
import { t } from '../i18n';
import { RELIEF_APPLICANT_RELATIONS, RELIEF_MATERIALS, RELIEF_STATUSES, RETURN_VISIT_METHODS } from './codes';
import { parseYuan } from './rules';

/** An amount typed in 元 (up to two decimals), carried on as integer 分. */
export function yuanAmount() {
  return z
    .string({ error: t('relief.validation.amountRequired') })
    .trim()
    .min(1, t('relief.validation.amountRequired'))
    .transform((v, ctx) => {
      const fen = parseYuan(v);
      if (fen === null) {
        ctx.addIssue({ code: 'custom', message: t('relief.validation.amountInvalid') });
        return z.NEVER;
      }
      if (fen === 0) {
        ctx.addIssue({ code: 'custom', message: t('relief.validation.amountZero') });
        return z.NEVER;
      }
      return fen;
    });
}

function optionalYuan() {
  return z
    .string()
    .trim()
    .nullish()
    .transform((v, ctx) => {
      if (!v) return null;
      const fen = parseYuan(v);
      if (fen === null) {
        ctx.addIssue({ code: 'custom', message: t('relief.validation.amountInvalid') });
        return z.NEVER;
      }
      return fen;
    });
}

const applicationFields = {
  applicantName: requiredText(40, 'relief.validation.applicantRequired'),
  applicantRelation: z.enum(RELIEF_APPLICANT_RELATIONS, { error: t('relief.validation.relationRequired') }),
  applicantPhone: phoneText(),
  applicationDate: dateText(),
  caseNumber: optionalText(60),
  reasons: requiredText(4000, 'relief.validation.reasonsRequired'),
  materials: z
    .array(z.enum(RELIEF_MATERIALS))
    .max(RELIEF_MATERIALS.length)
    .default([])
    .transform((m) => [...new Set(m)]),
  requested: optionalYuan(),
};

export const reliefCreateInput = z.object({ childId: z.string().min(1), ...applicationFields });
export const reliefUpdateInput = editInput(applicationFields);
export const reliefIdInput = z.object({ id: z.string().min(1) });

export const reliefReviewInput = editInput({ note: optionalText(2000) });

export const reliefGrantInput = editInput({
  decisionDate: dateText(),
  amount: yuanAmount(),
  reason: requiredText(2000, 'relief.validation.decisionReasonRequired'),
});

export const reliefDenyInput = editInput({
  decisionDate: dateText(),
  reason: requiredText(2000, 'relief.validation.denyReasonRequired'),
});

export const reliefPayInput = editInput({
  paidDate: dateText(),
  accountHolders: requiredText(100, 'relief.validation.accountHoldersRequired'),
  bank: requiredText(60, 'relief.validation.bankRequired'),
  accountTail: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || /^\d{4}$/.test(v), t('relief.validation.accountTail')),
  accountSupervisor: requiredText(60, 'relief.validation.supervisorRequired'),
});

export const reliefReturnVisitInput = editInput({
  date: dateText(),
  method: z.enum(RETURN_VISIT_METHODS, { error: t('relief.validation.visitMethodRequired') }),
  findings: requiredText(2000, 'relief.validation.findingsRequired'),
});

export const reliefWithdrawInput = editInput({ reason: requiredText(500) });

export const reliefListInput = z.object({
  status: z.enum([...RELIEF_STATUSES, 'open', 'all']).default('open'),
  /** Application year; null for every year. */
  year: z.number().int().min(2000).max(2100).nullish(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
