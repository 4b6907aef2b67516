// Reminders (工作提醒) are derived from the records by these rules, the one definition. The
// board reads them from reminder_due (due.ts), which these same rules fill for the children a
// write touched, in that write's transaction; what hangs on the day (a plan's sessions this
// month, a release within 90 days) is stored with the days it shows on.
import type { ReadCtx } from '../api/define';
import { addDays, workdays } from '../calendar/workdays';
import { addMonths, type ParentFacts, readGuardianship } from '../children/guardianship';
import { cached } from '../core/statements';
import { planFollowUpDue } from '../education/model';
import { type PlanTerms, planPeriods } from '../education/progress';
import { nextFollowUpDate } from '../followups/model';
import { orderNumber } from '../orders/model';
import { referralNumber } from '../referrals/model';
import { DECISION_WORKDAYS, RETURN_VISIT_MONTHS } from '../relief/codes';
import { reportFollowUps } from '../reports/model';
import { COURT_DAYS, FILING_DAYS } from '../suits/codes';

export const REMINDER_KINDS = [
  'crisis',
  'counsellingFollowUp',
  'orderFollowUp',
  'orderRequirement',
  'observationEnding',
  'referralVerify',
  'referralReply',
  'reportFollowUp',
  'guidanceSession',
  'planFollowUp',
  'visitDue',
  'releaseSoon',
  'turning18',
  'deFactoEligible',
  'reliefDecision',
  'reliefReturnVisit',
  'suitFiling',
  'suitDecision',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Lower is more urgent; crisis flags come before everything (DOMAIN.md). */
export const PRIORITY: Record<ReminderKind, number> = {
  crisis: 0,
  counsellingFollowUp: 1,
  orderRequirement: 2,
  orderFollowUp: 2,
  observationEnding: 2,
  referralReply: 3,
  referralVerify: 3,
  reportFollowUp: 3,
  guidanceSession: 3,
  planFollowUp: 4,
  visitDue: 4,
  releaseSoon: 5,
  turning18: 5,
  deFactoEligible: 5,
  reliefDecision: 3,
  reliefReturnVisit: 4,
  suitFiling: 3,
  suitDecision: 4,
};

export interface Reminder {
  /** Stable across reads: what a snooze refers to. */
  key: string;
  kind: ReminderKind;
  due: string;
  childId: string;
  childName: string;
  ownerId: string | null;
  /** Facts for the title (a number, an agency, a name); the catalog words them. */
  facts: Record<string, string | number>;
  /** The route that opens the record to act on. */
  link: string;
}

/**
 * Which rules to run: `all` as of `today`; `stored` every rule, each item with the days it shows
 * on (a release 90 days ahead, an 18th birthday, a 事实无人抚养 eligibility, a month's guidance
 * sessions), for the children named (all when none are).
 */
export type RulePart = 'all' | 'stored';

/** A stored item shows from `showsFrom` to `showsUntil` inclusive ('' and '9999-12-31' for always). */
export interface WindowedReminder extends Reminder {
  showsFrom: string;
  showsUntil: string;
  /** The child's name in pinyin, when the rule read it: the board orders by it, and need not look it up. */
  sortName?: string;
}

export const ALWAYS_FROM = '';
export const ALWAYS_UNTIL = '9999-12-31';

/** How far ahead the event-type reminders (release, 18th birthday) show up. */
export const LOOKAHEAD_DAYS = 90;

interface Row {
  childId: string;
  childName: string;
  ownerId: string | null;
  [k: string]: unknown;
}

const CHILD_COLS = `c.id AS childId, c.name AS childName, c.owner_id AS ownerId`;
const LIVE_CHILD = `c.deleted_at IS NULL AND c.status = 'active'`;

export function collectReminders(
  ctx: ReadCtx,
  today: string,
  opts: { ownerId?: string; childIds?: readonly string[]; part?: RulePart } = {},
): WindowedReminder[] {
  const part = opts.part ?? 'all';
  const stored = part === 'stored';
  const owner =
    (opts.ownerId ? ' AND c.owner_id = @ownerId' : '') +
    (opts.childIds ? ' AND c.id IN (SELECT value FROM json_each(@childIds))' : '');
  const params = {
    today,
    ownerId: opts.ownerId ?? null,
    horizon: addDays(today, LOOKAHEAD_DAYS),
    childIds: opts.childIds ? JSON.stringify(opts.childIds) : null,
  };
  // The fixed join orders (CROSS JOIN) start from the few open records, right for a whole
  // board; for the few children a write touched, the planner starts from those children.
  const q = <T extends Row>(sql: string, extra: Record<string, unknown> = {}) =>
    cached(ctx.raw, opts.childIds ? sql.replaceAll('CROSS JOIN', 'JOIN') : sql).all({
      ...params,
      ...extra,
    }) as T[];
  // For the children a write touched, a status is no way in (+status): the rules start from
  // those children's records, not from every completed plan or issued 意见书 (suits_list).
  const st = opts.childIds ? '+' : '';
  const out: WindowedReminder[] = [];
  const push = (
    r: Row,
    kind: ReminderKind,
    key: string,
    due: string,
    link: string,
    facts: Reminder['facts'] = {},
    showsFrom = ALWAYS_FROM,
    showsUntil = ALWAYS_UNTIL,
  ) =>
    out.push({
      key: `${kind}:${key}`,
      kind,
      due,
      childId: r.childId,
      childName: r.childName,
      ownerId: r.ownerId,
      facts,
      link,
      showsFrom,
      showsUntil,
      ...(typeof r.sortName === 'string' ? { sortName: r.sortName } : {}),
    });

  // Crisis flags: the latest assessment or session of a child is flagged. From the few flagged
  // records to whether a later one exists (by child and date, indexed), never ranking them all.
  const later = (t: string) =>
    `NOT EXISTS (SELECT 1 FROM ${t} l WHERE l.child_id = x.child_id AND l.deleted_at IS NULL
       AND l.date >= x.date AND (l.date > x.date OR l.created_at > x.created_at))`;
  for (const r of q<Row & { date: string; id: string }>(
    `SELECT ${CHILD_COLS}, x.id, x.date FROM (
       SELECT child_id, id, date, created_at FROM psych_assessments WHERE deleted_at IS NULL AND crisis = 1
       UNION ALL SELECT child_id, id, date, created_at FROM counselling_sessions WHERE deleted_at IS NULL AND crisis = 1
     ) x CROSS JOIN children c ON c.id = x.child_id
     WHERE ${LIVE_CHILD}${owner} AND ${later('psych_assessments')} AND ${later('counselling_sessions')}`,
  )) {
    push(r, 'crisis', r.id, r.date, `/counselling/${r.childId}`);
  }

  // Counselling follow-up: the latest session's next date.
  for (const r of q<Row & { id: string; due: string }>(
    `SELECT ${CHILD_COLS}, s.id, s.next_follow_up AS due FROM counselling_sessions s JOIN children c ON c.id = s.child_id
     WHERE s.deleted_at IS NULL AND s.next_follow_up IS NOT NULL AND ${LIVE_CHILD}${owner}
       AND NOT EXISTS (SELECT 1 FROM counselling_sessions l WHERE l.child_id = s.child_id AND l.deleted_at IS NULL AND l.date > s.date)`,
  )) {
    push(r, 'counsellingFollowUp', r.id, r.due, `/counselling/${r.childId}`);
  }

  // Guardianship orders under observation: next follow-up, requirement dues, observation end.
  const orders = q<
    Row & {
      id: string;
      year: number | null;
      seq: number | null;
      prefix: string | null;
      observationEnd: string;
      deliveryDate: string;
    }
  >(
    `SELECT ${CHILD_COLS}, o.id, o.year, o.seq, o.prefix, o.observation_end AS observationEnd, o.delivery_date AS deliveryDate
     FROM guardianship_orders o JOIN children c ON c.id = o.child_id
     WHERE o.deleted_at IS NULL AND ${st}o.status IN ('observing', 'evaluating') AND c.deleted_at IS NULL${owner}`,
  );
  for (const o of orders) {
    const number = o.prefix && o.year && o.seq ? orderNumber(o.prefix, o.year, o.seq) : '';
    const next = nextFollowUpDate(ctx.raw, { type: 'order', id: o.id });
    // No follow-up yet: the first is due a month after delivery.
    const nextDue = next === undefined ? addMonths(o.deliveryDate, 1) : next;
    if (nextDue) push(o, 'orderFollowUp', `${o.id}:${nextDue}`, nextDue, `/orders/${o.id}`, { number });
    push(o, 'observationEnding', o.id, o.observationEnd, `/orders/${o.id}`, { number });
    const reqs = cached(
      ctx.raw,
      `SELECT id, text, due_date AS due FROM requirements WHERE subject_type = 'order' AND subject_id = ?
         AND deleted_at IS NULL AND +status = 'pending' AND due_date IS NOT NULL`,
    ).all(o.id) as { id: string; text: string; due: string }[];
    for (const r of reqs)
      push(o, 'orderRequirement', r.id, r.due, `/orders/${o.id}`, { number, text: r.text });
  }

  // Referrals: verification deadline and agencies' replies.
  for (const r of q<Row & { id: string; year: number; seq: number; due: string }>(
    // CROSS JOIN fixes the order: from the referrals still open to their children (else the
    // planner may walk every child of the owner once per referral).
    `SELECT ${CHILD_COLS}, f.id, f.year, f.seq, f.verify_due AS due FROM referrals f
     CROSS JOIN referral_children rc ON rc.referral_id = f.id CROSS JOIN children c ON c.id = rc.child_id
     WHERE f.deleted_at IS NULL AND f.status IN ('received', 'verifying') AND c.deleted_at IS NULL${owner}`,
  )) {
    push(r, 'referralVerify', `${r.id}:${r.childId}`, r.due, `/referrals/${r.id}`, {
      number: referralNumber(r.year, r.seq),
    });
  }
  for (const r of q<
    Row & { id: string; referralId: string; year: number; seq: number; agency: string; due: string }
  >(
    `SELECT ${CHILD_COLS}, a.id, f.id AS referralId, f.year, f.seq, a.agency, a.reply_due AS due FROM referral_actions a
     CROSS JOIN referrals f ON f.id = a.referral_id CROSS JOIN referral_children rc ON rc.referral_id = f.id
     CROSS JOIN children c ON c.id = rc.child_id
     WHERE a.deleted_at IS NULL AND a.reply_date IS NULL AND a.withdrawn_at IS NULL AND f.deleted_at IS NULL
       AND f.status <> 'closed' AND c.deleted_at IS NULL${owner}`,
  )) {
    push(r, 'referralReply', `${r.id}:${r.childId}`, r.due, `/referrals/${r.referralId}`, {
      number: referralNumber(r.year, r.seq),
      agency: r.agency,
    });
  }

  // Guidance plans running: each month of the term still short of its sessions, due its last day
  // and shown from its first (planSessionWindows), so the month rolling over needs no write.
  const plans = q<
    Row & { id: string; startDate: string; endDate: string; perMonth: number; minMinutes: number }
  >(
    `SELECT ${CHILD_COLS}, p.id, p.start_date AS startDate, p.end_date AS endDate,
            p.sessions_per_month AS perMonth, p.min_minutes AS minMinutes
     FROM guidance_plans p JOIN children c ON c.id = p.child_id
     WHERE p.deleted_at IS NULL AND ${st}p.status = 'active' AND p.start_date <= @planTo AND p.end_date >= @planFrom
       AND c.deleted_at IS NULL${owner}`,
    // As of today: the plans running today; stored: every running plan, whatever its dates.
    stored ? { planFrom: '', planTo: ALWAYS_UNTIL } : { planFrom: today, planTo: today },
  );
  if (plans.length > 0) {
    const sessionsOf = new Map<string, { date: string; minutes: number }[]>(plans.map((p) => [p.id, []]));
    for (const r of cached(
      ctx.raw,
      `SELECT plan_id AS planId, date, minutes FROM guidance_sessions
         WHERE plan_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    ).all(JSON.stringify(plans.map((p) => p.id))) as { planId: string; date: string; minutes: number }[])
      sessionsOf.get(r.planId)?.push({ date: r.date, minutes: r.minutes });
    for (const p of plans) {
      const terms = {
        startDate: p.startDate,
        endDate: p.endDate,
        sessionsPerMonth: p.perMonth,
        minMinutes: p.minMinutes,
      };
      for (const w of planSessionWindows(terms, sessionsOf.get(p.id) ?? [])) {
        if (!stored && (w.from > today || w.due < today)) continue;
        push(p, 'guidanceSession', `${p.id}:${w.due}`, w.due, `/education/plans/${p.id}`, {}, w.from, w.due);
      }
    }
  }

  // 强制报告 still open with no follow-up for the set number of days (reports/model.ts): the
  // setting is read with the records, and a change of it marks every reported child (due.ts).
  for (const r of reportFollowUps(ctx, { ownerId: opts.ownerId, childIds: opts.childIds })) {
    push(r, 'reportFollowUp', `${r.id}:${r.childId}:${r.due}`, r.due, `/reports/${r.id}`, {
      number: r.number,
    });
  }

  // Guidance plans: the 回访 after completion.
  for (const p of q<Row & { id: string; completedDate: string }>(
    `SELECT ${CHILD_COLS}, p.id, p.completed_date AS completedDate FROM guidance_plans p JOIN children c ON c.id = p.child_id
     WHERE p.deleted_at IS NULL AND ${st}p.status = 'completed' AND p.completed_date IS NOT NULL AND c.deleted_at IS NULL${owner}`,
  )) {
    // The same date the plan's page and the register show (education/model.ts).
    const due = planFollowUpDue(ctx, { id: p.id, status: 'completed', completedDate: p.completedDate });
    if (due) push(p, 'planFollowUp', `${p.id}:${due}`, due, `/education/plans/${p.id}`);
  }

  // Visits: the latest final visit's next date.
  for (const r of q<Row & { id: string; due: string }>(
    `SELECT ${CHILD_COLS}, v.id, v.next_visit_date AS due FROM visits v JOIN children c ON c.id = v.child_id
     WHERE v.deleted_at IS NULL AND v.status = 'final' AND v.next_visit_date IS NOT NULL AND ${LIVE_CHILD}${owner}
       AND NOT EXISTS (SELECT 1 FROM visits l WHERE l.child_id = v.child_id AND l.deleted_at IS NULL AND l.status = 'final'
                       AND (l.date > v.date OR (l.date = v.date AND l.created_at > v.created_at)))`,
  )) {
    push(r, 'visitDue', r.id, r.due, `/visits/new?childId=${r.childId}`);
  }

  // A parent's (or relative's) expected release within 90 days: care must be handed back.
  for (const r of q<Row & { id: string; due: string; personName: string }>(
    // CROSS JOIN fixes the order: from the few releases in the window to their children.
    `SELECT ${CHILD_COLS}, k.id, k.expected_release AS due, p.name AS personName FROM custody_records k
     CROSS JOIN persons p ON p.id = k.person_id
     CROSS JOIN child_relations cr ON cr.person_id = p.id AND cr.deleted_at IS NULL
     CROSS JOIN children c ON c.id = cr.child_id
     WHERE k.deleted_at IS NULL AND k.actual_release IS NULL
       AND ${stored ? 'k.expected_release IS NOT NULL' : 'k.expected_release >= @today AND k.expected_release <= @horizon'}
       AND ${LIVE_CHILD}${owner}`,
  )) {
    // Shown from 90 days before the release to its day: today <= due <= today + 90.
    push(
      r,
      'releaseSoon',
      `${r.id}:${r.childId}`,
      r.due,
      `/children/${r.childId}`,
      { name: r.personName },
      addDays(r.due, -LOOKAHEAD_DAYS),
      r.due,
    );
  }

  // Turning 18 within 90 days: the file will close.
  for (const r of q<Row & { birthDate: string }>(
    stored
      ? `SELECT ${CHILD_COLS}, c.birth_date AS birthDate FROM children c
         WHERE ${LIVE_CHILD} AND c.birth_date IS NOT NULL${owner}`
      : `SELECT ${CHILD_COLS}, c.birth_date AS birthDate FROM children c
         WHERE ${LIVE_CHILD} AND c.birth_date > @from18 AND c.birth_date <= @to18${owner}`,
    { from18: addMonths(today, -18 * 12), to18: addMonths(addDays(today, LOOKAHEAD_DAYS), -18 * 12) },
  )) {
    const [from, until] = stored ? turning18Window(r.birthDate) : [ALWAYS_FROM, ALWAYS_UNTIL];
    push(
      r,
      'turning18',
      r.childId,
      addMonths(r.birthDate, 18 * 12),
      `/children/${r.childId}`,
      {},
      from,
      until,
    );
  }

  // 事实无人抚养: due the day it is read ('' when stored), on the days the rule says eligible.
  for (const c of deFactoCandidates(ctx, today, owner, params, !stored)) {
    if (!stored) {
      if (readGuardianship(c.father, c.mother, today).eligibleDeFactoUnsupported)
        push(c.row, 'deFactoEligible', c.row.childId, today, `/children/${c.row.childId}`);
      continue;
    }
    for (const [from, until] of eligibleWindows(c.father, c.mother))
      push(c.row, 'deFactoEligible', c.row.childId, '', `/children/${c.row.childId}`, {}, from, until);
  }

  reliefAndSuitReminders(q, push, owner, st);
  return out;
}

/**
 * The days an 18th birthday shows (as the query above reads it: birth > today - 18 years and
 * birth <= today + 90 days - 18 years), found by trying the days around it so that month ends
 * and 29 February come out exactly as the rule has them.
 */
export function turning18Window(birth: string): [string, string] {
  const shows = (d: string) =>
    birth > addMonths(d, -18 * 12) && birth <= addMonths(addDays(d, LOOKAHEAD_DAYS), -18 * 12);
  const at = addMonths(birth, 18 * 12);
  // shows() holds on one run of days (both its bounds only move forward with the day), so a
  // guess is right when it shows and its neighbour outside the run does not: four checks in
  // place of the walk below for most birthdays (a ledger import stores 10,000 at once); month
  // ends and 29 February take the walk.
  const lastGuess = addDays(at, -1);
  const firstGuess = addDays(at, -LOOKAHEAD_DAYS);
  if (shows(lastGuess) && !shows(at) && shows(firstGuess) && !shows(addDays(firstGuess, -1)))
    return [firstGuess, lastGuess];
  const floor = addDays(at, -14);
  let until = addDays(at, 7);
  while (!shows(until) && until > floor) until = addDays(until, -1);
  let from = addDays(at, -LOOKAHEAD_DAYS - 7);
  while (!shows(from) && from < until) from = addDays(from, 1);
  return [from, until];
}

/**
 * The days a child with these parents is eligible, as readGuardianship decides: every fact it
 * reads changes on a known day (a death, six months missing, a custody's start, its release, six
 * months into it), so the rule is asked once per such day and holds until the next.
 */
export function eligibleWindows(father: ParentFacts, mother: ParentFacts): [string, string][] {
  const days = new Set<string>();
  for (const p of [father, mother]) {
    if (p.deceasedOn) days.add(p.deceasedOn);
    if (p.missingSince) days.add(addMonths(p.missingSince, 6));
    for (const k of p.custody) {
      days.add(k.startDate);
      days.add(addMonths(k.startDate, 6));
      if (k.actualRelease) days.add(k.actualRelease);
    }
  }
  const sorted = [ALWAYS_FROM, ...[...days].sort()];
  const out: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (!readGuardianship(father, mother, sorted[i]).eligibleDeFactoUnsupported) continue;
    const until = i + 1 < sorted.length ? addDays(sorted[i + 1], -1) : ALWAYS_UNTIL;
    const last = out[out.length - 1];
    if (last && last[1] === addDays(sorted[i], -1)) last[1] = until;
    else out.push([sorted[i], until]);
  }
  return out;
}

/**
 * A running plan's months still short of their sessions, as planProgress counts them (its
 * periods, sessions of at least the minimum minutes): each due its last day, shown from its first.
 */
export function planSessionWindows(
  terms: PlanTerms,
  sessions: { date: string; minutes: number }[],
): { from: string; due: string }[] {
  const out: { from: string; due: string }[] = [];
  for (const p of planPeriods(terms)) {
    let held = 0;
    for (const x of sessions)
      if (x.minutes >= terms.minMinutes && x.date >= p.from && x.date < p.until) held++;
    if (held < terms.sessionsPerMonth) out.push({ from: p.from, due: addDays(p.until, -1) });
  }
  return out;
}

/** When the sessions of the month holding `today` are due, if some are still short (planProgress's dueBy). */
export function planSessionDue(
  terms: PlanTerms,
  sessions: { date: string; minutes: number }[],
  today: string,
): string | null {
  return planSessionWindows(terms, sessions).find((w) => w.from <= today && today <= w.due)?.due ?? null;
}

/**
 * Children who may be eligible for 事实无人抚养儿童 support and are not recognised, with their
 * parents' facts. SQL narrows (`narrow`, for one day) to children whose father and mother are
 * both recorded and each dead, missing, severely ill or disabled, or restricted now; the rule
 * itself (readGuardianship) then decides, so there is one definition of eligibility.
 */
function deFactoCandidates(
  ctx: ReadCtx,
  today: string,
  owner: string,
  params: Record<string, unknown>,
  narrow: boolean,
): { row: Row; father: ParentFacts; mother: ParentFacts }[] {
  const sixMonthsAgo = addMonths(today, -6);
  // The same conditions as parentStatus, in SQL, so that few children reach the rule itself.
  const parentUnable = (
    alias: string,
  ) => `(${alias}.deceased_on <= @today OR ${alias}.missing_since <= @sixMonthsAgo
      OR ${alias}.severe_disability = 1 OR ${alias}.severe_illness = 1
      OR EXISTS (SELECT 1 FROM custody_records k WHERE k.person_id = ${alias}.id AND k.deleted_at IS NULL
                 AND k.start_date <= @today AND (k.actual_release IS NULL OR k.actual_release > @today)
                 AND (k.measure IN ('sentence', 'compulsoryRehab') OR k.start_date <= @sixMonthsAgo)))`;
  const candidates = cached(
    ctx.raw,
    `SELECT ${CHILD_COLS}, f.id AS fatherId, m.id AS motherId FROM children c
       JOIN child_relations rf ON rf.child_id = c.id AND rf.relation = 'father' AND rf.deleted_at IS NULL
       JOIN persons f ON f.id = rf.person_id
       JOIN child_relations rm ON rm.child_id = c.id AND rm.relation = 'mother' AND rm.deleted_at IS NULL
       JOIN persons m ON m.id = rm.person_id
       WHERE ${LIVE_CHILD} AND NOT EXISTS (SELECT 1 FROM json_each(c.categories) WHERE value = 'deFactoUnsupported')
         ${narrow ? `AND ${parentUnable('f')} AND ${parentUnable('m')}` : ''}${owner}`,
  ).all({ ...params, today, sixMonthsAgo }) as (Row & {
    fatherId: string;
    motherId: string;
  })[];
  if (candidates.length === 0) return [];
  // The rule decides (one definition of eligibility), on facts loaded in two queries.
  const ids = JSON.stringify([...new Set(candidates.flatMap((c) => [c.fatherId, c.motherId]))]);
  const people = cached(
    ctx.raw,
    `SELECT id, deceased_on, missing_since, severe_disability, severe_illness FROM persons
       WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(ids) as {
    id: string;
    deceased_on: string | null;
    missing_since: string | null;
    severe_disability: number;
    severe_illness: number;
  }[];
  const custody = cached(
    ctx.raw,
    `SELECT person_id AS personId, measure, start_date AS startDate, actual_release AS actualRelease FROM custody_records
       WHERE deleted_at IS NULL AND person_id IN (SELECT value FROM json_each(?))`,
  ).all(ids) as (ParentFacts['custody'][number] & { personId: string })[];
  const facts = new Map<string, ParentFacts>();
  for (const p of people) {
    facts.set(p.id, {
      deceasedOn: p.deceased_on,
      missingSince: p.missing_since,
      severeDisability: !!p.severe_disability,
      severeIllness: !!p.severe_illness,
      custody: [],
    });
  }
  for (const k of custody) facts.get(k.personId)?.custody.push(k);
  const out: { row: Row; father: ParentFacts; mother: ParentFacts }[] = [];
  for (const c of candidates) {
    const father = facts.get(c.fatherId);
    const mother = facts.get(c.motherId);
    if (father && mother) out.push({ row: c, father, mother });
  }
  return out;
}

/**
 * 国家司法救助 and 支持起诉 (issue 17 part B): a decision due ten working days after the
 * application; the 回访 three months after payment; an issued 意见书 not yet filed after 30 days;
 * a filed suit's decision 30 days after filing (special procedure).
 */
function reliefAndSuitReminders(
  q: <T extends Row>(sql: string) => T[],
  push: (r: Row, kind: ReminderKind, key: string, due: string, link: string) => void,
  owner: string,
  st: string,
): void {
  for (const r of q<Row & { id: string; applied: string }>(
    `SELECT ${CHILD_COLS}, j.id, j.application_date AS applied FROM judicial_relief j JOIN children c ON c.id = j.child_id
     WHERE j.deleted_at IS NULL AND ${st}j.status IN ('applied', 'reviewing') AND c.deleted_at IS NULL${owner}`,
  ))
    push(
      r,
      'reliefDecision',
      r.id,
      workdays.addWorkdays(r.applied, DECISION_WORKDAYS).date,
      `/relief/${r.id}`,
    );
  for (const r of q<Row & { id: string; paid: string }>(
    `SELECT ${CHILD_COLS}, j.id, j.paid_date AS paid FROM judicial_relief j JOIN children c ON c.id = j.child_id
     WHERE j.deleted_at IS NULL AND ${st}j.status = 'paid' AND c.deleted_at IS NULL${owner}`,
  ))
    push(r, 'reliefReturnVisit', r.id, addMonths(r.paid, RETURN_VISIT_MONTHS), `/relief/${r.id}`);
  for (const r of q<Row & { id: string; issued: string }>(
    `SELECT ${CHILD_COLS}, s.id, s.issue_date AS issued FROM suit_supports s JOIN children c ON c.id = s.child_id
     WHERE s.deleted_at IS NULL AND ${st}s.status = 'issued' AND c.deleted_at IS NULL${owner}`,
  ))
    push(r, 'suitFiling', r.id, addDays(r.issued, FILING_DAYS), `/suits/${r.id}`);
  for (const r of q<Row & { id: string; filed: string }>(
    `SELECT ${CHILD_COLS}, s.id, s.filed_date AS filed FROM suit_supports s JOIN children c ON c.id = s.child_id
     WHERE s.deleted_at IS NULL AND ${st}s.status = 'filed' AND c.deleted_at IS NULL${owner}`,
  ))
    push(r, 'suitDecision', r.id, addDays(r.filed, COURT_DAYS), `/suits/${r.id}`);
}
