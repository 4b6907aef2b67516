// What a browser test does to antd's fields and how it photographs a page: one copy for every area's test.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { shot } from '../harness';
import { VIEWPORT } from './studio';

/** Navigates the app's hash router, as a link inside the app would. */
export async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Opens the form behind `button` and waits for its heading (by default the button's name). */
export async function openForm(page: Page, button: string, heading = button): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

/** Types a date into a DatePicker the way a caseworker does: into the box, then Enter confirms it. */
export async function fillDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Opens a Select by its label and clicks the first option whose title contains (or matches) `option`. */
export async function pick(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string | RegExp,
): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option).first().click();
}

/**
 * Types `text` into a Select that searches (a child, a person) and clicks the first option whose
 * title contains (or matches) `option`, by default the text typed.
 */
export async function pickFound(
  page: Page,
  scope: Page | Locator,
  label: string,
  text: string,
  option: string | RegExp = text,
): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(text);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option).first().click();
}

/** The message antd shows beside the form field labelled `label` (inside `scope`). */
export function errorBeside(scope: Page | Locator, label: string): Locator {
  // The field is looked for inside each form item, so from the page, not from `scope`.
  const page = 'page' in scope ? scope.page() : scope;
  return scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');
}

/** As pick, but the option's title must be exactly `option`. */
export async function pickExact(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string,
): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** Clicks a radio button (antd's button-style radios hide the input behind their label). */
export async function choose(scope: Page | Locator, name: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope
    .locator('label')
    .filter({ has: page.getByRole('radio', { name, exact: true }) })
    .click();
}

/** A screenshot of the whole page, however long, once the toasts are gone. */
export async function shotWhole(page: Page, name: string): Promise<void> {
  // Toasts would cover the page; they close by themselves within seconds.
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  const size = page.viewportSize() ?? VIEWPORT;
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    const frame = main?.parentElement;
    const chrome = frame ? frame.getBoundingClientRect().top + frame.clientHeight - main.clientHeight : 0;
    return Math.ceil((main?.scrollHeight ?? 0) + chrome);
  });
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await shot(page, name);
  await page.setViewportSize(size);
}
