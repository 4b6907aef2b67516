// Input schemas of the referrals area. Pure (zod only): the renderer's forms use them too.
import { z } from 'zod';
import { RELATIONS } from '../children/codes';
import { childCreateInput, custodyStartFields, personInput } from '../children/inputs';
import { dateText, editInput, optionalDate, optionalText, requiredText } from '../common/inputs';
import { t } from '../i18n';
import { CARRIERS, REFERRAL_STATUSES, URGENCIES } from './codes';

/** A child the referral names: one on file, or one registered from inside the referral. */
const namedChild = z
  .object({ childId: z.string().nullish(), child: childCreateInput.nullish() })
  .refine((v) => !!v.childId !== !!v.child, { message: t('validation.referral.pickOrCreateChild') });

/** A detained person: one on file or a new one, their relation to the children, and the measure. */
const detainedPerson = z
  .object({
    personId: z.string().nullish(),
    person: personInput.nullish(),
    relation: z.enum(RELATIONS, { error: t('validation.person.relationRequired') }),
    isGuardian: z.boolean().default(true),
    custody: z.object(custodyStartFields).nullish(),
  })
  .refine((v) => !!v.personId !== !!v.person, {
    path: ['personId'],
    message: t('validation.person.pickOrCreate'),
  });

export const referralCreateInput = z.object({
  sourceDepartment: requiredText(30, 'validation.referral.departmentRequired'),
  sourceCaseNumber: optionalText(60),
  receivedDate: dateText('validation.referral.receivedRequired'),
  summary: optionalText(2000),
  urgency: z.enum(URGENCIES).default('normal'),
  detained: z.array(detainedPerson).max(10).default([]),
  children: z.array(namedChild).min(1, t('validation.referral.childrenRequired')).max(20),
});
export type ReferralCreateInput = z.input<typeof referralCreateInput>;

export const referralUpdateInput = editInput({
  sourceDepartment: requiredText(30, 'validation.referral.departmentRequired'),
  sourceCaseNumber: optionalText(60),
  receivedDate: dateText('validation.referral.receivedRequired'),
  summary: optionalText(2000),
  urgency: z.enum(URGENCIES).default('normal'),
});

export const referralLinkChildInput = z.object({
  id: z.string().min(1),
  childId: z.string().nullish(),
  child: childCreateInput.nullish(),
});

export const referralTransitionInput = editInput({ to: z.enum(REFERRAL_STATUSES) });

export const referralGetInput = z.object({ id: z.string().min(1) });

export const INBOX_VIEWS = ['open', 'overdue', ...REFERRAL_STATUSES, 'all'] as const;

export const referralListInput = z.object({
  view: z.enum(INBOX_VIEWS).default('open'),
  sourceDepartment: z.string().max(30).optional(),
  agency: z.string().max(30).optional(),
  from: optionalDate(),
  to: optionalDate(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

const actionFields = {
  agency: requiredText(30, 'validation.referral.agencyRequired'),
  carrier: z.enum(CARRIERS, { error: t('validation.referral.carrierRequired') }),
  sentDate: dateText('validation.referral.sentRequired'),
  /** Empty takes the default for the carrier (DOMAIN.md). */
  replyDue: optionalDate(),
  followUpNote: optionalText(1000),
};

export const actionAddInput = z.object({ referralId: z.string().min(1), ...actionFields });
export const actionUpdateInput = editInput(actionFields);

export const actionReplyInput = editInput({
  replyDate: dateText(),
  result: requiredText(1000, 'validation.referral.resultRequired'),
  followUpNote: optionalText(1000),
});

export const actionWithdrawInput = editInput({
  reason: requiredText(500, 'validation.referral.withdrawReasonRequired'),
});
