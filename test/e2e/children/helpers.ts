// Helpers for the children-area browser tests: a signed-in app, seeding through the real
// core, and the few antd widgets a caseworker operates (selects, date pickers).
import type { Browser, Locator, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import type { ApiResult } from '../../../db/api/errors';
import { checkCharacter } from '../../../db/children/idNumber';
import { type App, type OpenAppOptions, openApp, shot } from '../harness';
import { useBrowser } from '../support/studio';

export const ADMIN = {
  displayName: '王检察官',
  username: 'wangjc',
  passphrase: 'Xiangyang-2026! violet-harbor',
};

/**
 * A fresh app, set up and signed in as the studio's first account. The account is created
 * through the core rather than the setup screen (which has its own tests); a reload then
 * locks, as it does in the app, and the caseworker signs in.
 */
export async function openSignedIn(browser: Browser, options: OpenAppOptions = {}): Promise<App> {
  const app = await openApp(browser, {
    kdf: { N: 2 ** 12, r: 8, p: 1 },
    viewport: { width: 1366, height: 1000 },
    ...options,
  });
  const res = await app.core.invoke('session.setup', ADMIN);
  if (!res.ok) throw new Error(`setup failed: ${JSON.stringify(res.error)}`);
  const { page } = app;
  await page.reload();
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.passphrase);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  return app;
}

/** Calls the core directly, for seeding and for checking what the UI wrote. */
export async function call<T = unknown>(app: App, method: string, input: unknown): Promise<T> {
  const res = (await app.core.invoke(method, input)) as ApiResult<T>;
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.value;
}

/** A valid 18-character ID number: region, birth date, a sequence whose parity is the gender. */
export function idNumber(birthDate: string, gender: 'male' | 'female', region = '370125', seq = 12): string {
  const digits = birthDate.replace(/-/g, '');
  const third = gender === 'male' ? (seq % 2 === 1 ? seq : seq + 1) : seq % 2 === 0 ? seq : seq + 1;
  const first17 = `${region}${digits}${String(third).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
}

/** YYYY-MM-DD, `days` from today (negative for the past), in the app's time zone. */
export function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

/** Opens an antd Select by its label and picks the option with that exact text. */
export async function pick(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByLabel(label, { exact: true }).click();
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await item.click();
  await expect.poll(() => item.isVisible()).toBe(false);
}

/** Types a date into an antd DatePicker found by its label and commits it. */
export async function fillDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The text of the toast antd shows after a save, once it appears. */
export async function toast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
}

/**
 * A screenshot of a page longer than the window: the shell scrolls its content pane, not
 * the page, so the window is made tall enough for the content, then put back.
 */
export async function tallShot(page: Page, name: string): Promise<void> {
  const pane = page.locator('.ant-layout-content');
  const height = await pane.evaluate((el) => el.scrollHeight);
  const before = page.viewportSize() ?? { width: 1366, height: 1000 };
  await page.setViewportSize({ width: before.width, height: Math.max(before.height, height + 56) });
  await pane.evaluate((el) => el.scrollTo(0, 0));
  await cleanShot(page, name);
  await page.setViewportSize(before);
}

/** A screenshot without the save toasts, which would cover the page's own header. */
export async function cleanShot(page: Page, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
  await shot(page, name);
  await style.evaluate((el) => (el as Element).remove());
}

/**
 * A describe block's Chromium, and a signed-in app for each test, closed after it with the
 * checks every test of these screens makes: nothing asked of the network, no error on the page.
 */
export function useSignedInApps(): (options?: OpenAppOptions) => Promise<App> {
  const browser = useBrowser();
  let app: App | undefined;
  afterEach(async () => {
    if (!app) return;
    const { externalRequests, pageErrors } = app;
    await app.close();
    app = undefined;
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
  return async (options) => {
    app = await openSignedIn(browser(), options);
    return app;
  };
}
