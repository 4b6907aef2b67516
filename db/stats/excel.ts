// The 台账 as the studio sends it upward: an .xlsx written by exceljs in the core, so the bytes
// hashed into the audit row are the bytes the caseworker saves.
import ExcelJS from 'exceljs';
import { t } from '../i18n';
import { type Breakdown, FIGURES, GROUPS } from './codes';
import type { Ledger } from './model';
import { figureHead, ledgerRows, periodLabel, periodRange } from './table';

const FONT = '宋体';
const HEAD_FONT = '黑体';
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Rows above the data: title, 单位, 统计期间, group heads, figure heads. */
export const HEADER_ROWS = 5;

export async function ledgerWorkbook(
  ledger: Ledger,
  breakdown: Breakdown,
  exporter: { name: string; at: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t('stats.studio');
  wb.title = t('stats.excel.title');
  const ws = wb.addWorksheet(t('stats.excel.sheet'), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '4:5',
    },
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROWS }],
  });
  const cols = FIGURES.length + 1;
  ws.columns = [{ width: 16 }, ...FIGURES.map(() => ({ width: 11 }))];

  const band = (row: number, text: string, size: number, bold: boolean, align: 'center' | 'left') => {
    ws.mergeCells(row, 1, row, cols);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = { name: bold ? HEAD_FONT : FONT, size, bold };
    c.alignment = { horizontal: align, vertical: 'middle' };
  };
  band(1, t('stats.excel.title'), 18, true, 'center');
  ws.getRow(1).height = 30;
  band(2, t('stats.excel.unitLine', { studio: t('stats.studio') }), 11, false, 'left');
  band(
    3,
    t('stats.excel.periodLine', { period: `${periodLabel(ledger.period)}（${periodRange(ledger.period)}）` }),
    11,
    false,
    'left',
  );

  // Group heads merged over their figures, the row head merged over both head rows.
  ws.mergeCells(4, 1, 5, 1);
  ws.getCell(4, 1).value = breakdown === 'township' ? t('stats.page.township') : t('stats.page.caseworker');
  let col = 2;
  for (const group of GROUPS) {
    const n = FIGURES.filter((f) => f.group === group).length;
    if (n > 1) ws.mergeCells(4, col, 4, col + n - 1);
    ws.getCell(4, col).value = t(`stats.groups.${group}`);
    col += n;
  }
  FIGURES.forEach((def, i) => {
    ws.getCell(5, i + 2).value = figureHead(def);
  });
  for (const r of [4, 5]) {
    const row = ws.getRow(r);
    row.height = r === 5 ? 34 : 20;
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      cell.font = { name: HEAD_FONT, size: 10, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }

  let r = HEADER_ROWS + 1;
  for (const row of ledgerRows(ledger, breakdown)) {
    const out = ws.getRow(r++);
    out.getCell(1).value = row.label;
    row.values.forEach((v, i) => {
      const cell = out.getCell(i + 2);
      cell.value = v === null ? '—' : v;
      // 元 keeps its two decimals in the cell's format; the value stays a number to add up.
      if (v !== null && FIGURES[i].unit === 'yuan') cell.numFmt = '0.00';
    });
    const strong = row.kind !== 'cell';
    for (let c = 1; c <= cols; c++) {
      const cell = out.getCell(c);
      cell.font = { name: strong ? HEAD_FONT : FONT, size: 10, bold: strong };
      cell.alignment = { horizontal: c === 1 ? 'left' : 'center', vertical: 'middle' };
      cell.border = BORDER;
    }
  }
  const foot = ws.getRow(r + 1);
  ws.mergeCells(r + 1, 1, r + 1, cols);
  foot.getCell(1).value = t('stats.excel.exportedLine', { name: exporter.name, at: exporter.at });
  foot.getCell(1).font = { name: FONT, size: 9 };
  ws.headerFooter.oddFooter = `&L${t('stats.studio')}&R&P / &N`;

  const defs = wb.addWorksheet(t('stats.excel.definitions'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  defs.columns = [{ width: 20 }, { width: 8 }, { width: 12 }, { width: 90 }];
  const head = defs.addRow([
    t('stats.excel.defFigure'),
    t('stats.excel.defUnit'),
    t('stats.excel.defBasis'),
    t('stats.excel.defDefinition'),
  ]);
  head.eachCell((c) => {
    c.font = { name: HEAD_FONT, size: 10, bold: true };
    c.border = BORDER;
  });
  for (const def of FIGURES) {
    const row = defs.addRow([
      t(`stats.figures.${def.key}.name`),
      t(`stats.units.${def.unit}`),
      t(`stats.figures.${def.key}.basis`),
      t(`stats.figures.${def.key}.definition`),
    ]);
    row.eachCell((c) => {
      c.font = { name: FONT, size: 10 };
      c.alignment = { vertical: 'middle', wrapText: true };
      c.border = BORDER;
    });
  }
  defs.addRow([]);
  defs.addRow([t('stats.excel.defNote')]).getCell(1).font = { name: FONT, size: 10 };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
