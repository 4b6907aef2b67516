/**
 * 法治宣讲 as the studio runs one: a talk on school bullying is planned at a primary school
 * (「其他」 without a title is refused beside the field), held a week later before 326 pupils
 * with two photos' file names, and the register's 台账 line counts it: 开展宣讲1次，受众326人次.
 * A second plan is cancelled and counts for nothing.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './harness';
import { ADMIN } from './support/people';
import { assertClean, inArea, invoke, moveTo, openStudio, staffStudio, useBrowser } from './support/studio';
import { errorBeside, fillDate, openForm, pick, shotWhole } from './support/ui';

const { reopenAs, toList } = inArea('法治宣讲');

async function tags(scope: Page | Locator, label: string, values: string[]): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  for (const v of values) {
    await input.fill(v);
    await input.press('Enter');
  }
}

const status = (page: Page) => page.getByTestId('outreach-status').textContent();

describe.skipIf(!browserAvailable().ok)('法治宣讲: from plan to held, and a cancelled one', () => {
  const browser = useBrowser();

  it('plans a talk, records it held with its audience, and the 台账 line counts it', async () => {
    const { app, clock, page } = await openStudio(browser(), '2026-04-08');
    try {
      await staffStudio(app);
      await reopenAs(page, ADMIN);

      await toList(page);
      await page.getByText('还没有宣讲活动').first().waitFor();
      await expect
        .poll(() => page.getByTestId('outreach-summary').textContent())
        .toContain('开展宣讲0次，受众0人次');
      await shotWhole(page, 'outreach-01-list-empty');

      await openForm(page, '登记宣讲活动');
      await fillDate(page, '日期', '2026-04-15');
      await pick(page, page, '乡镇（街道）', '济阳街道');
      await pick(page, page, '场所类别', '学校');
      await page.getByLabel('场所名称').fill('济阳区实验小学');
      await pick(page, page, '主题', '其他');
      await pick(page, page, '受众类别', '学生');
      await page.getByLabel('预计受众人次').fill('300');
      await page.getByRole('button', { name: '保存' }).click();
      // Two mistakes at once, each beside its field; nothing saved.
      await expect
        .poll(() => errorBeside(page, '宣讲题目').textContent())
        .toBe('主题为“其他”时请填写宣讲题目');
      await expect.poll(() => errorBeside(page, '宣讲人').textContent()).toBe('请至少填写一名宣讲人');
      await shotWhole(page, 'outreach-02-new-field-errors');
      expect((await invoke<{ total: number }>(app, 'outreach.list', {})).total).toBe(0);

      await pick(page, page, '主题', '校园欺凌');
      await page.getByLabel('宣讲题目').fill('向校园欺凌说“不”');
      await tags(page, '宣讲人', ['王芳', '李娜']);
      await shotWhole(page, 'outreach-03-new-filled');
      await page.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => status(page)).toBe('计划');
      await page.getByRole('heading', { name: '向校园欺凌说“不”' }).waitFor();

      // Held a week later: the date cannot be one still to come, the count is required.
      await moveTo(app, clock, '2026-04-15');
      await page.getByRole('button', { name: '记录开展情况' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByLabel('日期').inputValue()).toBe('2026-04-15');
      expect(await dialog.getByLabel('受众人次').inputValue()).toBe('300');
      await dialog.getByLabel('受众人次').fill('326');
      await tags(dialog, '照片文件名', ['20260415_实验小学_01.jpg', '20260415_实验小学_02.jpg']);
      await shot(page, 'outreach-04-hold-dialog');
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page)).toBe('已开展');
      expect(await page.getByTestId('outreach-audience').textContent()).toBe('326人次');
      await page.getByText('20260415_实验小学_02.jpg').waitFor();
      await shotWhole(page, 'outreach-05-held');

      // A second plan, cancelled: it stays in the register and counts for nothing.
      await invoke(app, 'outreach.create', {
        date: '2026-04-28',
        township: '仁风镇',
        placeKind: 'village',
        placeName: '仁风村',
        topic: 'familyEducation',
        audienceKind: 'parents',
        audienceCount: 60,
        speakers: ['李娜'],
      });
      await toList(page);
      await page.getByRole('cell', { name: '仁风村（村，仁风镇）' }).click();
      await page.getByRole('button', { name: '取消活动' }).click();
      const cancel = page.getByRole('dialog');
      await cancel.getByLabel('取消原因').fill('村委会换届，改期至五月');
      await cancel.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page)).toBe('已取消');

      await toList(page);
      await expect
        .poll(() => page.getByTestId('outreach-summary').textContent())
        .toContain('开展宣讲1次，受众326人次');
      await page.getByRole('tab', { name: /已取消\s*1/ }).waitFor();
      await shotWhole(page, 'outreach-06-list');

      assertClean(app);
    } finally {
      await app.close();
    }
  });
});
