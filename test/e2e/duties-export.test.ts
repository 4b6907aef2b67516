/**
 * 导出 Excel on the four later duties' registers (强制报告, 法治宣讲, 司法救助, 支持起诉): each list
 * is exported as its screen shows it, the file read back with exceljs and compared row by row
 * with the table on screen, and each export is in the audit log with the file's SHA-256.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedStatsExample } from '../fixtures/statsExample';
import { browserAvailable, ROOT, shot } from './harness';
import { ADMIN, SUPERVISOR } from './support/people';
import { assertClean, inStudio, invoke, signIn, staffStudio, useBrowser } from './support/studio';

const DOWNLOADS = path.join(ROOT, 'test-results/duties-export');

const UNITS = ['人次', '人', '元', '件', '次'];
/** What a screen shows for "none": a dash, 无, or a note in brackets such as （审批后编号）. */
const blank = (s: string) => (s === '—' || s === '无' || /^（[^）]*）$/.test(s) ? '' : s);

/** The register on screen: its column heads and each row's cells, as text. */
async function screenTable(page: Page): Promise<{ heads: string[]; rows: string[][] }> {
  const table = page.locator('main .ant-table').first();
  const heads = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const rows = await table
    .locator('.ant-table-tbody tr.ant-table-row')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
  return { heads, rows: rows.map((r) => r.map(blank)) };
}

async function download(
  page: Page,
  name: string,
): Promise<{ file: string; heads: string[]; rows: string[][] }> {
  mkdirSync(DOWNLOADS, { recursive: true });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const got = await downloading;
  const file = path.join(DOWNLOADS, `${name}.xlsx`);
  await got.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const heads = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(heads.map((_h, i) => blank(String(row.getCell(i + 1).value ?? ''))));
  });
  return { file, heads, rows };
}

describe.skipIf(!browserAvailable().ok)('Excel out for the four duties', () => {
  const browser = useBrowser();

  it('exports each register as its screen shows it, audited with the file’s hash', async () => {
    await inStudio(browser(), '2026-11-27', 'duties-export', async ({ app, page }) => {
      await staffStudio(app, SUPERVISOR);
      const { childIds } = await seedStatsExample(app.core, { supervisor: SUPERVISOR, back: ADMIN });
      // One 支持起诉 draft, against the mother on file.
      const file = await invoke<{ relations: { person: { id: string }; relation: string }[] }>(
        app,
        'children.get',
        {
          id: childIds[7],
        },
      );
      await invoke(app, 'suits.create', {
        childId: childIds[7],
        kind: 'revoke',
        grounds: ['neglect'],
        respondentIds: [file.relations.find((r) => r.relation === 'mother')!.person.id],
        applicantKind: 'civilAffairs',
        applicantName: '济阳区民政局',
        documents: ['complaint'],
        facts: '监护人长期不履行监护职责，经督促仍不改正。',
      });
      await page.reload();
      page.setDefaultTimeout(15_000);
      await signIn(page, ADMIN, '强制报告');

      for (const [menu, heading, kind] of [
        ['强制报告', '强制报告', 'mandatoryReports'],
        ['法治宣讲', '法治宣讲', 'outreach'],
        ['司法救助', '国家司法救助', 'relief'],
        ['支持起诉', '支持起诉', 'suits'],
      ] as const) {
        await page.getByRole('menuitem', { name: menu }).click();
        await page.getByRole('heading', { name: heading }).first().waitFor();
        await page.locator('main .ant-table-tbody tr.ant-table-row').first().waitFor();
        const screen = await screenTable(page);
        expect(screen.rows.length, kind).toBeGreaterThan(0);
        await shot(page, `duties-export-${kind}`);
        const { file: xlsx, heads, rows } = await download(page, kind);
        // The same records; every column the screen and the file share holds the same text.
        expect(rows.length, kind).toBe(screen.rows.length);
        const shared = screen.heads.map((h, i) => ({ i, j: heads.indexOf(h) })).filter((c) => c.j >= 0);
        expect(shared.length, `${kind}: ${screen.heads} / ${heads}`).toBeGreaterThanOrEqual(2);
        for (const cells of screen.rows) {
          const want = shared.map((c) => cells[c.i]);
          // The screen may put the unit after a number (85人次); the file keeps the number.
          const same = (screen: string, file: string) =>
            screen === file || (file !== '' && UNITS.some((u) => screen === `${file}${u}`));
          const found = rows.some((r) => shared.every((c, n) => same(want[n], r[c.j])));
          expect({
            kind,
            want,
            found,
            file: found ? [] : rows.map((r) => shared.map((c) => r[c.j])),
          }).toEqual({
            kind,
            want,
            found: true,
            file: [],
          });
        }
        const audit = await invoke<{ rows: { detail: Record<string, unknown> }[] }>(app, 'audit.list', {
          action: 'exports.xlsx',
        });
        expect(audit.rows[0].detail).toMatchObject({
          kind,
          rows: rows.length,
          sha256: createHash('sha256').update(readFileSync(xlsx)).digest('hex'),
        });
      }
      assertClean(app);
    });
  }, 240_000);
});
