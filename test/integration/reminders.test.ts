/**
 * The reminders board follows the records and the calendar, nothing else: every write that moves
 * a due date moves the reminder at once (property-style, over the write methods that set one, on
 * random dates), and the day rolling over moves items between 今天, 本周 and 已逾期 with no write.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../db/api/contract';
import type { Core } from '../../db/api/core';
import type { Ctx } from '../../db/api/define';
import { readDue } from '../../db/reminders/due';
import { collectReminders, PRIORITY } from '../../db/reminders/rules';
import { Rng } from '../fixtures/random';
import { ADMIN, CHILD, call, ManualClock, openCore, recordVisit } from './support';

const OWNER = {
  displayName: '李明',
  username: 'liming',
  passphrase: 'Caseworker-2026 violet-harbor',
  role: 'caseworker' as const,
};

const START = Date.UTC(2026, 10, 2, 2); // 2026-11-02, 10:00 in 济阳

function ymd(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}
/** 10:00 in 济阳 on `day`. */
function tenOn(day: string): number {
  return Date.parse(`${day}T02:00:00Z`);
}
function plusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function plusMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * When a running plan's sessions of the month holding `today` are due, if some are still short:
 * the term cut into months from its start, the last stopping at its end, written out again.
 */
function expectedSessionDue(
  terms: { startDate: string; endDate: string; sessionsPerMonth: number; minMinutes: number },
  sessions: { date: string; minutes: number }[],
  today: string,
): string | null {
  if (today < terms.startDate || today > terms.endDate) return null;
  for (let i = 0; ; i++) {
    const from = plusMonths(terms.startDate, i);
    const next = plusMonths(terms.startDate, i + 1);
    const until = next > terms.endDate ? plusDays(terms.endDate, 1) : next;
    if (until <= today) continue;
    const held = sessions.filter((s) => s.date >= from && s.date < until && s.minutes >= terms.minMinutes);
    return held.length < terms.sessionsPerMonth ? plusDays(until, -1) : null;
  }
}

const PLAN = {
  kind: 'ordered' as const,
  provider: '济阳区家庭教育指导站（妇联）',
  goals: [],
};

/** A 强制报告 naming the child, as a school files it. */
function reportOf(childId: string, reportedDate: string) {
  return {
    reporterUnit: '济阳区实验小学',
    reporterKind: 'school' as const,
    reporterName: '孙老师',
    reporterContact: '0531-84221234',
    learnedDate: reportedDate,
    reportedDate,
    trigger: '4' as const,
    situation: '班主任发现学生身上多处淤青，学生称系家中亲属殴打所致。',
    policeStation: '济阳派出所',
    childIds: [childId],
  };
}

/** A running plan from 2026-10-15 to 2027-01-14, one session a month, its first month's held. */
async function planWithFirstMonthMet(core: Core, childId: string, guardianId: string) {
  const plan = await call(core, 'education.createPlan', {
    ...PLAN,
    childId,
    guardianPersonIds: [guardianId],
    startDate: '2026-10-15',
    endDate: '2027-01-14',
    sessionsPerMonth: 1,
    minMinutes: 40,
  });
  await call(core, 'education.startPlan', { id: plan.id, version: plan.version });
  return call(core, 'education.addSession', {
    planId: plan.id,
    date: '2026-10-20',
    mode: 'family',
    minutes: 45,
    attendees: '张建国',
    instructor: '赵老师',
    content: '亲子沟通与陪伴',
  });
}

/** The group a caseworker expects for a due date, written out again rather than borrowed. */
function expectedGroup(due: string, today: string): string {
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return due <= plusDays(today, 7) ? 'week' : 'upcoming';
}

async function setup() {
  const clock = new ManualClock(START);
  const core = openCore(undefined, clock);
  await call(core, 'session.setup', ADMIN);
  const owner = await call(core, 'accounts.create', OWNER);
  const child = await call(core, 'children.create', { ...CHILD, ownerId: owner.id });
  await call(core, 'session.lock', {});
  await call(core, 'session.signIn', { username: OWNER.username, passphrase: OWNER.passphrase });
  const [father] = await call(core, 'relations.add', {
    childId: child.id,
    relation: 'father',
    isGuardian: true,
    person: { name: '张建国' },
  });
  return { core, clock, child, fatherId: father.person.id };
}

/** Where each reminder of a kind sits on the board: "group due" per item, in board order. */
async function placed(core: Core, kind: string): Promise<string[]> {
  const board = await call(core, 'reminders.board', {});
  return (['overdue', 'today', 'week', 'upcoming'] as const).flatMap((g) =>
    board.groups[g].filter((i) => i.kind === kind).map((i) => `${g} ${i.due}`),
  );
}

/** The signed-in context under the API (the host has it; the Core interface does not show it). */
function ctxOf(core: Core): Ctx {
  return (core as unknown as { ctx(): Ctx }).ctx();
}

/**
 * The stored items (reminder_due, kept by every write), shown as of the clock's day, against every
 * rule run over the records as of the clock's day: the same keys and dates, item for item.
 */
function storedAgreesWithRules(core: Core, label: string): void {
  const ctx = ctxOf(core);
  const day = ymd(ctx.clock.now());
  const line = (r: { key: string; due: string; ownerId: string | null; childName: string }) =>
    `${r.key} ${r.due} ${r.ownerId} ${r.childName}`;
  const stored = readDue(ctx, day, null).map(line);
  const rules = collectReminders(ctx, day).map(line);
  expect(stored.sort(), label).toEqual(rules.sort());
  expect(rules.length, label).toBeGreaterThan(0);
  // And the stored table itself, every column, against the stored rules run over every child:
  // a refresh that writes only what changed must leave exactly what a rebuild would.
  const rows = ctx.raw
    .prepare(
      `SELECT child_id, owner_id, key, kind, due, shows_from, shows_until, child_name, facts, link, priority, sort_name
       FROM reminder_due`,
    )
    .raw()
    .all();
  const pinyin = new Map(
    (
      ctx.raw.prepare('SELECT id, name_pinyin FROM children').all() as { id: string; name_pinyin: string }[]
    ).map((c) => [c.id, c.name_pinyin ?? '']),
  );
  const rebuilt = collectReminders(ctx, day, { part: 'stored' }).map((r) => [
    r.childId,
    r.ownerId,
    r.key,
    r.kind,
    r.due,
    r.showsFrom,
    r.showsUntil,
    r.childName,
    JSON.stringify(r.facts),
    r.link,
    PRIORITY[r.kind],
    pinyin.get(r.childId) ?? '',
  ]);
  // Children a write around the API marked stale are worked out at read time (checked above).
  const stale = new Set(ctx.raw.prepare('SELECT child_id FROM reminder_dirty').pluck().all());
  const text = (xs: unknown[][]) =>
    xs
      .filter((x) => !stale.has(x[0]))
      .map((x) => JSON.stringify(x))
      .sort();
  expect(text(rows as unknown[][]), `${label}: reminder_due as a rebuild would store it`).toEqual(
    text(rebuilt),
  );
}

describe('reminders (工作提醒)', () => {
  it('moves the reminder with every write that moves its due date', async () => {
    const { core, clock, child, fatherId } = await setup();
    const rng = new Rng(0x7e11);
    const today = ymd(clock.now());
    const randomDate = (from: number, to: number) => plusDays(today, rng.int(from, to));

    let custody = await call(core, 'custody.add', {
      personId: fatherId,
      measure: 'sentence',
      startDate: '2024-01-01',
      expectedRelease: randomDate(1, 89),
    });
    let sessionDay = 0;
    let visitDay = 0;
    let version = child.version;
    // A running 家庭教育指导 plan, whose terms and sessions move the month's sessions due.
    let terms = {
      startDate: plusDays(today, -20),
      endDate: plusDays(today, 100),
      sessionsPerMonth: 1,
      minMinutes: 40,
    };
    let plan = await call(core, 'education.createPlan', {
      ...PLAN,
      childId: child.id,
      guardianPersonIds: [fatherId],
      ...terms,
    });
    plan = await call(core, 'education.startPlan', { id: plan.id, version: plan.version });
    const planSessions: { date: string; minutes: number }[] = [];
    // An open 强制报告: each follow-up recorded moves the next one due 7 days (the setting) after it.
    let report = await call(core, 'mandatoryReports.create', reportOf(child.id, plusDays(today, -30)));
    let lastReported = plusDays(today, -30);

    // Each mover is one write method that sets a due date, and the reminder it must produce.
    const movers: Array<() => Promise<{ kind: string; due: string | null }>> = [
      async () => {
        const due = rng.chance(0.2) ? null : randomDate(1, 89);
        custody = await call(core, 'custody.update', {
          id: custody.id,
          version: custody.version,
          measure: 'sentence',
          startDate: '2024-01-01',
          expectedRelease: due,
        });
        return { kind: 'releaseSoon', due };
      },
      async () => {
        // A later session replaces the follow-up date of the one before it.
        const due = randomDate(-20, 40);
        await call(core, 'counselling.addSession', {
          childId: child.id,
          date: plusDays('2026-01-01', ++sessionDay),
          institution: '济阳区心理健康服务中心',
          counsellor: '周老师',
          minutes: 40,
          summary: '情绪平稳',
          nextFollowUp: due,
        });
        return { kind: 'counsellingFollowUp', due };
      },
      async () => {
        const due = randomDate(-20, 40);
        const v = await call(core, 'visits.saveDraft', { childId: child.id });
        await call(core, 'visits.finalize', {
          id: v.id,
          date: plusDays('2026-01-01', ++visitDay),
          kind: 'home',
          findings: { living: '良好' },
          needsFound: [],
          nextVisitDate: due,
        });
        return { kind: 'visitDue', due };
      },
      async () => {
        // A corrected birth date moves the 18th birthday into, or out of, the 90 days ahead.
        const birthDate = plusDays('2008-11-02', rng.int(1, 120));
        // No ID number: it would have to carry the birth date too.
        const saved = await call(core, 'children.update', {
          ...CHILD,
          id: child.id,
          version,
          idNumber: null,
          birthDate,
        });
        version = saved.version;
        const eighteen = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
        return {
          kind: 'turning18',
          due: eighteen > today && eighteen <= plusDays(today, 90) ? eighteen : null,
        };
      },
      async () => {
        // New terms: a start up to 80 days back, a term that may already have ended.
        const startDate = randomDate(-80, 0);
        terms = {
          startDate,
          endDate: plusDays(startDate, rng.int(20, 200)),
          sessionsPerMonth: rng.int(1, 2),
          minMinutes: rng.pick([30, 40, 50]),
        };
        plan = await call(core, 'education.updatePlan', {
          ...PLAN,
          id: plan.id,
          version: plan.version,
          guardianPersonIds: [fatherId],
          ...terms,
        });
        return { kind: 'guidanceSession', due: expectedSessionDue(terms, planSessions, today) };
      },
      async () => {
        // A session, long enough or not, in the month that holds today or the one before.
        let date = randomDate(-40, 0);
        if (date < terms.startDate) date = terms.startDate;
        const minutes = rng.int(20, 60);
        plan = await call(core, 'education.addSession', {
          planId: plan.id,
          date,
          mode: 'family',
          minutes,
          attendees: '张建国、张小明',
          instructor: '赵老师',
          content: '亲子沟通与陪伴',
        });
        planSessions.push({ date, minutes });
        return { kind: 'guidanceSession', due: expectedSessionDue(terms, planSessions, today) };
      },
      async () => {
        const date = randomDate(-30, 0);
        report = await call(core, 'mandatoryReports.addAction', {
          id: report.id,
          version: report.version,
          date,
          action: '电话回访学校，了解学生近况。',
        });
        if (date > lastReported) lastReported = date;
        return { kind: 'reportFollowUp', due: plusDays(lastReported, 7) };
      },
    ];

    for (let round = 0; round < 24; round++) {
      const { kind, due } = await movers[rng.int(0, movers.length - 1)]();
      // The write's own transaction brought the stored items up to date: nothing is left stale.
      expect(ctxOf(core).raw.prepare('SELECT child_id FROM reminder_dirty').all(), `round ${round}`).toEqual(
        [],
      );
      expect(await placed(core, kind), `round ${round}: ${kind} → ${due}`).toEqual(
        due ? [`${expectedGroup(due, today)} ${due}`] : [],
      );
      storedAgreesWithRules(core, `round ${round}: ${kind}`);
    }
    core.close();
  });

  it('moves items between 本周, 今天 and 已逾期 as the days pass, with no write at all', async () => {
    const { core, clock, child, fatherId } = await setup();
    await recordVisit(core, child.id, '2026-11-02', '2026-11-06');
    await call(core, 'custody.add', {
      personId: fatherId,
      measure: 'sentence',
      startDate: '2024-01-01',
      expectedRelease: '2027-02-05',
    });
    // A plan whose first month is met: each later month shows from its first day, due its last.
    await planWithFirstMonthMet(core, child.id, fatherId);

    /** Where the board places `kind` at 10:00 on each of `days`: only the clock moves. */
    const placedOn = async (kind: string, days: string[]) => {
      const byDay: Record<string, string[]> = {};
      for (const day of days) {
        clock.ms = tenOn(day);
        byDay[day] = await placed(core, kind);
      }
      return byDay;
    };
    const seen = await placedOn('visitDue', [
      '2026-11-02',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
    ]);
    expect(seen).toEqual({
      '2026-11-02': ['week 2026-11-06'],
      '2026-11-05': ['week 2026-11-06'],
      '2026-11-06': ['today 2026-11-06'],
      '2026-11-07': ['overdue 2026-11-06'],
      '2026-11-08': ['overdue 2026-11-06'],
    });

    // A release shows from 90 days before it and goes once the day has passed.
    const release = await placedOn('releaseSoon', ['2026-11-06', '2026-11-07', '2027-02-05', '2027-02-06']);
    expect(release).toEqual({
      '2026-11-06': [],
      '2026-11-07': ['upcoming 2027-02-05'],
      '2027-02-05': ['today 2027-02-05'],
      '2027-02-06': [],
    });

    const sessions = await placedOn('guidanceSession', [
      '2026-11-14',
      '2026-11-15',
      '2026-12-08',
      '2026-12-14',
      '2026-12-15',
      '2027-01-15',
    ]);
    expect(sessions).toEqual({
      '2026-11-14': [],
      '2026-11-15': ['upcoming 2026-12-14'],
      '2026-12-08': ['week 2026-12-14'],
      '2026-12-14': ['today 2026-12-14'],
      // A month gone by unmet is the plan's page's to count; the board moves on to the next.
      '2026-12-15': ['upcoming 2027-01-14'],
      '2027-01-15': [],
    });

    // The stored items agree with the rules on each of these days, with no write between.
    for (const day of ['2026-11-02', '2026-11-07', '2026-12-15', '2027-02-06']) {
      clock.ms = tenOn(day);
      storedAgreesWithRules(core, day);
    }

    // The board is a read: the dispatcher gives it no transaction and no audit writer, so
    // only the clock moved the items above.
    expect(contract['reminders.board'].kind).toBe('read');
    core.close();
  });

  it('rewrites only the stored items a write changed', async () => {
    const { core, child, fatherId } = await setup();
    const custody = await call(core, 'custody.add', {
      personId: fatherId,
      measure: 'sentence',
      startDate: '2024-01-01',
      expectedRelease: '2026-12-01',
    });
    const raw = ctxOf(core).raw;
    const items = () =>
      raw.prepare('SELECT rowid AS rowid, key, due FROM reminder_due ORDER BY key').all() as {
        rowid: number;
        key: string;
        due: string;
      }[];
    const before = items();
    expect(before.map((i) => i.key)).toContain(`releaseSoon:${custody.id}:${child.id}`);

    // A new school moves no due date: the child's items stay the very rows they were.
    await call(core, 'children.update', {
      ...CHILD,
      id: child.id,
      version: child.version,
      school: '济阳区第二实验小学',
    });
    expect(items()).toEqual(before);
    storedAgreesWithRules(core, 'after an edit that moves nothing');

    // A new release date: that item alone is written again.
    await call(core, 'custody.update', {
      id: custody.id,
      version: custody.version,
      measure: 'sentence',
      startDate: '2024-01-01',
      expectedRelease: '2026-11-20',
    });
    const after = items();
    const release = (xs: typeof before) => xs.filter((i) => i.key.startsWith('releaseSoon:'));
    expect(release(after).map((i) => i.due)).toEqual(['2026-11-20']);
    expect(release(after)[0].rowid).not.toBe(release(before)[0].rowid);
    const others = (xs: typeof before) => xs.filter((i) => !i.key.startsWith('releaseSoon:'));
    expect(others(after)).toEqual(others(before));
    storedAgreesWithRules(core, 'after a release date moved');
    core.close();
  });

  it('keeps the stored items right after a write around the API, and rebuilds them at open', async () => {
    const { core, clock, fatherId } = await setup();
    await call(core, 'custody.add', {
      personId: fatherId,
      measure: 'sentence',
      startDate: '2024-01-01',
      expectedRelease: '2026-12-01',
    });
    expect(await placed(core, 'releaseSoon')).toEqual(['upcoming 2026-12-01']);

    // Written straight to the database (as a repair script might): the triggers still see it.
    ctxOf(core).raw.prepare(`UPDATE custody_records SET expected_release = '2026-11-04'`).run();
    expect(await placed(core, 'releaseSoon')).toEqual(['week 2026-11-04']);
    storedAgreesWithRules(core, 'after a raw write');
    // A plan's month met by its session, until the session is cut short behind the API's back;
    // a 强制报告's follow-up moved by a follow-up written straight in, and by the days setting.
    const plan = await planWithFirstMonthMet(
      core,
      (await call(core, 'children.list', {})).rows[0].id,
      fatherId,
    );
    expect(await placed(core, 'guidanceSession')).toEqual([]);
    ctxOf(core).raw.prepare(`UPDATE guidance_sessions SET minutes = 30`).run();
    expect(await placed(core, 'guidanceSession')).toEqual(['upcoming 2026-11-14']);
    const report = await call(core, 'mandatoryReports.create', reportOf(plan.childId, '2026-10-20'));
    expect(await placed(core, 'reportFollowUp')).toEqual(['overdue 2026-10-27']);
    ctxOf(core)
      .raw.prepare(
        `INSERT INTO mandatory_report_actions (id, report_id, date, action, created_at, updated_at, version)
         VALUES ('raw-action', ?, '2026-10-30', '电话回访', 0, 0, 1)`,
      )
      .run(report.id);
    expect(await placed(core, 'reportFollowUp')).toEqual(['week 2026-11-06']);
    ctxOf(core)
      .raw.prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES ('reportFollowUpDays', '14', 0)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run();
    expect(await placed(core, 'reportFollowUp')).toEqual(['upcoming 2026-11-13']);
    storedAgreesWithRules(core, 'after raw writes to a plan, a report and the settings');

    // A database whose stored items are gone (one from before them): the next open rebuilds them.
    const raw = ctxOf(core).raw;
    for (const { name } of raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'reminder_dirty_%'`)
      .all() as { name: string }[])
      raw.exec(`DROP TRIGGER "${name}"`);
    raw.exec('DELETE FROM reminder_due');
    core.close();
    const again = openCore(core.dataDir, clock);
    await call(again, 'session.signIn', { username: OWNER.username, passphrase: OWNER.passphrase });
    expect(await placed(again, 'releaseSoon')).toEqual(['week 2026-11-04']);
    storedAgreesWithRules(again, 'after reopening');
    again.close();
  });
});
