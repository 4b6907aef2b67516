// Steps on the 督促监护令 screens that stories of other areas pass through too.
import type { Locator } from 'playwright-core';
import type { App } from '../harness';
import { ADMIN } from './people';
import { inArea, invoke } from './studio';
import { choose } from './ui';

const orders = inArea('督促监护令');

/**
 * Starts the evaluation of `order` (文号 1 of 2026, its 考察期 over) through the core; then the
 * administrator opens it from the 待评估 tab and fills in 未达标 with `outcome` and `opinion`.
 * Returns the 评估 dialog, not yet submitted.
 */
export async function evaluateNotMet(
  app: App,
  order: { id: string; version: number },
  outcome: string,
  opinion: string,
): Promise<Locator> {
  const { page } = app;
  await invoke(app, 'orders.startEvaluation', { id: order.id, version: order.version });
  await orders.reopenAs(page, ADMIN);
  await orders.toList(page);
  await page.getByRole('tab', { name: /待评估\s*1/ }).click();
  await page.getByRole('link', { name: '济阳检未督监〔2026〕1号' }).click();
  await page.getByRole('button', { name: '评估', exact: true }).click();
  const evaluate = page.getByRole('dialog');
  await choose(evaluate, '未达标');
  await evaluate.locator('label').filter({ hasText: outcome }).click();
  await evaluate.getByLabel('评估意见').fill(opinion);
  return evaluate;
}
