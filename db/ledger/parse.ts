// Reading a ledger file's bytes into sheets of cells with exceljs. .xlsx and .csv only: an old
// .xls (a different, binary format) gets a message to save it as .xlsx.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ApiError } from '../api/errors';
import { t } from '../i18n';
import type { SourceCell } from './rules';
import { type PlainSheet, readPlainXlsx } from './xlsx';

export interface SourceSheet {
  name: string;
  /** Row by row from the sheet's first row; each row as wide as the widest. */
  rows: SourceCell[][];
}

const EMPTY_CELL: SourceCell = { text: '', kind: 'empty' };

function fail(key: 'ledger.error.xls' | 'ledger.error.unreadable' | 'ledger.error.type'): never {
  throw new ApiError('VALIDATION', t(key), { file: t(key) });
}

function toCell(value: ExcelJS.CellValue): SourceCell {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (value instanceof Date)
    return { text: value.toISOString().slice(0, 10), kind: 'date', num: value.getTime() };
  if (typeof value === 'number') return { text: String(value), kind: 'number', num: value };
  if (typeof value === 'string') return value.trim() ? { text: value, kind: 'text' } : EMPTY_CELL;
  if (typeof value === 'boolean') return { text: value ? '是' : '否', kind: 'text' };
  if (typeof value === 'object') {
    if ('richText' in value) return toCell(value.richText.map((r) => r.text).join(''));
    if ('formula' in value || 'sharedFormula' in value)
      return toCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return toCell(String((value as { text: unknown }).text));
    if ('error' in value) return { text: String((value as { error: unknown }).error), kind: 'text' };
  }
  return EMPTY_CELL;
}

/** The rows as cells, each as wide as the widest row: the same for either reader's values. */
function toRows(values: (r: number) => ExcelJS.CellValue[], rowCount: number, width: number): SourceCell[][] {
  const rows: SourceCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const v = values(r);
    const cells: SourceCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(toCell(v[c]));
    rows.push(cells);
  }
  return rows;
}

function sheetRows(ws: ExcelJS.Worksheet): SourceCell[][] {
  // The row's values as a sparse array (index = column): asking for each cell instead makes
  // exceljs create every empty one, a third of reading a 10,000-row ledger. A merged cell's
  // every part reads as its first cell's value: merged cells down a column (one township
  // for several children) fill each row they span.
  return toRows((r) => ws.getRow(r).values as ExcelJS.CellValue[], ws.rowCount, ws.columnCount);
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Excel on a Chinese Windows saves "CSV" in the system code page.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export type LedgerKind = 'xlsx' | 'csv';

export function ledgerKind(fileName: string, bytes: Buffer): LedgerKind {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const ole = bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0;
  if (ext === 'xls' || ole) fail('ledger.error.xls');
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  fail('ledger.error.type');
}

/**
 * An .xlsx by the plain reader (xlsx.ts), which gives exceljs's values for the files the studio
 * saves, at a fraction of the time; null where it cannot vouch for that (exceljs reads it then).
 */
function readPlain(bytes: Buffer): SourceSheet[] | null {
  let sheets: PlainSheet[];
  try {
    sheets = readPlainXlsx(bytes);
  } catch {
    return null;
  }
  return sheets
    .filter((ws) => ws.state !== 'veryHidden')
    .map((ws) => ({
      name: ws.name,
      rows: toRows((r) => ws.rows[r - 1] as ExcelJS.CellValue[], ws.rows.length, ws.columnCount),
    }));
}

export async function readLedger(fileName: string, bytes: Buffer): Promise<SourceSheet[]> {
  const kind = ledgerKind(fileName, bytes);
  if (kind === 'xlsx') {
    const plain = readPlain(bytes);
    if (plain) return plain;
  }
  return readWithExceljs(fileName, kind, bytes);
}

/** The reader for every .csv and for an .xlsx the plain reader leaves alone. */
export async function readWithExceljs(
  fileName: string,
  kind: LedgerKind,
  bytes: Buffer,
): Promise<SourceSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    if (kind === 'xlsx') {
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } else {
      // Every value stays the text it was: exceljs would otherwise turn ID numbers into numbers.
      await wb.csv.read(Readable.from([decodeText(bytes)]), { map: (v: unknown) => v } as never);
      wb.worksheets[0].name = fileName.replace(/\.[^.]+$/, '').slice(0, 31) || 'CSV';
    }
  } catch {
    fail('ledger.error.unreadable');
  }
  return wb.worksheets
    .filter((ws) => ws.state !== 'veryHidden')
    .map((ws) => ({ name: ws.name, rows: sheetRows(ws) }));
}
