import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../fixtures/idNumbers';
import { childName } from '../fixtures/names';
import { Rng } from '../fixtures/random';
import { COUNSELLING_SESSION } from '../fixtures/records';
import type { Input } from '../helpers/core';
import { received, referredTo } from '../helpers/referrals';
import {
  ADMIN,
  CHILD,
  COUNSELLOR,
  call,
  ManualClock,
  OTHER_CASEWORKER as OTHER,
  CASEWORKER as OWNER,
  openStudio,
  recordVisit,
  refuse,
} from './support';

async function setup(clock = new ManualClock(Date.UTC(2026, 10, 27, 2))) {
  const { core, child, as, owner } = await openStudio({
    clock,
    accounts: [OWNER, OTHER, COUNSELLOR],
    owner: OWNER,
  });
  return { core, clock, child, as, owner: owner! };
}

describe('psychological care (心理疏导)', () => {
  it('saves no assessment without both consents', async () => {
    const { core, child } = await setup();
    const refused = await refuse(core, 'counselling.addAssessment', {
      childId: child.id,
      date: '2026-11-20',
      instrument: 'SCL-90',
      riskLevel: 'low',
      guardianConsent: true,
      childConsent: false,
      assessor: '周老师',
    });
    expect(refused.fields).toEqual({ childConsent: '须取得监护人和未成年人本人的同意，未取得同意不得测评' });
    const record = await call(core, 'counselling.forChild', { childId: child.id });
    expect(record.assessments).toEqual([]);
    core.close();
  });

  it('shows session text to counselling staff and admins only, the shared note to the owner too, and audits every refusal', async () => {
    const { core, child, as } = await setup();
    await call(core, 'counselling.addSession', {
      childId: child.id,
      ...COUNSELLING_SESSION,
      summary: '孩子谈到父亲被羁押后的担忧，情绪低落。',
      sharedNote: '情绪需持续关注，请负责人下次走访时了解睡眠情况。',
      nextFollowUp: '2026-12-04',
    });
    await as(COUNSELLOR);
    const seen = await call(core, 'counselling.forChild', { childId: child.id });
    expect(seen.sessions[0]).toMatchObject({
      summary: '孩子谈到父亲被羁押后的担忧，情绪低落。',
      sharedNote: '情绪需持续关注，请负责人下次走访时了解睡眠情况。',
      restricted: false,
    });
    // The owner reads what the counsellor shared, not the notes (issue 16: sealed for counselling staff).
    await as(OWNER);
    const owned = await call(core, 'counselling.forChild', { childId: child.id });
    expect(owned.sessions[0]).toMatchObject({
      summary: null,
      sharedNote: '情绪需持续关注，请负责人下次走访时了解睡眠情况。',
      restricted: true,
    });
    expect(JSON.stringify(owned)).not.toContain('羁押后的担忧');
    await as(OTHER);
    const hidden = await call(core, 'counselling.forChild', { childId: child.id });
    // Only that it exists, its date, its counsellor and the crisis flag (issue 11, item 7).
    expect(hidden.sessions).toEqual([
      expect.objectContaining({
        date: '2026-11-20',
        counsellor: '周老师',
        crisis: false,
        institution: null,
        minutes: null,
        nextFollowUp: null,
        summary: null,
        restricted: true,
      }),
    ]);
    expect(JSON.stringify(hidden)).not.toContain('羁押后的担忧');
    expect(JSON.stringify(hidden)).not.toContain('心理健康服务中心');
    expect(
      (
        await refuse(core, 'counselling.addSession', {
          childId: child.id,
          date: '2026-11-21',
          institution: 'x',
          counsellor: 'y',
          minutes: 10,
          summary: 'z',
        })
      ).code,
    ).toBe('FORBIDDEN');
    // The child's file says counselling happened, never what was said.
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.timeline.find((i) => i.area === 'counselling')).toMatchObject({
      title: '心理疏导',
      detail: '周老师',
    });
    expect(JSON.stringify(file)).not.toContain('羁押后的担忧');
    expect(JSON.stringify(file.timeline)).not.toContain('50分钟');
    await as(ADMIN);
    const denied = await call(core, 'audit.list', { action: 'access.denied' });
    // Newest first: the other caseworker's write and read, and the owner's read of the notes.
    expect(denied.rows.map((r) => [r.actorName, r.detail.method])).toEqual([
      ['孙丽', 'counselling.addSession'],
      ['孙丽', 'counselling.forChild'],
      ['李明', 'counselling.forChild'],
    ]);
    core.close();
  });
});

describe('visits (走访)', () => {
  it('keeps a draft as it is typed, across a lock, and turns needs found into the child’s needs', async () => {
    const { core, child, as } = await setup();
    await as(OWNER);
    const first = await call(core, 'visits.saveDraft', {
      childId: child.id,
      kind: 'home',
      findings: { living: '住房' },
    });
    // The visit as she types it in full, then files it unchanged.
    const typed: Input<'visits.finalize'> = {
      id: first.id,
      date: '2026-11-26',
      kind: 'home',
      place: '城关村张家',
      findings: { living: '住房简陋，冬季取暖不足', schooling: '按时上学' },
      needsFound: [{ kind: 'living', note: '需要冬衣和取暖补助' }],
      nextVisitDate: '2026-12-10',
    };
    await call(core, 'visits.saveDraft', { ...typed, childId: child.id });
    await as(ADMIN);
    // Someone else's draft is invisible.
    expect(await call(core, 'visits.myDrafts', {})).toEqual([]);
    await as(OWNER);
    const [draft] = await call(core, 'visits.myDrafts', {});
    expect(draft).toMatchObject({
      id: first.id,
      status: 'draft',
      place: '城关村张家',
      findings: { living: '住房简陋，冬季取暖不足' },
    });

    const invalid = await refuse(core, 'visits.finalize', {
      id: first.id,
      date: '2026-11-26',
      kind: 'home',
      findings: {},
      needsFound: [],
      nextVisitDate: '2026-11-20',
    });
    expect(invalid.fields).toEqual({
      findings: '请至少填写一项走访发现',
      nextVisitDate: '下次走访日期应晚于本次走访日期',
    });
    const visit = await call(core, 'visits.finalize', typed);
    expect(visit.status).toBe('final');
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.profile.needs.living).toEqual({
      note: '需要冬衣和取暖补助（2026-11-26走访发现）',
      met: false,
    });
    expect(file.timeline.find((i) => i.area === 'visits')).toMatchObject({
      title: '家访',
      date: '2026-11-26',
    });
    core.close();
  });
});

describe('visits across many children', () => {
  /** A boy born `day` days after 2014-01-01, with a valid 济阳 ID number. */
  function boy(rng: Rng, day: number, ownerId: string) {
    const birth = new Date(Date.UTC(2014, 0, 1 + day)).toISOString().slice(0, 10);
    const first17 = `370115${birth.replaceAll('-', '')}00${(2 * (day % 5) + 1).toString()}`;
    return {
      ...CHILD,
      name: childName(rng, 'male', '王'),
      birthDate: birth,
      idNumber: first17 + idCheckCharacter(first17),
      ownerId,
    };
  }
  const finalVisit = (id: string, date: string) => ({
    id,
    date,
    kind: 'home' as const,
    place: '城关村',
    findings: { living: '住房安全' },
    needsFound: [],
    nextVisitDate: null,
  });

  it('lists my recent visits in one call, including children outside the 50 most recently changed', async () => {
    const { core, child, as, owner } = await setup();
    await as(OWNER);
    // The first child is visited, then 51 others are registered after it: it is no longer
    // among the 50 most recently changed, which is all the screen used to look at.
    const draft = await call(core, 'visits.saveDraft', { childId: child.id, kind: 'home', findings: {} });
    await call(core, 'visits.finalize', finalVisit(draft.id, '2026-11-20'));
    const rng = new Rng(15);
    for (let i = 0; i < 51; i++) await call(core, 'children.create', boy(rng, i * 7, owner.id));
    const recent = await call(core, 'visits.recent', { limit: 20 });
    expect(recent.map((v) => [v.childName, v.date])).toEqual([['张小明', '2026-11-20']]);
    core.close();
  });

  it('keeps my other drafts on the list when one draft’s child is in the recycle bin', async () => {
    const { core, child, as, owner } = await setup();
    const second = await call(core, 'children.create', boy(new Rng(3), 40, owner.id));
    await as(OWNER);
    await call(core, 'visits.saveDraft', { childId: child.id, kind: 'home', place: '张家', findings: {} });
    await call(core, 'visits.saveDraft', { childId: second.id, kind: 'school', place: '学校', findings: {} });
    expect((await call(core, 'visits.myDrafts', {})).length).toBe(2);
    const file = await call(core, 'children.get', { id: second.id });
    await call(core, 'children.delete', { id: second.id, version: file.profile.version });
    const drafts = await call(core, 'visits.myDrafts', {});
    expect(drafts.map((d) => [d.childName, d.place])).toEqual([['张小明', '张家']]);
    core.close();
  });
});

describe('a child’s timeline', () => {
  it('shows a code this version does not know as the code itself, and the rest of the timeline with it', async () => {
    const { core, child, as } = await setup();
    await as(OWNER);
    const draft = await call(core, 'visits.saveDraft', { childId: child.id, kind: 'home', findings: {} });
    await call(core, 'visits.finalize', {
      id: draft.id,
      date: '2026-11-20',
      kind: 'home',
      place: '城关村',
      findings: { living: '住房安全' },
      needsFound: [],
      nextVisitDate: null,
    });
    // As a newer version might have stored it: a visit kind this catalog has no label for.
    const raw = (core as unknown as { ctx(): { raw: import('better-sqlite3').Database } }).ctx().raw;
    raw.prepare("UPDATE visits SET kind = 'videoCall' WHERE id = ?").run(draft.id);
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.timeline.map((i) => [i.area, i.title])).toEqual([
      ['children', '登记建档'],
      ['visits', 'videoCall'],
    ]);
    core.close();
  });
});

describe('reminders (工作提醒)', () => {
  it('derives reminders from every area, groups them, and honours an audited snooze', async () => {
    const { core, clock, child, as } = await setup(new ManualClock(Date.UTC(2026, 10, 2, 2)));
    await as(OWNER);
    // A detained father released within 90 days, and a visit due next week.
    const [father] = await call(core, 'relations.add', {
      childId: child.id,
      relation: 'father',
      isGuardian: true,
      person: { name: '张建国' },
    });
    await call(core, 'custody.add', {
      personId: father.person.id,
      measure: 'sentence',
      startDate: '2024-01-01',
      expectedRelease: '2027-01-15',
    });
    await recordVisit(core, child.id, '2026-11-02', '2026-11-06');
    // A referral whose verification is due, and an agency reply due.
    await referredTo(core, child.id, { agency: '民政', received: '2026-10-26', sent: '2026-10-27' });
    await call(core, 'counselling.addSession', {
      childId: child.id,
      date: '2026-11-02',
      institution: '济阳区心理健康服务中心',
      counsellor: '周老师',
      minutes: 40,
      summary: '有自伤念头',
      crisis: true,
    });

    const board = await call(core, 'reminders.board', {});
    const summary = Object.fromEntries(
      (['overdue', 'today', 'week', 'upcoming'] as const).map((g) => [
        g,
        board.groups[g].map((i) => `${i.kind}@${i.due}`),
      ]),
    );
    expect(summary).toEqual({
      overdue: [],
      today: ['crisis@2026-11-02', 'referralVerify@2026-11-02'],
      week: ['referralReply@2026-11-03', 'visitDue@2026-11-06'],
      upcoming: ['releaseSoon@2027-01-15'],
    });
    expect(board.groups.today[0].title).toBe('心理危机预警，请立即跟进');
    expect(board.badge).toBe(4);
    expect((await call(core, 'reminders.badge', {})).count).toBe(4);

    clock.ms = Date.UTC(2026, 10, 4, 2);
    const later = await call(core, 'reminders.board', {});
    // Crisis first, then by due date.
    expect(later.groups.overdue.map((i) => i.kind)).toEqual(['crisis', 'referralVerify', 'referralReply']);
    const reply = later.groups.overdue.find((i) => i.kind === 'referralReply')!;
    expect(reply.title).toBe('民政对线索〔2026〕1号的回复期限');
    await call(core, 'reminders.snooze', {
      key: reply.key,
      until: '2026-11-10',
      reason: '民政已电话告知下周回复',
    });
    const after = await call(core, 'reminders.board', {});
    expect(after.groups.overdue.map((i) => i.kind)).toEqual(['crisis', 'referralVerify']);
    expect(after.snoozed).toBe(1);
    clock.ms = Date.UTC(2026, 10, 11, 2);
    expect((await call(core, 'reminders.board', {})).groups.overdue.map((i) => i.kind)).toContain(
      'referralReply',
    );
    await as(ADMIN);
    const audit = await call(core, 'audit.list', { action: 'reminders.snooze' });
    expect(audit.rows).toEqual([
      expect.objectContaining({ actorName: '李明', detail: { until: '2026-11-10' } }),
    ]);
    // An owner filter: the admin's own board is empty, everyone's holds the child's reminders.
    expect((await call(core, 'reminders.board', {})).badge).toBe(0);
    expect((await call(core, 'reminders.board', { ownerId: null })).badge).toBeGreaterThan(0);
    core.close();
  });

  it('shows the home screen’s own summary', async () => {
    const { core, child, as } = await setup();
    await as(OWNER);
    await call(core, 'children.update', {
      ...CHILD,
      id: child.id,
      version: child.version,
      ownerId: child.ownerId,
      riskLevel: 'red',
      riskReason: '独自在家',
    });
    await call(core, 'referrals.create', received(child.id, '2026-11-20'));
    const home = await call(core, 'home.summary', {});
    expect(home.riskyChildren).toEqual([expect.objectContaining({ name: '张小明', riskLevel: 'red' })]);
    expect(home.recentReferrals).toEqual([
      expect.objectContaining({ number: '〔2026〕1号', childNames: ['张小明'] }),
    ]);
    expect(home.dueSoon.map((i) => i.kind)).toEqual(['referralVerify']);
    expect(home.overdue).toEqual([]);
    core.close();
  });
});
