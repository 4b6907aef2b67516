import { describe, expect, it } from 'vitest';
import { NOTICE_2026, NOTICE_2027_SYNTHETIC } from '../fixtures/notices';
import { browserAvailable, shot } from './harness';
import { ADMIN } from './support/people';
import { inStudio, invoke, signIn, staffStudio, useBrowser } from './support/studio';
import { shotWhole } from './support/ui';

describe.skipIf(!browserAvailable().ok)('节假日安排: adding 2027 from the notice', () => {
  const browser = useBrowser();

  it('pastes the notice, confirms the dates, and the referral deadline moves', async () => {
    await inStudio(browser(), '2026-12-30', 'calendar', async ({ app, page }) => {
      await staffStudio(app);
      const kid = await invoke<{ id: string }>(app, 'children.create', {
        name: '孙小雨',
        gender: 'female',
        birthDate: '2015-06-01',
        township: '济阳街道',
      });
      const referral = await invoke<{ id: string; verifyDue: string }>(app, 'referrals.create', {
        sourceDepartment: '第一检察部',
        receivedDate: '2026-12-30',
        children: [{ childId: kid.id }],
      });
      // Counted as plain weekdays: 12-31, 01-01, 01-04, 01-05, 01-06.
      expect(referral.verifyDue).toBe('2027-01-06');
      await page.reload();
      page.setDefaultTimeout(10_000);
      await signIn(page, ADMIN, '线索移交');

      // 首页 reminds the administrator, with the way there.
      const missing = page.getByTestId('calendar-missing-year');
      await expect.poll(() => missing.textContent()).toContain('尚未录入2027年的节假日安排');
      await shot(page, 'calendar-home-reminder');
      // 工作提醒 says the same.
      await page.getByRole('menuitem', { name: /工作提醒/ }).click();
      await expect
        .poll(() => page.getByTestId('calendar-missing-year').textContent())
        .toContain('尚未录入2027年的节假日安排');
      await page.getByRole('menuitem', { name: '首页' }).click();
      await missing.getByRole('link', { name: '去添加' }).click();
      await page.getByRole('heading', { name: '节假日安排' }).waitFor();
      await expect.poll(() => page.getByTestId('calendar-year-source').textContent()).toContain('随软件提供');
      // The shipped 2026: 国庆 off, the Saturday after worked.
      expect(await page.locator('[data-date="2026-10-01"]').getAttribute('data-kind')).toBe('holiday');
      expect(await page.locator('[data-date="2026-10-10"]').getAttribute('data-kind')).toBe('workday');
      await shotWhole(page, 'calendar-page-2026');

      // The 2026 notice pasted as 2027 by mistake: said plainly, nothing to confirm.
      await page.getByRole('button', { name: '添加年份' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('年份').fill('2027');
      // Ranges can be entered by hand instead; a look at that form, then back to pasting.
      await dialog.getByText('手工录入', { exact: true }).click();
      await dialog.getByRole('button', { name: '添加一个节日' }).click();
      expect(await dialog.getByRole('textbox', { name: '节日' }).count()).toBe(2);
      await shot(page, 'calendar-manual-form');
      await dialog.getByText('粘贴通知原文', { exact: true }).click();
      // Nothing pasted: said beside the box.
      await dialog.getByRole('button', { name: '识别日期' }).click();
      await dialog
        .getByText('没有识别到日期。请粘贴通知中“一、元旦：1月1日至3日放假……”这样的各项安排。')
        .waitFor();
      await dialog.getByRole('textbox', { name: '通知原文' }).fill(NOTICE_2026);
      await dialog.getByRole('button', { name: '识别日期' }).click();
      const preview = dialog.getByTestId('calendar-preview');
      await expect
        .poll(() => preview.getByRole('alert').textContent())
        .toContain('通知写的是2026年的安排，与所填年份2027年不符');
      expect(await dialog.getByRole('button', { name: '确认保存' }).isDisabled()).toBe(true);
      await shot(page, 'calendar-wrong-year');

      // Back, the right notice, and the dates it says.
      await dialog.getByRole('button', { name: '返回修改' }).click();
      await dialog.getByRole('textbox', { name: '通知原文' }).fill(NOTICE_2027_SYNTHETIC);
      await dialog.getByRole('button', { name: '识别日期' }).click();
      await expect.poll(() => preview.textContent()).toContain('请核对识别出的日期，确认无误后保存');
      const rows = preview.locator('tbody tr.ant-table-row');
      expect(await rows.count()).toBe(7);
      expect(await rows.nth(1).textContent()).toContain('2027-02-05至2027-02-13');
      expect(await preview.locator('[data-date="2027-01-01"]').getAttribute('data-kind')).toBe('holiday');
      expect(await preview.locator('[data-date="2027-02-20"]').getAttribute('data-kind')).toBe('workday');
      await shot(page, 'calendar-confirm-2027');
      await dialog.getByRole('button', { name: '确认保存' }).click();
      await expect
        .poll(() => page.locator('.ant-message-notice').textContent())
        .toContain('2027年节假日安排已保存，1 项期限已按新安排重新计算');
      await expect.poll(() => page.getByTestId('calendar-year-source').textContent()).toContain('按通知录入');
      await expect
        .poll(() => page.getByTestId('calendar-festivals').textContent())
        .toContain('春节：2027-02-05至2027-02-13放假；2027-02-14、2027-02-20上班');
      await expect.poll(() => page.getByTestId('calendar-missing-year').count()).toBe(0);
      await shotWhole(page, 'calendar-page-2027');

      // The referral: 元旦 1–3 January off, so the fifth working day is 7 January, and it says so.
      await page.evaluate((id) => {
        window.location.hash = `#/referrals/${id}`;
      }, referral.id);
      await expect.poll(() => page.getByTestId('verify-due').textContent()).toContain('2027-01-07');
      expect(await page.getByTestId('deadline-moved').textContent()).toBe(
        '2027年节假日安排更新后，核查期限由 2027-01-06 调整为 2027-01-07。',
      );
      expect(await page.getByTestId('calendar-missing').count()).toBe(0);
      await shotWhole(page, 'calendar-referral-moved');

      // 设置 lists the years now covered.
      await page.getByRole('menuitem', { name: '设置' }).click();
      await expect
        .poll(() => page.getByTestId('holidays-card').textContent())
        .toContain('2024年、2025年、2026年、2027年');
      await shotWhole(page, 'calendar-settings-card');

      // 首页 no longer reminds.
      await page.getByRole('menuitem', { name: '首页' }).click();
      await page.getByTestId('home-todo').waitFor();
      expect(await page.getByTestId('calendar-missing-year').count()).toBe(0);
      expect(app.externalRequests).toEqual([]);
      expect(app.pageErrors).toEqual([]);
    });
  });

  it('adds a year from ranges entered by hand', async () => {
    await inStudio(browser(), '2026-12-30', 'calendar-manual', async ({ app, page }) => {
      await staffStudio(app);
      await page.reload();
      page.setDefaultTimeout(10_000);
      await signIn(page, ADMIN, '线索移交');
      await page.evaluate(() => {
        window.location.hash = '#/settings/holidays';
      });
      await page.getByRole('button', { name: '添加年份' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('年份').fill('2027');
      await dialog.getByText('手工录入', { exact: true }).click();
      await dialog.getByRole('textbox', { name: '节日' }).fill('元旦');
      const start = dialog.getByPlaceholder('开始日期');
      await start.click();
      await start.fill('2027-01-01');
      await start.press('Enter');
      const end = dialog.getByPlaceholder('结束日期');
      await end.fill('2027-01-03');
      await end.press('Enter');
      await dialog.getByRole('button', { name: '预览' }).click();
      const preview = dialog.getByTestId('calendar-preview');
      await expect.poll(() => preview.textContent()).toContain('请核对识别出的日期，确认无误后保存');
      expect(await preview.locator('[data-date="2027-01-02"]').getAttribute('data-kind')).toBe('holiday');
      await dialog.getByRole('button', { name: '确认保存' }).click();
      await expect.poll(() => page.getByTestId('calendar-year-source').textContent()).toContain('手工录入');
      expect(await page.getByTestId('calendar-festivals').textContent()).toBe(
        '元旦：2027-01-01至2027-01-03放假；不调休',
      );
      await shotWhole(page, 'calendar-manual-saved');
      expect(app.pageErrors).toEqual([]);
    });
  });
});
