/**
 * 家庭教育 as the studio works it: a mother is admonished (训诫), then ordered into a guidance
 * plan of one session a month of at least 40 minutes; three sessions are recorded over three
 * months — the third too short to count — and the plan closes with a final evaluation, after
 * which a 回访 falls due. The progress figures on the plan page are the ones the core counts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './harness';
import { ADMIN, XIAOMING } from './support/people';
import { addGuardian } from './support/seed';
import { assertClean, inArea, inStudio, invoke, moveTo, staffStudio, useBrowser } from './support/studio';
import { choose, fillDate, shotWhole } from './support/ui';

const { reopenAs, toList } = inArea('家庭教育');

/** Clicks a radio by its label; antd's button-style radios hide the input itself. */
/** Types into the child search and picks the child whose option starts with `name`. */
async function pickChild(page: Page, name: string): Promise<void> {
  await page.getByLabel('儿童', { exact: true }).fill(name);
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle(new RegExp(`^${name}`))
    .first()
    .click();
}

/** The four progress figures as the page shows them. */
async function progress(page: Page) {
  const value = (id: string) => page.getByTestId(`${id}-value`).textContent();
  return {
    due: await value('progress-due'),
    held: await value('progress-held'),
    missed: await value('progress-missed'),
  };
}

interface SessionEntry {
  date: string;
  mode: string;
  minutes: string;
  content: string;
}

async function addSession(page: Page, s: SessionEntry): Promise<void> {
  await page.getByRole('button', { name: '添加指导记录' }).first().click();
  const dialog = page.getByRole('dialog');
  await fillDate(dialog, '指导日期', s.date);
  await choose(dialog, s.mode);
  await dialog.getByLabel('时长').fill(s.minutes);
  await dialog.getByLabel('指导人员').fill('李静');
  await dialog.getByLabel('参加人员').fill('母亲刘翠兰、张小明');
  await dialog.getByLabel('指导内容').fill(s.content);
  await dialog.getByLabel('布置的作业').fill('每天陪孩子完成作业并签字');
  await dialog.getByRole('button', { name: '保存指导记录' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

describe.skipIf(!browserAvailable().ok)(
  '家庭教育: 训诫, then a guidance plan to its final evaluation',
  () => {
    const browser = useBrowser();

    it('admonishes the mother, runs a plan with three sessions and closes it with a final evaluation', async () => {
      await inStudio(browser(), '2026-01-05', 'education', async ({ app, clock, page }) => {
        await staffStudio(app);
        const child = await invoke<{ id: string }>(app, 'children.create', XIAOMING);
        await addGuardian(app, child.id, 'mother', {
          name: '刘翠兰',
          gender: 'female',
          address: '济阳街道城关村',
        });
        await reopenAs(page, ADMIN);

        await toList(page);
        await page.getByRole('tab', { name: /实施中\s*0/ }).waitFor();
        await shotWhole(page, 'education-01-list-empty');

        // 训诫
        await page.getByRole('button', { name: '新建训诫' }).click();
        await page.getByRole('heading', { name: '新建训诫' }).waitFor();
        await pickChild(page, '张小明');
        await page.getByLabel('被训诫的监护人').click();
        await page.locator('.ant-select-dropdown:visible').getByTitle('刘翠兰').click();
        expect(await page.getByLabel('训诫日期').inputValue()).toBe('2026-01-05');
        expect(await page.getByLabel('训诫人').inputValue()).toBe('王芳');
        await page.getByLabel('训诫地点').fill('济阳区人民检察院未成年人检察工作室');
        await page
          .getByLabel('训诫事由')
          .fill('刘翠兰长期外出，对张小明多次旷课、夜不归宿不闻不问，未履行监护职责。');
        await shotWhole(page, 'education-02-admonition-form');
        await page.getByRole('button', { name: '登记训诫' }).click();
        const register = page.getByTestId('admonition-register');
        await expect.poll(() => register.locator('tr.ant-table-row').count()).toBe(1);
        expect(await register.textContent()).toContain('济阳区人民检察院未成年人检察工作室');
        expect(await page.getByRole('tab', { name: /训诫登记\s*1/ }).isVisible()).toBe(true);
        await shotWhole(page, 'education-03-admonitions');

        // The plan: assessed, ordered, one session a month of at least 40 minutes for five months.
        await page.getByRole('button', { name: '新建指导计划' }).click();
        await page.getByRole('heading', { name: '新建家庭教育指导计划' }).waitFor();
        await pickChild(page, '张小明');
        await choose(page, '责令接受家庭教育指导');
        await page.getByRole('checkbox', { name: /刘翠兰（母亲）/ }).check();
        await fillDate(page, '评估日期', '2026-01-05');
        await choose(page.getByRole('radiogroup', { name: '监护意愿' }), '中');
        await choose(page.getByRole('radiogroup', { name: '监护能力' }), '低');
        await choose(page.getByRole('radiogroup', { name: '亲子关系' }), '一般');
        await page.getByLabel('评估情况').fill('母亲愿意配合，但缺乏与孩子沟通的方法，亲子关系疏离。');
        await page.getByLabel('指导机构').fill('济阳区家庭教育指导站');
        await fillDate(page, '开始日期', '2026-01-05');
        // The end follows the start (six months on) until it is set.
        await expect.poll(() => page.getByLabel('结束日期').inputValue()).toBe('2026-07-05');
        await fillDate(page, '结束日期', '2026-06-04');
        expect(await page.getByLabel('每月次数').inputValue()).toBe('1');
        expect(await page.getByLabel('每次最少分钟数').inputValue()).toBe('40');
        await page.getByRole('button', { name: '添加一项目标' }).click();
        await page.getByLabel('目标内容 1').fill('每天与孩子交流不少于二十分钟');
        await page.getByRole('button', { name: '添加一项目标' }).click();
        await page.getByLabel('目标内容 2').fill('掌握正面管教的基本方法');
        await fillDate(page, '期限 2', '2026-05-31');
        await shotWhole(page, 'education-04-plan-form');
        await page.getByRole('button', { name: '保存指导计划' }).click();

        await page.getByRole('heading', { name: '家庭教育指导计划 · 张小明' }).waitFor();
        expect(await page.getByTestId('plan-status').textContent()).toBe('评估');
        await shotWhole(page, 'education-05-plan-assessing');

        await page.getByRole('button', { name: '开始实施' }).click();
        await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('实施中');
        // Day one: the first month's session is due by the end of the month.
        expect(await progress(page)).toEqual({ due: '1', held: '0', missed: '0' });
        expect(await page.getByTestId('progress-due-by-value').textContent()).toBe('2026-02-04');

        // Two months on: a session in each, both long enough.
        await moveTo(app, clock, '2026-02-20');
        await addSession(page, {
          date: '2026-01-10',
          mode: '家庭指导',
          minutes: '60',
          content: '了解家庭情况，讲解监护人的法定职责',
        });
        await addSession(page, {
          date: '2026-02-12',
          mode: '单独指导',
          minutes: '45',
          content: '亲子沟通方法：倾听与回应',
        });
        await expect.poll(() => progress(page)).toEqual({ due: '2', held: '2', missed: '0' });
        expect(await page.getByTestId('progress-due-by-value').textContent()).toBe('本期已完成');

        // The third month's session is too short: it is kept, marked, and does not count.
        await moveTo(app, clock, '2026-03-20');
        await addSession(page, {
          date: '2026-03-10',
          mode: '团体指导',
          minutes: '30',
          content: '家长课堂：青春期孩子的情绪管理',
        });
        await expect.poll(() => progress(page)).toEqual({ due: '3', held: '2', missed: '0' });
        expect(await page.getByTestId('progress-due-by-value').textContent()).toBe('2026-04-04');
        expect(await page.getByTestId('progress-held').textContent()).toContain(
          '另有 1 次不足 40 分钟，不计入',
        );
        const sessions = page.getByTestId('plan-sessions');
        expect(await sessions.locator('tr.ant-table-row').count()).toBe(3);
        expect(await sessions.locator('tr[data-counts="false"]').textContent()).toContain('不计入');
        await shotWhole(page, 'education-06-plan-active');

        // Final evaluation.
        await page.getByRole('button', { name: '完成评估' }).click();
        const complete = page.getByRole('dialog');
        expect(await complete.getByLabel('完成日期').inputValue()).toBe('2026-03-20');
        await choose(complete, '基本达标');
        await complete.getByLabel('评估意见').fill('母亲已能每天与孩子沟通，亲子关系明显改善，仍需巩固。');
        await shot(page, 'education-07-complete');
        await complete.getByRole('button', { name: '完成并结案' }).click();
        await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('已完成');
        expect(await progress(page)).toEqual({ due: '3', held: '2', missed: '0' });
        expect(await page.getByTestId('progress-follow-up-due-value').textContent()).toBe('2026-09-20');
        expect(await page.getByTestId('plan-final').textContent()).toContain('基本达标');
        await shotWhole(page, 'education-08-plan-completed');

        // The 回访 within six months; the goals as found then.
        await moveTo(app, clock, '2026-06-20');
        await page.getByRole('button', { name: '回访', exact: true }).click();
        const followUp = page.getByRole('dialog');
        await choose(followUp, '走访');
        await followUp.getByLabel('回访情况').fill('母亲坚持每天与孩子交流，孩子按时上学。');
        await choose(followUp, '好');
        await followUp.getByLabel('第 1 项状态').click();
        await page.locator('.ant-select-dropdown:visible').getByTitle('已落实').click();
        await shot(page, 'education-09-follow-up');
        await followUp.getByRole('button', { name: '保存回访' }).click();
        await expect
          .poll(() => page.getByTestId('plan-follow-ups').locator('tr.ant-table-row').count())
          .toBe(1);
        expect(await page.getByTestId('progress-follow-up-due-value').textContent()).toBe('已回访');
        await shotWhole(page, 'education-10-plan-followed-up');

        await page.getByRole('link', { name: '返回家庭教育' }).click();
        await page.getByRole('tab', { name: /已完成\s*1/ }).click();
        await expect.poll(() => page.getByTestId('plan-list').textContent()).toContain('2 / 5 次');
        await shotWhole(page, 'education-11-list-completed');

        const stored = await invoke<{
          admonitions: unknown[];
          plans: { status: string; sessions: unknown[] }[];
        }>(app, 'education.forChild', { childId: child.id });
        expect(stored.admonitions).toHaveLength(1);
        expect(stored.plans[0]).toMatchObject({ status: 'completed' });
        expect(stored.plans[0].sessions).toHaveLength(3);
        assertClean(app);
      });
    });
  },
);
