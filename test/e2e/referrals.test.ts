/**
 * Referrals (线索移交) as a caseworker meets them. The worked example from the studio's
 * article: the 第一检察部 transfers a lead naming a child who is not on file; the studio
 * registers the child from inside the referral, verifies, triages it to 民政 with a
 * 工作联系函, records 民政's answer (a 事实无人抚养儿童 living allowance) and closes it — and the
 * child's file tells the same story. Also: refused moves show the API's Chinese message,
 * overdue referrals come first and marked, and the referral lists are an admin setting.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type App, browserAvailable, shot } from './harness';
import { ADMIN, CASEWORKER_LIU as CASEWORKER } from './support/people';
import {
  assertClean,
  invoke,
  runStory,
  signIn,
  staffStudio,
  openStudio as studioOn,
  useBrowser,
} from './support/studio';
import { fillDate, pickExact as pick, shotWhole } from './support/ui';

/** A Friday. */
const FRIDAY = '2026-11-20';

/** A studio at 10:00 on `date` with an administrator and one caseworker; the page is left at sign-in. */
async function openStudio(browser: Browser, date: string): Promise<App> {
  const { app } = await studioOn(browser, date);
  await staffStudio(app, CASEWORKER);
  await app.page.reload();
  // A step that cannot happen fails here, naming the step, instead of at the test's timeout.
  app.page.setDefaultTimeout(10_000);
  return app;
}

function statusTag(page: Page): Locator {
  return page.getByTestId('referral-status');
}

describe.skipIf(!browserAvailable().ok)('referrals: from the 第一检察部 lead to 民政 support', () => {
  const browser = useBrowser();

  it('takes the worked example through the UI, and the child file tells the same story', async () => {
    const app = await openStudio(browser(), FRIDAY);
    await runStory(app, 'referrals', async ({ page }) => {
      await signIn(page, CASEWORKER, '线索移交');
      await page.getByRole('menuitem', { name: '线索移交' }).click();
      await page.getByRole('button', { name: '新建线索' }).click();

      // 线索来源
      await pick(page, page, '来源部门', '第一检察部');
      await page.getByLabel('来源案号').fill('济阳检刑诉〔2026〕31号');
      expect(await page.getByLabel('接收日期').inputValue()).toBe('2026-11-20');
      await page
        .getByLabel('基本情况')
        .fill(
          '犯罪嫌疑人李建军因涉嫌盗窃罪被逮捕，其妻已于2023年病故，其子李小龙现由年迈的祖母照看，生活困难。',
        );

      // The child is not on file: registered from here.
      const child = page.getByTestId('child-entry-0');
      await child.getByText('登记新儿童', { exact: true }).click();
      // A digit in the name: only the API's rule refuses it, and its answer must land here.
      await child.getByLabel('姓名').fill('李小龙2');
      await child.getByRole('radio', { name: '男' }).check();
      await fillDate(child, '出生日期', '2017-06-15');
      await pick(page, child, '乡镇（街道）', '回河街道');
      await child.getByLabel('村（居）').fill('后刘村');
      await child.getByLabel('学校').fill('回河街道中心小学');

      // The detained father, with the measure he is under.
      const father = page.getByTestId('detained-entry-0');
      await father.getByLabel('姓名').fill('李建军');
      await father.getByRole('radio', { name: '男' }).check();
      await pick(page, father, '与儿童的关系', '父亲');
      await father.getByLabel('是儿童的法定监护人').check();
      await father.getByLabel('已被采取羁押或限制人身自由措施').check();
      await pick(page, father, '措施', '逮捕');
      await fillDate(father, '起始日期', '2026-11-10');
      await father.getByLabel('羁押场所').fill('济南市济阳区看守所');
      await father.getByLabel('罪名').fill('盗窃罪');
      // Enter in the date boxes confirmed the dates and sent nothing.
      expect(await page.getByRole('alert').count()).toBe(0);
      await shotWhole(page, 'referrals-intake');

      await page.getByRole('button', { name: '登记线索' }).click();
      const nameItem = child
        .locator('.ant-form-item')
        .filter({ has: page.getByLabel('姓名', { exact: true }) });
      await expect
        .poll(() => nameItem.locator('.ant-form-item-explain-error').textContent())
        .toBe('姓名只能包含汉字、字母、间隔号（·）');
      await shotWhole(page, 'referrals-intake-field-error');
      expect((await invoke<{ total: number }>(app, 'referrals.list', { view: 'all' })).total).toBe(0);

      await child.getByLabel('姓名').fill('李小龙');
      await page.getByRole('button', { name: '登记线索' }).click();

      // The referral page.
      await page.getByRole('heading', { name: '线索〔2026〕1号' }).waitFor();
      expect(await statusTag(page).textContent()).toBe('已接收');
      await expect.poll(() => page.getByTestId('verify-due').textContent()).toContain('2026-11-27');
      expect(await page.getByText('2026-11-20，刘洋接收').isVisible()).toBe(true);
      expect(await page.getByText('李建军', { exact: true }).isVisible()).toBe(true);
      const childLink = page.getByRole('link', { name: '李小龙' });
      const childHref = await childLink.getAttribute('href');
      const childId = childHref?.split('/children/')[1] ?? '';
      expect(childId).not.toBe('');

      await page.getByRole('button', { name: '开始核查' }).click();
      await expect.poll(() => statusTag(page).textContent()).toBe('核查中');

      // 标记已分流 before any triage: the API refuses, and says why.
      await page.getByRole('button', { name: '标记已分流' }).click();
      await expect
        .poll(() => page.getByTestId('transition-error').textContent())
        .toContain('请先添加至少一项分流处置，再标记为已分流');
      expect(await statusTag(page).textContent()).toBe('核查中');

      // 分流处置: to 民政 by 工作联系函; an empty reply due takes five working days.
      await page.getByRole('button', { name: '添加分流' }).click();
      const add = page.getByRole('dialog');
      await pick(page, add, '分流单位', '民政');
      await pick(page, add, '移送方式', '工作联系函');
      expect(await add.getByLabel('移送日期').inputValue()).toBe('2026-11-20');
      await expect.poll(() => add.textContent()).toContain('留空则按默认期限：2026-11-27（5个工作日）');
      await add.getByLabel('后续跟进').fill('跟进基本生活费发放情况');
      await shot(page, 'referrals-add-action');
      await add.getByRole('button', { name: '添加', exact: true }).click();
      const row = page.getByTestId('action-民政');
      await expect.poll(() => row.textContent()).toContain('工作联系函');
      expect(await row.textContent()).toContain('2026-11-27');
      expect(await row.textContent()).toContain('未回复');

      await page.getByRole('button', { name: '标记已分流' }).click();
      await expect.poll(() => statusTag(page).textContent()).toBe('已分流');
      await shotWhole(page, 'referrals-page-triaged');

      // 办结 while 民政 has not answered: refused.
      await page.getByRole('button', { name: '办结' }).click();
      await expect
        .poll(() => page.getByTestId('transition-error').textContent())
        .toContain('尚有 1 项分流处置未记录结果或撤回，不能办结');

      // 民政's reply.
      await row.getByRole('button', { name: '记录回复' }).click();
      const reply = page.getByRole('dialog');
      expect(await reply.getByLabel('回复日期').inputValue()).toBe('2026-11-20');
      await reply.getByLabel('处理结果').fill('认定为事实无人抚养儿童，按月发放基本生活费');
      await reply.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => row.textContent()).toContain('认定为事实无人抚养儿童，按月发放基本生活费');

      await page.getByRole('button', { name: '办结' }).click();
      await expect.poll(() => statusTag(page).textContent()).toBe('已办结');
      await expect.poll(() => page.getByRole('button', { name: '恢复跟踪' }).isVisible()).toBe(true);
      const history = page.locator('.ant-card').filter({ hasText: '办理记录' });
      for (const step of ['登记线索（已接收）', '已接收 → 核查中', '核查中 → 已分流', '已分流 → 已办结']) {
        expect(await history.textContent()).toContain(step);
      }
      expect(await history.textContent()).toContain('刘洋');
      await shotWhole(page, 'referrals-page');

      // The child's file: its timeline carries the referral's story.
      const file = await invoke<{ timeline: { title: string; detail?: string | null }[] }>(
        app,
        'children.get',
        {
          id: childId,
        },
      );
      const titles = file.timeline.map((i) => i.title);
      expect(titles).toEqual(
        expect.arrayContaining([
          '接收线索 〔2026〕1号',
          '分流至民政（工作联系函）',
          '民政回复',
          '线索 〔2026〕1号 办结',
        ]),
      );
      expect(file.timeline.find((i) => i.title === '民政回复')?.detail).toBe(
        '认定为事实无人抚养儿童，按月发放基本生活费',
      );
      await childLink.click();
      await expect.poll(() => page.url()).toContain(`#/children/${childId}`);
      // The child's page is built alongside this area; where it already shows the file's
      // timeline, read the same story there, and follow the entry back to the referral.
      const timelineTab = page.getByRole('tab', { name: '时间线' });
      const hasFilePage = await timelineTab
        .waitFor({ timeout: 5000 })
        .then(() => true)
        .catch(() => false);
      if (hasFilePage) {
        await timelineTab.click();
        const entries = page.getByTestId('timeline-item');
        await expect
          .poll(() => entries.allTextContents())
          .toEqual(
            expect.arrayContaining([
              expect.stringContaining('接收线索 〔2026〕1号'),
              expect.stringContaining('分流至民政（工作联系函）'),
              expect.stringContaining('民政回复'),
              expect.stringContaining('线索 〔2026〕1号 办结'),
            ]),
          );
        await shotWhole(page, 'referrals-child-file');
        await entries.filter({ hasText: '接收线索' }).getByRole('link').click();
        await page.getByRole('heading', { name: '线索〔2026〕1号' }).waitFor();
      }

      // The inbox: nothing open is left; the closed one is under 已办结.
      await page.getByRole('menuitem', { name: '线索移交' }).click();
      await expect
        .poll(() => page.getByRole('tab', { name: /全部未办结/ }).textContent())
        .toBe('全部未办结0');
      await page.getByRole('tab', { name: /已办结/ }).click();
      const closedRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await expect.poll(() => closedRow.textContent()).toContain('〔2026〕1号');
      expect(await closedRow.textContent()).toContain('李小龙');
      expect(await closedRow.textContent()).toContain('民政');
      assertClean(app);
    });
  }, 120_000);

  it('puts overdue referrals first, marked 逾期, and filters by agency', async () => {
    const app = await openStudio(browser(), FRIDAY);
    await runStory(app, 'referrals', async ({ page }) => {
      const kid = (name: string, birthDate: string) =>
        invoke<{ id: string }>(app, 'children.create', {
          name,
          gender: 'female',
          birthDate,
          township: '仁风镇',
        });
      const a = await kid('王小雨', '2016-04-02');
      const b = await kid('赵小燕', '2013-09-18');
      const c = await kid('孙小梅', '2015-01-30');
      // Received yesterday and urgent: verification is due next week.
      await invoke(app, 'referrals.create', {
        sourceDepartment: '第二检察部',
        receivedDate: '2026-11-19',
        urgency: 'urgent',
        children: [{ childId: a.id }],
      });
      // Received on 2 November: verification was due on the 9th and nobody started.
      const late = await invoke<{ id: string; number: string }>(app, 'referrals.create', {
        sourceDepartment: '第一检察部',
        receivedDate: '2026-11-02',
        children: [{ childId: b.id }],
      });
      // Triaged to 民政 on 6 November; the reply was due on the 13th and has not come.
      let r = await invoke<{ id: string; version: number }>(app, 'referrals.create', {
        sourceDepartment: '第一检察部',
        receivedDate: '2026-11-05',
        children: [{ childId: c.id }],
      });
      r = await invoke(app, 'referrals.transition', { id: r.id, version: r.version, to: 'verifying' });
      r = await invoke(app, 'referrals.addAction', {
        referralId: r.id,
        agency: '民政',
        carrier: 'letter',
        sentDate: '2026-11-06',
      });
      await invoke(app, 'referrals.transition', { id: r.id, version: r.version, to: 'triaged' });

      await signIn(page, CASEWORKER, '线索移交');
      await page.getByRole('menuitem', { name: '线索移交' }).click();
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(3);
      const texts = await rows.allTextContents();
      expect(texts[0]).toContain('逾期');
      expect(texts[1]).toContain('逾期');
      expect(texts[2]).not.toContain('逾期');
      expect(texts[2]).toContain('王小雨');
      expect(texts[2]).toContain('紧急');
      expect(await page.getByRole('tab', { name: /逾期/ }).textContent()).toBe('逾期2');
      await shot(page, 'referrals-inbox');

      await page.getByRole('tab', { name: /逾期/ }).click();
      await expect.poll(() => rows.count()).toBe(2);

      // By agency: only the one sent to 民政.
      await page.getByRole('tab', { name: /全部未办结/ }).click();
      await pick(page, page, '全部分流单位', '民政');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('孙小梅');
      await page.getByRole('button', { name: '清除筛选' }).click();
      await expect.poll(() => rows.count()).toBe(3);

      // The late one: its deadline is red and says so.
      await page.getByRole('link', { name: late.number }).click();
      await page.getByRole('heading', { name: `线索${late.number}` }).waitFor();
      expect(await page.getByTestId('verify-due').textContent()).toContain('核查已逾期');
      await shot(page, 'referrals-page-overdue');

      // The late reply: 民政 was the wrong place after all. Withdrawn with a reason, it is
      // no longer overdue; and the referral turns out to be urgent.
      await page.getByRole('link', { name: '返回线索列表' }).click();
      await rows.filter({ hasText: '孙小梅' }).click();
      const action = page.getByTestId('action-民政');
      await expect.poll(() => action.textContent()).toContain('逾期');
      await action.getByRole('button', { name: '撤回' }).click();
      await page.getByRole('dialog').getByLabel('撤回原因').fill('经核实已由教体部门跟进');
      await page.getByRole('dialog').getByRole('button', { name: '撤回' }).click();
      await expect.poll(() => action.textContent()).toContain('已撤回：经核实已由教体部门跟进');
      expect(await action.textContent()).not.toContain('逾期');
      expect(await page.locator('h4').locator('xpath=..').textContent()).not.toContain('逾期');
      await page.getByRole('button', { name: '修改' }).click();
      await page.getByRole('dialog').getByText('紧急', { exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
      await expect.poll(() => page.locator('h4').locator('xpath=..').textContent()).toContain('紧急');
      assertClean(app);
    });
  });

  it('says when the holiday calendar does not cover the year of a deadline', async () => {
    // A January 2027 morning: the holiday calendar ends with 2026.
    const app = await openStudio(browser(), '2027-01-11');
    await runStory(app, 'referrals', async ({ page }) => {
      const kid = await invoke<{ id: string }>(app, 'children.create', {
        name: '周小川',
        gender: 'male',
        birthDate: '2014-02-14',
        township: '济北街道',
      });
      const r = await invoke<{ id: string }>(app, 'referrals.create', {
        sourceDepartment: '第三检察部',
        receivedDate: '2027-01-08',
        children: [{ childId: kid.id }],
      });
      await signIn(page, CASEWORKER, '线索移交');
      await page.evaluate((id) => {
        window.location.hash = `#/referrals/${id}`;
      }, r.id);
      await expect
        .poll(() =>
          page
            .getByText(
              '尚未录入2027年的节假日安排，本线索的期限暂按普通工作日计算。管理员可在「设置 → 节假日安排」中添加。',
            )
            .isVisible(),
        )
        .toBe(true);
      assertClean(app);
    });
  });

  it('warns of a child who may be on file already, and registers anyway only when told', async () => {
    const app = await openStudio(browser(), FRIDAY);
    await runStory(app, 'referrals', async ({ page }) => {
      const onFile = await invoke<{ id: string }>(app, 'children.create', {
        name: '陈小军',
        gender: 'male',
        birthDate: '2014-05-20',
        township: '曲堤街道',
      });
      await signIn(page, CASEWORKER, '线索移交');
      await page.getByRole('menuitem', { name: '线索移交' }).click();
      await page.getByRole('button', { name: '新建线索' }).click();
      await pick(page, page, '来源部门', '公安派驻检察室');
      await page.getByTestId('detained-entry-0').getByRole('button', { name: '移除' }).click();
      const child = page.getByTestId('child-entry-0');
      await child.getByText('登记新儿童', { exact: true }).click();
      await child.getByLabel('姓名').fill('陈小军');
      await child.getByRole('radio', { name: '男' }).check();
      await fillDate(child, '出生日期', '2014-05-20');
      await pick(page, child, '乡镇（街道）', '曲堤街道');
      const warning = child.getByTestId('duplicate-warning');
      await expect.poll(() => warning.textContent()).toContain('姓名和出生日期相同');
      await shotWhole(page, 'referrals-intake-duplicate');

      // Sent without a look: the API refuses, nothing is saved.
      await page.getByRole('button', { name: '登记线索' }).click();
      await expect.poll(() => page.getByText('可能与已有档案重复，请先核对').isVisible()).toBe(true);
      expect((await invoke<{ total: number }>(app, 'referrals.list', { view: 'all' })).total).toBe(0);

      // Looked at, and it is a different boy of the same name and birthday.
      await warning.getByRole('button', { name: '仍然登记' }).click();
      await expect.poll(() => child.textContent()).toContain('已核对，不是同一名儿童');
      await page.getByRole('button', { name: '登记线索' }).click();
      await page.getByRole('heading', { name: '线索〔2026〕1号' }).waitFor();
      const kids = await invoke<{ rows: { id: string }[] }>(app, 'children.list', { query: '陈小军' });
      expect(kids.rows).toHaveLength(2);
      const linked = await page.getByTestId('referral-children').getByRole('link').getAttribute('href');
      expect(linked).not.toBe(`#/children/${onFile.id}`);

      // The other way: the same boy, linked instead of registered twice.
      await page.getByRole('button', { name: '关联儿童' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('登记新儿童', { exact: true }).click();
      await dialog.getByLabel('姓名').fill('陈小军');
      await fillDate(dialog, '出生日期', '2014-05-20');
      // The boy this referral names already is shown, not offered again: only the one on file is.
      await expect
        .poll(() => dialog.getByTestId('duplicate-warning').textContent())
        .toContain('已是本线索涉及的儿童');
      expect(await dialog.getByRole('button', { name: '就是此儿童，改为关联' }).count()).toBe(1);
      await dialog.getByRole('button', { name: '就是此儿童，改为关联' }).click();
      await dialog.getByRole('button', { name: '关联', exact: true }).click();
      await expect.poll(() => page.getByTestId('referral-children').getByRole('link').count()).toBe(2);
      const hrefs = await page
        .getByTestId('referral-children')
        .getByRole('link')
        .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
      expect(hrefs).toContain(`#/children/${onFile.id}`);
      assertClean(app);
    });
  });

  it('keeps the referral lists in settings: read-only for a caseworker, saved by an admin', async () => {
    const app = await openStudio(browser(), FRIDAY);
    await runStory(app, 'referrals', async ({ page }) => {
      await signIn(page, CASEWORKER, '线索移交');
      await page.getByRole('menuitem', { name: '设置' }).click();
      const card = page.getByTestId('referral-settings');
      await expect
        .poll(() => card.getByRole('list', { name: '分流单位列表' }).textContent())
        .toContain('民政');
      expect(await card.getByRole('button', { name: '保存' }).count()).toBe(0);
      expect(await card.getByRole('button', { name: /^删除/ }).count()).toBe(0);
      expect(await card.textContent()).toContain('仅管理员可以修改此项。');

      await page.getByRole('button', { name: /锁定/ }).click();
      await signIn(page, ADMIN, '线索移交');
      await page.getByRole('menuitem', { name: '设置' }).click();
      await card.getByRole('button', { name: '删除其他' }).click();
      await card.getByLabel('分流单位', { exact: true }).fill('残联');
      await card.getByLabel('分流单位', { exact: true }).press('Enter');
      await card.getByLabel('核查期限（工作日）').fill('7');
      await card.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => page.getByText('线索移交设置已保存').isVisible()).toBe(true);
      const settings = await invoke<{ agencies: string[]; verifyWorkdays: number }>(app, 'settings.get', {});
      expect(settings.agencies).toContain('残联');
      expect(settings.agencies).not.toContain('其他');
      expect(settings.verifyWorkdays).toBe(7);
      await card.scrollIntoViewIfNeeded();
      await shot(page, 'referrals-settings');
      assertClean(app);
    });
  });
});
