import { z } from 'zod';
import { dateText } from '../common/inputs';
import { t } from '../i18n';
import { BREAKDOWNS, FIGURE_KEYS } from './codes';
import { monthPeriod, type Period, quarterPeriod, yearPeriod } from './rules';

const year = z
  .number({ error: t('stats.validation.year') })
  .int(t('stats.validation.year'))
  .min(2000, t('stats.validation.year'))
  .max(2100, t('stats.validation.year'));

/** A month, quarter, year or custom range; always resolved to two dates before any counting. */
export const periodInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('year'), year }),
    z.object({
      kind: z.literal('quarter'),
      year,
      quarter: z.number().int().min(1, t('stats.validation.quarter')).max(4, t('stats.validation.quarter')),
    }),
    z.object({
      kind: z.literal('month'),
      year,
      month: z.number().int().min(1, t('stats.validation.month')).max(12, t('stats.validation.month')),
    }),
    z.object({ kind: z.literal('custom'), from: dateText(), to: dateText() }),
  ])
  .superRefine((p, ctx) => {
    if (p.kind !== 'custom') return;
    if (p.from > p.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: t('stats.validation.rangeReversed') });
    else if (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) > 5)
      ctx.addIssue({ code: 'custom', path: ['to'], message: t('stats.validation.rangeTooLong') });
  })
  .transform((p): Period => {
    switch (p.kind) {
      case 'year':
        return yearPeriod(p.year);
      case 'quarter':
        return quarterPeriod(p.year, p.quarter);
      case 'month':
        return monthPeriod(p.year, p.month);
      default:
        return { kind: 'custom', from: p.from, to: p.to };
    }
  });

export const ledgerInput = z.object({ period: periodInput });

export const drillInput = z.object({
  period: periodInput,
  figure: z.enum(FIGURE_KEYS),
  /** One township's or one caseworker's cell; neither is the studio's total. */
  township: z
    .string()
    .max(40)
    .nullish()
    .transform((v) => v ?? null),
  /** An account id, or '' for records whose child has no caseworker. */
  ownerId: z
    .string()
    .max(64)
    .nullish()
    .transform((v) => (v === undefined ? null : v)),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const exportExcelInput = z.object({
  period: periodInput,
  breakdown: z.enum(BREAKDOWNS).default('township'),
});

export const mineInput = z.object({ year });
