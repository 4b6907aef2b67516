import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import { drinkingFatherOrder, ignoredOrder } from '../helpers/orders';
import { ADMIN, CASEWORKER, CHILD, call, ManualClock, openStudio, refuse, SUPERVISOR } from './support';

async function setup(clock = new ManualClock(Date.UTC(2026, 2, 2, 2))) {
  const { core, child, guardian, as } = await openStudio({
    clock,
    accounts: [SUPERVISOR, CASEWORKER],
    guardian: { relation: 'father', person: { name: '张建国', gender: 'male', address: '济阳街道城关村' } },
  });
  return { core, clock, child, father: guardian!, as };
}

/** A second child on file, with no relatives: whose records the first child's suit may not name. */
function anotherChild(core: Core) {
  return call(core, 'children.create', {
    ...CHILD,
    name: '李小红',
    gender: 'female',
    idNumber: undefined,
    birthDate: '2016-05-01',
  });
}

function draft(childId: string, personId: string) {
  return {
    childId,
    kind: 'revoke' as const,
    grounds: ['harm' as const],
    respondentIds: [personId],
    applicantKind: 'civilAffairs' as const,
    applicantName: '济阳区民政局',
    documents: ['complaint' as const, 'evidence' as const],
    facts: '张建国多次殴打张小明致轻伤，经公安机关处理后仍未改正。',
  };
}

describe('supporting a suit (支持起诉)', () => {
  it('runs from draft to the court’s decision: issue by the head (numbered), filing, decision with the new guardian', async () => {
    const { core, clock, child, father, as } = await setup();
    await as(CASEWORKER);
    let s = await call(core, 'suits.create', draft(child.id, father.person.id));
    expect(s).toMatchObject({
      status: 'draft',
      number: null,
      respondents: [{ name: '张建国', relation: 'father' }],
      opinion: expect.stringContaining('支持申请人'),
      steps: ['withdraw'],
    });
    expect(
      (await refuse(core, 'suits.issue', { id: s.id, version: s.version, issueDate: '2026-03-02' })).code,
    ).toBe('FORBIDDEN');

    await as(SUPERVISOR);
    s = await call(core, 'suits.get', { id: s.id });
    expect(s.steps).toEqual(['issue', 'withdraw']);
    s = await call(core, 'suits.issue', { id: s.id, version: s.version, issueDate: '2026-03-02' });
    expect(s).toMatchObject({ status: 'issued', number: '济阳检未支诉〔2026〕1号', issuedByName: '陈主任' });

    await as(CASEWORKER);
    const early = await refuse(core, 'suits.decide', {
      id: s.id,
      version: s.version,
      decision: 'dismissed',
      decisionDate: '2026-03-02',
    });
    expect(early.message).toBe('当前状态为“已出具意见书”，不能进行这一步');
    clock.ms = Date.UTC(2026, 2, 9, 2);
    s = await call(core, 'suits.file', {
      id: s.id,
      version: s.version,
      court: '济南市济阳区人民法院',
      filedDate: '2026-03-09',
      courtCaseNumber: '（2026）鲁0115民特12号',
    });
    expect(s.status).toBe('filed');
    clock.ms = Date.UTC(2026, 3, 1, 2);
    const noGuardian = await refuse(core, 'suits.decide', {
      id: s.id,
      version: s.version,
      decision: 'revoked',
      decisionDate: '2026-04-01',
    });
    expect(noGuardian.fields).toEqual({
      newGuardianName: '撤销或变更监护人资格的，请填写新的监护人',
      newGuardianKind: '请选择新监护人的身份',
    });
    const beforeFiling = await refuse(core, 'suits.decide', {
      id: s.id,
      version: s.version,
      decision: 'dismissed',
      decisionDate: '2026-03-08',
    });
    expect(beforeFiling.fields).toEqual({ decisionDate: '裁判日期不能早于立案日期' });
    s = await call(core, 'suits.decide', {
      id: s.id,
      version: s.version,
      decision: 'revoked',
      decisionDate: '2026-04-01',
      newGuardianName: '张桂芝',
      newGuardianKind: 'grandparent',
    });
    expect(s).toMatchObject({ status: 'decided', decision: 'revoked', newGuardianName: '张桂芝', steps: [] });

    await as(ADMIN);
    const { rows } = await call(core, 'audit.list', { limit: 500 });
    expect(
      rows
        .filter((r) => r.entityId === s.id)
        .map((r) => r.action)
        .reverse(),
    ).toEqual(['suits.create', 'suits.issue', 'suits.file', 'suits.decide']);
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.timeline.filter((i) => i.area === 'suits').map((i) => i.title)).toEqual([
      '法院裁判：撤销监护人资格',
      '济南市济阳区人民法院立案',
      '出具支持起诉意见书',
      '拟制支持起诉（撤销监护人资格）',
    ]);
    const exported = await call(core, 'suits.exportRows', { status: 'all', kind: 'all' });
    expect(exported.rows).toEqual([
      expect.objectContaining({
        number: '济阳检未支诉〔2026〕1号',
        decision: '撤销监护人资格',
        newGuardianName: '张桂芝',
      }),
    ]);
  });

  it('lands an order’s escalation here: evaluating 未达标 → 支持起诉 creates the linked draft in the same write', async () => {
    const { core, child, father } = await setup();
    let o = await ignoredOrder(core, drinkingFatherOrder(child.id, father.person.id), SUPERVISOR, {
      method: 'visit',
      findings: '拒不配合，仍酗酒',
    });
    o = await call(core, 'orders.evaluate', {
      id: o.id,
      version: o.version,
      evaluation: 'notMet',
      note: '考察期内拒不整改',
      outcome: 'supportSuit',
    });
    expect(o.outcomeSuitId).toEqual(expect.any(String));
    let s = await call(core, 'suits.get', { id: o.outcomeSuitId! });
    expect(s).toMatchObject({
      status: 'draft',
      order: { id: o.id, number: o.number },
      respondents: [{ name: '张建国' }],
      grounds: ['neglect'],
      groundsText: '考察期内拒不整改',
      facts: '张建国长期酗酒，不管孩子吃穿上学。',
    });
    // The draft is not ready to go out until the complaint is prepared.
    const notReady = await refuse(core, 'suits.issue', {
      id: s.id,
      version: s.version,
      issueDate: '2026-03-02',
    });
    expect(notReady.fields).toEqual({ documents: '尚未准备起诉状/申请书，不能出具支持起诉意见书' });
    s = await call(core, 'suits.update', {
      id: s.id,
      version: s.version,
      kind: 'revoke',
      grounds: s.grounds,
      groundsText: s.groundsText,
      respondentIds: s.respondents.map((r) => r.personId),
      applicantKind: 'civilAffairs',
      documents: ['complaint', 'orderFiles'],
      facts: s.facts,
      orderId: o.id,
    });
    s = await call(core, 'suits.issue', { id: s.id, version: s.version, issueDate: '2026-03-02' });
    expect(s.status).toBe('issued');
    const list = await call(core, 'suits.list', { status: 'open' });
    expect(list.rows).toEqual([expect.objectContaining({ id: s.id, fromOrder: true, childName: '张小明' })]);
  });

  it('refuses bad drafts beside their fields: no ground, a stranger as respondent, another child’s order', async () => {
    const { core, child, father } = await setup();
    const other = await anotherChild(core);
    const noGround = await refuse(core, 'suits.create', {
      ...draft(child.id, father.person.id),
      grounds: [],
    });
    expect(noGround.fields).toEqual({ grounds: '请至少选择一项民法典第三十六条规定的情形，或写明其他理由' });
    const stranger = await refuse(core, 'suits.create', draft(other.id, father.person.id));
    expect(stranger.fields).toEqual({ respondentIds: '被申请人须是该未成年人档案中登记的关系人' });
    expect((await call(core, 'suits.list', { status: 'all' })).total).toBe(0);
  });

  it('links the guidance plan that led to the suit, and refuses another child’s plan beside its field', async () => {
    const { core, child, father } = await setup();
    const other = await anotherChild(core);
    const [otherMother] = await call(core, 'relations.add', {
      childId: other.id,
      relation: 'mother',
      isGuardian: true,
      person: { name: '王秀英', gender: 'female' },
    });
    const planFor = (childId: string, guardianId: string) =>
      call(core, 'education.createPlan', {
        childId,
        kind: 'ordered',
        guardianPersonIds: [guardianId],
        assessmentDate: '2026-01-12',
        willingness: 'low',
        ability: 'low',
        relationship: 'poor',
        provider: '济阳区家庭教育指导站（妇联）',
        startDate: '2026-01-15',
        endDate: '2026-04-14',
        sessionsPerMonth: 1,
        minMinutes: 40,
        goals: [{ text: '停止打骂孩子', dueDate: '2026-04-14' }],
      });
    const own = await planFor(child.id, father.person.id);
    const foreign = await planFor(other.id, otherMother.person.id);
    const wrong = await refuse(core, 'suits.create', {
      ...draft(child.id, father.person.id),
      planId: foreign.id,
    });
    expect(wrong.fields).toEqual({ planId: '所选家庭教育指导计划不属于该未成年人' });
    expect((await call(core, 'suits.list', { status: 'all' })).total).toBe(0);
    let s = await call(core, 'suits.create', { ...draft(child.id, father.person.id), planId: own.id });
    expect(s.planId).toBe(own.id);
    // The link can be cleared in an edit, like the order's.
    const { id, version, child: _c, ...rest } = s;
    s = await call(core, 'suits.update', {
      id,
      version,
      kind: rest.kind,
      grounds: rest.grounds,
      groundsText: rest.groundsText,
      respondentIds: rest.respondents.map((r) => r.personId),
      applicantKind: rest.applicantKind as 'civilAffairs',
      applicantName: rest.applicantName,
      applicantContact: rest.applicantContact,
      documents: rest.documents as ['complaint'],
      facts: rest.facts,
      opinion: rest.opinion,
      orderId: null,
      planId: null,
    });
    expect(s.planId).toBeNull();
  });

  it('reminds to file an issued opinion after 30 days and to follow the court 30 days after filing', async () => {
    const { core, child, father } = await setup();
    let s = await call(core, 'suits.create', draft(child.id, father.person.id));
    s = await call(core, 'suits.issue', { id: s.id, version: s.version, issueDate: '2026-03-02' });
    const dueOf = async (kind: string) => {
      const board = await call(core, 'reminders.board', { ownerId: null });
      return Object.values(board.groups)
        .flat()
        .filter((i) => i.kind === kind)
        .map((i) => i.due);
    };
    expect(await dueOf('suitFiling')).toEqual(['2026-04-01']);
    s = await call(core, 'suits.file', {
      id: s.id,
      version: s.version,
      court: '济阳区人民法院',
      filedDate: '2026-03-02',
      courtCaseNumber: '（2026）鲁0115民特1号',
    });
    expect(await dueOf('suitFiling')).toEqual([]);
    expect(await dueOf('suitDecision')).toEqual(['2026-04-01']);
  });
});
