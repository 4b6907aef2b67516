import { z } from 'zod';
import { NEED_KINDS } from '../children/codes';
import { dateText, optionalDate, optionalText } from '../common/inputs';
import { t } from '../i18n';

const findings = z.object({
  living: optionalText(2000),
  schooling: optionalText(2000),
  health: optionalText(2000),
  psychological: optionalText(2000),
  safety: optionalText(2000),
});

const needsFound = z
  .array(z.object({ kind: z.enum(NEED_KINDS), note: optionalText(200) }))
  .max(NEED_KINDS.length);

/** A draft takes whatever has been typed so far: nothing is required until it is submitted. */
export const visitDraftInput = z.object({
  id: z.string().nullish(),
  childId: z.string().min(1),
  date: z.string().max(10).nullish(),
  kind: z.enum(['home', 'school', 'phone', 'atOffice']).nullish(),
  place: z.string().max(100).nullish(),
  visitors: z.string().max(200).nullish(),
  personsMet: z.string().max(200).nullish(),
  findings: z
    .object({
      living: z.string().max(2000).nullish(),
      schooling: z.string().max(2000).nullish(),
      health: z.string().max(2000).nullish(),
      psychological: z.string().max(2000).nullish(),
      safety: z.string().max(2000).nullish(),
    })
    .default({}),
  needsFound: z
    .array(z.object({ kind: z.enum(NEED_KINDS), note: z.string().max(200).nullish() }))
    .max(NEED_KINDS.length)
    .default([]),
  actionsAgreed: z.string().max(2000).nullish(),
  nextVisitDate: z.string().max(10).nullish(),
});

export const visitFinalizeInput = z
  .object({
    id: z.string().min(1),
    date: dateText('validation.visit.dateRequired'),
    kind: z.enum(['home', 'school', 'phone', 'atOffice'], { error: t('validation.visit.kindRequired') }),
    place: optionalText(100),
    visitors: optionalText(200),
    personsMet: optionalText(200),
    findings,
    needsFound,
    actionsAgreed: optionalText(2000),
    nextVisitDate: optionalDate(),
  })
  .superRefine((v, ctx) => {
    if (!Object.values(v.findings).some(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['findings'], message: t('validation.visit.findingsRequired') });
    }
    if (v.nextVisitDate && v.nextVisitDate <= v.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextVisitDate'],
        message: t('validation.visit.nextAfterVisit'),
      });
    }
  });

export const visitIdInput = z.object({ id: z.string().min(1) });
export const visitChildInput = z.object({ childId: z.string().min(1) });

export const visitRecentInput = z.object({
  /** Whose children; empty for the signed-in user's, null for everyone's. */
  ownerId: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
