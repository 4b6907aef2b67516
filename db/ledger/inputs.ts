// Input schemas of the ledger import. Pure (zod only): the wizard uses the types too.
import { z } from 'zod';
import { requiredText } from '../common/inputs';
import { t } from '../i18n';
import { LEDGER_FIELDS, MERGE_FIELDS } from './codes';

/** 20 MB: several times the largest ledger the studio keeps, as base64 text. */
const MAX_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3);

/** The file travels as base64: IPC and the test bridge both pass text safely. */
export const ledgerFile = {
  fileName: requiredText(200, 'ledger.error.noFile'),
  data: z.string().min(1, t('ledger.error.noFile')).max(MAX_BASE64, t('ledger.error.tooLarge')),
};

export const ledgerReadInput = z.object({
  ...ledgerFile,
  sheet: z.string().max(100).nullish(),
  /** 0-based; null means "the detected one". */
  headerRow: z.number().int().min(0).max(10_000).nullish(),
});

const mappingColumns = z.array(z.enum(LEDGER_FIELDS).nullable()).max(200);

export const ledgerPreviewInput = z.object({
  ...ledgerFile,
  sheet: z.string().min(1).max(100),
  headerRow: z.number().int().min(0).max(10_000),
  /** Column (0-based) → field, null for a column left out. */
  columns: mappingColumns,
});
export type LedgerPreviewInput = z.input<typeof ledgerPreviewInput>;

/** What to do with a row that matches an existing file. Rows not named are skipped. */
export const rowDecision = z.object({
  action: z.enum(['merge', 'new', 'skip']),
  fields: z.array(z.enum(MERGE_FIELDS)).max(MERGE_FIELDS.length).default([]),
});

export const ledgerCommitInput = ledgerPreviewInput.extend({
  /** Keyed by the sheet's row number (1-based, as Excel shows it). */
  decisions: z.record(z.string().regex(/^\d+$/), rowDecision).default({}),
});
export type LedgerCommitInput = z.input<typeof ledgerCommitInput>;

export const mappingSaveInput = z.object({
  name: requiredText(40, 'ledger.error.mappingName'),
  headers: z.record(z.string().max(100), z.enum(LEDGER_FIELDS)),
});
