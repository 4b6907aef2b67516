import { z } from 'zod';
import { TOWNSHIPS } from '../children/inputs';
import { dateText, editInput, optionalText, requiredText } from '../common/inputs';
import { t } from '../i18n';
import { AUDIENCE_KINDS, OUTREACH_STATUSES, PHOTO_NAME, PLACE_KINDS, TOPICS } from './codes';

const id = z.string().min(1);

const audienceCount = z
  .number({ error: t('outreach.validation.audienceCount') })
  .int(t('outreach.validation.audienceCount'))
  .min(1, t('outreach.validation.audienceCount'))
  .max(100_000, t('outreach.validation.audienceCount'));

const photos = z
  .array(z.string().trim().regex(PHOTO_NAME, t('outreach.validation.photoName')))
  .max(50)
  .default([])
  .transform((names) => [...new Set(names)]);

/** The event's fields, shared by the form (client-side check) and the API. */
export const outreachFields = {
  date: dateText('outreach.validation.dateRequired'),
  township: z.enum(TOWNSHIPS, { error: t('outreach.validation.townshipRequired') }),
  placeKind: z.enum(PLACE_KINDS, { error: t('outreach.validation.placeKindRequired') }),
  placeName: requiredText(100, 'outreach.validation.placeNameRequired'),
  topic: z.enum(TOPICS, { error: t('outreach.validation.topicRequired') }),
  title: optionalText(100),
  audienceKind: z.enum(AUDIENCE_KINDS, { error: t('outreach.validation.audienceKindRequired') }),
  audienceCount: audienceCount.nullish().transform((v) => v ?? null),
  speakers: z
    .array(z.string().trim().min(1).max(40))
    .min(1, t('outreach.validation.speakersRequired'))
    .max(20)
    .transform((names) => [...new Set(names)]),
  photos,
  note: optionalText(2000),
};

// 「其他」 needs a title saying what the talk was about, or the 台账 cannot describe it. Checked
// even when other fields are wrong (`when`), so the form shows every mistake at once.
const otherNeedsTitle = {
  check: (v: { topic: string; title: string | null }) => v.topic !== 'other' || !!v.title,
  params: {
    path: ['title'],
    message: t('outreach.validation.titleForOther'),
    when: (p: { value: unknown }) => (p.value as { topic?: unknown } | null)?.topic === 'other',
  },
};

export const outreachCreateInput = z
  .object(outreachFields)
  .refine(otherNeedsTitle.check, otherNeedsTitle.params);
export const outreachUpdateInput = editInput(outreachFields).refine(
  otherNeedsTitle.check,
  otherNeedsTitle.params,
);
export const outreachIdInput = z.object({ id });
export const outreachHoldInput = editInput({
  date: dateText('outreach.validation.dateRequired'),
  audienceCount,
  photos,
});
export const outreachCancelInput = editInput({
  reason: requiredText(500, 'outreach.validation.cancelReasonRequired'),
});

export const OUTREACH_VIEWS = [...OUTREACH_STATUSES, 'all'] as const;
export const outreachFilterFields = {
  status: z.enum(OUTREACH_VIEWS).default('all'),
  topic: z.enum(TOPICS).nullish(),
  township: z.enum(TOWNSHIPS).nullish(),
  from: z.string().nullish(),
  to: z.string().nullish(),
};
export const outreachListInput = z.object({
  ...outreachFilterFields,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export const outreachExportInput = z.object(outreachFilterFields);
export type OutreachFilters = z.output<typeof outreachExportInput>;
