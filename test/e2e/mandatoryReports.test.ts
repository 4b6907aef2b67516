/**
 * 强制报告 as the studio records one: a school reports bruises on two siblings; the caseworker
 * registers it (a report dated before it was learned is refused beside the field), starts
 * the 核查, records a follow-up, the police's 立案, and closes it with the outcome. The
 * children's files show it, and the register lists it under 已办结.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './harness';
import { ADMIN, XIAOMING } from './support/people';
import { assertClean, inArea, invoke, moveTo, openStudio, staffStudio, useBrowser } from './support/studio';
import { errorBeside, fillDate, openForm, pick, shotWhole } from './support/ui';

const { reopenAs, toList } = inArea('强制报告');

const status = (page: Page) => page.getByTestId('report-status').textContent();

describe.skipIf(!browserAvailable().ok)('强制报告: from the report to 已办结', () => {
  const browser = useBrowser();

  it('registers a school’s report on two children, verifies, records 立案 and closes it', async () => {
    const { app, clock, page } = await openStudio(browser(), '2026-04-10');
    try {
      await staffStudio(app);
      const boy = await invoke<{ id: string }>(app, 'children.create', XIAOMING);
      await invoke(app, 'children.create', {
        name: '张小红',
        gender: 'female',
        birthDate: '2012-08-19',
        township: '济阳街道',
        village: '城关村',
      });
      await reopenAs(page, ADMIN);

      await toList(page);
      await page.getByText('还没有强制报告').first().waitFor();
      await shotWhole(page, 'reports-01-list-empty');

      await openForm(page, '登记强制报告');
      await page.getByLabel('报告单位').fill('济阳区实验小学');
      await pick(page, page, '单位类别', '学校、幼儿园、校外培训机构');
      await page.getByLabel('报告人').fill('孙老师');
      await page.getByLabel('联系方式').fill('0531-84221234');
      await fillDate(page, '知悉日期', '2026-04-08');
      await fillDate(page, '报告日期', '2026-04-07');
      await pick(page, page, '报告情形', /^（四）/);
      await page.getByLabel('接报派出所').fill('济阳派出所');
      for (const name of ['张小明', '张小红']) {
        await page.getByLabel('涉及未成年人', { exact: true }).fill(name);
        await page.locator('.ant-select-dropdown:visible').getByTitle(new RegExp(name)).first().click();
      }
      // Nothing typed for 报告内容, and the report dated before it was learned.
      await page.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => errorBeside(page, '报告日期').textContent()).toBe('报告日期不能早于知悉日期');
      await expect.poll(() => errorBeside(page, '报告内容').textContent()).toBe('请填写报告内容');
      await shotWhole(page, 'reports-02-new-field-errors');
      expect((await invoke<{ total: number }>(app, 'mandatoryReports.list', { status: 'all' })).total).toBe(
        0,
      );

      await fillDate(page, '报告日期', '2026-04-09');
      await page
        .getByLabel('报告内容')
        .fill('班主任发现张小明、张小红身上多处淤青，两人称系家中亲属殴打所致。');
      await shotWhole(page, 'reports-03-new-filled');
      await page.getByRole('button', { name: '保存' }).click();

      await expect.poll(() => page.getByTestId('report-number').textContent()).toBe('强制报告〔2026〕1号');
      expect(await status(page)).toBe('已接报');
      expect(await page.getByTestId('report-trigger').textContent()).toContain('家庭暴力');
      await page.getByText('知悉后 1 日报告').waitFor();
      // An administrator may void; the buttons are the flow table's for this role and status.
      await page.getByRole('button', { name: '作废' }).waitFor();
      await shotWhole(page, 'reports-04-received');

      await page.getByRole('button', { name: '开始核查' }).click();
      await expect.poll(() => status(page)).toBe('核查中');

      await moveTo(app, clock, '2026-04-11');
      await page.getByRole('button', { name: '添加跟进记录' }).click();
      let dialog = page.getByRole('dialog');
      expect(await dialog.getByLabel('日期').inputValue()).toBe('2026-04-11');
      await dialog.getByLabel('跟进情况').fill('会同济阳派出所民警到校了解情况，调取伤情照片。');
      await dialog.getByRole('button', { name: '确定' }).click();
      await page.getByText('会同济阳派出所民警到校了解情况').waitFor();

      await page.getByRole('button', { name: '记录立案' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => errorBeside(page, '立案编号').textContent()).toBe('请填写立案编号');
      await dialog.getByLabel('立案编号').fill('济公(济阳)立字〔2026〕0411号');
      await shot(page, 'reports-05-file-dialog');
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page)).toBe('已立案');

      await moveTo(app, clock, '2026-05-20');
      await page.getByRole('button', { name: '办结' }).click();
      dialog = page.getByRole('dialog');
      await dialog
        .getByLabel('办理结果')
        .fill('犯罪嫌疑人张某被刑事拘留，已移送审查起诉；两名儿童由祖父母照料，纳入关爱。');
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => status(page)).toBe('已办结');
      expect(await page.getByTestId('report-outcome').textContent()).toContain('移送审查起诉');
      expect(await page.getByRole('button', { name: '添加跟进记录' }).count()).toBe(0);
      await shotWhole(page, 'reports-06-closed');

      // On the children's files.
      const file = await invoke<{ timeline: { area: string; title: string }[] }>(app, 'children.get', {
        id: boy.id,
      });
      expect(file.timeline.filter((i) => i.area === 'mandatoryReports').map((i) => i.title)).toEqual([
        '强制报告办结',
        '强制报告：公安机关立案',
        '济阳区实验小学强制报告',
      ]);
      await page.getByRole('link', { name: '张小明' }).click();
      await page.getByRole('tab', { name: /时间线|动态/ }).click();
      await page.getByText('济阳区实验小学强制报告').waitFor();
      await shotWhole(page, 'reports-07-child-timeline');

      // The register: 办理中 is empty now; 已办结 holds it.
      await toList(page);
      await page.getByText('没有符合条件的强制报告').first().waitFor();
      await page.getByRole('tab', { name: /已办结\s*1/ }).click();
      await page.getByRole('cell', { name: '张小明、张小红' }).waitFor();
      await shotWhole(page, 'reports-08-list-closed');

      assertClean(app);
    } finally {
      await app.close();
    }
  });
});
