import { z } from 'zod';
import { dateText, requiredText } from '../common/inputs';
import { t } from '../i18n';

const year = z
  .number({ error: t('calendar.rules.yearRange') })
  .int(t('calendar.rules.yearRange'))
  .min(2000, t('calendar.rules.yearRange'))
  .max(2100, t('calendar.rules.yearRange'));

const festival = z.object({
  name: requiredText(20, 'calendar.rules.nameRequired'),
  ranges: z
    .array(
      z.object({
        from: dateText('calendar.rules.rangeRequired'),
        to: dateText('calendar.rules.rangeRequired'),
      }),
    )
    .min(1, t('calendar.rules.rangeRequired'))
    .max(10),
  workdays: z.array(dateText()).max(10),
});

/** What to check before saving: a pasted notice (`text`), or festivals entered by hand. */
export const calendarPreviewInput = z.object({
  year,
  text: z
    .string()
    .max(20_000, t('errors.tooLong', { max: 20_000 }))
    .optional(),
  festivals: z.array(festival).max(20).optional(),
});

export const calendarSaveInput = z.object({
  year,
  festivals: z.array(festival).min(1, t('calendar.rules.empty')).max(20),
  source: z.enum(['notice', 'manual']),
  noticeText: z.string().max(20_000).nullish(),
  /**
   * Correcting a year that is already there is an explicit edit: the caller says so, and for a
   * year already in the database names the version it saw.
   */
  replace: z.boolean().default(false),
  version: z.number().int().min(1).optional(),
});

export type CalendarSaveInput = z.output<typeof calendarSaveInput>;
