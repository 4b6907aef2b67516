import { describe, expect, it } from 'vitest';
import { FATHER_SENTENCE, HISTORY_SECTIONS } from '../fixtures/records';
import { referredTo } from '../helpers/referrals';
import {
  ADMIN,
  CASEWORKER,
  CHILD,
  COUNSELLOR,
  call,
  callFromShell,
  ManualClock,
  openCore,
  refuse,
  refuseFromShell,
  signInAs,
} from './support';

const SHA = 'a'.repeat(64);

const as = signInAs;

/** A child owned by the admin, a detained father with a charge, a referral, visits and counselling over 2025–2026. */
async function setup() {
  const clock = new ManualClock(Date.UTC(2026, 10, 27, 2));
  const core = openCore(undefined, clock);
  await call(core, 'session.setup', ADMIN);
  await call(core, 'accounts.create', CASEWORKER);
  await call(core, 'accounts.create', COUNSELLOR);
  const child = await call(core, 'children.create', {
    ...CHILD,
    needs: { living: { note: '需生活救助', met: false } },
  });
  const links = await call(core, 'relations.add', {
    childId: child.id,
    relation: 'father',
    isGuardian: true,
    person: { name: '张大山', gender: 'male' },
  });
  const father = links[0].person;
  await call(core, 'custody.add', {
    personId: father.id,
    ...FATHER_SENTENCE,
  });
  for (const [received, sent] of [
    ['2025-03-10', '2025-03-12'],
    ['2026-02-02', '2026-02-04'],
  ]) {
    await referredTo(
      core,
      child.id,
      { agency: '民政', received, sent },
      { sourceCaseNumber: `济阳检刑诉〔${received.slice(0, 4)}〕7号` },
    );
  }
  for (const date of ['2025-05-06', '2026-03-09']) {
    const d = await call(core, 'visits.saveDraft', { childId: child.id, date });
    await call(core, 'visits.finalize', {
      id: d.id,
      date,
      kind: 'home',
      findings: { living: `${date}走访：生活稳定` },
      needsFound: [],
    });
  }
  for (const date of ['2025-04-01', '2026-04-01']) {
    await call(core, 'counselling.addSession', {
      childId: child.id,
      date,
      institution: '济阳区心理健康服务中心',
      counsellor: '孙咨询师',
      minutes: 50,
      summary: `${date}疏导：谈到对父亲的思念`,
    });
  }
  return { core, clock, child, father };
}

describe('documents: referral summary (转介摘要)', () => {
  it('masks the ID number and leaves the charge and case numbers out by default', async () => {
    const { core, child } = await setup();
    const doc = await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['basic', 'guardianship', 'referrals'],
      partner: '民政',
    });
    expect(doc.child).toMatchObject({ name: '张小明', idNumber: '370115************', idNumberFull: false });
    expect(doc.sections).toEqual(['basic', 'guardianship', 'referrals']);
    expect(doc.needs).toBeUndefined();
    expect(doc.visits).toBeUndefined();
    const custody = doc.guardianship?.relatives[0].custody[0];
    expect(custody).toMatchObject({
      measure: 'sentence',
      facility: '山东省济南监狱',
      charge: null,
      caseNumber: null,
    });
    expect(doc.referrals?.map((r) => r.sourceCaseNumber)).toEqual([null, null]);
    expect(JSON.stringify(doc)).not.toContain('盗窃罪');
    expect(JSON.stringify(doc)).not.toContain('370115201503070014');
    expect(doc.exporter.name).toBe(ADMIN.displayName);
    // Nothing revealed, nothing audited beyond the export the shell records later.
    const reveals = await call(core, 'audit.list', { action: 'children.revealId' });
    expect(reveals.total).toBe(0);
  });

  it('includes the charge when asked and reveals the full number only with a reason, audited', async () => {
    const { core, child } = await setup();
    const doc = await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['guardianship', 'referrals'],
      partner: '司法所',
      includeCharge: true,
      fullId: { reason: '司法所核对身份' },
    });
    expect(doc.child).toMatchObject({ idNumber: '370115201503070014', idNumberFull: true });
    expect(doc.guardianship?.relatives[0].custody[0]).toMatchObject({
      charge: '盗窃罪',
      caseNumber: '济阳检刑诉〔2025〕12号',
    });
    expect(doc.referrals?.[0].sourceCaseNumber).toBe('济阳检刑诉〔2025〕7号');
    const reveals = await call(core, 'audit.list', { action: 'children.revealId' });
    expect(reveals.rows[0]).toMatchObject({
      actorName: ADMIN.displayName,
      entity: 'child',
      entityId: child.id,
      detail: { reason: '司法所核对身份', via: 'documents.childSummary' },
    });

    const noReason = await refuse(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['basic'],
      partner: '民政',
      fullId: { reason: '  ' },
    });
    expect(noReason.fields).toMatchObject({ 'fullId.reason': '请填写显示完整身份号码的理由' });
  });

  it('refuses a full ID number to a caseworker who does not own the child, and audits the refusal', async () => {
    const { core, child } = await setup();
    await as(core, CASEWORKER);
    const err = await refuse(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['basic'],
      partner: '民政',
      fullId: { reason: '核对' },
    });
    expect(err.code).toBe('FORBIDDEN');
    await as(core, ADMIN);
    const denied = await call(core, 'audit.list', { action: 'access.denied' });
    expect(denied.rows[0]).toMatchObject({
      actorName: CASEWORKER.displayName,
      entityId: child.id,
      detail: { method: 'documents.childSummary' },
    });
    expect((await call(core, 'audit.list', { action: 'children.revealId' })).total).toBe(0);
  });

  it('reduces counselling to dates, counsellors and crisis flags for an account that may not read it', async () => {
    const { core, child } = await setup();
    await as(core, CASEWORKER);
    const doc = await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: [...HISTORY_SECTIONS],
      partner: '心理咨询机构',
    });
    // The same rule as the counselling page (issue 11, item 7): that records exist, their
    // dates and counsellors, and the crisis flag; nothing of what was said.
    expect(doc.counselling?.restricted).toBe(true);
    expect(doc.counselling?.sessions.map((s) => [s.date, s.summary, s.minutes, s.institution])).toEqual([
      ['2025-04-01', null, null, null],
      ['2026-04-01', null, null, null],
    ]);
    expect(doc.counselling?.sessions.every((s) => s.counsellor.length > 0)).toBe(true);
    expect(doc.omitted).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('谈到对父亲的思念');

    // The owner and counselling staff see the section, and the reading is audited as on its screen.
    for (const who of [COUNSELLOR, ADMIN]) {
      await as(core, who);
      const full = await call(core, 'documents.childSummary', {
        childId: child.id,
        sections: ['counselling'],
        partner: '心理咨询机构',
      });
      expect(full.omitted).toEqual([]);
      expect(full.counselling?.restricted).toBe(false);
      expect(full.counselling?.sessions.map((s) => s.summary)).toEqual([
        '2025-04-01疏导：谈到对父亲的思念',
        '2026-04-01疏导：谈到对父亲的思念',
      ]);
    }
    const views = await call(core, 'audit.list', { action: 'counselling.view' });
    expect(views.rows.map((r) => r.actorName)).toEqual([ADMIN.displayName, COUNSELLOR.displayName]);
  });

  it('keeps only the records dated inside the range; the current situation stays whole', async () => {
    const { core, child } = await setup();
    const doc = await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: [...HISTORY_SECTIONS],
      partner: '民政',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(doc.referrals?.map((r) => r.receivedDate)).toEqual(['2026-02-02']);
    expect(doc.referrals?.[0].actions.map((a) => a.sentDate)).toEqual(['2026-02-04']);
    expect(doc.visits?.map((v) => v.date)).toEqual(['2026-03-09']);
    expect(doc.counselling?.sessions.map((s) => s.date)).toEqual(['2026-04-01']);
    expect(doc.needs).toEqual([{ kind: 'living', note: '需生活救助', met: false }]);
    expect(doc.guardianship?.relatives).toHaveLength(1);

    const early = await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['referrals', 'visits'],
      partner: '民政',
      to: '2025-12-31',
    });
    expect(early.referrals?.map((r) => r.receivedDate)).toEqual(['2025-03-10']);
    expect(early.visits?.map((v) => v.date)).toEqual(['2025-05-06']);

    const reversed = await refuse(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['visits'],
      partner: '民政',
      from: '2026-02-01',
      to: '2026-01-01',
    });
    expect(reversed.fields).toMatchObject({ to: '结束日期不能早于开始日期' });
  });

  it('refuses a summary with no section or no partner', async () => {
    const { core, child } = await setup();
    const err = await refuse(core, 'documents.childSummary', {
      childId: child.id,
      sections: [],
      partner: '',
    });
    expect(err.fields).toMatchObject({ sections: '请至少选择一项内容', partner: '请选择接收单位' });
  });
});

describe('documents: export audit', () => {
  it('records who exported what, with the file hash, as one audit row', async () => {
    const { core, clock, child } = await setup();
    await as(core, CASEWORKER);
    await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['basic', 'referrals'],
      partner: '民政',
    });
    clock.advance(60_000);
    const claimed = {
      kind: 'childSummary' as const,
      entityId: child.id,
      childId: child.id,
      // A caller claiming more (or less) than the file holds does not change the row.
      sections: ['basic', 'referrals', 'visits'] as ('basic' | 'referrals' | 'visits')[],
      partner: '民政',
      sha256: SHA,
      fileName: '转介摘要-张某-20261127.pdf',
      pages: 3,
    };
    // The renderer's channel cannot write an export row (issue 11, item 4); the refusal is audited.
    expect((await refuse(core, 'documents.recordExport', claimed)).code).toBe('FORBIDDEN');
    const res = await callFromShell(core, 'documents.recordExport', claimed);
    expect(res.recordedAt).toBe(clock.now());
    await as(core, ADMIN);
    const rows = (await call(core, 'audit.list', { action: 'documents.export' })).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      at: clock.now(),
      actorName: CASEWORKER.displayName,
      entity: 'child',
      entityId: child.id,
      detail: {
        kind: 'childSummary',
        childId: child.id,
        sections: ['basic', 'referrals'],
        partner: '民政',
        sha256: SHA,
        fileName: '转介摘要-张某-20261127.pdf',
        pages: 3,
      },
    });
    const denied = (await call(core, 'audit.list', { action: 'access.denied' })).rows;
    expect(denied.map((r) => r.detail.method)).toContain('documents.recordExport');
    // A summary never served to this user cannot be recorded as exported by them.
    await as(core, CASEWORKER);
    clock.advance(60 * 60_000);
    expect((await refuseFromShell(core, 'documents.recordExport', claimed)).code).toBe('VALIDATION');
  });

  it('records an order export against the order, and refuses one that names another child', async () => {
    const { core, child, father } = await setup();
    const order = await call(core, 'orders.createDraft', {
      childId: child.id,
      guardians: [{ personId: father.id, relation: 'father' }],
      facts: '经查，监护缺位。',
      problems: ['16-1'],
      requirements: [{ text: '按时联系孩子', dueDate: '2026-12-31' }],
    });
    await callFromShell(core, 'documents.recordExport', {
      kind: 'orderPdf',
      entityId: order.id,
      childId: child.id,
      sha256: SHA,
      fileName: '督促监护令-未编号-20261127.pdf',
    });
    const [row] = (await call(core, 'audit.list', { action: 'documents.export' })).rows;
    expect(row).toMatchObject({
      entity: 'order',
      entityId: order.id,
      detail: { kind: 'orderPdf', childId: child.id },
    });

    const other = await call(core, 'children.create', {
      name: '李小红',
      gender: 'female',
      birthDate: '2016-05-01',
      township: '济阳街道',
    });
    const wrong = await refuseFromShell(core, 'documents.recordExport', {
      kind: 'orderPdf',
      entityId: order.id,
      childId: other.id,
      sha256: SHA,
      fileName: 'x.pdf',
    });
    expect(wrong.code).toBe('VALIDATION');
    const badHash = await refuseFromShell(core, 'documents.recordExport', {
      kind: 'childSummary',
      entityId: child.id,
      childId: child.id,
      sha256: 'xyz',
      fileName: '../x.pdf',
    });
    expect(Object.keys(badHash.fields ?? {}).sort()).toEqual(['fileName', 'sha256']);
    expect((await call(core, 'audit.list', { action: 'documents.export' })).total).toBe(1);
  });
});
