/**
 * 附件 as a caseworker meets them: on a delivered 督促监护令 the page asks for the signed 送达回证;
 * she picks the scan, titles it, saves it (encrypted into the database), views it in the app's
 * own viewer from memory, and saves a copy out (audited with its hash). A photo dropped onto the
 * record shows from memory too, and a file over the size setting is refused beside the drop zone.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePdf, makePng } from '../fixtures/files';
import { CONSENTED_ASSESSMENT } from '../fixtures/records';
import { referredTo } from '../helpers/referrals';
import { pick } from './children/helpers';
import { browserAvailable, shot } from './harness';
import {
  call,
  exportFromScreen,
  inSeededStudio,
  PEOPLE,
  PRINT_DIR,
  pdfInfo,
  pdfPngs,
  pdfText,
  seedOrder,
  signInToApp,
} from './print-support';
import { signIn, useBrowser, VIEWPORT } from './support/studio';
import { go } from './support/ui';

const SCAN = makePdf(['Delivery receipt - signed by Liu Cuilan', 'Jiyang District Procuratorate'], 200_000);
const PHOTO = makePng(480, 360, 'home visit photo', [40, 120, 200]);

/** Drops `files` onto the element as a file manager would: a real DataTransfer with real Files. */
async function dropFiles(page: Page, testId: string, files: { name: string; mime: string; bytes: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, mime: f.mime, b64: f.bytes.toString('base64') }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const it of items) {
      const bin = atob(it.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], it.name, { type: it.mime }));
    }
    return dt;
  }, payload);
  const zone = page.getByTestId(testId);
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Picks a file in the panel's file input, as from the file dialog (a PDF or a PNG, by its name). */
async function chooseFile(scope: Page | Locator, name: string, buffer: Buffer): Promise<void> {
  const mimeType = name.endsWith('.png') ? 'image/png' : 'application/pdf';
  await scope.getByTestId('attachment-input').setInputFiles({ name, mimeType, buffer });
}

/** The 附件类型 the panel proposes for the file just picked. */
function kindShown(scope: Locator): Promise<string | null> {
  return scope.locator('.ant-select-content, .ant-select-selection-item').first().textContent();
}

/** Closes a record's 附件 dialog with its own close button. */
async function closeDialog(dialog: Locator): Promise<void> {
  await dialog
    .getByRole('button', { name: /Close|关闭/ })
    .first()
    .click();
}

describe.skipIf(!browserAvailable().ok)('attachments (附件)', () => {
  const browser = useBrowser();
  const inStudio = (story: Parameters<typeof inSeededStudio>[1]) =>
    inSeededStudio(browser(), story, VIEWPORT);

  it('attaches a 送达回证 scan to a delivered order, views it from memory and saves a copy out', () =>
    inStudio(async (app, child) => {
      const order = await seedOrder(app.core, child);
      const { page } = app;
      await signInToApp(page, PEOPLE.admin, `#/orders/${order.id}`);

      const panel = page.getByTestId('attachments');
      await panel.getByText('请上传签收的送达回证扫描件').waitFor();
      await chooseFile(page, 'scan_0001.pdf', SCAN);
      await panel.getByText(/scan_0001\.pdf/).waitFor();
      await panel.getByLabel('标题').fill('送达回证（刘翠兰签收）');
      expect(await kindShown(panel)).toContain('送达回证');
      await shot(page, 'attachments-01-order-staged');
      await panel.getByRole('button', { name: '保存附件' }).click();
      await page.locator('.ant-message-notice', { hasText: '已保存 1 个附件' }).waitFor();
      const list = page.getByTestId('attachment-list');
      await list.getByText('送达回证（刘翠兰签收）').waitFor();
      // The request is met: the page stops asking for it.
      await expect.poll(() => panel.getByText('请上传签收的送达回证扫描件').count()).toBe(0);
      await shot(page, 'attachments-02-order-attached');

      // 查看: Chromium's PDF viewer, from a blob: URL over the bytes in memory.
      await list.getByRole('button', { name: '查看' }).click();
      const viewer = page.getByRole('dialog', { name: /查看附件/ });
      const frame = viewer.getByTestId('attachment-pdf');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).toMatch(/^blob:https:\/\/sunward\.test\//);
      // Chromium's own PDF viewer took the blob (its extension frame is inside ours).
      await expect
        .poll(() =>
          page
            .frames()
            .some((f) => f.url().startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/')),
        )
        .toBe(true);
      await page.waitForTimeout(1500);
      await shot(page, 'attachments-03-pdf-viewer');

      // 另存为: the copy is the scan, byte for byte, and the audit log has its hash.
      const downloading = page.waitForEvent('download');
      await viewer.getByRole('button', { name: /另存为/ }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('送达回证（刘翠兰签收）.pdf');
      const saved = readFileSync((await download.path())!);
      expect(saved.equals(SCAN)).toBe(true);
      await page.locator('.ant-message-notice', { hasText: '已记入审计日志' }).waitFor();
      const exported = await call(app.core, 'audit.list', { action: 'attachments.export' });
      expect(exported.rows[0]?.detail).toMatchObject({
        sha256: createHash('sha256').update(SCAN).digest('hex'),
        fileName: '送达回证（刘翠兰签收）.pdf',
      });
      await viewer.getByRole('button', { name: '关闭', exact: true }).last().click();

      // A photo dropped onto the record: a thumbnail, and the picture itself from memory.
      await dropFiles(page, 'attachment-drop', [{ name: '家访照片.png', mime: 'image/png', bytes: PHOTO }]);
      await panel.getByText(/家访照片\.png/).waitFor();
      await panel.getByLabel('附件类型').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('照片').click();
      await panel.getByRole('button', { name: '保存附件' }).click();
      await list.getByText('家访照片', { exact: true }).waitFor();
      await list.getByTestId('attachment-thumb').waitFor();
      const photoRow = list.locator('.ant-list-item', { hasText: '家访照片' });
      await photoRow.getByRole('button', { name: '查看' }).click();
      const image = page.getByRole('dialog', { name: /查看附件/ }).getByTestId('attachment-image');
      await image.waitFor();
      expect(await image.getAttribute('src')).toMatch(/^blob:/);
      expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([
        480, 360,
      ]);
      await shot(page, 'attachments-04-photo-viewer');
      await page
        .getByRole('dialog', { name: /查看附件/ })
        .getByRole('button', { name: '关闭', exact: true })
        .last()
        .click();

      // Over the size setting: refused beside the drop zone, nothing stored.
      await call(app.core, 'settings.update', { attachmentMaxMb: 1 });
      await page.reload();
      await page
        .getByRole('navigation', { name: '主导航' })
        .waitFor({ timeout: 5000 })
        .catch(() => {});
      if (await page.getByLabel('用户名').isVisible()) {
        await signIn(page, PEOPLE.admin);
        await go(page, `#/orders/${order.id}`);
      }
      await page.getByTestId('attachment-list').getByText('家访照片', { exact: true }).waitFor();
      await chooseFile(page, '判决书.pdf', makePdf(['judgment'], 1_400_000));
      await page
        .getByTestId('attachment-errors')
        .getByText('“判决书.pdf”有 1.3 MB，超过每个文件 1 MB 的上限')
        .waitFor();
      await page.getByTestId('attachment-errors').scrollIntoViewIfNeeded();
      await shot(page, 'attachments-05-too-big');
      expect(
        (await call(app.core, 'attachments.forRecord', { recordKind: 'order', recordId: order.id })).length,
      ).toBe(2);
    }));
  it('attaches on a guidance plan and to a counselling assessment (知情同意书), which a colleague without the counselling role is not shown', () =>
    inStudio(async (app, child) => {
      const plan = await call(app.core, 'education.createPlan', {
        childId: child.childId,
        kind: 'ordered',
        guardianPersonIds: [child.motherId],
        assessmentDate: '2026-11-02',
        willingness: 'medium',
        ability: 'low',
        relationship: 'fair',
        provider: '济阳区家庭教育指导站（妇联）',
        startDate: '2026-11-05',
        endDate: '2027-02-04',
        sessionsPerMonth: 1,
        minMinutes: 40,
        goals: [{ text: '掌握与孩子有效沟通的方法', dueDate: '2027-02-04' }],
      });
      const assessment = await call(app.core, 'counselling.addAssessment', {
        childId: child.childId,
        ...CONSENTED_ASSESSMENT,
      });
      const { page } = app;
      await signInToApp(page, PEOPLE.admin);

      // The plan's page: the signed plan, as on an order's page.
      await go(page, `#/education/plans/${plan.id}`);
      const panel = page.getByTestId('attachments');
      await panel.waitFor();
      await chooseFile(
        page,
        'plan_signed.pdf',
        makePdf(['Family education plan - signed by Liu Cuilan'], 60_000),
      );
      await panel.getByLabel('标题').fill('家庭教育指导方案（监护人签字）');
      await panel.getByRole('button', { name: '保存附件' }).click();
      await panel.getByTestId('attachment-list').getByText('家庭教育指导方案（监护人签字）').waitFor();
      await panel.scrollIntoViewIfNeeded();
      await shot(page, 'attachments-06-plan');
      expect(
        (await call(app.core, 'attachments.forRecord', { recordKind: 'plan', recordId: plan.id })).map(
          (a) => a.title,
        ),
      ).toEqual(['家庭教育指导方案（监护人签字）']);

      // The counselling record: the assessment's row has its 附件, which asks for the consent.
      await go(page, `#/counselling/${child.childId}`);
      const button = page.getByTestId('attachments-button');
      await expect.poll(() => button.count()).toBe(1);
      expect(await button.textContent()).toBe('附件');
      await button.click();
      const dialog = page.getByRole('dialog', { name: /心理测评的附件/ });
      await dialog.getByText('请上传监护人和儿童签字的知情同意书').waitFor();
      await chooseFile(dialog, 'consent.png', PHOTO);
      await dialog.getByText(/consent\.png/).waitFor();
      expect(await kindShown(dialog)).toContain('知情同意书');
      await dialog.getByLabel('标题').fill('心理测评知情同意书');
      await dialog.getByRole('button', { name: '保存附件' }).click();
      await dialog.getByTestId('attachment-list').getByText('心理测评知情同意书').waitFor();
      await dialog.getByTestId('attachment-thumb').waitFor();
      // Marked restricted, like the notes; the request is met.
      await dialog.getByTitle('心理疏导附件仅心理辅导人员和管理员可以查看').first().waitFor();
      await expect.poll(() => dialog.getByText('请上传监护人和儿童签字的知情同意书').count()).toBe(0);
      await shot(page, 'attachments-07-consent');
      await closeDialog(dialog);
      await expect.poll(() => button.textContent()).toBe('附件 1');
      await shot(page, 'attachments-08-counselling-row');
      const [stored] = await call(app.core, 'attachments.forRecord', {
        recordKind: 'assessment',
        recordId: assessment.id,
      });
      expect(stored).toMatchObject({ kind: 'consent', restricted: true, title: '心理测评知情同意书' });

      // The child's caseworker without the counselling role: nothing shown, nothing offered.
      await call(app.core, 'session.lock', {});
      await page.getByLabel('用户名').waitFor();
      await signIn(page, PEOPLE.caseworker);
      await go(page, `#/counselling/${child.childId}`);
      await page.getByTestId('restricted-notice').waitFor();
      expect(await page.getByTestId('attachments-button').count()).toBe(0);
      expect(await page.getByText('心理测评知情同意书').count()).toBe(0);
      await shot(page, 'attachments-09-counselling-colleague');
      // Nor in the child's file, where every other attachment of the child is listed.
      await go(page, `#/children/${child.childId}`);
      await page.getByRole('tab', { name: '附件' }).click();
      await page.getByText('家庭教育指导方案（监护人签字）').waitFor();
      expect(await page.getByText('心理测评知情同意书').count()).toBe(0);
      await shot(page, 'attachments-10-child-file-colleague');
    }));
  it('exports a referral summary with the attached PDF and photo appended after its pages (附上附件原件), audited with the merged file’s hash', () =>
    inStudio(async (app, child) => {
      const judgment = makePdf(['JUDGMENT 2025-12 - Jinan Intermediate Court', 'page 1 of the scan'], 20_000);
      const added = await call(app.core, 'attachments.add', {
        recordKind: 'child',
        recordId: child.childId,
        files: [
          {
            fileName: 'judgment.pdf',
            title: '张大山刑事判决书',
            kind: 'judgment',
            base64: judgment.toString('base64'),
          },
          { fileName: 'visit.png', title: '家访照片', kind: 'photo', base64: PHOTO.toString('base64') },
          {
            fileName: '情况说明.docx',
            title: '情况说明',
            kind: 'other',
            base64: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]).toString(
              'base64',
            ),
          },
        ],
      });
      const { page } = app;
      await signInToApp(page, PEOPLE.admin, `#/children/${child.childId}`);
      await page.getByRole('button', { name: '导出转介摘要' }).click();
      const dialog = page.getByRole('dialog', { name: '导出转介摘要' });
      // The choice is there only with the 附件目录 it goes with.
      expect(await dialog.getByRole('checkbox', { name: '附上附件原件' }).count()).toBe(0);
      await dialog.getByRole('checkbox', { name: '附件目录' }).check();
      await dialog.getByRole('checkbox', { name: '附上附件原件' }).check();
      await pick(dialog, '接收单位', '教体');
      const preview = dialog.getByTestId('summary-preview');
      await expect
        .poll(() => preview.getByText('标“附后”的 2 个附件').isVisible(), { timeout: 10_000 })
        .toBe(true);
      expect(await preview.getByText('附后', { exact: true }).count()).toBe(2);
      expect(await preview.getByText('仅列目录', { exact: true }).count()).toBe(1);
      await shot(page, 'attachments-11-summary-append');

      const { file, pages } = await exportFromScreen(
        app,
        dialog.getByRole('button', { name: '导出PDF' }),
        path.join(PRINT_DIR, 'appended'),
      );
      const total = Number(pdfInfo(file).Pages);
      expect(pages).toBe(total);
      // The summary's own pages, then the judgment's page, then the photo on a page of its own.
      expect(pdfText(file, { page: 1 }).replace(/\s+/g, '')).toContain('转介摘要');
      expect(pdfText(file, { page: total - 1 })).toContain('JUDGMENT 2025-12 - Jinan Intermediate Court');
      expect(pdfText(file, { page: total }).trim()).toBe('');
      const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(total), file], { encoding: 'utf8' });
      expect(sizes).toMatch(new RegExp(`Page\\s+${total} size:\\s+841\\.89 x 595\\.28`));
      const pngs = pdfPngs(file, 50);
      expect(pngs).toHaveLength(total);

      const [row] = (await call(app.core, 'audit.list', { action: 'documents.export' })).rows;
      expect(row?.detail).toMatchObject({
        kind: 'childSummary',
        sections: ['basic', 'guardianship', 'needs', 'referrals', 'attachments'],
        appended: [added[0]!.id, added[1]!.id],
        pages: total,
        sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      });
    }));
  it("opens the same panel from a row's 附件 button: a 训诫 in the register, a referral's action (the school's reply), a custody record and a relative, each button with its count", () =>
    inStudio(async (app, child) => {
      const admonition = await call(app.core, 'education.admonish', {
        childId: child.childId,
        guardianPersonId: child.motherId,
        date: '2026-11-10',
        place: '济阳区人民检察院未检工作室',
        reason: '放任未成年人沉迷网络，经常夜不归宿',
        deliveredBy: '王检察官',
      });
      const referral = await referredTo(app.core, child.childId, {
        agency: '教体',
        received: '2026-11-20',
        sent: '2026-11-20',
      });
      const { page } = app;
      await signInToApp(page, PEOPLE.admin);

      // 训诫 register: the row's button opens the panel for that 训诫.
      await go(page, '#/education?view=admonitions');
      const register = page.getByTestId('admonition-register');
      await register.getByTestId('attachments-button').click();
      let dialog = page.getByRole('dialog', { name: /训诫的附件/ });
      await chooseFile(dialog, 'admonition.pdf', makePdf(['Admonition record - signed'], 10_000));
      await dialog.getByRole('button', { name: '保存附件' }).click();
      await dialog.getByTestId('attachment-list').getByText('admonition').waitFor();
      await closeDialog(dialog);
      await expect.poll(() => register.getByTestId('attachments-button').textContent()).toBe('附件 1');
      await shot(page, 'attachments-12-admonition-register');

      // A referral's action: the page asks for the school's written reply until it is recorded.
      await go(page, `#/referrals/${referral.id}`);
      const action = page.getByTestId('action-教体');
      await action.getByTestId('attachments-button').click();
      dialog = page.getByRole('dialog', { name: /教体 分流处置的附件/ });
      await dialog.getByText('收到的书面回复可以扫描后附在这里').waitFor();
      await chooseFile(dialog, '学校书面回复.png', PHOTO);
      await dialog.getByRole('button', { name: '保存附件' }).click();
      await dialog.getByTestId('attachment-list').getByText('学校书面回复').waitFor();
      await shot(page, 'attachments-13-referral-action');
      await closeDialog(dialog);
      await expect.poll(() => action.getByTestId('attachments-button').textContent()).toBe('附件 1');

      // The father's custody record, on the child's 关系人与羁押 tab: a 判决书 by default.
      await go(page, `#/children/${child.childId}`);
      await page.getByRole('tab', { name: '关系人与羁押' }).click();
      const custody = page.locator('[aria-label="张大山的羁押情况"]');
      await custody.getByTestId('attachments-button').click();
      dialog = page.getByRole('dialog', { name: /张大山 .*的附件/ });
      await chooseFile(dialog, 'judgment.pdf', makePdf(['Criminal judgment'], 10_000));
      expect(await kindShown(dialog)).toContain('判决书');
      await dialog.getByRole('button', { name: '保存附件' }).click();
      await dialog.getByTestId('attachment-list').getByText('judgment').waitFor();
      await shot(page, 'attachments-14-custody');
      await closeDialog(dialog);
      // Its button says how many, as the other records' do (issue 20).
      await expect.poll(() => custody.getByTestId('attachments-button').textContent()).toBe('附件 1');

      // The father himself (a relative): his row's button counts his own files, not the custody's.
      const father = page.locator('tr.ant-table-row', { hasText: '张大山' }).first();
      expect(await father.getByTestId('attachments-button').textContent()).toBe('附件');
      await father.getByTestId('attachments-button').click();
      dialog = page.getByRole('dialog', { name: /张大山（.*）的附件/ });
      await chooseFile(dialog, '户口簿.png', PHOTO);
      await dialog.getByRole('button', { name: '保存附件' }).click();
      await dialog.getByTestId('attachment-list').getByText('户口簿').waitFor();
      await closeDialog(dialog);
      await expect.poll(() => father.getByTestId('attachments-button').textContent()).toBe('附件 1');
      await shot(page, 'attachments-15-relative-counts');

      const kinds = (await call(app.core, 'attachments.forChild', { childId: child.childId })).map((a) => [
        a.recordKind,
        a.kind,
      ]);
      expect(kinds.sort()).toEqual([
        ['admonition', 'other'],
        ['custody', 'judgment'],
        ['referralAction', 'other'],
        ['relative', 'other'],
      ]);
      expect(
        (
          await call(app.core, 'attachments.forRecord', {
            recordKind: 'admonition',
            recordId: admonition.id,
          })
        ).length,
      ).toBe(1);
    }));
});
