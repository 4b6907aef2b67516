// The one spreadsheet writer for every list that leaves the app: Chinese headers, a frozen
// header row, an auto filter, and the SHA-256 of the exact bytes returned, for the audit row.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';

export type XlsxValue = string | number | null;

export interface XlsxColumn {
  header: string;
  /** Width in characters; a CJK character counts as two. */
  width?: number;
}

export interface XlsxFile {
  fileName: string;
  /** base64, as the file crosses IPC and the test bridge. */
  data: string;
  sha256: string;
  rows: number;
}

const displayWidth = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);

export async function writeXlsx(
  fileName: string,
  sheetName: string,
  columns: XlsxColumn[],
  rows: XlsxValue[][],
): Promise<XlsxFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '向阳';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({
    header: c.header,
    // Text cells: an ID number or a phone number must stay exactly as written.
    style: { numFmt: '@' },
    width:
      c.width ??
      Math.min(
        40,
        Math.max(displayWidth(c.header), ...rows.slice(0, 200).map((r) => displayWidth(String(r[i] ?? '')))) +
          2,
      ),
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row.map((v) => (v === null ? '' : v)));
  if (columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName,
    data: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rows: rows.length,
  };
}
