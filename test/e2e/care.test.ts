/**
 * Care work as the studio does it: counselling notes that only the child's caseworker (and
 * counselling staff and admins) may read; a home visit typed at a doorstep that survives a
 * reload; and the reminders board and 首页 that gather what is due from every area, with the
 * navigation badge counting the same items.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../helpers/core';
import { approveAndDeliver } from '../helpers/orders';
import { referredTo } from '../helpers/referrals';
import { recordVisit } from '../helpers/visits';
import { tallShot } from './children/helpers';
import { type App, browserAvailable, openApp, shot } from './harness';
import { ADMIN } from './support/people';
import { addGuardian } from './support/seed';
import {
  assertClean,
  invoke,
  KDF,
  StudioClock,
  signIn,
  staffStudio,
  useBrowser,
  VIEWPORT,
} from './support/studio';
import { fillDate, pickExact as pick } from './support/ui';

const OWNER = {
  displayName: '李明',
  username: 'liming',
  passphrase: 'Xiangyang-li-2026 violet-harbor',
  role: 'caseworker',
};
const OTHER = {
  displayName: '孙丽',
  username: 'sunli',
  passphrase: 'Xiangyang-sun-2026 violet-harbor',
  role: 'caseworker',
};

/** 10:00 in 济阳 on Friday 2026-11-20; the core and the page agree on the date at this hour. */
const TODAY_MS = Date.UTC(2026, 10, 20, 2, 0, 0);

/** An administrator and two caseworkers; the core is left signed in as the administrator. */
async function openStudio(browser: Browser) {
  const app = await openApp(browser, { clock: new StudioClock(TODAY_MS), kdf: KDF, viewport: VIEWPORT });
  await app.page.clock.setFixedTime(new Date(TODAY_MS));
  await staffStudio(app);
  const owner = await invoke<{ id: string }>(app, 'accounts.create', OWNER);
  const other = await invoke<{ id: string }>(app, 'accounts.create', OTHER);
  app.page.setDefaultTimeout(10_000);
  return { app, owner, other };
}

async function child(
  app: App,
  name: string,
  ownerId: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  return invoke(app, 'children.create', {
    name,
    gender: 'male',
    birthDate: '2015-03-07',
    township: '济阳街道',
    village: '城关村',
    ownerId,
    ...extra,
  });
}

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: /锁定/ }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

async function menu(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name }).click();
}

const SUMMARY = '孩子谈到父亲被羁押后的担忧，夜里常做噩梦，情绪低落。';
const SHARED = '情绪仍需关注，请负责人走访时了解睡眠情况。';

describe.skipIf(!browserAvailable().ok)('care: counselling, visits and reminders', () => {
  const browser = useBrowser();

  it('hides counselling notes from caseworkers, shows the owner what was shared and counselling staff the notes', async () => {
    const { app, owner } = await openStudio(browser());
    const { page } = app;
    try {
      const boy = await child(app, '张小明', owner.id, {
        riskLevel: 'orange',
        riskReason: '父亲在押，母亲外出务工',
      });
      await invoke(app, 'counselling.addAssessment', {
        childId: boy.id,
        date: '2026-11-02',
        instrument: 'SCL-90',
        score: '总分186',
        riskLevel: 'medium',
        guardianConsent: true,
        childConsent: true,
        assessor: '周老师',
        notes: '焦虑因子偏高',
      });
      await invoke(app, 'counselling.addSession', {
        childId: boy.id,
        date: '2026-11-06',
        institution: '济阳区心理健康服务中心',
        counsellor: '周老师',
        minutes: 50,
        summary: SUMMARY,
        sharedNote: SHARED,
        nextFollowUp: '2026-11-27',
      });
      await invoke(app, 'counselling.addTreatment', {
        childId: boy.id,
        date: '2026-11-10',
        institution: '济南市精神卫生中心',
        reason: '持续失眠，需要医生评估',
      });
      await page.reload();

      // 孙丽 does not own the child: she sees that counselling took place, never what was said.
      await signIn(page, OTHER);
      await menu(page, '心理疏导');
      await page.getByTestId('counselling-picker').waitFor();
      await shot(page, 'care-counselling-picker');
      await page.getByLabel('查找儿童').fill('张小明');
      await page.getByRole('link', { name: '打开张小明' }).click();
      await page.getByTestId('restricted-notice').waitFor();
      expect(await page.getByTestId('restricted-line').count()).toBe(4);
      expect(await page.getByText('仅心理辅导人员和管理员可查看内容').first().isVisible()).toBe(true);
      // Only that records exist, their dates, the counsellor and the crisis flag (issue 11, item 7).
      expect(await page.getByText('2026-11-06').first().isVisible()).toBe(true);
      expect(await page.getByText('周老师').first().isVisible()).toBe(true);
      const hidden = await page.content();
      for (const metadata of ['50分钟', '济阳区心理健康服务中心', 'SCL-90', '济南市精神卫生中心']) {
        expect(hidden).not.toContain(metadata);
      }
      expect(hidden).not.toContain('夜里常做噩梦');
      expect(hidden).not.toContain('焦虑因子偏高');
      expect(hidden).not.toContain('持续失眠');
      expect(hidden).not.toContain(SHARED);
      expect(await page.getByRole('button', { name: '记录疏导' }).count()).toBe(0);
      await shot(page, 'care-counselling-restricted');

      // 李明 owns the child: he reads what the counsellor shared, not the notes themselves
      // (they are sealed under the counselling key, which his slot does not hold).
      await lock(page);
      expect(await page.content()).not.toContain('张小明');
      await signIn(page, OWNER);
      await menu(page, '心理疏导');
      await page.getByRole('link', { name: '打开张小明' }).click();
      await page.getByText(SHARED).waitFor();
      expect(await page.content()).not.toContain('夜里常做噩梦');
      await shot(page, 'care-counselling-owner');

      // Counselling staff and administrators read the notes.
      await lock(page);
      await signIn(page, ADMIN);
      await menu(page, '心理疏导');
      await page.getByLabel('查找儿童').fill('张小明');
      await page.getByRole('link', { name: '打开张小明' }).click();
      await page.getByText(SUMMARY).waitFor();
      expect(await page.getByTestId('restricted-line').count()).toBe(0);
      expect(await page.getByText('焦虑因子偏高', { exact: false }).isVisible()).toBe(true);
      await shot(page, 'care-counselling-admin');

      // An assessment without both consents is not saved; the form says why, beside the ticks.
      await page.getByRole('button', { name: '新增测评' }).click();
      const dialog = page.getByTestId('assessment-dialog');
      await dialog.getByLabel('测评工具').fill('SDS');
      await pick(page, dialog, '心理风险', '高');
      await dialog.getByLabel('测评人').fill('周老师');
      await dialog.getByLabel('已取得监护人同意').check();
      await page.getByRole('button', { name: '保存' }).click();
      const consentError = dialog
        .locator('.ant-form-item')
        .filter({ has: page.getByLabel('已取得未成年人本人同意') })
        .locator('.ant-form-item-explain-error');
      await expect
        .poll(() => consentError.textContent())
        .toBe('须取得监护人和未成年人本人的同意，未取得同意不得测评');
      await shot(page, 'care-counselling-consent');
      await dialog.getByLabel('已取得未成年人本人同意').check();
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByRole('cell', { name: 'SDS' }).waitFor();

      // A session with a crisis flag: the banner appears at the top of the record.
      expect(await page.getByTestId('crisis-banner').count()).toBe(0);
      await page.getByRole('button', { name: '记录疏导' }).click();
      const session = page.getByTestId('session-dialog');
      await session.getByLabel('时长（分钟）').fill('45');
      await session.getByLabel('机构').fill('济阳区心理健康服务中心');
      await session.getByLabel('心理辅导人员').fill('周老师');
      await session.getByLabel('疏导情况').fill('孩子提到有伤害自己的念头，已告知祖母加强陪伴。');
      await session.getByLabel('本次疏导发现危机风险（如自伤、自杀念头）').check();
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByTestId('crisis-banner').waitFor();
      expect(await page.getByTestId('session-entry').count()).toBe(2);
      await tallShot(page, 'care-counselling-crisis');

      const record = await invoke<{ sessions: unknown[]; crisis: boolean }>(app, 'counselling.forChild', {
        childId: boy.id,
      });
      expect(record.crisis).toBe(true);
      expect(record.sessions).toHaveLength(2);
      assertClean(app);

      // The refusal to show 孙丽 the notes is in the audit log.
      await signInAs(app.core, ADMIN);
      const denied = await invoke<{ rows: { actorName: string; detail: { method?: string } }[] }>(
        app,
        'audit.list',
        { action: 'access.denied' },
      );
      expect(denied.rows.map((r) => [r.actorName, r.detail.method])).toContainEqual([
        '孙丽',
        'counselling.forChild',
      ]);
    } finally {
      await app.close();
    }
  });

  it('keeps a visit draft as it is typed, through a reload, and submits it with Ctrl+Enter', async () => {
    const { app, owner } = await openStudio(browser());
    const { page } = app;
    try {
      const girl = await child(app, '李小红', owner.id, { gender: 'female', birthDate: '2016-05-01' });
      await page.reload();
      await signIn(page, OWNER);
      await menu(page, '走访记录');
      await page.getByRole('button', { name: '新建走访' }).click();
      await page.getByTestId('visit-child-picker').getByRole('link', { name: '打开李小红' }).waitFor();
      await shot(page, 'care-visit-new');
      await page.getByTestId('visit-child-picker').getByRole('link', { name: '打开李小红' }).click();
      await page.getByTestId('visit-editor').waitFor();
      expect(await page.getByTestId('draft-status').textContent()).toContain('开始填写后自动保存草稿');

      // antd draws the radio as a button; the caseworker clicks its label.
      await page.locator('label', { hasText: '家访' }).click();
      await page.getByLabel('地点').fill('城关村李家');
      // Top to bottom in Tab order: 地点 → 走访人员 (filled with the signed-in caseworker) → 见到的人.
      await page.getByLabel('地点').press('Tab');
      expect(await page.getByLabel('走访人员').evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.type('祖母刘翠兰');
      await expect
        .poll(() => page.getByTestId('draft-status').textContent())
        .toMatch(/草稿已保存 \d\d:\d\d:\d\d/);
      // The first save gave the draft an id and the address names it; the form did not start over.
      expect(page.url()).toMatch(/#\/visits\/[0-9a-f-]{36}$/);
      // (Absence takes a moment to prove: a reload of the form would come back from the core.)
      await page.waitForTimeout(500);
      expect(await page.getByText('可以接着填写').count()).toBe(0);
      const living = '住房为两间平房，冬季靠煤炉取暖，祖母腿脚不便，做饭有困难。';
      await page.getByLabel('生活状况').fill(living);
      await page.getByLabel('心理状态').pressSequentially('见到生人较拘谨，说想妈妈。', { delay: 30 });
      await page.getByRole('checkbox', { name: '生活' }).check();
      await page.getByLabel('生活需求说明').fill('需要冬衣和取暖补助');
      await expect
        .poll(async () => {
          const [d] = await invoke<
            { personsMet: string; findings: { living?: string }; needsFound: unknown[] }[]
          >(app, 'visits.myDrafts', {});
          return [d?.personsMet, d?.findings.living, d?.needsFound.length];
        })
        .toEqual(['祖母刘翠兰', living, 1]);
      await tallShot(page, 'care-visit-editor');

      // A reload locks; after signing in the draft is listed and comes back as it was typed.
      await page.reload();
      await signIn(page, OWNER);
      await menu(page, '走访记录');
      await page.getByRole('button', { name: '继续填写李小红的走访草稿' }).waitFor();
      await shot(page, 'care-visits-index');
      await page.getByRole('button', { name: '继续填写李小红的走访草稿' }).click();
      await page.getByTestId('visit-editor').waitFor();
      expect(await page.getByLabel('生活状况').inputValue()).toBe(living);
      expect(await page.getByLabel('地点').inputValue()).toBe('城关村李家');
      expect(await page.getByLabel('见到的人').inputValue()).toBe('祖母刘翠兰');
      expect(await page.getByLabel('心理状态').inputValue()).toBe('见到生人较拘谨，说想妈妈。');
      expect(await page.getByLabel('生活需求说明').inputValue()).toBe('需要冬衣和取暖补助');
      expect(await page.getByRole('radio', { name: '家访' }).isChecked()).toBe(true);
      await page.getByText('可以接着填写').waitFor();

      // Starting a "new" visit for the same child brings the same draft back, not a second one.
      await page.getByRole('button', { name: '返回走访记录' }).click();
      await page.goto(`${new URL(page.url()).origin}/#/visits/new?childId=${girl.id}`);
      await page.getByTestId('visit-editor').waitFor();
      expect(await page.getByLabel('生活状况').inputValue()).toBe(living);
      expect((await invoke<unknown[]>(app, 'visits.myDrafts', {})).length).toBe(1);

      // A next visit before this one is refused beside the field; Ctrl+Enter submits.
      await page.getByLabel('安全情况').fill('独自上下学需经过国道，已提醒祖母接送。');
      await fillDate(page, '下次走访日期', '2026-11-10');
      await page.getByLabel('商定的措施').press('Control+Enter');
      const nextError = page
        .locator('.ant-form-item')
        .filter({ has: page.getByLabel('下次走访日期', { exact: true }) })
        .locator('.ant-form-item-explain-error');
      await expect.poll(() => nextError.textContent()).toBe('下次走访日期应晚于本次走访日期');
      await shot(page, 'care-visit-error');
      await fillDate(page, '下次走访日期', '2026-12-18');
      await page.getByLabel('商定的措施').fill('联系村委会申请取暖补助；学校安排同村同学结伴上学。');
      await page.getByLabel('商定的措施').press('Control+Enter');
      await page.getByTestId('visit-view').waitFor();
      expect(await page.getByText('已提交', { exact: true }).isVisible()).toBe(true);
      await tallShot(page, 'care-visit-final');

      expect(await invoke<unknown[]>(app, 'visits.myDrafts', {})).toEqual([]);
      const [visit] = await invoke<{ status: string; nextVisitDate: string; findings: { safety: string } }[]>(
        app,
        'visits.forChild',
        { childId: girl.id },
      );
      expect(visit).toMatchObject({ status: 'final', nextVisitDate: '2026-12-18' });
      expect(visit.findings.safety).toContain('国道');
      // The submitted visit is listed under recent visits.
      await page.getByRole('button', { name: '返回走访记录' }).click();
      await page.getByTestId('visit-recent').getByRole('link', { name: '李小红' }).waitFor();
      await shot(page, 'care-visits-recent');
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  it('gathers reminders from every area on the board and the 首页, with counts that match the badge', async () => {
    const { app, owner, other } = await openStudio(browser());
    const { page } = app;
    try {
      // 线索: an agency's reply overdue (and the verification deadline).
      const a = await child(app, '张小明', owner.id, { riskLevel: 'red', riskReason: '独自在家，无人照料' });
      await referredTo(app.core, a.id, {
        agency: '民政',
        received: '2026-11-02',
        sent: '2026-11-03',
      });

      // 督促监护令 under observation, with a requirement due next week.
      const b = await child(app, '李小红', owner.id, { gender: 'female', birthDate: '2016-05-01' });
      const motherId = await addGuardian(app, b.id, 'mother', { name: '刘翠兰', gender: 'female' });
      await signInAs(app.core, OWNER);
      const order = await call(app.core, 'orders.createDraft', {
        childId: b.id,
        guardians: [{ personId: motherId, relation: 'mother' }],
        facts: '经查，刘翠兰长期外出务工，将李小红交由年迈亲属照看，疏于管教。',
        problems: ['16-1'],
        requirements: [{ text: '每周至少与李小红联系两次', dueDate: '2026-11-25' }],
      });
      await approveAndDeliver(app.core, order, {
        approver: ADMIN,
        delivery: { method: 'onSite', date: '2026-11-20', guardianSigned: true },
      });

      // 家庭教育指导: an active plan with this month's session still to hold.
      const c = await child(app, '王小军', owner.id);
      const fatherId = await addGuardian(app, c.id, 'father', { name: '王建军', gender: 'male' });
      const plan = await invoke<{ id: string; version: number }>(app, 'education.createPlan', {
        childId: c.id,
        kind: 'voluntary',
        guardianPersonIds: [fatherId],
        provider: '济阳区家庭教育指导站',
        startDate: '2026-11-01',
        endDate: '2027-04-30',
      });
      await invoke(app, 'education.startPlan', { id: plan.id, version: plan.version });

      // 心理疏导: a session flagged as a crisis, with its follow-up due.
      const d = await child(app, '赵小燕', owner.id, {
        gender: 'female',
        birthDate: '2013-09-18',
        riskLevel: 'orange',
        riskReason: '有自伤念头',
      });
      await invoke(app, 'counselling.addSession', {
        childId: d.id,
        date: '2026-11-19',
        institution: '济阳区心理健康服务中心',
        counsellor: '周老师',
        minutes: 40,
        summary: '有自伤念头',
        nextFollowUp: '2026-11-24',
        crisis: true,
      });

      // 走访: the next visit is due today.
      const e = await child(app, '刘小刚', owner.id);
      await recordVisit(app.core, e.id, '2026-11-06', '2026-11-20');

      // A father released within 90 days, and a boy turning 18 in January.
      const f = await child(app, '陈小雨', owner.id, { gender: 'female', birthDate: '2014-02-02' });
      const detainedId = await addGuardian(app, f.id, 'father', { name: '陈国强', gender: 'male' });
      await invoke(app, 'custody.add', {
        personId: detainedId,
        measure: 'sentence',
        startDate: '2024-01-10',
        expectedRelease: '2027-01-10',
      });
      await child(app, '周小龙', owner.id, { birthDate: '2009-01-15' });

      // 孙丽's child, with a visit overdue: on everyone's board, not on 李明's.
      const g = await child(app, '孙小宝', other.id);
      await recordVisit(app.core, g.id, '2026-10-20', '2026-11-03', 'phone');

      await page.reload();
      await signIn(page, OWNER);
      const expected = await invoke<{ counts: Record<string, number>; badge: number }>(
        app,
        'reminders.board',
        {},
      );

      // 首页: my overdue and this week's items, my red/orange children, recent referrals.
      await page.getByTestId('home-todo').waitFor();
      await page.getByTestId('home-risky').getByRole('link', { name: '张小明' }).waitFor();
      expect(await page.getByTestId('home-risky').getByRole('link', { name: '赵小燕' }).isVisible()).toBe(
        true,
      );
      expect(
        await page.getByTestId('home-referrals').getByRole('link', { name: '〔2026〕1号' }).isVisible(),
      ).toBe(true);
      expect(await page.getByText(`已逾期（${expected.counts.overdue}）`).isVisible()).toBe(true);
      expect(
        await page.getByText(`今天和本周到期（${expected.counts.today + expected.counts.week}）`).isVisible(),
      ).toBe(true);
      await tallShot(page, 'care-home');

      // The badge counts overdue, today and this week for me, as the board does.
      const badge = page.getByTestId('reminder-badge');
      await expect.poll(() => badge.getAttribute('data-count')).toBe(String(expected.badge));
      expect(expected.badge).toBe(expected.counts.overdue + expected.counts.today + expected.counts.week);

      await menu(page, '工作提醒');
      await page.getByTestId('reminder-group-overdue').waitFor();
      const counts: Record<string, number> = {};
      for (const group of ['overdue', 'today', 'week', 'upcoming']) {
        await expect
          .poll(() => page.getByTestId(`reminder-count-${group}`).textContent())
          .toBe(String(expected.counts[group]));
        counts[group] = Number(await page.getByTestId(`reminder-count-${group}`).textContent());
        expect(
          await page.getByTestId(`reminder-group-${group}`).locator('tbody tr[data-row-key]').count(),
        ).toBe(counts[group]);
      }
      expect(counts.overdue + counts.today + counts.week).toBe(
        Number(await badge.getAttribute('data-count')),
      );

      // Every area built so far is on the board.
      const kinds = await page
        .locator('main [data-kind]')
        .evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-kind')))].sort());
      expect(kinds).toEqual(
        [
          'counsellingFollowUp',
          'crisis',
          'guidanceSession',
          'observationEnding',
          'orderFollowUp',
          'orderRequirement',
          'referralReply',
          'referralVerify',
          'releaseSoon',
          'turning18',
          'visitDue',
        ].sort(),
      );
      // The crisis comes first, in red, in the group it is due in.
      const overdueRows = page.getByTestId('reminder-group-overdue').locator('tbody tr[data-row-key]');
      expect(await overdueRows.first().locator('[data-kind]').getAttribute('data-kind')).toBe('crisis');
      expect(await page.getByText('孙小宝').count()).toBe(0);
      await tallShot(page, 'care-reminders-mine');

      // Everyone's board shows 孙丽's child too; a colleague's shows only hers.
      await pick(page, page, '负责人', '全部');
      await page.getByTestId('reminder-group-overdue').getByText('孙小宝').waitFor();
      await tallShot(page, 'care-reminders-all');
      await pick(page, page, '负责人', '孙丽');
      await expect.poll(() => page.getByTestId('reminder-count-overdue').textContent()).toBe('1');
      expect(await page.getByText('张小明').count()).toBe(0);
      await pick(page, page, '负责人', '我的');
      await expect
        .poll(() => page.getByTestId('reminder-count-overdue').textContent())
        .toBe(String(expected.counts.overdue));

      // 暂缓 needs a reason; once given, the item leaves the board and the badge.
      const reply = page.getByTestId('reminder-group-overdue').locator('tbody tr', { hasText: '民政对线索' });
      await reply.getByRole('button', { name: '暂缓' }).click();
      const snooze = page.getByRole('dialog', { name: '暂缓提醒' });
      await snooze.waitFor();
      await snooze.getByRole('button', { name: '暂缓' }).click();
      await expect
        .poll(() =>
          snooze
            .locator('.ant-form-item')
            .filter({ has: page.getByLabel('暂缓原因') })
            .locator('.ant-form-item-explain-error')
            .textContent(),
        )
        .toBe('请填写暂缓原因');
      await shot(page, 'care-reminders-snooze');
      await snooze.getByLabel('暂缓原因').fill('民政已电话告知下周书面回复');
      await snooze.getByRole('button', { name: '暂缓' }).click();
      await page.getByTestId('reminder-snoozed').waitFor();
      expect(await page.getByTestId('reminder-snoozed').textContent()).toContain('另有 1 项已暂缓');
      await expect
        .poll(() => page.getByTestId('reminder-count-overdue').textContent())
        .toBe(String(expected.counts.overdue - 1));
      await expect.poll(() => badge.getAttribute('data-count')).toBe(String(expected.badge - 1));
      expect((await invoke<{ count: number }>(app, 'reminders.badge', {})).count).toBe(expected.badge - 1);

      // Opening an item goes to the record to act on: the crisis opens the counselling record.
      await overdueRows.first().getByRole('button', { name: /打开/ }).click();
      await page.getByTestId('crisis-banner').waitFor();
      expect(page.url()).toContain(`#/counselling/${d.id}`);
      assertClean(app);

      await signInAs(app.core, ADMIN);
      const audit = await invoke<{ rows: { actorName: string }[] }>(app, 'audit.list', {
        action: 'reminders.snooze',
      });
      expect(audit.rows.map((r) => r.actorName)).toEqual(['李明']);
    } finally {
      await app.close();
    }
  });
});
