// What the workflow browser tests (orders, education) share: a studio clock the core and the
// page agree on, a typed call into the core, and signing in as a colleague.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Clock } from '../../../db/api/define';
import { type App, launchBrowser, openApp, shot } from '../harness';
import { ADMIN } from './people';

// Sign-in cost is not what these tests are about.
export const KDF = { N: 2 ** 12, r: 8, p: 1 };
export const VIEWPORT = { width: 1366, height: 1000 };

/** 10:00 in 济阳 (02:00 UTC): the core's day (process zone) and the page's are the same date. */
export const at = (date: string) => Date.parse(`${date}T02:00:00Z`);

/** The core's clock: set to a day, then a second per reading, so events keep their order. */
export class StudioClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    this.ms += 1000;
    return this.ms;
  }
}

export async function invoke<T = unknown>(app: App, method: string, input: unknown): Promise<T> {
  const res = (await app.core.invoke(method, input)) as { ok: boolean; value?: T; error?: unknown };
  if (!res.ok) throw new Error(`${method}: ${JSON.stringify(res.error)}`);
  return res.value as T;
}

/** Moves both clocks to 10:00 on `date`: the core's, and the page's "today" for default dates. */
export async function moveTo(app: App, clock: StudioClock, date: string): Promise<void> {
  clock.ms = at(date);
  await app.page.clock.setSystemTime(new Date(at(date)));
}

/**
 * Signs in on the sign-in screen and waits for the area the test works in (its menu item), or
 * for the main navigation when no area is named.
 */
export async function signIn(
  page: Page,
  who: { username: string; passphrase: string },
  area?: string,
): Promise<void> {
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码', { exact: true }).fill(who.passphrase);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  if (area) await page.getByRole('menuitem', { name: area }).waitFor();
  else await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

/** Locks the screen and signs in as someone else, as colleagues sharing the studio's PC do. */
export async function switchUser(
  page: Page,
  who: { username: string; passphrase: string },
  area: string,
): Promise<void> {
  await page.getByRole('button', { name: /锁定/ }).click();
  await signIn(page, who, area);
}

/**
 * Reloads the page and signs `who` in: a reload signs the page out of the session the test
 * seeded the core in. From here a step that cannot happen fails after 10 s, naming the step,
 * instead of at the test's timeout.
 */
export async function reopenAs(
  page: Page,
  who: { username: string; passphrase: string },
  area?: string,
): Promise<void> {
  await page.reload();
  page.setDefaultTimeout(10_000);
  await signIn(page, who, area);
}

/**
 * For a test that works in one area (its menu item's name): signIn, switchUser and reopenAs
 * waiting for that area, going to its list, and opening a record there by its link.
 */
export function inArea(area: string) {
  type Who = { username: string; passphrase: string };
  const toList = (page: Page) => page.getByRole('menuitem', { name: area }).click();
  return {
    signInAs: (page: Page, who: Who) => signIn(page, who, area),
    switchTo: (page: Page, who: Who) => switchUser(page, who, area),
    reopenAs: (page: Page, who: Who) => reopenAs(page, who, area),
    toList,
    open: async (page: Page, link: string) => {
      await toList(page);
      await page.getByRole('link', { name: link }).click();
    },
  };
}

/** The studio's first day through the core: the administrator sets it up, then opens each colleague's account. */
export async function staffStudio(app: App, ...colleagues: object[]): Promise<void> {
  await invoke(app, 'session.setup', ADMIN);
  for (const c of colleagues) await invoke(app, 'accounts.create', c);
}

/** The offline app asked for nothing outside itself and threw nothing on the page. */
export function assertClean(app: App): void {
  expect(app.externalRequests).toEqual([]);
  expect(app.pageErrors).toEqual([]);
}

/** One Chromium for a describe block: started before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium has not started (useBrowser belongs in a describe block)');
    return browser;
  };
}

/** The app on a new studio at 10:00 on `date`, the core's clock and the page's agreeing. */
export async function openStudio(
  browser: Browser,
  date: string,
): Promise<{ app: App; clock: StudioClock; page: Page }> {
  const clock = new StudioClock(at(date));
  const app = await openApp(browser, { clock, kdf: KDF, viewport: VIEWPORT });
  await app.page.clock.setSystemTime(new Date(at(date)));
  return { app, clock, page: app.page };
}

/**
 * Runs `story` on an open app. When it fails, the page is photographed as `<area>-zz-failure`
 * and what the page threw and the core logged as errors is printed, so a red run on another
 * machine can be read. The app is closed however the story ends.
 */
export async function runStory(app: App, area: string, story: (app: App) => Promise<void>): Promise<void> {
  try {
    await story(app);
  } catch (err) {
    await shot(app.page, `${area}-zz-failure`).catch(() => undefined);
    console.error(app.pageErrors.join('\n'), app.coreLog.filter((l) => l.startsWith('error')).join('\n'));
    throw err;
  } finally {
    await app.close();
  }
}

/** Runs `story` (as runStory does) on a new studio at 10:00 on `date` (openStudio). */
export async function inStudio(
  browser: Browser,
  date: string,
  area: string,
  story: (studio: { app: App; clock: StudioClock; page: Page }) => Promise<void>,
): Promise<void> {
  const studio = await openStudio(browser, date);
  await runStory(studio.app, area, () => story(studio));
}
