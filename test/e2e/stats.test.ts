/**
 * 统计台账 in the browser, on the article's year (test/fixtures/statsExample.ts): a caseworker
 * opens the page, picks a period, reads the figures, drills into one, exports the Excel file
 * (compared cell by cell with the ledger on screen) and the PDF (read with pdftotext); the
 * charts are drawn offline in their own chunk, each with its table beside it.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_2026, seedStatsExample } from '../fixtures/statsExample';
import { browserAvailable, RENDERER_DIR, ROOT, shot } from './harness';
import { PRINT_DIR, pdfPngs, pdfText, simulateShell } from './print-support';
import { ADMIN, SUPERVISOR } from './support/people';
import { assertClean, inStudio, invoke, signIn, staffStudio, useBrowser } from './support/studio';
import { shotWhole } from './support/ui';

const DOWNLOADS = path.join(ROOT, 'test-results/stats');

/** Grows the window to the content for a picture of the whole page (the shell scrolls inside a frame). */
/** The ledger on screen: row head and every cell, as text. */
async function screenLedger(page: Page): Promise<string[][]> {
  return page
    .getByTestId('stats-ledger')
    .evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()),
      ),
    );
}

const total = (page: Page, key: string) => page.getByTestId(`total-${key}`);

describe.skipIf(!browserAvailable().ok)('统计台账', () => {
  const browser = useBrowser();

  it('shows the article’s year, drills into a figure, and exports the same cells to Excel and PDF', async () => {
    await inStudio(browser(), '2026-11-27', 'stats', async ({ app, page }) => {
      await staffStudio(app, SUPERVISOR);
      await seedStatsExample(app.core, { supervisor: SUPERVISOR, back: ADMIN });
      await page.reload();
      page.setDefaultTimeout(15_000);
      await signIn(page, ADMIN, '统计台账');

      // 首页: the signed-in caseworker's own year in small charts.
      await page.getByTestId('home-stats').locator('svg').first().waitFor();
      await shotWhole(page, 'stats-01-home');

      await page.getByRole('menuitem', { name: '统计台账' }).click();
      await page.getByRole('heading', { name: '统计台账' }).waitFor();
      // Pick the period: 年度, 2026年.
      await page.getByText('年度', { exact: true }).click();
      await page.getByRole('combobox', { name: '年份' }).click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('2026年').click();
      await expect
        .poll(() => total(page, 'guidanceSessions').textContent())
        .toBe(String(EXAMPLE_2026.guidanceSessions));
      expect(await total(page, 'ordersIssued').textContent()).toBe('37');
      expect(await total(page, 'admonitions').textContent()).toBe('6');
      expect(await total(page, 'counselledChildren').textContent()).toBe('21');
      // The later duties' figures, each in its own unit: 元 with its decimals, never added to a count.
      expect(await total(page, 'reportCases').textContent()).toBe(String(EXAMPLE_2026.reportCases));
      expect(await total(page, 'outreachEvents').textContent()).toBe(String(EXAMPLE_2026.outreachEvents));
      expect(await total(page, 'outreachAudience').textContent()).toBe(String(EXAMPLE_2026.outreachAudience));
      expect(await total(page, 'reliefGrantedAmount').textContent()).toBe('15345.50');
      expect(await total(page, 'reliefPaidAmount').textContent()).toBe('12345.50');
      // Each figure carries its written definition beside it.
      const summary = page.getByTestId('stats-summary');
      await summary.getByText('经审批、制发日期在统计期间内且未撤回的督促监护令。').waitFor();
      // The charts come in their own chunk, drawn as SVG from data already on the page.
      for (const id of ['chart-trend', 'chart-township', 'chart-agency', 'chart-outcome']) {
        const card = page.getByTestId(id);
        await card.waitFor();
        if (id !== 'chart-outcome' && id !== 'chart-agency') await card.locator('svg').first().waitFor();
      }
      const trendTable = await page.getByTestId('chart-trend').locator('table').textContent();
      expect(trendTable).toContain('家庭教育指导');
      await shotWhole(page, 'stats-02-year');
      await page
        .getByTestId('chart-trend')
        .screenshot({ path: path.join(ROOT, 'test-results/screens/stats-03-chart-trend.png') });
      await page
        .getByTestId('chart-township')
        .screenshot({ path: path.join(ROOT, 'test-results/screens/stats-04-chart-township.png') });

      // Drill into 制发督促监护令: the 37 orders behind the number, IDs masked.
      await total(page, 'ordersIssued').getByText('37').click();
      const modal = page.getByRole('dialog');
      await modal.getByText(/制发督促监护令：全院（2026年，共 37 条）/).waitFor();
      const rows = modal.getByTestId('drill-table').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(20);
      const firstRow = (await rows.first().textContent()) ?? '';
      // Masked by the children area's one mask: never the whole number.
      expect(firstRow).toMatch(/370115\*+/);
      expect(firstRow).not.toMatch(/\d{17}[\dX]/);
      expect(firstRow).toMatch(/济阳检未督监〔2026〕\d+号/);
      await shot(page, 'stats-05-drill');
      await page.keyboard.press('Escape');
      await modal.waitFor({ state: 'hidden' });
      // One township's cell lists exactly as many.
      const ledger = page.getByTestId('stats-ledger');
      const township = ledger.locator('tr[data-row="济阳街道"]');
      const cells = await screenLedger(page);
      const col =
        1 +
        [
          'childrenOnFile',
          'childrenNew',
          'deFactoOnFile',
          'deFactoNew',
          'referralsReceived',
          'referralActions',
          'admonitions',
          'guidanceSessions',
          'ordersIssued',
        ].indexOf('ordersIssued');
      const jiyang = cells.find((r) => r[0] === '济阳街道')!;
      await township
        .locator('td')
        .nth(col - 1)
        .locator('a')
        .click();
      await modal.getByText(new RegExp(`制发督促监护令：济阳街道（2026年，共 ${jiyang[col]} 条）`)).waitFor();
      await page.keyboard.press('Escape');
      await modal.waitFor({ state: 'hidden' });

      // Excel: downloaded as the browser gets it outside the desktop app, compared cell by cell.
      mkdirSync(DOWNLOADS, { recursive: true });
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: /导出 Excel 台账/ }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('统计台账-2026年-乡镇（街道）.xlsx');
      const xlsx = path.join(DOWNLOADS, download.suggestedFilename());
      await download.saveAs(xlsx);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      const ws = wb.getWorksheet('统计台账')!;
      const sheet: string[][] = [];
      for (let r = 6; r < 6 + cells.length; r++) {
        // As Excel shows each cell: a 元 number in its two-decimal format.
        sheet.push(
          cells[0].map((_c, i) => {
            const cell = ws.getRow(r).getCell(i + 1);
            const v = cell.value;
            return typeof v === 'number' && cell.numFmt === '0.00' ? v.toFixed(2) : String(v ?? '');
          }),
        );
      }
      expect(sheet).toEqual(cells);
      expect(cells.find((r) => r[0] === '合计')).toBeDefined();
      const heads = (ws.getRow(5).values as unknown[]).slice(2).map(String);
      const screenHeads = await ledger.locator('thead tr').nth(1).locator('th').allTextContents();
      expect(heads).toEqual(screenHeads);

      // PDF of the page, through the shell (simulated as in the print tests).
      const shell = simulateShell(app);
      await page.getByRole('button', { name: /导出 PDF/ }).click();
      const saved = page.locator('.ant-message-notice', { hasText: '统计台账-2026年.pdf' });
      await saved.waitFor({ timeout: 60_000 });
      expect(shell.calls).toEqual(['shell.printToPdf']);
      const pdfFile = path.join(PRINT_DIR, '统计台账-2026年.pdf');
      const text = pdfText(pdfFile).replace(/\s+/g, '');
      expect(text).toContain('统计期间：2026年（2026年1月1日至2026年12月31日）');
      expect(text).toContain('家庭教育指导人次142+12');
      expect(text).toContain('制发督促监护令份370+37');
      expect(text).toContain('家庭教育训诫次60+6');
      expect(text).toContain('接受疏导儿童人211+20');
      expect(text).toContain('决定救助金额元15345.500.00+15345.50');
      const pngs = pdfPngs(pdfFile);
      expect(pngs.length).toBeGreaterThanOrEqual(2);

      const exports = await invoke<{ rows: { detail: Record<string, unknown> }[] }>(app, 'audit.list', {
        action: 'stats.export',
      });
      expect(exports.rows.map((r) => r.detail.kind).sort()).toEqual(['ledgerExcel', 'ledgerPdf']);
      const excelRow = exports.rows.find((r) => r.detail.kind === 'ledgerExcel')!;
      const { createHash } = await import('node:crypto');
      expect(excelRow.detail.sha256).toBe(createHash('sha256').update(readFileSync(xlsx)).digest('hex'));

      // Another period: the first quarter holds 12 of the orders; by caseworker, all are 王芳's.
      await page.getByText('季度', { exact: true }).click();
      await page.getByRole('combobox', { name: '季度' }).click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('第一季度').click();
      await expect.poll(() => total(page, 'ordersIssued').textContent()).toBe('12');
      await page.getByText('按承办人', { exact: true }).click();
      await page.getByTestId('stats-ledger').locator('tr[data-row] th', { hasText: '王芳' }).waitFor();
      await shotWhole(page, 'stats-06-quarter-by-caseworker');
      assertClean(app);
    });
  }, 240_000);

  it('keeps echarts out of the main bundle', () => {
    const html = readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8');
    const entry = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const main = readFileSync(path.join(RENDERER_DIR, entry!), 'utf8');
    const assets = readdirSync(path.join(RENDERER_DIR, 'assets')).filter((f) => f.endsWith('.js'));
    const withEcharts = assets.filter((f) =>
      readFileSync(path.join(RENDERER_DIR, 'assets', f), 'utf8').includes('echarts'),
    );
    expect(withEcharts.length).toBeGreaterThan(0);
    expect(main.includes('SVGRenderer') || main.includes('__ec_')).toBe(false);
    expect(withEcharts.map((f) => `assets/${f}`)).not.toContain(entry);
  });
});
