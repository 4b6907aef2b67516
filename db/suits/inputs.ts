import { z } from 'zod';
import { dateText, editInput, fieldIssue, listOrText, optionalText, requiredText } from '../common/inputs';
import { t } from '../i18n';
import {
  NEW_GUARDIAN_KINDS,
  SUIT_APPLICANTS,
  SUIT_DECISIONS,
  SUIT_DOCUMENTS,
  SUIT_GROUNDS,
  SUIT_KINDS,
  SUIT_STATUSES,
} from './codes';

const draftFields = {
  kind: z.enum(SUIT_KINDS, { error: t('suits.validation.kindRequired') }),
  grounds: z
    .array(z.enum(SUIT_GROUNDS))
    .max(SUIT_GROUNDS.length)
    .default([])
    .transform((g) => [...new Set(g)]),
  groundsText: optionalText(2000),
  respondentIds: z.array(z.string().min(1)).min(1, t('suits.validation.respondentRequired')).max(4),
  applicantKind: z.enum(SUIT_APPLICANTS, { error: t('suits.validation.applicantRequired') }),
  applicantName: optionalText(60),
  applicantContact: optionalText(60),
  documents: z
    .array(z.enum(SUIT_DOCUMENTS))
    .max(SUIT_DOCUMENTS.length)
    .default([])
    .transform((d) => [...new Set(d)]),
  facts: requiredText(4000, 'suits.validation.factsRequired'),
  /** Empty takes the standard wording (suits.document.opinion). */
  opinion: optionalText(2000),
  orderId: optionalText(60),
  planId: optionalText(60),
};

const someGround = listOrText('grounds', 'groundsText', 'suits.validation.groundsRequired');

export const suitCreateInput = z
  .object({ childId: z.string().min(1), ...draftFields })
  .superRefine(someGround);
export const suitUpdateInput = editInput(draftFields).superRefine(someGround);
export const suitIdInput = z.object({ id: z.string().min(1) });

export const suitIssueInput = editInput({ issueDate: dateText() });

export const suitFileInput = editInput({
  court: requiredText(60, 'suits.validation.courtRequired'),
  filedDate: dateText(),
  courtCaseNumber: requiredText(60, 'suits.validation.caseNumberRequired'),
});

export const suitDecideInput = editInput({
  decision: z.enum(SUIT_DECISIONS, { error: t('suits.validation.decisionRequired') }),
  decisionDate: dateText(),
  newGuardianName: optionalText(60),
  newGuardianKind: z.enum(NEW_GUARDIAN_KINDS).nullish(),
  note: optionalText(2000),
}).superRefine((v, ctx) => {
  // A revoked or changed guardianship names who takes over (民法典 art. 36: the court appoints one).
  if (v.decision !== 'revoked' && v.decision !== 'changed') return;
  if (!v.newGuardianName) fieldIssue(ctx, 'newGuardianName', 'suits.validation.newGuardianRequired');
  if (!v.newGuardianKind) fieldIssue(ctx, 'newGuardianKind', 'suits.validation.newGuardianKindRequired');
});

export const suitWithdrawInput = editInput({ reason: requiredText(500) });

export const suitListInput = z.object({
  status: z.enum([...SUIT_STATUSES, 'open', 'all']).default('open'),
  kind: z.enum([...SUIT_KINDS, 'all']).default('all'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
