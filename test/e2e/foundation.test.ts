/**
 * The foundation, as a caseworker meets it: first run, the first account, a registered child,
 * a reload and a sign-in, a refused passphrase, a form error beside its field, and the
 * auto-lock that clears the screen — with no request ever leaving the app.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeDataDir } from '../helpers/tmp';
import { browserAvailable, openApp, shot } from './harness';
import { ADMIN } from './support/people';
import { assertClean, useBrowser } from './support/studio';

async function createFirstAccount(page: Page): Promise<void> {
  await expect.poll(() => page.getByText('创建管理员账号').first().isVisible()).toBe(true);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.passphrase);
  await page.getByLabel('确认密码').fill(ADMIN.passphrase);
  await page.getByRole('button', { name: '创建并登录' }).click();
  await page.getByText(ADMIN.displayName, { exact: false }).first().waitFor();
}

async function signIn(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

describe.skipIf(!browserAvailable().ok)('foundation: first run to a registered child', () => {
  const browser = useBrowser();

  it('creates the first account, registers a child, and finds the child after a reload and sign-in', async () => {
    const dataDir = makeDataDir('e2e-foundation');
    const app = await openApp(browser(), { dataDir, viewport: { width: 1366, height: 900 } });
    const { page } = app;
    try {
      await shot(page, 'foundation-01-setup');
      await createFirstAccount(page);
      await shot(page, 'foundation-02-home');

      await page.getByRole('menuitem', { name: '儿童档案' }).click();
      await page.getByRole('button', { name: '登记儿童' }).first().click();
      await page.getByRole('heading', { name: '登记儿童' }).waitFor();
      await page.getByLabel('姓名').fill('张小明');
      await page.getByRole('radio', { name: '男' }).check();
      await page.getByLabel('出生日期').fill('2015-03-07');
      await page.getByLabel('出生日期').press('Enter');
      await page.getByLabel('公民身份号码').fill('370115201503070014');
      await pickOption(page, '乡镇（街道）', '济阳街道');
      await page.getByLabel('村（居）').fill('城关村');
      await page.getByLabel('学校').fill('济阳区实验小学');
      await shot(page, 'foundation-03-register');
      await page.getByRole('button', { name: '登记', exact: true }).click();
      // Registering opens the new file; the list is one click away.
      await page.getByRole('button', { name: '返回列表' }).click();
      await expect.poll(() => page.getByRole('cell', { name: '张小明' }).isVisible()).toBe(true);
      // The list shows the number masked, never in full.
      await expect.poll(() => page.getByText('370115************').isVisible()).toBe(true);
      expect(await page.content()).not.toContain('370115201503070014');
      await shot(page, 'foundation-04-children');

      await page.reload();
      // A reloaded window never inherits the session: whoever sits here signs in again.
      await expect.poll(() => page.getByRole('button', { name: '登录', exact: true }).isVisible()).toBe(true);
      expect(await page.getByTestId('lock-reason').textContent()).toContain('重新加载');
      await shot(page, 'foundation-05-signin');
      await signIn(page, ADMIN.passphrase);
      await page.getByRole('menuitem', { name: '儿童档案' }).click();
      await expect.poll(() => page.getByRole('cell', { name: '张小明' }).isVisible()).toBe(true);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  it('refuses a wrong passphrase with a clear Chinese message', async () => {
    const app = await openApp(browser());
    const { page } = app;
    try {
      await createFirstAccount(page);
      await page.getByRole('button', { name: /锁定/ }).click();
      await signIn(page, 'not-the-passphrase-1');
      await expect.poll(() => page.getByText('用户名或密码错误').isVisible()).toBe(true);
      await shot(page, 'foundation-06-wrong-passphrase');
      // Still locked: nothing behind the sign-in is on the page.
      expect(await page.getByRole('menuitem', { name: '儿童档案' }).count()).toBe(0);
      await signIn(page, ADMIN.passphrase);
      await expect.poll(() => page.getByRole('menuitem', { name: '儿童档案' }).isVisible()).toBe(true);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  it('shows a form error in Chinese beside its field and saves nothing', async () => {
    const app = await openApp(browser());
    const { page } = app;
    try {
      await createFirstAccount(page);
      await page.getByRole('menuitem', { name: '儿童档案' }).click();
      await page.getByRole('button', { name: '登记儿童' }).first().click();
      await page.getByRole('heading', { name: '登记儿童' }).waitFor();
      await page.getByLabel('姓名').fill('李小红');
      await page.getByRole('radio', { name: '女' }).check();
      await page.getByLabel('出生日期').fill('2016-05-01');
      await page.getByLabel('出生日期').press('Enter');
      // One digit off: the check character no longer matches.
      await page.getByLabel('公民身份号码').fill('370115201605010025');
      await pickOption(page, '乡镇（街道）', '仁风镇');
      await page.getByRole('button', { name: '登记', exact: true }).click();
      const item = page.locator('.ant-form-item').filter({ has: page.getByLabel('公民身份号码') });
      await expect
        .poll(() => item.locator('.ant-form-item-explain-error').textContent())
        .toBe('公民身份号码校验位不正确，请核对');
      await shot(page, 'foundation-07-field-error');
      const list = await app.core.invoke('children.list', {});
      expect(list.ok && (list.value as { total: number }).total).toBe(0);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  it('locks itself after the idle time and leaves no record on the screen', async () => {
    const app = await openApp(browser());
    const { page } = app;
    try {
      await page.clock.install();
      await createFirstAccount(page);
      await app.core.invoke('children.create', {
        name: '赵小刚',
        gender: 'male',
        birthDate: '2014-08-08',
        township: '孙耿街道',
      });
      await page.getByRole('menuitem', { name: '儿童档案' }).click();
      await expect.poll(() => page.getByRole('cell', { name: '赵小刚' }).isVisible()).toBe(true);

      // Ten idle minutes (the default) pass with no input.
      await page.clock.runFor('10:05');
      await expect.poll(() => page.getByRole('button', { name: '登录', exact: true }).isVisible()).toBe(true);
      expect(await page.getByTestId('lock-reason').textContent()).toContain('未操作');
      expect(await page.content()).not.toContain('赵小刚');
      expect(app.core.isUnlocked()).toBe(false);
      await shot(page, 'foundation-08-idle-locked');
      await signIn(page, ADMIN.passphrase);
      await expect.poll(() => page.getByRole('menuitem', { name: '儿童档案' }).isVisible()).toBe(true);
      const locks = await app.core.invoke('audit.list', { action: 'session.lock' });
      expect(
        locks.ok &&
          (locks.value as { rows: { detail: { reason: string } }[] }).rows.map((l) => l.detail.reason),
      ).toEqual(['idle']);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  it('shows the audit log to the administrator and verifies it', async () => {
    const app = await openApp(browser(), { viewport: { width: 1366, height: 900 } });
    const { page } = app;
    try {
      await createFirstAccount(page);
      await page.getByRole('menuitem', { name: '审计日志' }).click();
      await page.getByRole('button', { name: '校验完整性' }).click();
      await expect
        .poll(() => page.getByTestId('audit-verify-result').textContent())
        .toMatch(/审计日志完整，共校验 \d+ 条/);
      await shot(page, 'foundation-09-audit');
      // Everything that happened to one child: the 儿童 filter (audit_log.child_id).
      const base = { gender: 'male', township: '济阳街道', village: '城关村' };
      for (const child of [
        { ...base, name: '张小明', birthDate: '2015-03-07' },
        { ...base, name: '李小刚', birthDate: '2016-05-04' },
      ])
        expect((await app.core.invoke('children.create', child)).ok).toBe(true);
      // Leave and come back so the log is read again; the children list must have painted first,
      // or the lazy route's pending transition keeps the old audit page (and its rows) mounted.
      await page.getByRole('menuitem', { name: '儿童档案' }).click();
      await page.getByRole('button', { name: '登记儿童' }).first().waitFor();
      await page.getByRole('menuitem', { name: '审计日志' }).click();
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(2);
      await page.locator('#audit-child').fill('张小明');
      await page.getByTitle('张小明（2015-03-07）').click();
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().textContent()).not.toContain('李小刚');
      await shot(page, 'foundation-09b-audit-one-child');
      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByText('账号管理').first().waitFor();
      await shot(page, 'foundation-10-settings');
      await page.getByRole('menuitem', { name: '统计台账' }).click();
      // Every area is built now: 统计台账 opens on its ledger.
      await expect.poll(() => page.getByText('该功能尚在建设中').count()).toBe(0);
      await expect.poll(() => page.getByRole('heading', { name: '统计台账' }).first().isVisible()).toBe(true);
      await shot(page, 'foundation-11-stats');
      assertClean(app);
    } finally {
      await app.close();
    }
  });
  it("styles the page only through this load's nonce: antd's styles apply, injected style markup does not", async () => {
    const dataDir = makeDataDir('e2e-foundation-csp');
    const app = await openApp(browser(), { dataDir });
    const { page } = app;
    try {
      await createFirstAccount(page);
      // The policy the page runs under, as the browser saw it: a nonce and no 'unsafe-inline'.
      const policy = await page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      );
      expect(policy).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/]{24}'/);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('SUNWARD_CSP_NONCE');

      // antd's run-time styles are in force: a primary button is antd's blue, not the browser's grey.
      const primary = page.getByRole('button', { name: '登记儿童' }).first();
      await page.getByRole('menuitem', { name: '儿童档案' }).click();
      await primary.waitFor();
      expect(await primary.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(22, 119, 255)');
      const unsigned = await page.evaluate(
        () => [...document.querySelectorAll('style')].filter((s) => !s.nonce).length,
      );
      expect(unsigned).toBe(0);

      // The registration form (its auto-sizing text boxes write a style attribute) renders without a refusal.
      await primary.click();
      await page.getByRole('heading', { name: '登记儿童' }).waitFor();
      await shot(page, 'foundation-csp-form');

      // Everything so far ran without one refusal.
      expect(app.pageErrors).toEqual([]);

      // Markup injected into the page cannot style it.
      const colour = await page.evaluate(() => {
        document.body.insertAdjacentHTML(
          'beforeend',
          '<div id="injected" style="color: rgb(255, 0, 0)">x</div><style>#injected{color: rgb(255, 0, 0)}</style>',
        );
        return getComputedStyle(document.getElementById('injected') as Element).color;
      });
      expect(colour).not.toBe('rgb(255, 0, 0)');
      const refused = app.pageErrors.filter((e) => /Content Security Policy/.test(e));
      expect(refused.length).toBeGreaterThan(0);
      expect(app.pageErrors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
      expect(app.externalRequests).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
