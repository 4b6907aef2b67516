import { z } from 'zod';
import { t } from '../i18n';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_MAX_MB, MAX_FILES_PER_ADD, RECORD_KINDS } from './codes';

// Base64 like every other file that crosses the bridge (ledger import, Excel export): a string
// survives IPC's structured clone and the browser tests' bridge alike. The size rule of the
// setting is the handler's; this bound only keeps a runaway input out of memory.
const MAX_BASE64 = Math.ceil((MAX_ATTACHMENT_MAX_MB * 1024 * 1024) / 3) * 4 + 4;

const recordRef = {
  recordKind: z.enum(RECORD_KINDS),
  recordId: z.string().min(1).max(64),
};

export const attachmentFileInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  title: z.string().trim().max(100, t('attachments.validation.titleTooLong')).nullish(),
  kind: z.enum(ATTACHMENT_KINDS, { error: t('attachments.validation.kindRequired') }),
  base64: z
    .string()
    .min(1, t('attachments.validation.empty'))
    .max(MAX_BASE64, t('attachments.validation.tooBigHard')),
  /** A small JPEG or PNG the renderer drew (images only). */
  thumbnailBase64: z.string().max(400_000).nullish(),
});

export const attachmentAddInput = z.object({
  ...recordRef,
  files: z
    .array(attachmentFileInput)
    .min(1, t('attachments.validation.noFiles'))
    .max(MAX_FILES_PER_ADD, t('attachments.validation.tooManyFiles', { max: MAX_FILES_PER_ADD })),
});

export const attachmentRecordInput = z.object(recordRef);
/** How many attachments each of a page's records has (the 附件 buttons in a table's rows). */
export const attachmentCountsInput = z.object({
  recordKind: z.enum(RECORD_KINDS),
  recordIds: z.array(z.string().min(1).max(64)).max(500),
});
export const attachmentChildInput = z.object({ childId: z.string().min(1).max(64) });
export const attachmentIdInput = z.object({ id: z.string().min(1).max(64) });
export const attachmentRemoveInput = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().min(1),
});
export const attachmentUpdateInput = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().min(1),
  title: z
    .string()
    .trim()
    .min(1, t('attachments.validation.titleRequired'))
    .max(100, t('attachments.validation.titleTooLong')),
  kind: z.enum(ATTACHMENT_KINDS),
});
export const attachmentBinInput = z.object({ limit: z.number().int().min(1).max(500).default(100) });
