import { z } from 'zod';
import { isRealDate } from '../common/dates';
import { optionalDate, requiredText } from '../common/inputs';
import { t } from '../i18n';
import { PERIOD_KINDS } from '../stats/codes';

/** The parts a referral summary (转介摘要) can carry, in the order the document prints them. */
export const SUMMARY_SECTIONS = [
  'basic',
  'guardianship',
  'needs',
  'referrals',
  'education',
  'orders',
  'counselling',
  'visits',
  // 附件目录: the titles of the child's attachments; with appendFiles their PDFs and images
  // follow the summary's pages in the exported file (README 附件).
  'attachments',
] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

export const childSummaryInput = z
  .object({
    childId: z.string().min(1),
    sections: z
      .array(z.enum(SUMMARY_SECTIONS))
      .min(1, t('documents.validation.sectionsRequired'))
      .transform((s) => SUMMARY_SECTIONS.filter((k) => s.includes(k))),
    from: optionalDate(),
    to: optionalDate(),
    /** The agency the summary is addressed to (致：…). */
    partner: requiredText(40, 'documents.validation.partnerRequired'),
    /** The full ID number instead of the masked one, for a stated reason (audited). */
    fullId: z
      .object({ reason: requiredText(200, 'documents.validation.reasonRequired') })
      .nullish()
      .transform((v) => v ?? null),
    /** The detained relative's charge (罪名) and case number; sensitive (个人信息保护法 art. 28). */
    includeCharge: z.boolean().default(false),
    /**
     * 附上附件原件: the listed PDFs and images appended after the summary's pages when it is
     * exported (documents.appendAttachments). Only with the 附件目录 section.
     */
    appendFiles: z.boolean().default(false),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: t('documents.validation.rangeReversed'),
  });

export const EXPORT_KINDS = ['orderPdf', 'childSummary', 'statsPdf', 'reliefPdf', 'suitPdf'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** What the caller knows about an export before the file exists. */
export const exportInfoInput = z.object({
  kind: z.enum(EXPORT_KINDS),
  /** The order's id, or the child's for a summary. */
  entityId: z.string().min(1).max(64),
  /** Every kind but statsPdf is about one child. */
  childId: z.string().min(1).max(64).optional(),
  /** statsPdf: the ledger's period (entityId is then 'ledger'). */
  period: z
    .object({
      kind: z.enum(PERIOD_KINDS),
      from: z.string().refine(isRealDate),
      to: z.string().refine(isRealDate),
    })
    .optional(),
  sections: z.array(z.enum(SUMMARY_SECTIONS)).max(SUMMARY_SECTIONS.length).optional(),
  partner: z.string().trim().min(1).max(40).optional(),
});

export const recordExportInput = exportInfoInput.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, t('documents.validation.sha256')),
  /** The file's name only, never its folder: a path can carry a user's name. */
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((v) => !/[\\/]/.test(v), t('documents.validation.fileName')),
  pages: z.number().int().min(1).max(10_000).optional(),
});

/** The PDF the shell printed for a child's summary, to append the attachments it lists. */
export const appendAttachmentsInput = z.object({
  childId: z.string().min(1).max(64),
  // Any Uint8Array (a Buffer from printToPDF, pdf-lib's bytes): the merge only reads it.
  pdf: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
});
