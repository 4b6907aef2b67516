/**
 * Issue 13 as a caseworker meets it: a messy Excel ledger taken through the wizard (file,
 * sheet, header row, columns, preview, import) to children whose files open, the skipped
 * rows downloaded as a spreadsheet, and an old .xls turned away with a clear message.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { largeLedger, messyLedger } from '../fixtures/ledger';
import { makeDataDir } from '../helpers/tmp';
import { call, tallShot, useSignedInApps } from './children/helpers';
import { browserAvailable, shot } from './harness';

async function openWizard(page: Page) {
  await page.getByRole('navigation', { name: '主导航' }).getByText('儿童档案').click();
  await page.getByRole('heading', { name: '儿童档案' }).waitFor();
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  await page.getByRole('heading', { name: '从 Excel 导入' }).waitFor();
}

describe.skipIf(!browserAvailable().ok)('importing an Excel ledger', () => {
  const signedIn = useSignedInApps();

  it('takes a messy ledger through the wizard to files that open, and downloads the skipped rows', async () => {
    const app = await signedIn();
    const { page } = app;
    const ledger = await messyLedger();
    await call(app, 'children.create', ledger.existing);

    await openWizard(page);
    await shot(page, 'ledger-1-file');
    await page.locator('input[type=file]').setInputFiles({
      name: ledger.fileName,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: ledger.bytes,
    });

    // The sheet: the ledger's, not the notes sheet beside it.
    await page.getByText(/^台账（\d+ 行）$/).waitFor({ timeout: 20_000 });
    await shot(page, 'ledger-2-sheet');
    await page.getByRole('button', { name: '下一步' }).click();

    // The header row below the merged title and the note, detected.
    await page.getByText(`已识别第 ${ledger.headerRow} 行为表头`).waitFor();
    await shot(page, 'ledger-3-header');
    await page.getByRole('button', { name: '下一步' }).click();

    // Columns suggested from the header names.
    await page.getByText('已按表头名称推荐对应字段').waitFor();
    await tallShot(page, 'ledger-4-mapping');
    await page.getByRole('button', { name: '预览' }).click();

    // The preview: every row with its status and reasons.
    const summary = page.getByText(/表头以下共 \d+ 行/);
    await summary.waitFor();
    const expectedNew = ledger.expected.filter((e) => e.status === 'new').length;
    await expect.poll(() => summary.textContent()).toContain(`新建 ${expectedNew} 人`);
    await expect.poll(() => page.getByText(/后几位已丢失（损坏）/).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/与第 \d+ 行是同一儿童/).count()).toBeGreaterThan(0);
    await tallShot(page, 'ledger-5-preview');

    // The existing file: merge the school from the ledger into it.
    const match = ledger.expected.find((e) => e.status === 'match')!;
    await page.getByLabel(`处理 ${match.row}`).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="合并所选字段"]').click();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`将导入 ${expectedNew} 人、合并 1 人`).waitFor();
    await shot(page, 'ledger-6-confirm');
    await dialog.getByRole('button', { name: '导入' }).click();

    // The report: counts that add up to the file's rows.
    const rows = ledger.expected.length;
    const skipped = rows - expectedNew - 1;
    const done = page.getByRole('status').filter({ hasText: '与文件相符' });
    await done.waitFor();
    expect(await done.textContent()).toContain(
      `共 ${rows} 行：导入 ${expectedNew} 人，合并 1 人，跳过 ${skipped} 行`,
    );
    await tallShot(page, 'ledger-7-done');

    // The skipped rows download as a spreadsheet with the original cells and the reasons.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载未导入行（Excel）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('2025年服刑在押人员子女台账-未导入行.xlsx');
    const saved = path.join(makeDataDir('download'), 'skipped.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(saved)) as never);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(skipped + 1);
    const reasons = ws.getColumn(ws.columnCount).values.slice(2).map(String);
    expect(reasons.some((r) => r.includes('损坏'))).toBe(true);
    expect(reasons.some((r) => r.includes('空行'))).toBe(true);

    // An imported child's file opens, with the detained father and the caregiver.
    const clean = ledger.expected.find((e) => e.kind === 'clean')!;
    await page.getByRole('link', { name: clean.name!, exact: true }).click();
    await page.getByRole('heading', { name: clean.name! }).waitFor();
    await page.getByRole('tab', { name: /关系人/ }).click();
    await page.getByText('山东省济南监狱').first().waitFor();
    await tallShot(page, 'ledger-8-child-file');

    // The list goes out to Excel with its filter, IDs masked, and the export audited.
    await page.getByRole('navigation', { name: '主导航' }).getByText('儿童档案').click();
    await page.getByLabel('按乡镇（街道）筛选').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="仁风镇"]').click();
    const all = await call<{ total: number }>(app, 'children.list', { township: '仁风镇' });
    expect(all.total).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('children-total').textContent()).toBe(`共 ${all.total} 名儿童`);
    await shot(page, 'ledger-9-children-export');
    const exporting = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const exported = await exporting;
    const out = path.join(makeDataDir('download'), 'children.xlsx');
    await exported.saveAs(out);
    const listWb = new ExcelJS.Workbook();
    await listWb.xlsx.load((await readFile(out)) as never);
    const sheet = listWb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).text).toBe('姓名');
    expect(sheet.rowCount).toBe(all.total + 1);
    const ids = sheet
      .getColumn(4)
      .values.slice(2)
      .map(String)
      .filter((v) => v && v !== 'undefined');
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids.every((id) => /^\d{6}\*{12}$/.test(id))).toBe(true);
    const audit = await call<{ rows: { detail: Record<string, unknown> }[] }>(app, 'audit.list', {
      action: 'exports.xlsx',
    });
    expect(audit.rows[0].detail).toMatchObject({
      kind: 'children',
      rows: all.total,
      filters: { township: '仁风镇' },
    });
  }, 150_000);

  it('shows the rows done while a large ledger imports, and 取消 leaves the database as it was', async () => {
    const app = await signedIn();
    const { page } = app;
    const big = await largeLedger(9800);
    await openWizard(page);
    await page.locator('input[type=file]').setInputFiles({
      name: big.fileName,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: big.bytes,
    });
    await page.getByText(/^台账（\d+ 行）$/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '预览' }).click();
    const summary = page.getByText(/表头以下共 9800 行/);
    await summary.waitFor({ timeout: 60_000 });

    const auditBefore = await call<{ total: number }>(app, 'audit.list', {});
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
    // The bar counts the rows written so far, in the import's one open transaction.
    const progress = page.getByRole('status').filter({ hasText: '正在写入' });
    await progress.waitFor({ timeout: 60_000 });
    expect(await progress.textContent()).toMatch(/已处理 \d+ \/ 9800 行/);
    // At once: a screenshot first can take longer than the rest of the import.
    await page.getByRole('status').getByRole('button', { name: '取消' }).click();
    await page.getByText('已取消：数据库没有任何改动').waitFor({ timeout: 30_000 });
    // Back on the preview, as it was; nothing of the file was written.
    await summary.waitFor();
    await shot(page, 'ledger-11-cancelled');
    expect((await call<{ total: number }>(app, 'children.list', {})).total).toBe(0);
    const auditAfter = await call<{ total: number; rows: { action: string }[] }>(app, 'audit.list', {});
    expect(auditAfter.total).toBe(auditBefore.total);
    expect(auditAfter.rows.some((r) => r.action === 'ledger.import')).toBe(false);

    // Imported for real this time: the counts add up to the file's rows.
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
    await progress.waitFor({ timeout: 60_000 });
    await shot(page, 'ledger-10-progress');
    const done = page.getByRole('status').filter({ hasText: '与文件相符' });
    await done.waitFor({ timeout: 120_000 });
    const imported = (await call<{ total: number }>(app, 'children.list', {})).total;
    expect(imported).toBeGreaterThan(5000);
    expect(await done.textContent()).toContain(`导入 ${imported} 人`);
  }, 420_000);

  it('turns an old .xls away with a message to save it as .xlsx, and says when a file was imported before', async () => {
    const app = await signedIn();
    const { page } = app;
    await openWizard(page);
    await page.locator('input[type=file]').setInputFiles({
      name: '旧台账.xls',
      mimeType: 'application/vnd.ms-excel',
      buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    });
    await page.getByRole('alert').filter({ hasText: '另存为' }).waitFor();
    await shot(page, 'ledger-xls-refused');

    const ledger = await messyLedger(5);
    const data = ledger.bytes.toString('base64');
    const view = await call<{ sheet: string; headerRow: number; suggested: unknown[] }>(app, 'ledger.read', {
      fileName: ledger.fileName,
      data,
    });
    await call(app, 'ledger.commit', { fileName: ledger.fileName, data, ...view, columns: view.suggested });
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: ledger.fileName, mimeType: 'application/octet-stream', buffer: ledger.bytes });
    await page.getByText(/已于 .* 导入过/).waitFor();
    await shot(page, 'ledger-repeat-warning');
  });
});
