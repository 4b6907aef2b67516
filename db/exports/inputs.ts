// Input schemas of the Excel exports. Pure (zod only).
import { z } from 'zod';
import { childListInput } from '../children/inputs';
import { t } from '../i18n';

/** Full ID numbers instead of masked ones: only with a reason, which the audit row keeps. */
const fullIds = z
  .object({ reason: z.string().trim().min(2, t('ledger.export.reasonRequired')).max(200) })
  .nullish()
  .transform((v) => v ?? null);

/** The children list's own filters, search and order, as the screen has them. */
export const childrenExportInput = childListInput.omit({ offset: true, limit: true }).extend({ fullIds });

export const listExportInput = z.object({});
