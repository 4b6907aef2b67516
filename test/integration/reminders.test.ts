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
import { ADMIN, CHILD, call, ManualClock, openCore, recordHomeVisit } from './support';

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
function plusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
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
 * The stored items (reminder_due, kept by every write) and the day-bound rules, against every
 * rule run over the records as of the clock's day: the same keys and dates, item for item.
 */
function storedAgreesWithRules(core: Core, label: string): void {
  const ctx = ctxOf(core);
  const day = ymd(ctx.clock.now());
  const line = (r: { key: string; due: string; ownerId: string | null; childName: string }) =>
    `${r.key} ${r.due} ${r.ownerId} ${r.childName}`;
  const stored = [...readDue(ctx, day, null), ...collectReminders(ctx, day, { part: 'live' })].map(line);
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
    await recordHomeVisit(core, child.id, '2026-11-02', '2026-11-06');
    await call(core, 'custody.add', {
      personId: fatherId,
      measure: 'sentence',
      startDate: '2024-01-01',
      expectedRelease: '2027-02-05',
    });

    const seen: Record<string, string[]> = {};
    for (const day of ['2026-11-02', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08'] as const) {
      clock.ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8)), 2);
      seen[day] = await placed(core, 'visitDue');
    }
    expect(seen).toEqual({
      '2026-11-02': ['week 2026-11-06'],
      '2026-11-05': ['week 2026-11-06'],
      '2026-11-06': ['today 2026-11-06'],
      '2026-11-07': ['overdue 2026-11-06'],
      '2026-11-08': ['overdue 2026-11-06'],
    });

    // A release shows from 90 days before it and goes once the day has passed.
    const release: Record<string, string[]> = {};
    for (const ms of [
      Date.UTC(2026, 10, 6, 2),
      Date.UTC(2026, 10, 7, 2),
      Date.UTC(2027, 1, 5, 2),
      Date.UTC(2027, 1, 6, 2),
    ]) {
      clock.ms = ms;
      release[ymd(ms)] = await placed(core, 'releaseSoon');
    }
    expect(release).toEqual({
      '2026-11-06': [],
      '2026-11-07': ['upcoming 2027-02-05'],
      '2027-02-05': ['today 2027-02-05'],
      '2027-02-06': [],
    });

    // The stored items agree with the rules on each of these days, with no write between.
    for (const ms of [Date.UTC(2026, 10, 2, 2), Date.UTC(2026, 10, 7, 2), Date.UTC(2027, 1, 6, 2)]) {
      clock.ms = ms;
      storedAgreesWithRules(core, ymd(ms));
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
