// Issue 11: each privacy promise, tested as the role that could break it. Every test acts as
// that role through the real API and checks that the abuse now fails, and is on the record.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import { checkCharacter, maskIdNumber } from '../../db/children/idNumber';
import { COUNSELLING_SESSION } from '../fixtures/records';
import { countCandidates } from '../unit/access/idCandidates';
import {
  ADMIN,
  CHILD,
  COUNSELLOR,
  call,
  childEdit,
  ManualClock,
  OTHER_CASEWORKER as OTHER,
  CASEWORKER as OWNER,
  openStudio,
  refuse,
  SUPERVISOR,
} from './support';

const TODAY = '2026-11-27';
const FATHER_17 = '37012519820411033';
const FATHER_ID = `${FATHER_17}${checkCharacter(FATHER_17)}`;

type Who = { username: string; passphrase: string };

async function setup() {
  const { core, child, accounts, guardian, as } = await openStudio({
    clock: new ManualClock(Date.UTC(2026, 10, 27, 2)),
    accounts: [OWNER, OTHER, COUNSELLOR, SUPERVISOR],
    owner: OWNER,
    guardian: {
      relation: 'father',
      person: { name: '张建国', gender: 'male', idNumber: FATHER_ID, phone: '13905318888' },
    },
  });
  const [owner, other, , supervisor] = accounts;
  return { core, child, father: guardian!.person, owner, other, supervisor, as };
}

async function auditRows(core: Core, as: (w: Who) => Promise<void>, action: string, back: Who) {
  await as(ADMIN);
  const rows = (await call(core, 'audit.list', { action, limit: 200 })).rows;
  await as(back);
  return rows;
}

/** Every object in an answer that shows `id` (masked or whole), with what stands beside it. */
function idViews(answer: unknown, id: string): { shownId: string; birthDate?: string; age?: number }[] {
  const masked = maskIdNumber(id);
  const out: { shownId: string; birthDate?: string; age?: number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const value of Object.values(o)) {
        if (value === masked || value === id) {
          out.push({
            shownId: value as string,
            birthDate: typeof o.birthDate === 'string' ? o.birthDate : undefined,
            age: typeof o.age === 'number' ? o.age : undefined,
          });
        }
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(answer);
  return out;
}

/**
 * The bound of issue 11, item 2, for one view's answer: every place it shows the number leaves
 * at least 500 candidates (gender always counted as known), and nothing else in the answer
 * carries the number's hidden tail.
 */
function expectMasked(answer: unknown, id: string, gender: 'male' | 'female') {
  const text = JSON.stringify(answer);
  expect(text).not.toContain(id);
  expect(text).not.toContain(id.slice(-4));
  const views = idViews(answer, id);
  expect(views.length).toBeGreaterThan(0);
  for (const v of views)
    expect(countCandidates(id, { ...v, gender, asOf: TODAY })).toBeGreaterThanOrEqual(500);
}

describe('issue 11: masked IDs stay masked', () => {
  it('leaves at least 500 candidates in every view that shows a child’s or a relative’s number', async () => {
    const { core, child, as } = await setup();
    const referral = await call(core, 'referrals.create', {
      sourceDepartment: '第一检察部',
      receivedDate: '2026-11-20',
      summary: '犯罪嫌疑人张建国被羁押。',
      urgency: 'normal',
      detained: [],
      children: [{ childId: child.id }],
    });
    await as(OTHER);
    const views: [string, unknown][] = [
      ['list row', (await call(core, 'children.list', { query: '张小明' })).rows],
      ['child file', await call(core, 'children.get', { id: child.id })],
      ['referral page', await call(core, 'referrals.get', { id: referral.id })],
      [
        'duplicate check',
        await call(core, 'children.checkDuplicates', { name: CHILD.name, birthDate: CHILD.birthDate }),
      ],
      [
        'summary PDF data',
        await call(core, 'documents.childSummary', {
          childId: child.id,
          sections: ['basic', 'guardianship'],
          partner: '民政',
        }),
      ],
    ];
    for (const [name, answer] of views) {
      expect(idViews(answer, CHILD.idNumber).length, name).toBeGreaterThan(0);
      expectMasked(answer, CHILD.idNumber, 'male');
    }
    // Relatives: on the file, in the summary's relatives and in the relatives search.
    const relatives: unknown[] = [
      (await call(core, 'children.get', { id: child.id })).relations,
      await call(core, 'persons.search', { query: '张建国' }),
    ];
    for (const answer of relatives) expectMasked(answer, FATHER_ID, 'male');
    core.close();
  });
});

describe('issue 11: owners only a supervisor assigns', () => {
  it('refuses a caseworker making themselves the owner, keeps the owner when ownerId is left out, audits changes', async () => {
    const { core, child, owner, other, supervisor, as } = await setup();
    const { idNumber: _id, ...fields } = CHILD;
    await as(OTHER);
    const taken = await refuse(core, 'children.update', childEdit(child, { ownerId: other.id }));
    expect(taken.code).toBe('FORBIDDEN');
    // Leaving ownerId out keeps it (it used to clear it).
    const kept = await call(core, 'children.update', childEdit(child, { school: '济阳区第一中学' }));
    expect(kept.ownerId).toBe(owner.id);
    // Registering a child: oneself as owner, nobody else.
    expect(
      (
        await call(core, 'children.create', {
          ...fields,
          name: '王小红',
          gender: 'female',
          birthDate: '2016-02-02',
        })
      ).ownerId,
    ).toBe(other.id);
    expect(
      (
        await refuse(core, 'children.create', {
          ...fields,
          name: '赵小刚',
          birthDate: '2016-02-03',
          ownerId: owner.id,
        })
      ).code,
    ).toBe('FORBIDDEN');
    await as(SUPERVISOR);
    const moved = await call(
      core,
      'children.update',
      childEdit(kept, { school: '济阳区第一中学', ownerId: other.id }),
    );
    expect(moved.ownerId).toBe(other.id);
    const assigned = await auditRows(core, as, 'children.assignOwner', SUPERVISOR);
    expect(assigned).toEqual([
      expect.objectContaining({
        actorName: SUPERVISOR.displayName,
        entityId: child.id,
        detail: { from: owner.id, to: other.id },
      }),
    ]);
    const denied = await auditRows(core, as, 'access.denied', SUPERVISOR);
    expect(denied.map((r) => [r.actorName, r.detail.method])).toEqual([
      [OTHER.displayName, 'children.create'],
      [OTHER.displayName, 'children.update'],
    ]);
    expect(supervisor.id).not.toBe(other.id);
    core.close();
  });
});

describe('issue 11: no unaudited way to read or confirm', () => {
  it('audits the summary read like opening the file', async () => {
    const { core, child, as } = await setup();
    await as(OTHER);
    await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['guardianship'],
      partner: '民政',
      includeCharge: true,
    });
    const views = await auditRows(core, as, 'children.view', OTHER);
    expect(views.filter((r) => r.actorName === OTHER.displayName)).toEqual([
      expect.objectContaining({
        entityId: child.id,
        detail: expect.objectContaining({
          via: 'documents.childSummary',
          sections: ['guardianship'],
          includeCharge: true,
        }),
      }),
    ]);
    core.close();
  });

  it('finds a child by a whole ID number only, for a caseworker who does not own it, and audits each lookup', async () => {
    const { core, child, as } = await setup();
    await as(OTHER);
    // A fragment searches only this caseworker's own children: nobody else is confirmed.
    const fragment = await call(core, 'children.list', { query: CHILD.idNumber.slice(6, 14) });
    expect(fragment).toMatchObject({ rows: [], total: 0, idScope: 'own' });
    const tail = await call(core, 'children.list', { query: CHILD.idNumber.slice(-4) });
    expect(tail.rows).toEqual([]);
    // The whole number finds the child (the caseworker already holds it), audited.
    const whole = await call(core, 'children.list', { query: CHILD.idNumber });
    expect(whole.rows.map((r) => r.id)).toEqual([child.id]);
    const lookups = await auditRows(core, as, 'children.idLookup', OTHER);
    expect(lookups.map((r) => [r.actorName, r.detail.mode, r.detail.found])).toEqual([
      [OTHER.displayName, 'whole', 1],
      [OTHER.displayName, 'fragment', 0],
      [OTHER.displayName, 'fragment', 0],
    ]);
    expect(JSON.stringify(lookups)).not.toContain(CHILD.idNumber.slice(6, 14));
    // The owner and a supervisor may search by fragment (they may see the full number).
    for (const who of [OWNER, SUPERVISOR]) {
      await as(who);
      expect(
        (await call(core, 'children.list', { query: CHILD.idNumber.slice(6, 14) })).rows.map((r) => r.id),
      ).toEqual([child.id]);
    }
    core.close();
  });

  it('answers a duplicate check by ID number with only "a file has this number", audited', async () => {
    const { core, child, as } = await setup();
    await as(OTHER);
    const answer = await call(core, 'children.checkDuplicates', { name: '', idNumber: CHILD.idNumber });
    expect(answer).toEqual([
      expect.objectContaining({ hidden: true, reasons: ['sameIdNumber'], id: '', name: '' }),
    ]);
    expect(JSON.stringify(answer)).not.toContain(CHILD.name);
    expect(JSON.stringify(answer)).not.toContain(child.id);
    // Registering the number anyway is refused beside the field, and that confirmation is audited too.
    const { idNumber: _i, ...fields } = CHILD;
    const dup = await refuse(core, 'children.create', { ...fields, name: '张某', idNumber: CHILD.idNumber });
    expect(dup.fields?.idNumber).toBe('该公民身份号码已登记');
    const probes = await auditRows(core, as, 'children.idLookup', OTHER);
    expect(probes.map((r) => r.detail.via)).toEqual(['children.create', 'children.checkDuplicates']);
    // The owner is told which child it is.
    await as(OWNER);
    const own = await call(core, 'children.checkDuplicates', { name: '', idNumber: CHILD.idNumber });
    expect(own).toEqual([expect.objectContaining({ hidden: false, id: child.id, name: CHILD.name })]);
    core.close();
  });

  it('does not let % or _ list every relative, and audits a search by a whole number', async () => {
    const { core, father, as } = await setup();
    await as(OTHER);
    expect(await call(core, 'persons.search', { query: '%' })).toEqual([]);
    expect(await call(core, 'persons.search', { query: '_' })).toEqual([]);
    expect(await call(core, 'persons.search', { query: FATHER_ID.slice(-6) })).toEqual([]);
    expect((await call(core, 'persons.search', { query: FATHER_ID })).map((p) => p.id)).toEqual([father.id]);
    expect((await call(core, 'persons.search', { query: '张建' })).map((p) => p.id)).toEqual([father.id]);
    const lookups = await auditRows(core, as, 'persons.idLookup', OTHER);
    expect(lookups.map((r) => [r.actorName, r.detail.found])).toEqual([[OTHER.displayName, 1]]);
    core.close();
  });
});

describe('issue 11: refusals are always audited', () => {
  it('keeps the refusal row of a reveal on another’s child, and refuses a counsellor any full number', async () => {
    const { core, child, as } = await setup();
    for (const who of [OTHER, COUNSELLOR]) {
      await as(who);
      expect((await refuse(core, 'children.revealIdNumber', { id: child.id, reason: '核对' })).code).toBe(
        'FORBIDDEN',
      );
      expect(
        (
          await refuse(core, 'documents.childSummary', {
            childId: child.id,
            sections: ['basic'],
            partner: '民政',
            fullId: { reason: '核对' },
          })
        ).code,
      ).toBe('FORBIDDEN');
    }
    // A reveal needs a reason, said beside the field.
    await as(OWNER);
    const noReason = await refuse(core, 'children.revealIdNumber', { id: child.id, reason: ' ' });
    expect(noReason.fields?.reason).toBe('请填写查看完整号码的理由');
    expect(await call(core, 'children.revealIdNumber', { id: child.id, reason: '核对户口簿' })).toEqual({
      idNumber: CHILD.idNumber,
    });
    await as(SUPERVISOR);
    expect(await call(core, 'children.revealIdNumber', { id: child.id, reason: '审批督促监护令' })).toEqual({
      idNumber: CHILD.idNumber,
    });
    const denied = await auditRows(core, as, 'access.denied', SUPERVISOR);
    expect(denied.map((r) => [r.actorName, r.detail.method]).reverse()).toEqual([
      [OTHER.displayName, 'children.revealIdNumber'],
      [OTHER.displayName, 'documents.childSummary'],
      [COUNSELLOR.displayName, 'children.revealIdNumber'],
      [COUNSELLOR.displayName, 'documents.childSummary'],
    ]);
    const reveals = await auditRows(core, as, 'children.revealId', SUPERVISOR);
    expect(reveals.map((r) => [r.actorName, r.detail.reason]).reverse()).toEqual([
      [OWNER.displayName, '核对户口簿'],
      [SUPERVISOR.displayName, '审批督促监护令'],
    ]);
    core.close();
  });

  it('audits a role refusal at the door and a call to a shell-only method from the renderer', async () => {
    const { core, child, as } = await setup();
    await as(OTHER);
    expect((await refuse(core, 'accounts.list', {})).code).toBe('FORBIDDEN');
    expect((await refuse(core, 'children.purge', { id: child.id })).code).toBe('FORBIDDEN');
    const claim = {
      kind: 'childSummary' as const,
      entityId: child.id,
      childId: child.id,
      sha256: 'a'.repeat(64),
      fileName: 'x.pdf',
    };
    expect((await refuse(core, 'documents.recordExport', claim)).code).toBe('FORBIDDEN');
    const denied = await auditRows(core, as, 'access.denied', OTHER);
    expect(denied.map((r) => r.detail.method).reverse()).toEqual([
      'accounts.list',
      'children.purge',
      'documents.recordExport',
    ]);
    core.close();
  });
});

describe('issue 11: every refusal through the one helper', () => {
  it('audits the four-eyes refusal of an order approved by its own drafter', async () => {
    const { core, child, father, as } = await setup();
    let order = await call(core, 'orders.createDraft', {
      childId: child.id,
      guardians: [{ personId: father.id, relation: 'father' }],
      facts: '经查，监护缺位。',
      problems: ['16-1'],
      requirements: [{ text: '按时联系孩子', dueDate: '2026-12-31' }],
    });
    order = await call(core, 'orders.submit', { id: order.id, version: order.version });
    expect((await refuse(core, 'orders.approve', { id: order.id, version: order.version })).code).toBe(
      'FORBIDDEN',
    );
    const denied = await auditRows(core, as, 'access.denied', ADMIN);
    expect(denied).toEqual([
      expect.objectContaining({
        entity: 'order',
        entityId: order.id,
        detail: { method: 'orders.approve', rule: 'selfApproval' },
      }),
    ]);
    core.close();
  });
});

describe('issue 11: nobody hides someone else’s crisis', () => {
  it('keeps snoozes per user, lets a supervisor snooze for a caseworker, and protects crisis reminders', async () => {
    const { core, child, father, owner, as } = await setup();
    await as(COUNSELLOR);
    const { id: assessmentId } = await call(core, 'counselling.addAssessment', {
      childId: child.id,
      date: '2026-11-26',
      instrument: 'SCL-90',
      riskLevel: 'high',
      guardianConsent: true,
      childConsent: true,
      assessor: '周老师',
      crisis: true,
    });
    const crisisKey = `crisis:${assessmentId}`;
    await as(ADMIN);
    await call(core, 'custody.add', {
      personId: father.id,
      measure: 'sentence',
      facility: '济南监狱',
      startDate: '2024-01-10',
      expectedRelease: '2026-12-20',
    });
    // Another caseworker, and a supervisor even for the owner, may not put a crisis off.
    await as(OTHER);
    expect(
      (await refuse(core, 'reminders.snooze', { key: crisisKey, until: '2026-12-10', reason: '已知悉' }))
        .code,
    ).toBe('FORBIDDEN');
    const otherBoard = await call(core, 'reminders.board', { ownerId: null });
    expect(
      otherBoard.groups.overdue
        .concat(otherBoard.groups.today, otherBoard.groups.week)
        .find((r) => r.key === crisisKey)?.snoozable,
    ).toBe(false);
    await as(SUPERVISOR);
    expect(
      (
        await refuse(core, 'reminders.snooze', {
          key: crisisKey,
          forUserId: owner.id,
          until: '2026-12-10',
          reason: '已知悉',
        })
      ).code,
    ).toBe('FORBIDDEN');
    await as(OWNER);
    const board = await call(core, 'reminders.board', {});
    const all = () => Object.values(board.groups).flat();
    expect(all().map((r) => r.key)).toContain(crisisKey);

    // An ordinary reminder (the father's release in 90 days): a colleague's snooze hides it on
    // their own board only.
    const release = all().find((r) => r.kind === 'releaseSoon');
    expect(release).toBeDefined();
    const anyKey = release?.key ?? '';
    await as(OTHER);
    await call(core, 'reminders.snooze', { key: anyKey, until: '2026-12-10', reason: '不是我的' });
    expect(
      Object.values((await call(core, 'reminders.board', { ownerId: null })).groups)
        .flat()
        .map((r) => r.key),
    ).not.toContain(anyKey);
    await as(OWNER);
    expect(
      Object.values((await call(core, 'reminders.board', {})).groups)
        .flat()
        .map((r) => r.key),
    ).toContain(anyKey);
    // A supervisor snoozes for the owner: gone from the owner's board, audited with whose board.
    await as(SUPERVISOR);
    await call(core, 'reminders.snooze', {
      key: anyKey,
      forUserId: owner.id,
      until: '2026-12-10',
      reason: '本周出差',
    });
    await as(OWNER);
    expect(
      Object.values((await call(core, 'reminders.board', {})).groups)
        .flat()
        .map((r) => r.key),
    ).not.toContain(anyKey);
    // The owner may put their crisis off (for themselves), and counselling staff may too.
    await call(core, 'reminders.snooze', { key: crisisKey, until: '2026-11-28', reason: '明日面谈' });
    const snoozes = await auditRows(core, as, 'reminders.snooze', OWNER);
    expect(snoozes.find((r) => r.actorName === SUPERVISOR.displayName)?.detail).toEqual({
      until: '2026-12-10',
      forUserId: owner.id,
    });
    const denied = await auditRows(core, as, 'access.denied', OWNER);
    expect(
      denied
        .filter((r) => r.detail.method === 'reminders.snooze')
        .map((r) => r.actorName)
        .reverse(),
    ).toEqual([OTHER.displayName, SUPERVISOR.displayName]);
    core.close();
  });
});

describe('issue 11: one rule for counselling metadata', () => {
  it('shows a reader without text access only that a record exists, its date, counsellor and crisis flag', async () => {
    const { core, child, as } = await setup();
    await as(COUNSELLOR);
    await call(core, 'counselling.addSession', {
      childId: child.id,
      ...COUNSELLING_SESSION,
      summary: '谈到父亲',
      nextFollowUp: '2026-11-26',
      crisis: true,
    });
    await as(OTHER);
    const page = await call(core, 'counselling.forChild', { childId: child.id });
    expect(page.sessions).toEqual([
      expect.objectContaining({
        date: '2026-11-20',
        counsellor: '周老师',
        crisis: true,
        institution: null,
        minutes: null,
        nextFollowUp: null,
        summary: null,
      }),
    ]);
    const file = await call(core, 'children.get', { id: child.id });
    const timeline = file.timeline.filter((i) => i.area === 'counselling');
    expect(timeline).toEqual([
      expect.objectContaining({ date: '2026-11-20', title: '心理疏导（危机预警）', detail: '周老师' }),
    ]);
    const summary = await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['counselling'],
      partner: '民政',
    });
    expect(summary.counselling).toEqual({
      restricted: true,
      assessments: [],
      sessions: [
        {
          date: '2026-11-20',
          counsellor: '周老师',
          crisis: true,
          institution: null,
          minutes: null,
          summary: null,
        },
      ],
      treatments: [],
    });
    // Reminders and 首页: the crisis shows (for safety), the follow-up date does not.
    const board = Object.values((await call(core, 'reminders.board', { ownerId: null })).groups).flat();
    expect(board.map((r) => r.kind).filter((k) => k === 'crisis' || k === 'counsellingFollowUp')).toEqual([
      'crisis',
    ]);
    const home = await call(core, 'home.summary', {});
    expect(JSON.stringify(home)).not.toContain('counsellingFollowUp');
    for (const answer of [page, file, summary, board]) {
      expect(JSON.stringify(answer)).not.toContain('心理健康服务中心');
      expect(JSON.stringify(answer)).not.toContain('谈到父亲');
    }
    // The owner's board still has the follow-up.
    await as(OWNER);
    const ownBoard = Object.values((await call(core, 'reminders.board', {})).groups).flat();
    expect(ownBoard.map((r) => r.kind)).toContain('counsellingFollowUp');
    core.close();
  });
});
