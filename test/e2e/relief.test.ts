/**
 * 国家司法救助 as the studio handles one: a caseworker registers a grandmother's application
 * with the materials received, starts the review and cannot decide; the department head grants
 * an amount over the usual ceiling (a warning, not a block); the caseworker records payment into
 * the supervised joint account and, three months on, the 回访 that closes it. The 审批表 prints.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './harness';
import { expectPdfToSay, exportFromScreen, pdfPngs } from './print-support';
import { CASEWORKER, SUPERVISOR, XIAOMING } from './support/people';
import { assertClean, inArea, inStudio, invoke, moveTo, staffStudio, useBrowser } from './support/studio';
import { errorBeside, openForm, pick, pickFound } from './support/ui';

const { open, reopenAs, switchTo, toList } = inArea('司法救助');

const status = (page: Page) => page.getByTestId('relief-status');

describe.skipIf(!browserAvailable().ok)('国家司法救助: from application to 回访', () => {
  const browser = useBrowser();

  it('registers, reviews, is granted over the ceiling with a warning, paid, visited and printed', async () => {
    await inStudio(browser(), '2026-03-02', 'relief', async ({ app, clock, page }) => {
      await staffStudio(app, SUPERVISOR, CASEWORKER);
      await invoke(app, 'children.create', XIAOMING);
      await reopenAs(page, CASEWORKER);

      await toList(page);
      await page.getByText('还没有国家司法救助申请').first().waitFor();
      await shot(page, 'relief-01-list-empty');

      await openForm(page, '新建救助申请', '新建国家司法救助申请');
      await pickFound(page, page, '救助对象', '张小明');
      await page.getByLabel('申请人', { exact: true }).fill('张桂芝');
      await pick(page, page, '与未成年人关系', '祖父母');
      await page.getByLabel('申请人电话').fill('13905311234');
      await page.getByLabel('申请金额（元）').fill('12,000.5.0');
      await page.getByRole('checkbox', { name: '申请人身份证明' }).check();
      await page.getByRole('checkbox', { name: '生活困难证明' }).check();
      // Reasons left empty and a malformed amount: both messages land beside their fields.
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => errorBeside(page, '申请理由').textContent()).toBe('请填写申请救助的理由');
      expect(await errorBeside(page, '申请金额（元）').textContent()).toContain('金额请填写数字');
      await shot(page, 'relief-02-field-errors');
      expect((await invoke<{ total: number }>(app, 'relief.list', { status: 'all' })).total).toBe(0);

      await page.getByLabel('申请金额（元）').fill('400000');
      await page
        .getByLabel('申请理由')
        .fill('父亲因故意伤害罪羁押，母亲失联，祖母年迈无收入，孩子学费和医疗费无着落。');
      await shot(page, 'relief-03-form-filled');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => status(page).textContent()).toBe('已申请');
      expect(await page.getByTestId('relief-checklist').textContent()).toContain('已收国家司法救助申请书');
      await page.getByRole('button', { name: '开始审查' }).click();
      const review = page.getByRole('dialog');
      await review.getByLabel('审查意见').fill('申请材料齐全，符合国家司法救助条件，建议给予救助。');
      await review.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page).textContent()).toBe('审查中');
      // The caseworker has no decision step: RELIEF_FLOW gives it to the head.
      expect(await page.getByRole('button', { name: '决定准予救助' }).count()).toBe(0);
      await shot(page, 'relief-04-reviewing');

      await switchTo(page, SUPERVISOR);
      await toList(page);
      await page.getByRole('tab', { name: /审查中\s*1/ }).click();
      await page.getByRole('link', { name: '张小明' }).click();
      await page.getByRole('button', { name: '决定准予救助' }).click();
      const grant = page.getByRole('dialog');
      expect(await grant.getByLabel('救助金额（元）').inputValue()).toBe('400000.00');
      // 36 × 8,800 = 316,800 元: the amount is over it, so the dialog warns and still lets it through.
      await grant.getByTestId('ceiling-warning').waitFor();
      expect(await grant.getByTestId('ceiling-warning').textContent()).toContain(
        '超过通常上限 316,800.00 元',
      );
      await grant.getByLabel('决定理由').fill('儿童重伤需长期治疗，家庭极度困难，特殊情况酌情提高救助金额。');
      await shot(page, 'relief-05-grant-over-ceiling');
      await grant.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page).textContent()).toBe('准予救助');
      expect(await page.getByTestId('relief-amount').textContent()).toBe('400,000.00');
      expect(await page.getByText('超过通常上限', { exact: true }).isVisible()).toBe(true);

      await switchTo(page, CASEWORKER);
      await moveTo(app, clock, '2026-03-12');
      await open(page, '张小明');
      await page.getByRole('button', { name: '登记发放' }).click();
      const pay = page.getByRole('dialog');
      expect(await pay.getByLabel('发放日期').inputValue()).toBe('2026-03-12');
      await pay.getByLabel('监管账户户名').fill('张桂芝、济阳街道城关村民委员会');
      await pay.getByLabel('开户银行').fill('济阳农商银行城关支行');
      await pay.getByLabel('账号后四位').fill('60a1');
      await pay.getByLabel('账户监管人/单位').fill('城关村民委员会');
      await pay.getByRole('button', { name: '确定' }).click();
      await expect
        .poll(() => pay.locator('.ant-form-item-explain-error').textContent())
        .toBe('账号只记录后四位数字');
      await pay.getByLabel('账号后四位').fill('6021');
      await shot(page, 'relief-06-pay');
      await pay.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page).textContent()).toBe('已发放');

      await moveTo(app, clock, '2026-06-10');
      await page.getByRole('button', { name: '登记回访并结案' }).click();
      const visit = page.getByRole('dialog');
      await visit.locator('label').filter({ hasText: '走访' }).click();
      await visit.getByLabel('回访情况').fill('救助金用于治疗和学费，孩子已康复返校，祖母按月记账。');
      await visit.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page).textContent()).toBe('已回访结案');
      await shot(page, 'relief-07-closed');

      const { fileName, file } = await exportFromScreen(
        app,
        page.getByRole('button', { name: '打印审批表' }),
      );
      expect(fileName).toMatch(/^国家司法救助审批表_张某_\d{8}\.pdf$/);
      expectPdfToSay(file, [
        '国家司法救助审批表',
        '张小明',
        '张桂芝',
        '400,000.00元',
        '通常上限316,800.00元',
        '陈主任',
        '2026年3月12日',
      ]);
      expect(pdfPngs(file).length).toBe(1);

      await page.getByRole('link', { name: '返回列表' }).click();
      await page.getByRole('tab', { name: /已回访结案\s*1/ }).click();
      await expect
        .poll(() => page.getByTestId('relief-total').textContent())
        .toBe('共 1 件，决定救助金额合计 400,000.00 元');
      await shot(page, 'relief-08-list-closed');

      // The child's file shows the relief on its timeline, newest first.
      await page.getByRole('link', { name: '张小明' }).click();
      await status(page).waitFor();
      await page.getByRole('link', { name: '张小明' }).click();
      await page.getByRole('tab', { name: '时间线' }).click();
      const timeline = page.getByRole('region', { name: '时间线' });
      await timeline.getByText('国家司法救助回访').waitFor();
      expect(await timeline.textContent()).toContain('决定给予国家司法救助 400,000.00 元');
      await shot(page, 'relief-09-child-timeline');
      assertClean(app);
    });
  });
});
