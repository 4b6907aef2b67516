/**
 * 督促监护令 as the studio issues one: a caseworker drafts it for a child's mother, submits it,
 * cannot approve it herself, the supervisor approves it and a 文号 is allocated; it is
 * delivered, the 考察期 runs with two 回访 while the requirements are met one by one, and the
 * evaluation (达标) closes it. Dates follow the core's clock, moved forward as the months pass.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAs as coreAs } from '../helpers/core';
import { type App, browserAvailable, shot } from './harness';
import { expectPdfToSay, exportFromScreen } from './print-support';
import { evaluateNotMet } from './support/orders';
import { ADMIN, SUPERVISOR, XIAOMING } from './support/people';
import { addGuardian } from './support/seed';
import { assertClean, inArea, inStudio, invoke, moveTo, staffStudio, useBrowser } from './support/studio';
import { choose, errorBeside, fillDate, openForm, pick, pickFound, shotWhole } from './support/ui';

const { open, reopenAs, switchTo, toList } = inArea('督促监护令');

const status = (page: Page) => page.getByTestId('order-status');

const STUDIO_CHILD = { ...XIAOMING, school: '济阳区实验小学' };

interface Seeded {
  childId: string;
  motherId: string;
  order: { id: string; version: number; requirements: { id: string; version: number }[] };
}

/** A studio with a child and mother, and an order drafted by the administrator and submitted. */
async function seedSubmitted(app: App): Promise<Seeded> {
  await staffStudio(app, SUPERVISOR);
  const child = await invoke<{ id: string }>(app, 'children.create', STUDIO_CHILD);
  const motherId = await addGuardian(app, child.id, 'mother', {
    name: '刘翠兰',
    gender: 'female',
    address: '济阳街道城关村',
  });
  let order = await invoke<Seeded['order']>(app, 'orders.createDraft', {
    childId: child.id,
    guardians: [{ personId: motherId, relation: 'mother' }],
    facts: '经查，刘翠兰长期在外务工，对张小明不闻不问，张小明多次旷课。',
    problems: ['16-1', '17-5'],
    requirements: [{ text: '保障张小明按时到校', dueDate: '2026-04-30' }],
  });
  order = await invoke(app, 'orders.submit', { id: order.id, version: order.version });
  return { childId: child.id, motherId, order };
}

describe.skipIf(!browserAvailable().ok)('督促监护令: from draft to close', () => {
  const browser = useBrowser();

  it('drafts, submits, is approved by the supervisor, delivered, followed up twice and closed as 达标', async () => {
    await inStudio(browser(), '2026-03-02', 'orders', async ({ app, clock, page }) => {
      await staffStudio(app, SUPERVISOR);
      const child = await invoke<{ id: string }>(app, 'children.create', STUDIO_CHILD);
      await addGuardian(app, child.id, 'mother', {
        name: '刘翠兰',
        gender: 'female',
        phone: '13805310001',
        address: '济阳街道城关村',
      });
      await invoke(app, 'relations.add', {
        childId: child.id,
        relation: 'grandparent',
        isCaregiver: true,
        person: { name: '张德福', gender: 'male', address: '济阳街道城关村' },
      });
      await reopenAs(page, ADMIN);

      await toList(page);
      await page.getByText('还没有督促监护令').first().waitFor();
      await shotWhole(page, 'orders-01-list-empty');

      // 拟制
      await openForm(page, '新建督促监护令');
      await shotWhole(page, 'orders-02-new-blank');
      await pickFound(page, page, '儿童', '张小明');
      await page.getByRole('checkbox', { name: /刘翠兰（母亲）/ }).check();
      await page.getByLabel('关联案号').fill('济阳检刑诉〔2026〕12号');
      await page.getByRole('checkbox', { name: /第十六条第一项/ }).check();
      await page.getByRole('checkbox', { name: /第十六条第九项/ }).check();
      await page.getByLabel('要求内容 1').fill('每周至少与张小明电话联系两次，了解其学习和生活情况');
      await fillDate(page, '期限 1', '2026-04-30');
      await page.getByRole('button', { name: '添加一项要求' }).click();
      await page.getByLabel('要求内容 2').fill('配合学校落实张小明按时到校，保障其完成义务教育');
      await fillDate(page, '期限 2', '2026-05-10');
      expect(await page.getByLabel('法律依据').inputValue()).toContain('第十六条、第十七条');
      expect(await page.getByLabel('不履行的后果').inputValue()).toContain('切实履行监护职责');

      // Facts left empty: the API's message lands beside the field and nothing is saved.
      await page.getByRole('button', { name: '保存草稿' }).click();
      await expect.poll(() => errorBeside(page, '查明的事实').textContent()).toBe('请填写查明的事实');
      await shotWhole(page, 'orders-03-new-field-error');
      expect((await invoke<{ total: number }>(app, 'orders.list', { status: 'all' })).total).toBe(0);

      await page
        .getByLabel('查明的事实')
        .fill('经查，刘翠兰长期在外务工，将张小明交由年迈的祖父照看，极少过问其学习和生活，张小明多次旷课。');
      await shotWhole(page, 'orders-04-new-filled');
      await page.getByRole('button', { name: '保存草稿' }).click();

      // The draft: no number yet.
      await page.getByTestId('order-number').getByText('未编号').waitFor();
      expect(await status(page).textContent()).toBe('拟制');
      expect(await page.getByTestId('order-guardians').textContent()).toBe('刘翠兰（母亲）');
      expect(await page.getByTestId('order-document').textContent()).toContain('第十六条第九项');
      await shotWhole(page, 'orders-05-draft');

      await page.getByRole('button', { name: '提交审批' }).click();
      await expect.poll(() => status(page).textContent()).toBe('待审批');

      // The drafter may not approve her own order: ORDER_FLOW's steps, less the self-approval,
      // leave her 退回 and 撤回 but no 审批通过 (the API refuses it too: orders integration test).
      await page.getByRole('button', { name: '退回', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: '审批通过' }).count()).toBe(0);
      await shot(page, 'orders-06-self-approval-not-offered');
      expect(await status(page).textContent()).toBe('待审批');

      // The supervisor approves; the number is allocated.
      await switchTo(page, SUPERVISOR);
      await toList(page);
      await page.getByRole('tab', { name: /待审批\s*1/ }).click();
      await shotWhole(page, 'orders-07-list-pending');
      await page.getByRole('cell', { name: '张小明' }).click();
      await page.getByRole('button', { name: '审批通过' }).click();
      const approve = page.getByRole('dialog');
      expect(await approve.getByLabel('签发日期').inputValue()).toBe('2026-03-02');
      await approve.getByRole('button', { name: '审批通过' }).click();
      await expect.poll(() => page.getByTestId('order-number').textContent()).toBe('济阳检未督监〔2026〕1号');
      expect(await status(page).textContent()).toBe('已审批待送达');
      await shotWhole(page, 'orders-08-approved');

      // Delivered the next day, on the spot; the 考察期 runs three months by default.
      await switchTo(page, ADMIN);
      await moveTo(app, clock, '2026-03-03');
      await open(page, '济阳检未督监〔2026〕1号');
      await page.getByRole('button', { name: '登记送达' }).click();
      const delivery = page.getByRole('dialog');
      await choose(delivery, '现场宣告');
      expect(await delivery.getByLabel('送达日期').inputValue()).toBe('2026-03-03');
      expect(await delivery.getByLabel('考察期届满').inputValue()).toBe('2026-06-03');
      await expect.poll(() => delivery.textContent()).toContain('默认自送达之日起 3 个月，即 2026-06-03');
      await shot(page, 'orders-09-delivery');
      await delivery.getByRole('button', { name: '登记送达' }).click();
      await expect.poll(() => status(page).textContent()).toBe('考察中');
      expect(await page.getByTestId('order-observation').textContent()).toBe('2026-03-03 — 2026-06-03');

      // First 回访: the first requirement is met.
      await moveTo(app, clock, '2026-04-01');
      await page.getByRole('button', { name: '回访', exact: true }).click();
      const first = page.getByRole('dialog');
      expect(await first.getByLabel('回访日期').inputValue()).toBe('2026-04-01');
      await choose(first, '走访');
      await first.getByLabel('回访情况').fill('刘翠兰已按要求每周与孩子通话两次以上，并与班主任建立联系。');
      await choose(first, '好');
      await fillDate(first, '下次回访', '2026-05-15');
      await pick(page, first, '第 1 项状态', '已落实');
      await shot(page, 'orders-10-follow-up');
      await first.getByRole('button', { name: '保存回访' }).click();
      await expect
        .poll(() => page.getByTestId('order-follow-ups').locator('tr.ant-table-row').count())
        .toBe(1);
      const requirements = page.getByTestId('order-requirements');
      expect(await requirements.locator('tr.ant-table-row').first().textContent()).toContain('已落实');

      // Past the second requirement's due date it stands out until it is met.
      await moveTo(app, clock, '2026-05-15');
      await page.getByRole('link', { name: '返回督促监护令列表' }).click();
      await page.getByRole('link', { name: '济阳检未督监〔2026〕1号' }).click();
      await expect.poll(() => requirements.locator('tr[data-overdue="true"]').count()).toBe(1);
      expect(await requirements.locator('tr[data-overdue="true"]').textContent()).toContain('已逾期');
      await shotWhole(page, 'orders-11-observing-overdue');

      await page.getByRole('button', { name: '回访', exact: true }).click();
      const second = page.getByRole('dialog');
      await choose(second, '电话');
      await second.getByLabel('回访情况').fill('班主任反映张小明近一个月按时到校，未再旷课。');
      await choose(second, '好');
      await pick(page, second, '第 2 项状态', '已落实');
      await second.getByLabel('第 2 项说明').fill('经班主任核实');
      await second.getByRole('button', { name: '保存回访' }).click();
      await expect
        .poll(() => page.getByTestId('order-follow-ups').locator('tr.ant-table-row').count())
        .toBe(2);
      await expect.poll(() => requirements.locator('tr[data-overdue="true"]').count()).toBe(0);

      // 评估: 达标 closes it.
      await moveTo(app, clock, '2026-06-04');
      await page.getByRole('button', { name: '开始评估' }).click();
      await expect.poll(() => status(page).textContent()).toBe('待评估');
      await page.getByRole('button', { name: '评估', exact: true }).click();
      const evaluate = page.getByRole('dialog');
      await choose(evaluate, '达标');
      // Escalation is open only for 未达标.
      expect(await evaluate.getByRole('radio', { name: '责令接受家庭教育指导' }).isDisabled()).toBe(true);
      await evaluate.getByLabel('评估意见').fill('监护人已落实全部整改要求，监护状况明显改善。');
      await shot(page, 'orders-12-evaluate');
      await evaluate.getByRole('button', { name: '提交评估' }).click();
      await expect.poll(() => status(page).textContent()).toBe('已结案');
      expect(await page.getByTestId('order-number').textContent()).toBe('济阳检未督监〔2026〕1号');
      expect(await page.getByTestId('order-evaluation').textContent()).toContain('达标');
      const steps = await page.getByTestId('order-steps').textContent();
      for (const s of [
        '提交审批',
        '审批通过，文号 济阳检未督监〔2026〕1号',
        '送达（现场宣告）',
        '第 2 次回访（电话）',
        '结案：达标',
      ])
        expect(steps).toContain(s);
      await shotWhole(page, 'orders-13-closed');

      // 打印: the print module's shell, simulated as in its own tests, prints the order's route.
      const { file } = await exportFromScreen(app, page.getByRole('button', { name: '打印/导出PDF' }));
      expectPdfToSay(file, ['济阳检未督监〔2026〕1号', '刘翠兰']);

      await page.getByRole('link', { name: '返回督促监护令列表' }).click();
      await page.getByRole('tab', { name: /已结案\s*1/ }).click();
      await page.getByRole('link', { name: '济阳检未督监〔2026〕1号' }).waitFor();
      await shotWhole(page, 'orders-14-list-closed');

      const stored = await invoke<{ status: string; number: string; approvedByName: string }[]>(
        app,
        'orders.forChild',
        { childId: child.id },
      );
      expect(stored[0]).toMatchObject({
        status: 'closed',
        number: '济阳检未督监〔2026〕1号',
        approvedByName: '陈主任',
      });
      assertClean(app);
    });
  });
  it('escalates a 未达标 order to ordered guidance, whose plan is filled in and started from the order', async () => {
    await inStudio(browser(), '2026-03-02', 'orders', async ({ app, clock, page }) => {
      let { order } = await seedSubmitted(app);
      await coreAs(app.core, SUPERVISOR);
      order = await invoke(app, 'orders.approve', { id: order.id, version: order.version });
      await coreAs(app.core, ADMIN);
      order = await invoke(app, 'orders.recordDelivery', {
        id: order.id,
        version: order.version,
        method: 'written',
        date: '2026-03-03',
        guardianSigned: false,
      });
      await moveTo(app, clock, '2026-06-05');
      order = await invoke(app, 'orders.addFollowUp', {
        id: order.id,
        version: order.version,
        date: '2026-06-01',
        method: 'visit',
        findings: '刘翠兰仍未与孩子联系，张小明继续旷课。',
        compliance: 'poor',
        requirementStatuses: [
          { id: order.requirements[0].id, version: order.requirements[0].version, status: 'notMet' },
        ],
      });
      const evaluate = await evaluateNotMet(
        app,
        order,
        '责令接受家庭教育指导',
        '考察期内监护人未落实整改要求，儿童仍旷课。',
      );
      await expect.poll(() => evaluate.textContent()).toContain('将建立一份家庭教育指导计划');
      await shot(page, 'orders-15-evaluate-not-met');
      await evaluate.getByRole('button', { name: '提交评估' }).click();
      await expect.poll(() => status(page).textContent()).toBe('已结案');
      expect(await page.getByTestId('order-evaluation').textContent()).toContain('责令接受家庭教育指导');
      await shotWhole(page, 'orders-16-escalated');

      // The plan the evaluation opened: ordered, awaiting its provider and term.
      await page.getByTestId('outcome-plan-link').click();
      await page.getByRole('heading', { name: '家庭教育指导计划 · 张小明' }).waitFor();
      expect(await page.getByTestId('plan-status').textContent()).toBe('评估');
      expect(await page.getByText('该计划由督促监护令评估未达标后转入').isVisible()).toBe(true);
      await page.getByRole('button', { name: '开始实施' }).click();
      await expect
        .poll(() => page.getByTestId('step-error').textContent())
        .toContain('开始实施前请填写指导机构和起止日期');
      await shotWhole(page, 'orders-17-plan-from-order');

      await page.getByRole('button', { name: '编辑' }).click();
      await page.getByRole('heading', { name: '编辑指导计划（张小明）' }).waitFor();
      expect(await page.getByRole('checkbox', { name: /刘翠兰（母亲）/ }).isChecked()).toBe(true);
      await page.getByLabel('指导机构').fill('济阳区家庭教育指导站');
      await fillDate(page, '开始日期', '2026-06-05');
      expect(await page.getByLabel('结束日期').inputValue()).toBe('2026-12-05');
      await page.getByRole('button', { name: '保存指导计划' }).click();
      await page.getByRole('heading', { name: '家庭教育指导计划 · 张小明' }).waitFor();
      await page.getByRole('button', { name: '开始实施' }).click();
      await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe('实施中');
      expect(await page.getByTestId('progress-due-by-value').textContent()).toBe('2026-07-04');
      assertClean(app);
    });
  });

  it('lets the supervisor return a draft with a note; it is edited, and withdrawn after a conflict', async () => {
    await inStudio(browser(), '2026-03-02', 'orders', async ({ app, page }) => {
      const seeded = await seedSubmitted(app);
      await reopenAs(page, SUPERVISOR);
      await toList(page);
      await page.getByRole('cell', { name: '张小明' }).click();
      await page.getByRole('button', { name: '退回' }).click();
      const reject = page.getByRole('dialog');
      // The note is required: the API's message lands beside it.
      await reject.getByRole('button', { name: '退回' }).click();
      await expect
        .poll(() => reject.locator('.ant-form-item-explain-error').textContent())
        .toBe('此项为必填项');
      await reject.getByLabel('退回意见').fill('请补充监护人的联系电话，并细化第1项整改要求的期限。');
      // Changing the field clears the API's message beside it.
      await expect.poll(() => reject.locator('.ant-form-item-explain-error').count()).toBe(0);
      await shot(page, 'orders-18-reject');
      await reject.getByRole('button', { name: '退回' }).click();
      await expect.poll(() => status(page).textContent()).toBe('拟制');
      expect(await page.getByTestId('reject-note').textContent()).toContain('请补充监护人的联系电话');
      await shotWhole(page, 'orders-19-returned');

      // The returned draft opens in the form with what it had; a change is saved.
      await page.getByRole('button', { name: '编辑' }).click();
      await page.getByRole('heading', { name: '编辑督促监护令草稿' }).waitFor();
      expect(await page.getByRole('checkbox', { name: /刘翠兰（母亲）/ }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: /第十七条第五项/ }).isChecked()).toBe(true);
      expect(await page.getByLabel('要求内容 1').inputValue()).toBe('保障张小明按时到校');
      await page.getByLabel('要求内容 1').fill('保障张小明按时到校，每周与班主任联系一次');
      await shotWhole(page, 'orders-20-edit-draft');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await expect
        .poll(() => page.getByTestId('order-document').textContent())
        .toContain('每周与班主任联系一次');

      // Meanwhile the draft is revised elsewhere: the withdrawal sent from the stale page is
      // refused with the API's message, the page loads the new version, and the next try works.
      const current = await invoke<{ id: string; version: number }>(app, 'orders.get', {
        id: seeded.order.id,
      });
      await invoke(app, 'orders.updateDraft', {
        id: current.id,
        version: current.version,
        guardians: [{ personId: seeded.motherId, relation: 'mother' }],
        facts: '经查，刘翠兰长期在外务工，对张小明不闻不问，张小明本学期旷课十余天。',
        problems: ['16-1', '17-5'],
        requirements: [{ text: '保障张小明按时到校', dueDate: '2026-04-15' }],
      });
      await page.getByRole('button', { name: '撤回' }).click();
      const withdraw = page.getByRole('dialog');
      await withdraw.getByLabel('撤回原因').fill('监护人已回乡照料，经研究不再制发。');
      await withdraw.getByRole('button', { name: '撤回' }).click();
      await withdraw.getByRole('alert').filter({ hasText: '该记录已被他人修改，请刷新后重新编辑' }).waitFor();
      await expect.poll(() => page.getByTestId('order-document').textContent()).toContain('旷课十余天');
      await shot(page, 'orders-21-conflict');
      await withdraw.getByRole('button', { name: '撤回' }).click();
      await expect.poll(() => status(page).textContent()).toBe('已撤回');
      await shotWhole(page, 'orders-22-withdrawn');
      assertClean(app);
    });
  });
});
