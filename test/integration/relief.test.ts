import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import { makeContext } from '../../db/api/core';
import { RELIEF_FIGURES } from '../../db/relief/model';
import { ADMIN, CASEWORKER, CHILD, call, ManualClock, openStudio, refuse, SUPERVISOR } from './support';

async function setup(clock = new ManualClock(Date.UTC(2026, 2, 2, 2))) {
  const { core, child, as } = await openStudio({ clock, accounts: [SUPERVISOR, CASEWORKER] });
  return { core, clock, child, as };
}

/** An application reviewed and granted on 2026-03-02 for `amount` 元, for `reason`. */
async function granted(core: Core, childId: string, amount: string, reason: string) {
  let r = await call(core, 'relief.create', application(childId));
  r = await call(core, 'relief.startReview', { id: r.id, version: r.version });
  return call(core, 'relief.grant', {
    id: r.id,
    version: r.version,
    decisionDate: '2026-03-02',
    amount,
    reason,
  });
}

function application(childId: string) {
  return {
    childId,
    applicantName: '张桂芝',
    applicantRelation: 'grandparent' as const,
    applicantPhone: '13905311234',
    applicationDate: '2026-03-02',
    caseNumber: '济阳检刑诉〔2026〕12号',
    reasons: '父亲因案羁押，母亲失联，祖母无固定收入，孩子学费和生活费无着落。',
    materials: ['application', 'identity', 'hardshipProof'] as (
      | 'application'
      | 'identity'
      | 'hardshipProof'
    )[],
  };
}

async function auditActions(core: Core, entityId: string): Promise<string[]> {
  const { rows } = await call(core, 'audit.list', { limit: 500 });
  return rows
    .filter((r) => r.entityId === entityId)
    .map((r) => r.action)
    .reverse();
}

describe('state judicial relief (国家司法救助)', () => {
  it('runs from application to return visit: review, decision by the head, payment, visit', async () => {
    const { core, clock, child, as } = await setup();
    await as(CASEWORKER);
    let r = await call(core, 'relief.create', application(child.id));
    expect(r).toMatchObject({ status: 'applied', steps: ['startReview', 'withdraw'] });
    expect(r.checklist.filter((c) => c.received).map((c) => c.code)).toEqual([
      'application',
      'identity',
      'hardshipProof',
    ]);
    r = await call(core, 'relief.startReview', { id: r.id, version: r.version, note: '材料基本齐全' });
    expect(r.status).toBe('reviewing');
    // The caseworker sees no decision step and the API refuses one, with an audit row.
    expect(r.steps).toEqual(['withdraw']);
    const denied = await refuse(core, 'relief.grant', {
      id: r.id,
      version: r.version,
      decisionDate: '2026-03-02',
      amount: '20000',
      reason: '符合救助条件',
    });
    expect(denied.code).toBe('FORBIDDEN');

    await as(SUPERVISOR);
    clock.ms = Date.UTC(2026, 2, 10, 2);
    r = await call(core, 'relief.get', { id: r.id });
    expect(r.steps).toEqual(['grant', 'deny', 'withdraw']);
    r = await call(core, 'relief.grant', {
      id: r.id,
      version: r.version,
      decisionDate: '2026-03-10',
      amount: '20,000.5',
      reason: '符合救助条件，生活困难',
    });
    expect(r).toMatchObject({
      status: 'granted',
      amount: '20,000.50',
      amountFen: 2_000_050,
      overCeiling: false,
      decidedByName: '陈主任',
    });

    await as(CASEWORKER);
    const early = await refuse(core, 'relief.returnVisit', {
      id: r.id,
      version: r.version,
      date: '2026-03-10',
      method: 'home',
      findings: '—',
    });
    expect(early.message).toBe('当前状态为“准予救助”，不能进行这一步');
    const before = await refuse(core, 'relief.pay', {
      id: r.id,
      version: r.version,
      paidDate: '2026-03-09',
      accountHolders: '张桂芝、济阳街道城关村民委员会',
      bank: '济阳农商银行',
      accountSupervisor: '城关村民委员会',
    });
    expect(before.fields).toEqual({ paidDate: '发放日期不能早于决定日期' });
    r = await call(core, 'relief.pay', {
      id: r.id,
      version: r.version,
      paidDate: '2026-03-10',
      accountHolders: '张桂芝、济阳街道城关村民委员会',
      bank: '济阳农商银行',
      accountTail: '6021',
      accountSupervisor: '城关村民委员会',
    });
    expect(r.status).toBe('paid');
    clock.ms = Date.UTC(2026, 5, 1, 2);
    r = await call(core, 'relief.returnVisit', {
      id: r.id,
      version: r.version,
      date: '2026-06-01',
      method: 'home',
      findings: '救助金用于学费和生活费，孩子按时上学。',
    });
    expect(r).toMatchObject({ status: 'closed', steps: [] });

    await as(ADMIN);
    expect(await auditActions(core, r.id)).toEqual([
      'relief.create',
      'relief.startReview',
      'relief.grant',
      'relief.pay',
      'relief.returnVisit',
    ]);
    const { rows } = await call(core, 'audit.list', { action: 'access.denied' });
    expect(rows.map((x) => x.detail.method)).toEqual(['relief.grant']);
    const file = await call(core, 'children.get', { id: child.id });
    const titles = file.timeline.filter((i) => i.area === 'relief').map((i) => i.title);
    expect(titles).toEqual([
      '国家司法救助回访',
      '救助金 20,000.50 元已发放至监管账户',
      '决定给予国家司法救助 20,000.50 元',
      '申请国家司法救助（申请人：张桂芝）',
    ]);
  });

  it('takes amounts in 元 and sums them exactly; over the ceiling warns and still saves', async () => {
    const { core, child } = await setup();
    const ids: string[] = [];
    for (const amount of ['0.10', '0.20', '300000']) {
      const r = await granted(core, child.id, amount, '符合条件');
      ids.push(r.id);
    }
    const big = await call(core, 'relief.get', { id: ids[2] });
    // 36 × 8,800 元 (the default monthly wage) = 316,800 元: 300,000 is under it.
    expect(big).toMatchObject({ ceiling: '316,800.00', overCeiling: false });
    const list = await call(core, 'relief.list', { status: 'granted' });
    expect(list.total).toBe(3);
    expect(list.totalAmount).toBe('300,000.30');

    // The monthly wage is a setting; a lower one turns the same decision into a warning.
    await call(core, 'settings.update', { reliefMonthlyWage: 8000 });
    const r = await granted(core, child.id, '300000', '重大伤残，特殊情况');
    expect(r).toMatchObject({ status: 'granted', ceiling: '288,000.00', overCeiling: true });

    const ctx = makeContext((core as unknown as { ctx(): { raw: never } }).ctx().raw, {
      id: 'x',
      username: 'x',
      displayName: 'x',
      role: 'admin',
    });
    const amount = RELIEF_FIGURES.find((f) => f.key === 'relief.grantedAmount')!;
    expect(amount.unit).toBe('元');
    expect(amount.count(ctx, '2026-01-01', '2026-12-31')).toBe(600_000.3);
    expect(
      RELIEF_FIGURES.find((f) => f.key === 'relief.granted')!.count(ctx, '2026-01-01', '2026-12-31'),
    ).toBe(4);
    expect(
      RELIEF_FIGURES.find((f) => f.key === 'relief.granted')!.count(ctx, '2025-01-01', '2025-12-31'),
    ).toBe(0);

    for (const bad of ['abc', '12.345', '-5']) {
      const err = await refuse(core, 'relief.create', { ...application(child.id), requested: bad });
      expect(err.fields?.requested).toBe('金额请填写数字，单位为元，最多两位小数，如 12000 或 12000.50');
    }
    let z = await call(core, 'relief.create', application(child.id));
    z = await call(core, 'relief.startReview', { id: z.id, version: z.version });
    const zero = await refuse(core, 'relief.grant', {
      id: z.id,
      version: z.version,
      decisionDate: '2026-03-02',
      amount: '0',
      reason: '—',
    });
    expect(zero.fields).toEqual({ amount: '救助金额须大于 0 元' });
  });

  it('refuses bad input with a message beside its field and changes nothing', async () => {
    const { core, child } = await setup();
    const err = await refuse(core, 'relief.create', {
      ...application(child.id),
      applicantName: ' ',
      reasons: '',
      applicationDate: '2026-03-05',
    });
    expect(err.fields).toMatchObject({ applicantName: '请填写申请人姓名', reasons: '请填写申请救助的理由' });
    const future = await refuse(core, 'relief.create', {
      ...application(child.id),
      applicationDate: '2026-03-05',
    });
    expect(future.fields).toEqual({ applicationDate: expect.any(String) });
    expect((await call(core, 'relief.list', { status: 'all' })).total).toBe(0);

    // No review without the application form itself.
    let r = await call(core, 'relief.create', { ...application(child.id), materials: ['identity'] });
    const noForm = await refuse(core, 'relief.startReview', { id: r.id, version: r.version });
    expect(noForm.fields).toEqual({ materials: '尚未收到国家司法救助申请书，不能开始审查' });
    r = await call(core, 'relief.update', { ...application(child.id), id: r.id, version: r.version });
    // A stale version is a conflict, never an overwrite.
    expect((await refuse(core, 'relief.startReview', { id: r.id, version: r.version - 1 })).code).toBe(
      'CONFLICT',
    );
    r = await call(core, 'relief.startReview', { id: r.id, version: r.version });
    r = await call(core, 'relief.deny', {
      id: r.id,
      version: r.version,
      decisionDate: '2026-03-02',
      reason: '不符合条件',
    });
    expect(r).toMatchObject({ status: 'denied', amount: null, steps: [] });
    const late = await refuse(core, 'relief.update', {
      ...application(child.id),
      id: r.id,
      version: r.version,
    });
    expect(late.message).toBe('当前状态为“不予救助”，不能进行这一步');
  });

  it('reminds of the decision ten working days after application and of the visit after payment', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 2, 2));
    const { core, child } = await setup(clock);
    let r = await call(core, 'relief.create', application(child.id));
    const dueOf = async (kind: string) => {
      const board = await call(core, 'reminders.board', { ownerId: null });
      const all = Object.values(board.groups).flat();
      return all.filter((i) => i.kind === kind).map((i) => i.due);
    };
    // 2026-03-02 (Mon) + 10 working days = 2026-03-16.
    expect(await dueOf('reliefDecision')).toEqual(['2026-03-16']);
    r = await call(core, 'relief.startReview', { id: r.id, version: r.version });
    r = await call(core, 'relief.grant', {
      id: r.id,
      version: r.version,
      decisionDate: '2026-03-02',
      amount: '5000',
      reason: '符合',
    });
    expect(await dueOf('reliefDecision')).toEqual([]);
    r = await call(core, 'relief.pay', {
      id: r.id,
      version: r.version,
      paidDate: '2026-03-02',
      accountHolders: '张桂芝',
      bank: '济阳农商银行',
      accountSupervisor: '城关村民委员会',
    });
    expect(await dueOf('reliefReturnVisit')).toEqual(['2026-06-02']);
  });

  it('audits the printed 审批表 against its own child only', async () => {
    const { core, child } = await setup();
    const r = await call(core, 'relief.create', application(child.id));
    const other = await call(core, 'children.create', {
      ...CHILD,
      name: '李小红',
      idNumber: undefined,
      birthDate: '2016-05-01',
    });
    const file = { sha256: 'a'.repeat(64), fileName: '国家司法救助审批表_张某_20260302.pdf', pages: 1 };
    // Export rows come from the shell, which hashed the file it wrote (issue 11).
    const wrong = await core.invokeFromShell('documents.recordExport', {
      kind: 'reliefPdf',
      entityId: r.id,
      childId: other.id,
      ...file,
    });
    expect(wrong.ok ? null : wrong.error.code).toBe('VALIDATION');
    const recorded = await core.invokeFromShell('documents.recordExport', {
      kind: 'reliefPdf',
      entityId: r.id,
      childId: child.id,
      ...file,
    });
    expect(recorded.ok).toBe(true);
    const { rows } = await call(core, 'audit.list', { action: 'documents.export' });
    expect(rows).toEqual([expect.objectContaining({ entity: 'relief', entityId: r.id })]);
  });

  it('gives the register as rows with Chinese headers for the export', async () => {
    const { core, child } = await setup();
    await call(core, 'relief.create', application(child.id));
    const out = await call(core, 'relief.exportRows', { status: 'all' });
    expect(out.columns.map((c) => c.header)).toContain('救助金额（元）');
    expect(out.rows).toEqual([
      expect.objectContaining({
        childName: '张小明',
        applicantRelation: '祖父母',
        status: '已申请',
        amount: null,
      }),
    ]);
  });
});
