import { describe, expect, it } from 'vitest';
import { ignoredOrder } from '../helpers/orders';
import { ADMIN, CASEWORKER, call, ManualClock, openStudio, refuse, SUPERVISOR } from './support';

async function setup(clock = new ManualClock(Date.UTC(2026, 2, 2, 2))) {
  const { core, child, guardian, as } = await openStudio({
    clock,
    accounts: [SUPERVISOR],
    guardian: { relation: 'mother', person: { name: '刘翠兰', gender: 'female', address: '济阳街道城关村' } },
  });
  return { core, clock, child, mother: guardian!, as };
}

function draftInput(childId: string, personId: string) {
  return {
    childId,
    guardians: [{ personId, relation: 'mother' as const }],
    facts: '经查，刘翠兰长期外出务工，将张小明交由年迈亲属照看，疏于管教。',
    problems: ['16-1', '16-9'],
    requirements: [
      { text: '每周至少与张小明联系两次，了解其学习和生活情况', dueDate: '2026-04-30' },
      { text: '配合学校落实张小明的就学，保障其完成义务教育', dueDate: '2026-05-31' },
    ],
  };
}

describe('guardianship orders (督促监护令)', () => {
  it('runs from draft to close: approval by another account, delivery, follow-ups, evaluation', async () => {
    const { core, clock, child, mother, as } = await setup();
    let o = await call(core, 'orders.createDraft', draftInput(child.id, mother.person.id));
    expect(o).toMatchObject({
      status: 'draft',
      number: null,
      legalBasis: expect.stringContaining('第十六条'),
    });
    expect(o.problems.map((p) => p.code)).toEqual(['16-1', '16-9']);
    o = await call(core, 'orders.submit', { id: o.id, version: o.version });

    // The drafter may not approve their own order when a colleague exists.
    expect(await refuse(core, 'orders.approve', { id: o.id, version: o.version })).toEqual({
      code: 'FORBIDDEN',
      message: '拟制人不能审批自己拟制的督促监护令',
    });
    await as(SUPERVISOR);
    clock.advance(3_600_000);
    o = await call(core, 'orders.approve', { id: o.id, version: o.version });
    expect(o).toMatchObject({
      status: 'approved',
      number: '济阳检未督监〔2026〕1号',
      issueDate: '2026-03-02',
      approvedByName: '陈主任',
    });

    await as(ADMIN);
    const early = await refuse(core, 'orders.evaluate', {
      id: o.id,
      version: o.version,
      evaluation: 'met',
      outcome: 'close',
    });
    expect(early.message).toBe('督促监护令当前为“已审批待送达”，不能进行此操作');
    o = await call(core, 'orders.recordDelivery', {
      id: o.id,
      version: o.version,
      method: 'onSite',
      date: '2026-03-03',
      guardianSigned: true,
    });
    expect(o).toMatchObject({
      status: 'observing',
      observationStart: '2026-03-03',
      observationEnd: '2026-06-03',
    });

    clock.ms = Date.UTC(2026, 3, 1, 2);
    o = await call(core, 'orders.addFollowUp', {
      id: o.id,
      version: o.version,
      date: '2026-04-01',
      method: 'visit',
      findings: '监护人已按要求每周联系孩子。',
      compliance: 'good',
      nextDate: '2026-05-15',
      requirementStatuses: [
        { id: o.requirements[0].id, version: o.requirements[0].version, status: 'met', note: null },
      ],
    });
    expect(o.nextFollowUp).toBe('2026-05-15');
    clock.ms = Date.UTC(2026, 4, 15, 2);
    o = await call(core, 'orders.addFollowUp', {
      id: o.id,
      version: o.version,
      date: '2026-05-15',
      method: 'phone',
      findings: '孩子按时上学。',
      compliance: 'good',
      requirementStatuses: [
        { id: o.requirements[1].id, version: o.requirements[1].version, status: 'met', note: null },
      ],
    });
    expect(o.requirements.map((r) => r.status)).toEqual(['met', 'met']);
    o = await call(core, 'orders.startEvaluation', { id: o.id, version: o.version });
    o = await call(core, 'orders.evaluate', {
      id: o.id,
      version: o.version,
      evaluation: 'met',
      note: '监护职责履行到位',
      outcome: 'close',
    });
    expect(o).toMatchObject({ status: 'closed', evaluation: 'met', outcome: 'close' });
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.timeline.filter((i) => i.area === 'orders').map((i) => i.title)).toEqual([
      '督促监护令考察评估：达标',
      '督促监护令回访',
      '督促监护令回访',
      '督促监护令现场宣告',
      '签发督促监护令 济阳检未督监〔2026〕1号',
      '拟制督促监护令',
    ]);
    // The list, newest change first: a new draft above the closed order; each tab counted.
    const other = await call(core, 'orders.createDraft', draftInput(child.id, mother.person.id));
    const all = await call(core, 'orders.list', { status: 'all' });
    expect(all.rows.map((r) => r.id)).toEqual([other.id, o.id]);
    expect(all.rows[1]).toEqual({
      id: o.id,
      number: '济阳检未督监〔2026〕1号',
      childId: child.id,
      childName: child.name,
      status: 'closed',
      issueDate: '2026-03-02',
      observationEnd: '2026-06-03',
      updatedAt: clock.now(),
    });
    expect([all.total, all.totalCapped, all.counts]).toEqual([
      2,
      false,
      {
        draft: 1,
        pending: 0,
        approved: 0,
        observing: 0,
        evaluating: 0,
        closed: 1,
        withdrawn: 0,
        open: 1,
        all: 2,
      },
    ]);
    const open = await call(core, 'orders.list', { status: 'open' });
    expect([open.rows.map((r) => r.id), open.total]).toEqual([[other.id], 1]);
    const closed = await call(core, 'orders.list', { status: 'closed' });
    expect([closed.rows.map((r) => r.id), closed.total]).toEqual([[o.id], 1]);
    expect((await call(core, 'orders.list', { status: 'all', offset: 1 })).rows.map((r) => r.id)).toEqual([
      o.id,
    ]);
    expect((await call(core, 'orders.list', { status: 'observing' })).total).toBe(0);
    core.close();
  });

  it('numbers orders gapless and unique per year, never reusing a withdrawn number', async () => {
    const { core, clock, child, mother, as } = await setup(new ManualClock(Date.UTC(2026, 11, 30, 2)));
    const approve = async () => {
      await as(ADMIN);
      let o = await call(core, 'orders.createDraft', draftInput(child.id, mother.person.id));
      o = await call(core, 'orders.submit', { id: o.id, version: o.version });
      await as(SUPERVISOR);
      return call(core, 'orders.approve', { id: o.id, version: o.version });
    };
    const first = await approve();
    const second = await approve();
    await call(core, 'orders.withdraw', {
      id: second.id,
      version: second.version,
      reason: '监护人已主动整改',
    });
    const third = await approve();
    clock.ms = Date.UTC(2027, 0, 2, 2);
    const nextYear = await approve();
    expect([first.number, second.number, third.number, nextYear.number]).toEqual([
      '济阳检未督监〔2026〕1号',
      '济阳检未督监〔2026〕2号',
      '济阳检未督监〔2026〕3号',
      '济阳检未督监〔2027〕1号',
    ]);
    const withdrawn = await call(core, 'orders.get', { id: second.id });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', number: '济阳检未督监〔2026〕2号' });
    core.close();
  });

  it('refuses illegal transitions and a caseworker approving', async () => {
    const { core, child, mother, as } = await setup();
    await call(core, 'accounts.create', CASEWORKER);
    let o = await call(core, 'orders.createDraft', draftInput(child.id, mother.person.id));
    expect(
      (
        await refuse(core, 'orders.recordDelivery', {
          id: o.id,
          version: o.version,
          method: 'written',
          date: '2026-03-03',
          guardianSigned: true,
        })
      ).message,
    ).toBe('督促监护令当前为“拟制”，不能进行此操作');
    o = await call(core, 'orders.submit', { id: o.id, version: o.version });
    await as(CASEWORKER);
    expect((await refuse(core, 'orders.approve', { id: o.id, version: o.version })).code).toBe('FORBIDDEN');
    const noProblems = await refuse(core, 'orders.createDraft', {
      ...draftInput(child.id, mother.person.id),
      problems: [],
    });
    expect(noProblems.fields).toEqual({ problems: '请选择或填写发现的问题' });
    core.close();
  });

  it('offers each account the steps ORDER_FLOW allows it, and never the drafter its own approval', async () => {
    const { core, child, mother, as } = await setup();
    await call(core, 'accounts.create', CASEWORKER);
    let o = await call(core, 'orders.createDraft', draftInput(child.id, mother.person.id));
    expect(o.steps).toEqual(['submit', 'withdraw']);
    o = await call(core, 'orders.submit', { id: o.id, version: o.version });
    // The administrator drafted it: with other accounts about, approving it is not theirs to offer.
    expect(o.steps).toEqual(['reject', 'withdraw']);
    const self = await refuse(core, 'orders.approve', { id: o.id, version: o.version });
    expect(self.code).toBe('FORBIDDEN');
    await as(CASEWORKER);
    expect((await call(core, 'orders.get', { id: o.id })).steps).toEqual(['withdraw']);
    await as(SUPERVISOR);
    o = await call(core, 'orders.get', { id: o.id });
    expect(o.steps).toEqual(['approve', 'reject', 'withdraw']);
    o = await call(core, 'orders.approve', { id: o.id, version: o.version });
    expect(o.steps).toEqual(['recordDelivery', 'withdraw']);
    await as(ADMIN);
    const audit = await call(core, 'audit.list', { action: 'orders.approve' });
    expect(audit.rows[0].detail).toMatchObject({ from: 'pending', to: 'approved', childId: child.id });
    core.close();
  });

  it('escalates an order not complied with into an ordered guidance plan', async () => {
    const { core, child, mother } = await setup();
    let o = await ignoredOrder(core, draftInput(child.id, mother.person.id), SUPERVISOR, {
      method: 'phone',
      findings: '拒不配合',
    });
    const met = await refuse(core, 'orders.evaluate', {
      id: o.id,
      version: o.version,
      evaluation: 'met',
      outcome: 'guidance',
    });
    expect(met.fields).toEqual({ outcome: '评估为达标或基本达标时应结案' });
    o = await call(core, 'orders.evaluate', {
      id: o.id,
      version: o.version,
      evaluation: 'notMet',
      outcome: 'guidance',
    });
    const plan = await call(core, 'education.getPlan', { id: o.outcomePlanId! });
    expect(plan).toMatchObject({
      kind: 'ordered',
      status: 'assessing',
      sourceOrderId: o.id,
      guardians: [{ name: '刘翠兰' }],
    });
    core.close();
  });
});

describe('family education (家庭教育指导 and 训诫)', () => {
  it('records an admonition, then a guidance plan with three sessions, a final evaluation and a 回访 due', async () => {
    const { core, clock, child, mother } = await setup(new ManualClock(Date.UTC(2026, 0, 10, 2)));
    const adm = await call(core, 'education.admonish', {
      childId: child.id,
      guardianPersonId: mother.person.id,
      date: '2026-01-10',
      place: '济阳区人民检察院未检工作室',
      reason: '放任未成年人沉迷网络，经常夜不归宿',
      deliveredBy: '王芳',
    });
    expect(adm.guardian.name).toBe('刘翠兰');
    let plan = await call(core, 'education.createPlan', {
      childId: child.id,
      kind: 'ordered',
      guardianPersonIds: [mother.person.id],
      assessmentDate: '2026-01-12',
      willingness: 'medium',
      ability: 'low',
      relationship: 'fair',
      provider: '济阳区家庭教育指导站（妇联）',
      startDate: '2026-01-15',
      endDate: '2026-04-14',
      sessionsPerMonth: 1,
      minMinutes: 40,
      goals: [{ text: '掌握与孩子有效沟通的方法', dueDate: '2026-04-14' }],
    });
    expect(plan.status).toBe('assessing');
    expect(plan.steps).toEqual(['start', 'suspend']);
    plan = await call(core, 'education.startPlan', { id: plan.id, version: plan.version });
    // The plan page's buttons are the steps PLAN_FLOW allows from 指导中.
    expect(plan.steps).toEqual(['complete', 'suspend']);
    const session = (date: string, minutes: number) => ({
      planId: plan.id,
      date,
      mode: 'family' as const,
      minutes,
      attendees: '刘翠兰、张小明',
      instructor: '赵老师',
      content: '亲子沟通与陪伴',
    });
    clock.ms = Date.UTC(2026, 3, 10, 2);
    plan = await call(core, 'education.addSession', session('2026-01-20', 45));
    plan = await call(core, 'education.addSession', session('2026-02-25', 30));
    plan = await call(core, 'education.addSession', session('2026-03-20', 50));
    expect(plan.progress).toMatchObject({ periods: 3, held: 2, missed: 1, tooShort: 1 });
    // The register shows the plan as its page counts it, and the 训诫 with whom it was given to.
    // Each in its tab: the plan under 指导中 (the first tab opened), the 训诫 under 训诫登记.
    const register = await call(core, 'education.register', { view: 'active' });
    expect(register.plans).toEqual([
      expect.objectContaining({
        id: plan.id,
        childName: '张小明',
        status: 'active',
        guardians: [{ id: mother.person.id, name: '刘翠兰' }],
        startDate: '2026-01-15',
        endDate: '2026-04-14',
        progress: plan.progress,
        followUpDue: null,
        version: plan.version,
      }),
    ]);
    expect(register.admonitions).toEqual([]);
    expect((await call(core, 'education.register', { view: 'admonitions' })).admonitions).toEqual([
      {
        id: adm.id,
        childId: child.id,
        childName: '张小明',
        guardian: { id: mother.person.id, name: '刘翠兰' },
        date: '2026-01-10',
        place: '济阳区人民检察院未检工作室',
        reason: '放任未成年人沉迷网络，经常夜不归宿',
        deliveredBy: '王芳',
      },
    ]);
    const future = await refuse(core, 'education.addSession', session('2026-05-01', 50));
    expect(future.fields).toEqual({ date: '日期不能晚于今天' });

    clock.ms = Date.UTC(2026, 3, 15, 2);
    plan = await call(core, 'education.completePlan', {
      id: plan.id,
      version: plan.version,
      completedDate: '2026-04-14',
      finalResult: 'basicallyMet',
      finalEvaluation: '监护人沟通方式有所改善',
    });
    expect(plan).toMatchObject({ status: 'completed', followUpDue: '2026-10-14' });
    const early = await refuse(core, 'education.addFollowUp', {
      id: plan.id,
      date: '2026-06-01',
      method: 'visit',
      findings: '提前',
    });
    expect(early.fields).toEqual({ date: '日期不能晚于今天' });
    clock.ms = Date.UTC(2026, 5, 2, 2);
    plan = await call(core, 'education.addFollowUp', {
      id: plan.id,
      date: '2026-06-01',
      method: 'visit',
      findings: '亲子关系明显改善',
    });
    expect(plan.followUpDue).toBeNull();
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.timeline.filter((i) => i.area === 'education').map((i) => i.title)).toEqual([
      '家庭教育指导回访',
      '家庭教育指导完成评估',
      '家庭教育指导（50分钟）',
      '家庭教育指导（30分钟）',
      '家庭教育指导（45分钟）',
      '开始责令接受家庭教育指导',
      '训诫监护人刘翠兰',
    ]);
    const illegal = await refuse(core, 'education.addSession', session('2026-04-01', 50));
    expect(illegal.message).toBe('指导计划当前为“已完成”，不能进行此操作');
    core.close();
  });
});
