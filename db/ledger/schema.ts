import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { recordColumns } from '../common/columns';
import type { LedgerField } from './codes';

export interface ImportCounts {
  rows: number;
  imported: number;
  merged: number;
  skipped: number;
}

// 台账导入: one row per committed import, so the same file (by SHA-256) is not imported twice.
export const ledgerImports = sqliteTable(
  'ledger_imports',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    sheet: text('sheet').notNull(),
    headerRow: integer('header_row').notNull(),
    counts: text('counts', { mode: 'json' }).$type<ImportCounts>().notNull(),
    /** Row numbers and reasons only: the report of skipped rows is rebuilt from the file itself. */
    skipped: text('skipped', { mode: 'json' }).$type<{ row: number; reason: string }[]>().notNull(),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('ledger_imports_hash').on(t.fileHash, t.sheet),
    index('ledger_imports_created').on(t.createdAt),
  ],
);

// A saved column mapping: header text → field, so a ledger with its columns moved still maps.
export const ledgerMappings = sqliteTable('ledger_mappings', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  headers: text('headers', { mode: 'json' }).$type<Record<string, LedgerField>>().notNull(),
  ...recordColumns(),
});
