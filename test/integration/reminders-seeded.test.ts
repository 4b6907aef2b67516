/**
 * On a seeded database holding every area, each reminder on the board is recomputed here from
 * the raw tables, by plain loops that share no code with db/reminders, and the two must agree
 * key for key and date for date.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { BOARD_MAX, BOARD_PAGE, COUNT_CAP, REMINDER_GROUPS } from '../../db/reminders/inputs';
import { activeChildren, seedAreas } from '../fixtures/areas';
import { Rng } from '../fixtures/random';
import { ADMIN_USERNAME, openSeededRaw, seed, seededUsers } from '../fixtures/seeder';
import { makeDataDir } from '../helpers/tmp';
import { call, FAST_KDF, MIGRATIONS_DIR } from './support';

const TODAY_MS = Date.UTC(2026, 10, 27, 2);
const TODAY = '2026-11-27';
const PASS = 'Seeded-check-2026 violet-harbor';

// Calendar arithmetic written out again on purpose: the test must not borrow the app's.
function plusDays(ymd: string, n: number): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function plusMonths(ymd: string, n: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

// Working days from the published calendar file itself (data, not the app's code).
const CALENDAR = JSON.parse(readFileSync(path.resolve('db/calendar/holidays.json'), 'utf8')) as {
  years: Record<string, { holidays: string[]; workdays: string[] }>;
};
function plusWorkdays(ymd: string, n: number): string {
  const off = new Set(Object.values(CALENDAR.years).flatMap((y) => y.holidays));
  const on = new Set(Object.values(CALENDAR.years).flatMap((y) => y.workdays));
  let d = ymd;
  for (let left = n; left > 0; ) {
    d = plusDays(d, 1);
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (on.has(d) || (!off.has(d) && wd !== 0 && wd !== 6)) left--;
  }
  return d;
}

type Rows = Record<string, unknown>[];

function expectedReminders(raw: Database.Database): Map<string, string> {
  const all = (sql: string) => raw.prepare(sql).all() as Rows;
  const children = new Map(all('SELECT * FROM children').map((c) => [c.id as string, c]));
  const live = (id: unknown) => {
    const c = children.get(id as string);
    return !!c && c.deleted_at === null && c.status === 'active';
  };
  const notDeleted = (id: unknown) => {
    const c = children.get(id as string);
    return !!c && c.deleted_at === null;
  };
  const out = new Map<string, string>();
  const latestBy = <T extends Record<string, unknown>>(
    rows: T[],
    group: string,
    better: (a: T, b: T) => boolean,
  ) => {
    const m = new Map<unknown, T>();
    for (const r of rows) {
      const cur = m.get(r[group]);
      if (!cur || better(r, cur)) m.set(r[group], r);
    }
    return [...m.values()];
  };
  const newer = (a: Rows[number], b: Rows[number]) =>
    (a.date as string) > (b.date as string) ||
    (a.date === b.date && (a.created_at as number) > (b.created_at as number));

  // Counselling: crisis on the latest record; follow-up of the latest session.
  const psych = [
    ...all('SELECT child_id, id, date, crisis, created_at FROM psych_assessments WHERE deleted_at IS NULL'),
    ...all(
      'SELECT child_id, id, date, crisis, created_at FROM counselling_sessions WHERE deleted_at IS NULL',
    ),
  ];
  for (const r of latestBy(psych, 'child_id', newer))
    if (r.crisis && live(r.child_id)) out.set(`crisis:${r.id}`, r.date as string);
  const sessions = all('SELECT * FROM counselling_sessions WHERE deleted_at IS NULL');
  for (const s of sessions) {
    const later = sessions.some((o) => o.child_id === s.child_id && (o.date as string) > (s.date as string));
    if (s.next_follow_up && !later && live(s.child_id))
      out.set(`counsellingFollowUp:${s.id}`, s.next_follow_up as string);
  }

  // Orders under observation or evaluation.
  const followUps = all('SELECT * FROM follow_ups WHERE deleted_at IS NULL');
  for (const o of all(
    `SELECT * FROM guardianship_orders WHERE deleted_at IS NULL AND status IN ('observing', 'evaluating')`,
  )) {
    if (!notDeleted(o.child_id)) continue;
    const mine = followUps.filter((f) => f.subject_type === 'order' && f.subject_id === o.id);
    const last = latestBy(mine, 'subject_id', newer)[0];
    const next = last ? (last.next_date as string | null) : plusMonths(o.delivery_date as string, 1);
    if (next) out.set(`orderFollowUp:${o.id}:${next}`, next);
    out.set(`observationEnding:${o.id}`, o.observation_end as string);
    for (const r of all(
      `SELECT * FROM requirements WHERE subject_type = 'order' AND deleted_at IS NULL AND status = 'pending'`,
    )) {
      if (r.subject_id === o.id && r.due_date) out.set(`orderRequirement:${r.id}`, r.due_date as string);
    }
  }

  // Referrals.
  const links = all('SELECT * FROM referral_children');
  const referrals = new Map(all('SELECT * FROM referrals WHERE deleted_at IS NULL').map((r) => [r.id, r]));
  for (const l of links) {
    const r = referrals.get(l.referral_id);
    if (!r || !notDeleted(l.child_id)) continue;
    if (r.status === 'received' || r.status === 'verifying')
      out.set(`referralVerify:${r.id}:${l.child_id}`, r.verify_due as string);
  }
  for (const a of all(
    'SELECT * FROM referral_actions WHERE deleted_at IS NULL AND reply_date IS NULL AND withdrawn_at IS NULL',
  )) {
    const r = referrals.get(a.referral_id);
    if (!r || r.status === 'closed') continue;
    for (const l of links)
      if (l.referral_id === r.id && notDeleted(l.child_id))
        out.set(`referralReply:${a.id}:${l.child_id}`, a.reply_due as string);
  }

  // Guidance plans: the current month's sessions, and the follow-up after completion.
  const guidance = all('SELECT * FROM guidance_sessions WHERE deleted_at IS NULL');
  for (const p of all(`SELECT * FROM guidance_plans WHERE deleted_at IS NULL AND status = 'active'`)) {
    if (
      !notDeleted(p.child_id) ||
      !p.start_date ||
      TODAY < (p.start_date as string) ||
      TODAY > (p.end_date as string)
    )
      continue;
    for (let i = 0; ; i++) {
      const from = plusMonths(p.start_date as string, i);
      const nextStart = plusMonths(p.start_date as string, i + 1);
      const until = nextStart > (p.end_date as string) ? plusDays(p.end_date as string, 1) : nextStart;
      if (until <= TODAY) continue;
      const held = guidance.filter(
        (s) =>
          s.plan_id === p.id &&
          (s.date as string) >= from &&
          (s.date as string) < until &&
          (s.minutes as number) >= (p.min_minutes as number),
      ).length;
      if (held < (p.sessions_per_month as number)) {
        const due = plusDays(until, -1);
        out.set(`guidanceSession:${p.id}:${due}`, due);
      }
      break;
    }
  }
  for (const p of all(`SELECT * FROM guidance_plans WHERE deleted_at IS NULL AND status = 'completed'`)) {
    if (!notDeleted(p.child_id)) continue;
    const last = latestBy(
      followUps.filter((f) => f.subject_type === 'plan' && f.subject_id === p.id),
      'subject_id',
      newer,
    )[0];
    const due = last ? (last.next_date as string | null) : plusMonths(p.completed_date as string, 6);
    if (due) out.set(`planFollowUp:${p.id}:${due}`, due);
  }

  // Visits: the latest final visit's next date.
  const finals = all(`SELECT * FROM visits WHERE deleted_at IS NULL AND status = 'final'`);
  for (const v of latestBy(finals, 'child_id', newer))
    if (v.next_visit_date && live(v.child_id)) out.set(`visitDue:${v.id}`, v.next_visit_date as string);

  // Release within 90 days, for each live child linked to the person.
  const horizon = plusDays(TODAY, 90);
  const relations = all('SELECT * FROM child_relations WHERE deleted_at IS NULL');
  for (const k of all('SELECT * FROM custody_records WHERE deleted_at IS NULL AND actual_release IS NULL')) {
    const due = k.expected_release as string | null;
    if (!due || due < TODAY || due > horizon) continue;
    for (const r of relations)
      if (r.person_id === k.person_id && live(r.child_id)) out.set(`releaseSoon:${k.id}:${r.child_id}`, due);
  }

  // Turning 18 within 90 days.
  for (const c of children.values()) {
    if (!live(c.id)) continue;
    const eighteen = plusMonths(c.birth_date as string, 18 * 12);
    if (eighteen > TODAY && eighteen <= plusMonths(horizon, 0)) out.set(`turning18:${c.id}`, eighteen);
  }

  // 强制报告 still open: the default 7 days after the latest follow-up, or the report, per child named.
  const reportActions = all('SELECT * FROM mandatory_report_actions WHERE deleted_at IS NULL');
  const reportChildren = all('SELECT * FROM mandatory_report_children');
  for (const r of all(
    `SELECT * FROM mandatory_reports WHERE deleted_at IS NULL AND status NOT IN ('closed', 'voided')`,
  )) {
    let last = r.reported_date as string;
    for (const a of reportActions)
      if (a.report_id === r.id && (a.date as string) > last) last = a.date as string;
    const due = plusDays(last, 7);
    for (const l of reportChildren)
      if (l.report_id === r.id && notDeleted(l.child_id))
        out.set(`reportFollowUp:${r.id}:${l.child_id}:${due}`, due);
  }
  // 国家司法救助: a decision ten working days after application; the 回访 three months after payment.
  for (const j of all('SELECT * FROM judicial_relief WHERE deleted_at IS NULL')) {
    if (!notDeleted(j.child_id)) continue;
    if (j.status === 'applied' || j.status === 'reviewing')
      out.set(`reliefDecision:${j.id}`, plusWorkdays(j.application_date as string, 10));
    if (j.status === 'paid') out.set(`reliefReturnVisit:${j.id}`, plusMonths(j.paid_date as string, 3));
  }
  // 支持起诉: filing 30 days after the opinion; the court's decision 30 days after filing.
  for (const x of all('SELECT * FROM suit_supports WHERE deleted_at IS NULL')) {
    if (!notDeleted(x.child_id)) continue;
    if (x.status === 'issued') out.set(`suitFiling:${x.id}`, plusDays(x.issue_date as string, 30));
    if (x.status === 'filed') out.set(`suitDecision:${x.id}`, plusDays(x.filed_date as string, 30));
  }
  return out;
}

describe('reminders on a seeded database', () => {
  it('agree, key for key and date for date, with an independent recomputation', async () => {
    const dataDir = makeDataDir('seeded-reminders');
    const clock = { now: () => TODAY_MS };
    const report = await seed({ dataDir, children: 600, seed: 7, passphrase: PASS, kdf: FAST_KDF, clock });
    const raw = await openSeededRaw(dataDir, PASS, FAST_KDF);
    const live = activeChildren(raw);
    const users = seededUsers(report);
    const areas = seedAreas(raw, { children: live, users, clock, rng: new Rng(11) });
    expect(areas.referrals).toBeGreaterThan(50);
    expect(areas.orders + areas.guidancePlans + areas.visits + areas.counsellingSessions).toBeGreaterThan(50);
    expect(areas.reliefs).toBeGreaterThan(5);
    const expected = expectedReminders(raw);
    expect([...expected.keys()].some((k) => k.startsWith('relief'))).toBe(true);
    raw.close();

    const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, clock, kdf: FAST_KDF, log: () => {} });
    await call(core, 'session.signIn', { username: ADMIN_USERNAME, passphrase: PASS });
    // The board shows a page of each column; the rest comes on demand: every item of a column
    // whose count is exact, and for a column counted beyond the cap as many as there are.
    const first = await call(core, 'reminders.board', { ownerId: null });
    expect(Math.max(...Object.values(first.counts))).toBeGreaterThan(BOARD_PAGE);
    for (const g of REMINDER_GROUPS)
      expect(first.groups[g]).toHaveLength(Math.min(first.counts[g], BOARD_PAGE));
    const board = await call(core, 'reminders.board', {
      ownerId: null,
      limits: Object.fromEntries(REMINDER_GROUPS.map((g) => [g, BOARD_MAX])),
    });
    for (const g of REMINDER_GROUPS) {
      if (first.capped[g]) {
        expect(first.counts[g]).toBe(COUNT_CAP);
        expect(board.groups[g].length).toBeGreaterThan(COUNT_CAP);
        expect(board.groups[g].length).toBeLessThan(BOARD_MAX);
      } else expect(board.groups[g]).toHaveLength(first.counts[g]);
      // A longer page begins as the first one did.
      expect(board.groups[g].slice(0, BOARD_PAGE).map((i) => i.key)).toEqual(
        first.groups[g].map((i) => i.key),
      );
    }
    const items = [
      ...board.groups.overdue,
      ...board.groups.today,
      ...board.groups.week,
      ...board.groups.upcoming,
    ];
    const actual = new Map(items.filter((i) => i.kind !== 'deFactoEligible').map((i) => [i.key, i.due]));
    expect(new Set(items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(8);
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
    // The badge counts what the board shows as due now and this week.
    expect(board.badge).toBe(board.counts.overdue + board.counts.today + board.counts.week);
    // The eligibility flags agree with the children's own files.
    // The seeded studio has such children: a check over no items would pass whatever the rule did.
    const eligible = items.filter((i) => i.kind === 'deFactoEligible');
    expect(eligible.length).toBeGreaterThan(0);
    for (const item of eligible.slice(0, 20)) {
      const file = await call(core, 'children.get', { id: item.childId });
      expect(file.guardianship.flagDeFactoUnsupported).toBe(true);
    }
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
    core.close();
  }, 120_000);
});
