/**
 * 支持起诉 as the studio handles one: a caseworker drafts a suit to revoke a violent father's
 * guardianship (a missing ground is refused beside its field), the department head issues the
 * 支持起诉意见书 and a number is allocated, the court's filing and its decision with the new
 * guardian are recorded, and the 意见书 prints. Then an order evaluated 未达标 with 支持起诉
 * lands here as a linked draft, opened from the order page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drinkingFatherOrder, ignoredOrder } from '../helpers/orders';
import { type App, browserAvailable, shot } from './harness';
import { expectPdfToSay, exportFromScreen, pdfPngs } from './print-support';
import { evaluateNotMet } from './support/orders';
import { CASEWORKER, SUPERVISOR, XIAOMING } from './support/people';
import { addGuardian } from './support/seed';
import { assertClean, inArea, inStudio, invoke, moveTo, staffStudio, useBrowser } from './support/studio';
import { openForm, pick, pickFound } from './support/ui';

const { open, reopenAs, switchTo, toList } = inArea('支持起诉');

const status = (page: Page) => page.getByTestId('suit-status');

async function seedStudio(app: App): Promise<{ childId: string; fatherId: string }> {
  await staffStudio(app, SUPERVISOR, CASEWORKER);
  const child = await invoke<{ id: string }>(app, 'children.create', XIAOMING);
  const person = { name: '张建国', gender: 'male', address: '济阳街道城关村' };
  return { childId: child.id, fatherId: await addGuardian(app, child.id, 'father', person) };
}

describe.skipIf(!browserAvailable().ok)('支持起诉: from draft to the court’s decision', () => {
  const browser = useBrowser();

  it('drafts, is issued by the head with a number, filed, decided with a new guardian, and printed', async () => {
    await inStudio(browser(), '2026-03-02', 'suits', async ({ app, clock, page }) => {
      await seedStudio(app);
      await reopenAs(page, CASEWORKER);
      await toList(page);
      await page.getByText('还没有支持起诉案件').first().waitFor();
      await openForm(page, '新建支持起诉');
      await pickFound(page, page, '未成年人', '张小明');
      await page.getByRole('checkbox', { name: /张建国（父亲）/ }).check();
      await pick(page, page, '起诉（申请）人', '民政部门');
      await page.getByLabel('起诉人名称/姓名').fill('济阳区民政局');
      await page
        .getByLabel('查明的事实')
        .fill('张建国长期酗酒，多次殴打张小明致其轻伤，经公安机关处理、本院督促后仍未改正。');
      await page.getByRole('checkbox', { name: '起诉状/申请书' }).check();
      await page.getByRole('checkbox', { name: '侵害或失职的证据' }).check();
      // No ground ticked: the API's message lands beside the grounds.
      await page.getByRole('button', { name: '保存', exact: true }).click();
      const grounds = page.locator('.ant-form-item').filter({ hasText: '撤销/变更事由' });
      await expect
        .poll(() => grounds.locator('.ant-form-item-explain-error').textContent())
        .toBe('请至少选择一项民法典第三十六条规定的情形，或写明其他理由');
      await shot(page, 'suits-01-field-error');
      await page.getByRole('checkbox', { name: /实施严重损害被监护人身心健康的行为/ }).check();
      await shot(page, 'suits-02-form-filled');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => status(page).textContent()).toBe('拟制');
      expect(await page.getByRole('button', { name: '审批并出具意见书' }).count()).toBe(0);

      await switchTo(page, SUPERVISOR);
      await toList(page);
      await page.getByRole('link', { name: '张小明' }).waitFor();
      await page.getByRole('cell', { name: '撤销监护人资格' }).click();
      await page.getByRole('button', { name: '审批并出具意见书' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await expect.poll(() => page.getByTestId('suit-number').textContent()).toBe('济阳检未支诉〔2026〕1号');
      expect(await status(page).textContent()).toBe('已出具意见书');

      await switchTo(page, CASEWORKER);
      await moveTo(app, clock, '2026-03-09');
      await open(page, '济阳检未支诉〔2026〕1号');
      await page.getByRole('button', { name: '登记法院立案' }).click();
      const file = page.getByRole('dialog');
      await file.getByLabel('受理法院').fill('济南市济阳区人民法院');
      await file.getByLabel('法院案号').fill('（2026）鲁0115民特12号');
      await file.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page).textContent()).toBe('法院已立案');

      await moveTo(app, clock, '2026-04-01');
      await page.getByRole('button', { name: '登记法院裁判' }).click();
      const decide = page.getByRole('dialog');
      await pick(page, decide, '裁判结果', '撤销监护人资格');
      await decide.getByRole('button', { name: '确定' }).click();
      await expect
        .poll(() => decide.locator('.ant-form-item-explain-error').first().textContent())
        .toBe('撤销或变更监护人资格的，请填写新的监护人');
      await decide.getByLabel('新监护人', { exact: true }).fill('张桂芝');
      await pick(page, decide, '新监护人身份', '祖父母');
      await shot(page, 'suits-03-decide');
      await decide.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page).textContent()).toBe('法院已裁判');
      expect(await page.getByTestId('new-guardian').textContent()).toBe('张桂芝（祖父母）');
      await shot(page, 'suits-04-decided');

      const { file: pdfFile } = await exportFromScreen(
        app,
        page.getByRole('button', { name: '打印支持起诉意见书' }),
      );
      expectPdfToSay(pdfFile, [
        '支持起诉意见书',
        '济阳检未支诉〔2026〕1号',
        '济南市济阳区人民法院：',
        '济阳区民政局申请撤销父亲张建国对未成年人张小明的监护人资格',
        '第三十六条',
        '2026年3月2日',
      ]);
      expect(pdfPngs(pdfFile).length).toBeGreaterThanOrEqual(1);
      assertClean(app);
    });
  });

  it('lands an order evaluated 未达标 with 支持起诉 here as a linked draft, opened from the order', async () => {
    await inStudio(browser(), '2026-03-02', 'suits', async ({ app, page }) => {
      const { childId, fatherId } = await seedStudio(app);
      const order = await ignoredOrder(app.core, drinkingFatherOrder(childId, fatherId), SUPERVISOR, {
        method: 'visit',
        findings: '拒不配合，仍酗酒',
      });
      const evaluate = await evaluateNotMet(
        app,
        order,
        '支持起诉撤销监护资格',
        '考察期内拒不整改，继续酗酒，孩子处于危困状态。',
      );
      await evaluate.getByRole('button', { name: '提交评估' }).click();
      await page.getByTestId('outcome-suit-link').click();
      await expect.poll(() => status(page).textContent()).toBe('拟制');
      expect(await page.getByTestId('from-order').textContent()).toContain('济阳检未督监〔2026〕1号');
      expect(await page.getByRole('link', { name: '济阳检未督监〔2026〕1号' }).count()).toBe(1);
      await shot(page, 'suits-05-from-order');
      // Not ready to go out: the complaint is not prepared yet.
      await page.getByRole('button', { name: '审批并出具意见书' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await expect
        .poll(() => page.getByRole('dialog').getByRole('alert').textContent())
        .toContain('尚未准备起诉状/申请书');
      await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
      await page.getByRole('button', { name: /修改/ }).click();
      await page.getByRole('heading', { name: '修改支持起诉（拟制）' }).waitFor();
      expect(await page.getByRole('checkbox', { name: /张建国（父亲）/ }).isChecked()).toBe(true);
      await page.getByRole('checkbox', { name: '起诉状/申请书' }).check();
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => status(page).textContent()).toBe('拟制');
      await page.getByRole('button', { name: '审批并出具意见书' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page).textContent()).toBe('已出具意见书');
      await toList(page);
      await page.getByText('由督促监护令转入').first().waitFor();
      await shot(page, 'suits-06-list');
      expect(app.pageErrors).toEqual([]);
    });
  });
});
