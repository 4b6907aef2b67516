/**
 * Printed documents (ARCHITECTURE §7): the print routes rendered by the built renderer and
 * printed by Chromium's PDF engine, exactly as the shell does it, then read back with poppler
 * (pdftotext, pdftoppm). PDFs and page images go to test-results/print/ for anyone to look at.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditListRow } from '../../db/audit/handlers';
import { type SummaryOptions, summaryFileName, summaryRoute } from '../../renderer/src/print/routes';
import { HISTORY_SECTIONS } from '../fixtures/records';
import { pick } from './children/helpers';
import { type App, browserAvailable, shot } from './harness';
import {
  CHILD_ID_NUMBER,
  call,
  expectPdfToSay,
  exportFromScreen,
  fixedClock,
  inSeededStudio,
  openPrintWindow,
  PEOPLE,
  PRINT_DIR,
  pdfInfo,
  pdfPngs,
  pdfText,
  pdfWords,
  printRoute,
  seedHistory,
  seedOrder,
  signInAs,
  signInToApp,
  type3Text,
} from './print-support';
import { assertClean, useBrowser, VIEWPORT } from './support/studio';

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

async function exportRows(app: App): Promise<AuditListRow[]> {
  return (await call(app.core, 'audit.list', { action: 'documents.export', limit: 500 })).rows;
}

describe.skipIf(!browserAvailable().ok)('printed documents', () => {
  const browser = useBrowser();

  it('prints a delivered guardianship order in GB/T 9704 layout and records the export', () =>
    inSeededStudio(browser(), async (app, child) => {
      const order = await seedOrder(app.core, child);
      expect(order.number).toBe('济阳检未督监〔2026〕1号');

      const printed = await printRoute(app, `/print/order/${order.id}`, {
        fileName: 'order.pdf',
        export: { kind: 'orderPdf', entityId: order.id, childId: child.childId },
      });
      const info = pdfInfo(printed.file);
      expect(info['Page size']).toMatch(/\(A4\)/);
      // The PDF's own title is metadata; it names the document, never the child.
      expect(info.Title).toBe('督促监护令');

      expectPdfToSay(printed.file, [
        '督促监护令',
        '济阳检未督监〔2026〕1号',
        '刘翠兰：',
        '未为未成年人提供生活、健康、安全等方面的保障',
        '每周至少与张小明电话联系两次',
        '2026年4月30日前落实',
        '参加本院组织的家庭教育指导',
        '济南市济阳区人民检察院',
        '2026年3月2日',
        '—1—',
      ]);
      // GB/T 9704 geometry, read back from the PDF: the text block starts 28 mm from the left
      // and ends 26 mm from the right (79.4 pt, 521.6 pt), body lines 225 mm / 22 apart.
      const MM = 72 / 25.4;
      const words = pdfWords(printed.file, 1).filter((w) => !/^[—\d]+$/.test(w.text));
      expect(Math.min(...words.map((w) => w.xMin))).toBeCloseTo(28 * MM, 0);
      expect(Math.max(...words.map((w) => w.xMax))).toBeLessThanOrEqual((210 - 26) * MM + 1);
      const fullLines = words.filter((w) => w.xMax > (210 - 26) * MM - 2).map((w) => w.yMin);
      const lineStarts = [...new Set(words.map((w) => Math.round(w.yMin * 4) / 4))].sort((a, b) => a - b);
      const body = lineStarts.filter((y) => y >= Math.min(...fullLines));
      const pitch = (body[body.length - 1] - body[0]) / (body.length - 1);
      expect(pitch).toBeCloseTo((225 / 22) * MM, 0);
      // 28 characters to a full line of Chinese text.
      expect(pdfText(printed.file, { page: 1 })).toContain(
        '期徒刑三年，现在山东省济南监狱服刑。刘翠兰长期在外务工，',
      );
      const pngs = pdfPngs(printed.file);
      expect(pngs.length).toBe(printed.pages);
      expect(printed.pages).toBeGreaterThanOrEqual(1);

      const [row] = await exportRows(app);
      expect(row).toMatchObject({
        action: 'documents.export',
        actorName: PEOPLE.admin.displayName,
        entity: 'order',
        entityId: order.id,
        detail: { kind: 'orderPdf', childId: child.childId, fileName: 'order.pdf', sha256: printed.sha256 },
      });
      expect(createHash('sha256').update(readFileSync(printed.file)).digest('hex')).toBe(row.detail.sha256);
    }));

  it('exports a summary with only the chosen sections, masked, watermarked, and audited with its hash', () =>
    inSeededStudio(browser(), async (app, child) => {
      await seedHistory(app.core, child, { referrals: 6, visits: 3, counselling: 2, guidance: 0 });
      // 李社工 does not own the child: no counselling text, no full ID number.
      await signInAs(app.core, PEOPLE.caseworker);
      const options: SummaryOptions = {
        sections: ['basic', 'guardianship', 'referrals', 'counselling'],
        from: null,
        to: null,
        partner: '民政',
        fullIdReason: null,
        includeCharge: false,
      };
      const fileName = summaryFileName('张小明', fixedClock.now());
      expect(fileName).toBe('转介摘要-张某-20261127.pdf');
      const printed = await printRoute(app, summaryRoute(child.childId, options), {
        fileName,
        dir: path.join(PRINT_DIR, 'caseworker'),
        export: {
          kind: 'childSummary',
          entityId: child.childId,
          childId: child.childId,
          sections: options.sections,
          partner: options.partner,
        },
      });
      expect(pdfInfo(printed.file).Title).toBe('未成年人情况转介摘要');
      expectPdfToSay(printed.file, [
        '未成年人情况转介摘要',
        '致：民政',
        '一、基本情况',
        '二、监护情况',
        '三、线索移交与分流处置',
        // Counselling as on its page for a reader without text access: dates, counsellor, no text.
        '四、心理疏导',
        '仅列出记录日期、辅导人员与危机标记',
        '孙咨询师',
        '2025-02-03',
      ]);
      const text = squash(pdfText(printed.file));
      for (const absent of [
        '需求情况',
        '家庭教育指导',
        '督促监护令',
        '走访记录',
        '疏导记录',
        '心理健康服务中心',
        '次走访：',
      ]) {
        expect(text).not.toContain(absent);
      }
      expect(text).toContain('370115************');
      expect(text).not.toContain(CHILD_ID_NUMBER);
      // The charge and the criminal case numbers stay out unless asked for.
      expect(text).not.toContain('盗窃罪');
      expect(text).not.toContain('济阳检刑诉');

      // The title and the page numbers come from the bundled serif (or a system face of another
      // design), never drawn from a system Noto Serif CJK collection, which would carry its
      // 26 MB file into every print of every summary.
      const drawn = type3Text(printed.file);
      for (const ch of ['未', '介', '摘', '要', '—']) expect(drawn, ch).not.toContain(ch);
      expect(printed.pages).toBeGreaterThanOrEqual(2);
      pdfPngs(printed.file);
      for (let page = 1; page <= printed.pages; page++) {
        const pageText = squash(pdfText(printed.file, { page }));
        expect(pageText, `page ${page}`).toContain(PEOPLE.caseworker.displayName);
        expect(pageText, `page ${page}`).toContain('内部资料注意保密');
        expect(pageText, `page ${page}`).toContain(`—${page}—`);
      }

      await signInAs(app.core, PEOPLE.admin);
      const rows = await exportRows(app);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actorName: PEOPLE.caseworker.displayName,
        entity: 'child',
        entityId: child.childId,
        detail: {
          kind: 'childSummary',
          childId: child.childId,
          sections: ['basic', 'guardianship', 'referrals', 'counselling'],
          restricted: ['counselling'],
          partner: '民政',
          fileName,
          pages: printed.pages,
        },
      });
      expect(rows[0].detail.sha256).toBe(
        createHash('sha256').update(readFileSync(printed.file)).digest('hex'),
      );
    }));

  it('shows the full ID number and the charge only when asked, with a reason, and audits the reveal', () =>
    inSeededStudio(browser(), async (app, child) => {
      await seedHistory(app.core, child, { referrals: 1, visits: 0, counselling: 2, guidance: 0 });
      const options: SummaryOptions = {
        sections: ['basic', 'guardianship', 'counselling'],
        from: null,
        to: null,
        partner: '心理咨询机构',
        fullIdReason: '办理心理援助建档需核对身份',
        includeCharge: true,
      };
      const printed = await printRoute(app, summaryRoute(child.childId, options), {
        fileName: 'summary-full-id.pdf',
        export: { kind: 'childSummary', entityId: child.childId, childId: child.childId },
      });
      const text = squash(pdfText(printed.file));
      expect(text).toContain(CHILD_ID_NUMBER);
      expect(text).not.toContain('370115************');
      expect(text).toContain('盗窃罪');
      // The owner reads the counselling notes, so the section is there, with its text.
      expect(text).toContain('三、心理疏导');
      expect(text).toContain('疏导记录1');
      const reveal = (await call(app.core, 'audit.list', { action: 'children.revealId' })).rows;
      expect(reveal[0]).toMatchObject({
        entityId: child.childId,
        detail: { reason: '办理心理援助建档需核对身份', via: 'documents.childSummary' },
      });
    }));

  it(
    'prints a long history over many pages without cutting a table row, headers on every page',
    {
      timeout: 180_000,
    },
    () =>
      inSeededStudio(browser(), async (app, child) => {
        await seedOrder(app.core, child);
        const started = performance.now();
        await seedHistory(app.core, child, { referrals: 40, visits: 60, counselling: 20, guidance: 12 });
        console.log(`[print] seeded a long history in ${Math.round(performance.now() - started)} ms`);
        const options: SummaryOptions = {
          sections: [...HISTORY_SECTIONS],
          from: null,
          to: null,
          partner: '民政',
          fullIdReason: null,
          includeCharge: false,
        };
        const printed = await printRoute(app, summaryRoute(child.childId, options), {
          fileName: 'summary-long.pdf',
          export: { kind: 'childSummary', entityId: child.childId, childId: child.childId },
        });
        console.log(`[print] long summary: ${printed.pages} pages in ${Math.round(printed.ms)} ms`);
        expect(printed.pages).toBeGreaterThanOrEqual(20);
        pdfPngs(printed.file);
        const pages = Array.from({ length: printed.pages }, (_, i) =>
          squash(pdfText(printed.file, { page: i + 1 })),
        );
        const pageOf = (needle: string) => {
          const found = pages.flatMap((p, i) => (p.includes(needle) ? [i + 1] : []));
          expect(found, needle).toHaveLength(1);
          return found[0];
        };

        // Every visit row: its date, its findings and its agreed actions on one page, under a header.
        for (let i = 0; i < 60; i++) {
          const d = new Date(Date.UTC(2024, 1, 1 + i * 16)).toISOString().slice(0, 10);
          const onPage = [pageOf(`第${i + 1}次走访：`), pageOf(`（第${i + 1}次约定）`)];
          expect(new Set(onPage).size, `visit ${i + 1}`).toBe(1);
          expect(pages[onPage[0] - 1]).toContain(d);
          expect(pages[onPage[0] - 1], `visit header on page ${onPage[0]}`).toContain('发现情况商定措施');
        }
        // Every replied referral action: sent date, result and follow-up note on one page.
        for (let i = 0; i < 40; i++) {
          const onPage = [
            pageOf(`跟进第${i + 1}号线索`),
            pageOf(`按月发放生活补助，并安排专人定期走访（第${i + 1}次）`),
          ];
          expect(new Set(onPage).size, `referral ${i + 1}`).toBe(1);
          expect(pages[onPage[0] - 1], `action header on page ${onPage[0]}`).toContain('分流单位方式日期');
        }
        // Counselling sessions (owner's export): header on every page the table reaches.
        for (let i = 0; i < 20; i++) {
          const page = pageOf(`疏导记录${i + 1}：`);
          expect(pages[page - 1]).toContain('疏导情况');
        }
        for (let page = 1; page <= printed.pages; page++) {
          expect(pages[page - 1], `page ${page}`).toContain(PEOPLE.admin.displayName);
          expect(pages[page - 1], `page ${page}`).toContain('内部资料注意保密');
        }
      }),
  );

  it('exports a summary from the child file page: dialog, preview as printed, PDF, audit', () =>
    inSeededStudio(
      browser(),
      async (app, child) => {
        await seedHistory(app.core, child, { referrals: 2, visits: 2, counselling: 2, guidance: 0 });
        const { page } = app;
        // The app window: its start locks the session it finds open; 李社工 signs in.
        await signInToApp(page, PEOPLE.caseworker, `#/children/${child.childId}`);

        await page.getByRole('button', { name: '导出转介摘要' }).click();
        const dialog = page.getByRole('dialog', { name: '导出转介摘要' });
        await dialog.getByRole('checkbox', { name: '需求情况' }).uncheck();
        await dialog.getByRole('checkbox', { name: '心理疏导' }).check();
        await dialog.getByRole('checkbox', { name: '走访记录' }).check();
        await pick(dialog, '接收单位', '民政');
        const preview = dialog.getByTestId('summary-preview');
        await expect.poll(() => preview.getByText('致：民政').isVisible()).toBe(true);
        // 李社工 does not own the child: told so, and the preview's counselling has no text.
        await expect
          .poll(() => dialog.getByText('只列出记录日期、辅导人员与危机标记').isVisible(), { timeout: 10_000 })
          .toBe(true);
        expect(await preview.textContent()).not.toContain('疏导记录');
        expect(await preview.textContent()).toContain('孙咨询师');
        expect(await preview.textContent()).toContain('370115************');
        await shot(page, 'print-01-summary-dialog');

        const { fileName, file, pages } = await exportFromScreen(
          app,
          dialog.getByRole('button', { name: '导出PDF' }),
          path.join(PRINT_DIR, 'dialog'),
        );
        expect(fileName).toMatch(/^转介摘要-张某-\d{8}\.pdf$/);
        const text = squash(pdfText(file));
        expect(text).toContain('三、线索移交与分流处置');
        expect(text).toContain('四、心理疏导');
        expect(text).toContain('五、走访记录');
        expect(text).not.toContain('需求情况');
        expect(text).not.toContain('疏导记录');

        await signInAs(app.core, PEOPLE.admin);
        const [row] = await exportRows(app);
        expect(row).toMatchObject({
          actorName: PEOPLE.caseworker.displayName,
          detail: {
            kind: 'childSummary',
            partner: '民政',
            sections: ['basic', 'guardianship', 'referrals', 'counselling', 'visits'],
            restricted: ['counselling'],
            fileName,
            pages: Number(pages),
          },
        });
        expect(row.detail.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
      },
      VIEWPORT,
    ));
  it('has its bundled Chinese fallback font to print with where a machine has no CJK system font', async () => {
    const app = await openPrintWindow(browser());
    try {
      // The app's own files serve the font (no request leaves the origin), and Chromium accepts
      // it as a font that has the document's glyphs, in both weights the documents use.
      // The print styles (and their @font-face) come with the print page's own chunk.
      await expect
        .poll(() =>
          app.page.evaluate(() => [...document.fonts].some((f) => f.family.includes('SW Serif Fallback'))),
        )
        .toBe(true);
      const loaded = await app.page.evaluate(async () => {
        const faces = [
          ...(await document.fonts.load('400 16pt "SW Serif Fallback"', '督促监护令')),
          ...(await document.fonts.load('700 22pt "SW Serif Fallback"', '济阳区人民检察院')),
        ];
        return faces.map((f) => `${f.family} ${f.weight} ${f.status}`);
      });
      expect(loaded).toEqual(['SW Serif Fallback 400 loaded', 'SW Serif Fallback 700 loaded']);
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});
