/**
 * The family education register reads stored rows (education_register): after every write that
 * changes what a row shows, through the API or around it, and as the days pass with no write,
 * each row must say what the plan's own page says.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import type { Ctx } from '../../db/api/define';
import { PLAN_STATUSES, REGISTER_VIEWS, type RegisterView } from '../../db/education/codes';
import { ADMIN, CHILD, call, ManualClock, openCore } from './support';

/** The signed-in context under the API (the host has it; the Core interface does not show it). */
function ctxOf(core: Core): Ctx {
  return (core as unknown as { ctx(): Ctx }).ctx();
}

/** Every page of one tab, in order. */
async function wholeTab(core: Core, view: RegisterView) {
  const first = await call(core, 'education.register', { view, limit: 2 });
  const pages = [first];
  while (pages.length * 2 < first.total)
    pages.push(await call(core, 'education.register', { view, offset: pages.length * 2, limit: 2 }));
  return {
    plans: pages.flatMap((p) => p.plans),
    admonitions: pages.flatMap((p) => p.admonitions),
    counts: first.counts,
  };
}

/** Every tab's plans: each tab's status, in tab order. */
async function registerPlans(core: Core) {
  const plans = [];
  for (const view of PLAN_STATUSES) plans.push(...(await wholeTab(core, view)).plans);
  return plans;
}

/**
 * Each plan of the register against its own page, field for field, each in the tab of its
 * status in newest-change order, paged two at a time, with the tab's count; and the 训诫 as given.
 */
async function registerAgrees(core: Core, label: string): Promise<number> {
  let n = 0;
  for (const view of PLAN_STATUSES) {
    const tab = await wholeTab(core, view);
    for (const row of tab.plans) {
      const page = await call(core, 'education.getPlan', { id: row.id });
      expect(row, `${label}: plan ${row.id}`).toEqual({
        id: page.id,
        childId: page.childId,
        childName: page.childName,
        kind: page.kind,
        status: page.status,
        guardians: page.guardians,
        assessmentDate: page.assessmentDate,
        startDate: page.startDate,
        endDate: page.endDate,
        progress: page.progress,
        followUpDue: page.followUpDue,
        version: page.version,
      });
    }
    // Newest change first, as before the rows were stored.
    const order = ctxOf(core)
      .raw.prepare(
        `SELECT p.id FROM guidance_plans p JOIN children c ON c.id = p.child_id
         WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL AND p.status = ? ORDER BY p.updated_at DESC`,
      )
      .pluck()
      .all(view);
    expect(
      tab.plans.map((p) => p.id),
      `${label}: ${view}`,
    ).toEqual(order);
    expect(tab.counts[view], `${label}: ${view} count`).toBe(order.length);
    n += order.length;
  }
  return n;
}

const session = (planId: string, date: string, minutes: number) => ({
  planId,
  date,
  mode: 'family' as const,
  minutes,
  attendees: '刘翠兰',
  instructor: '赵老师',
  content: '亲子沟通与陪伴',
});

/** The studio's one child with its mother as guardian and an ordered plan assessing, as set up. */
async function childWithPlan(core: Core) {
  await call(core, 'session.setup', ADMIN);
  const child = await call(core, 'children.create', CHILD);
  const [mother] = await call(core, 'relations.add', {
    childId: child.id,
    relation: 'mother',
    isGuardian: true,
    person: { name: '刘翠兰' },
  });
  const plan = await call(core, 'education.createPlan', {
    childId: child.id,
    kind: 'ordered',
    guardianPersonIds: [mother.person.id],
    provider: '济阳区家庭教育指导站（妇联）',
    startDate: '2026-01-15',
    endDate: '2026-04-14',
    sessionsPerMonth: 1,
    minMinutes: 40,
    goals: [],
  });
  return { child, mother, plan };
}

describe('the family education register', () => {
  it('shows each plan as its page does, after every write and as the days pass', async () => {
    const clock = new ManualClock(Date.UTC(2026, 1, 10, 2));
    const core = openCore(undefined, clock);
    const { child, mother, plan: plan0 } = await childWithPlan(core);
    expect(await registerAgrees(core, 'assessing')).toBe(1);
    let plan = await call(core, 'education.startPlan', { id: plan0.id, version: plan0.version });
    plan = await call(core, 'education.addSession', session(plan.id, '2026-01-20', 45));
    plan = await call(core, 'education.addSession', session(plan.id, '2026-02-05', 30));
    await registerAgrees(core, 'sessions');
    // The first month, 15 January to 14 February, met by the 45 minutes (the 30 do not count).
    expect((await registerPlans(core))[0].progress).toMatchObject({
      held: 1,
      tooShort: 1,
      missed: 0,
      dueNow: 0,
    });

    // The days pass: February ends unmet, with no write at all.
    clock.ms = Date.UTC(2026, 2, 20, 2);
    await registerAgrees(core, 'a month later');
    expect((await registerPlans(core))[0].progress).toMatchObject({ missed: 1 });

    // Names change on the child's file and the guardian's.
    const file = await call(core, 'children.get', { id: child.id });
    await call(core, 'children.update', {
      ...CHILD,
      id: child.id,
      version: file.profile.version,
      name: '张晓明',
    });
    await registerAgrees(core, 'child renamed');
    expect((await registerPlans(core))[0].childName).toBe('张晓明');

    // Around the API (a repair script): a session cut short, a guardian renamed.
    const raw = ctxOf(core).raw;
    raw.prepare(`UPDATE guidance_sessions SET minutes = 20 WHERE date = '2026-01-20'`).run();
    raw.prepare(`UPDATE persons SET name = '刘翠芝' WHERE id = ?`).run(mother.person.id);
    await registerAgrees(core, 'raw writes');
    expect((await registerPlans(core))[0].guardians).toEqual([{ id: mother.person.id, name: '刘翠芝' }]);

    // Completed, then its 回访 recorded with the next one's date.
    plan = await call(core, 'education.getPlan', { id: plan.id });
    plan = await call(core, 'education.completePlan', {
      id: plan.id,
      version: plan.version,
      completedDate: '2026-03-20',
      finalResult: 'basicallyMet',
      finalEvaluation: '沟通有所改善',
    });
    await registerAgrees(core, 'completed');
    clock.ms = Date.UTC(2026, 4, 20, 2);
    await call(core, 'education.addFollowUp', {
      id: plan.id,
      date: '2026-05-20',
      method: 'phone',
      findings: '家庭关系稳定',
      nextDate: '2026-08-20',
      requirementStatuses: [],
    });
    await registerAgrees(core, 'followed up');
    expect((await registerPlans(core))[0].followUpDue).toBe('2026-08-20');

    // A 训诫, and the child's file deleted: its rows leave the register.
    await call(core, 'education.admonish', {
      childId: child.id,
      guardianPersonId: mother.person.id,
      date: '2026-05-20',
      place: '济阳区人民检察院未检工作室',
      reason: '放任未成年人沉迷网络',
      deliveredBy: '王芳',
    });
    expect((await wholeTab(core, 'admonitions')).admonitions).toEqual([
      expect.objectContaining({ childName: '张晓明', guardian: { id: mother.person.id, name: '刘翠芝' } }),
    ]);
    raw.prepare('UPDATE children SET deleted_at = 1 WHERE id = ?').run(child.id);
    for (const view of REGISTER_VIEWS)
      expect(await call(core, 'education.register', { view }), view).toEqual({
        plans: [],
        admonitions: [],
        total: 0,
        totalCapped: false,
        counts: { assessing: 0, active: 0, completed: 0, suspended: 0, admonitions: 0 },
        capped: { assessing: false, active: false, completed: false, suspended: false, admonitions: false },
      });
    core.close();
  });

  it('counts a tab up to the cap, says so past it, and pages on past the cap, newest change first', async () => {
    const core = openCore(undefined, new ManualClock(Date.UTC(2026, 1, 10, 2)));
    const { plan } = await childWithPlan(core);
    await call(core, 'education.startPlan', { id: plan.id, version: plan.version });
    // 620 active plans' rows: copies of the one stored, around the API, each its own last change.
    const raw = ctxOf(core).raw;
    const stored = raw.prepare('SELECT * FROM education_register WHERE id = ?').get(plan.id) as Record<
      string,
      unknown
    >;
    expect(stored.view).toBe('active');
    const insert = raw.prepare(
      'INSERT INTO education_register (id, kind, view, child_id, sort_key, row) VALUES (@id, @kind, @view, @child_id, @sort_key, @row)',
    );
    raw.transaction(() => {
      for (let i = 1; i < 620; i++) {
        const id = `copy-${String(i).padStart(3, '0')}`;
        const row = { ...JSON.parse(stored.row as string), id };
        insert.run({
          ...stored,
          id,
          sort_key: String((i * 7919) % 620).padStart(16, '0'),
          row: JSON.stringify(row),
        });
      }
    })();
    const want = raw
      .prepare(`SELECT id FROM education_register WHERE view = 'active' ORDER BY sort_key DESC`)
      .pluck()
      .all() as string[];
    expect(want).toHaveLength(620);
    const first = await call(core, 'education.register', { view: 'active' });
    expect([first.total, first.totalCapped]).toEqual([500, true]);
    expect(first.counts).toEqual({ assessing: 0, active: 500, completed: 0, suspended: 0, admonitions: 0 });
    expect(first.capped).toEqual({
      assessing: false,
      active: true,
      completed: false,
      suspended: false,
      admonitions: false,
    });
    for (const offset of [0, 50, 450, 500, 600]) {
      const page = await call(core, 'education.register', { view: 'active', offset });
      expect(
        page.plans.map((p) => p.id),
        `from ${offset}`,
      ).toEqual(want.slice(offset, offset + 50));
      expect(page.plans.every((p) => p.status === 'active' && p.progress !== null)).toBe(true);
    }
    core.close();
  });
});
