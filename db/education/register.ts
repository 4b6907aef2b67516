// The family education register's rows (education_register), worked out from the records for the
// children a write touched, in that write's transaction (reminders/due.ts refreshes them beside
// the reminders: the same triggers mark the same children). The register then reads a page off
// one index instead of joining a page of plans to children, guardians, sessions and 回访.
import type Database from 'better-sqlite3';
import type { ReadCtx, ReadRaw } from '../api/define';
import { today } from '../children/model';
import { REGISTER_COUNT_CAP } from '../common/registers';
import { cached } from '../core/statements';
import { REGISTER_VIEWS, type RegisterView } from './codes';
import { type AdmonitionView, planFollowUpDue, type RegisterPlan, type RegisterPlanRow } from './model';
import { countSessions, progressFromCounts, type SessionCounts } from './progress';

export type RegisterAdmonition = AdmonitionView & { childName: string };

/** A plan's row as stored: the register's row less its progress, which hangs on the day. */
type StoredPlan = Omit<RegisterPlan, 'progress'> & {
  sessionsPerMonth: number;
  completedDate: string | null;
  counts: PackedCounts | null;
};

/**
 * SessionCounts packed small: the periods' bounds as one string (each period's start, then the
 * last one's end) and the sessions held in each. Parsing the rows is most of a register read, and
 * a period as an object of two dates and a count was two thirds of a plan's row.
 */
interface PackedCounts {
  bounds: string;
  heldIn: number[];
  held: number;
  tooShort: number;
}

function pack(c: SessionCounts): PackedCounts {
  const bounds = c.periods.map((p) => p.from);
  if (c.periods.length) bounds.push(c.periods[c.periods.length - 1].until);
  return {
    bounds: bounds.join(' '),
    heldIn: c.periods.map((p) => p.held),
    held: c.held,
    tooShort: c.tooShort,
  };
}

function unpack(c: PackedCounts): SessionCounts {
  const bounds = c.bounds ? c.bounds.split(' ') : [];
  return {
    periods: c.heldIn.map((held, i) => ({ from: bounds[i], until: bounds[i + 1], held })),
    held: c.held,
    tooShort: c.tooShort,
  };
}

interface Row {
  id: string;
  kind: 'plan' | 'admonition';
  view: RegisterView;
  childId: string;
  sortKey: string;
  row: string;
}

/** A plan's last change as text that sorts as the number does. */
const sortable = (ms: number) => String(ms).padStart(16, '0');

/** The rows of the children named (every child's when null), as the register shows them. */
function rowsOf(raw: ReadRaw, childIds: readonly string[] | null): Row[] {
  const only = childIds ? ' AND c.id IN (SELECT value FROM json_each(@ids))' : '';
  const params = { ids: childIds ? JSON.stringify(childIds) : null };
  const plans = cached(
    raw,
    `SELECT p.id, p.child_id AS childId, p.kind, p.status, p.assessment_date AS assessmentDate,
            p.start_date AS startDate, p.end_date AS endDate, p.sessions_per_month AS sessionsPerMonth,
            p.min_minutes AS minMinutes, p.completed_date AS completedDate, p.version, p.updated_at AS updatedAt,
            c.name AS childName
     FROM children c JOIN guidance_plans p ON p.child_id = c.id
     WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL${only}`,
  ).all(params) as (RegisterPlanRow & { childName: string; updatedAt: number })[];
  const out: Row[] = [];
  if (plans.length) {
    const ids = JSON.stringify(plans.map((p) => p.id));
    const guardians = new Map<string, { id: string; name: string }[]>();
    for (const g of cached(
      raw,
      `SELECT g.plan_id AS planId, p.id, p.name FROM plan_guardians g JOIN persons p ON p.id = g.person_id
         WHERE g.plan_id IN (SELECT value FROM json_each(?)) ORDER BY g.rowid`,
    ).all(ids) as { planId: string; id: string; name: string }[])
      guardians.set(g.planId, [...(guardians.get(g.planId) ?? []), { id: g.id, name: g.name }]);
    const sessions = new Map<string, { date: string; minutes: number }[]>();
    for (const s of cached(
      raw,
      `SELECT plan_id AS planId, date, minutes FROM guidance_sessions
         WHERE plan_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    ).all(ids) as { planId: string; date: string; minutes: number }[])
      sessions.set(s.planId, [...(sessions.get(s.planId) ?? []), { date: s.date, minutes: s.minutes }]);
    for (const p of plans) {
      // As viewPlan counts them (model.ts progressOf): none while assessing or without terms.
      const counted = !!p.startDate && !!p.endDate && p.status !== 'assessing';
      const row: StoredPlan = {
        id: p.id,
        childId: p.childId,
        childName: p.childName,
        kind: p.kind,
        status: p.status,
        guardians: guardians.get(p.id) ?? [],
        assessmentDate: p.assessmentDate,
        startDate: p.startDate,
        endDate: p.endDate,
        followUpDue: planFollowUpDue({ raw }, p),
        version: p.version,
        sessionsPerMonth: p.sessionsPerMonth,
        completedDate: p.completedDate,
        counts:
          counted && p.startDate && p.endDate
            ? pack(
                countSessions(
                  {
                    startDate: p.startDate,
                    endDate: p.endDate,
                    sessionsPerMonth: p.sessionsPerMonth,
                    minMinutes: p.minMinutes,
                  },
                  sessions.get(p.id) ?? [],
                ),
              )
            : null,
      };
      out.push({
        id: p.id,
        kind: 'plan',
        view: p.status,
        childId: p.childId,
        sortKey: sortable(p.updatedAt),
        row: JSON.stringify(row),
      });
    }
  }
  for (const a of cached(
    raw,
    `SELECT a.id, a.child_id AS childId, a.guardian_person_id AS guardianPersonId, a.date, a.place,
            a.reason, a.delivered_by AS deliveredBy, g.name, c.name AS childName
     FROM children c JOIN admonitions a ON a.child_id = c.id JOIN persons g ON g.id = a.guardian_person_id
     WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL${only}`,
  ).all(params) as (Omit<AdmonitionView, 'guardian'> & {
    guardianPersonId: string;
    name: string;
    childName: string;
  })[]) {
    const row: RegisterAdmonition = {
      id: a.id,
      childId: a.childId,
      childName: a.childName,
      guardian: { id: a.guardianPersonId, name: a.name },
      date: a.date,
      place: a.place,
      reason: a.reason,
      deliveredBy: a.deliveredBy,
    };
    out.push({
      id: a.id,
      kind: 'admonition',
      view: 'admonitions',
      childId: a.childId,
      sortKey: a.date,
      row: JSON.stringify(row),
    });
  }
  return out;
}

const hasTable = new WeakMap<Database.Database, boolean>();
/** Whether the schema has the table (an older one, as a test of an old release opens, has not). */
function stored(raw: Database.Database): boolean {
  let has = hasTable.get(raw);
  if (has === undefined) {
    has = !!raw
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'education_register'`)
      .get();
    hasTable.set(raw, has);
  }
  return has;
}

/** Every row worked out again (at an open that rebuilds the stored reminders). */
export function rebuildEducationRegister(raw: Database.Database): void {
  hasTable.delete(raw);
  if (!stored(raw)) return;
  raw.exec('DELETE FROM education_register');
  const insert = raw.prepare(
    'INSERT INTO education_register (id, kind, view, child_id, sort_key, row) VALUES (@id, @kind, @view, @childId, @sortKey, @row)',
  );
  for (const r of rowsOf(raw, null)) insert.run(r);
}

/**
 * The rows of the children a write touched, inside its transaction. Only what changed is
 * written: most writes (a child's school, a visit) leave a child's register rows as they were.
 */
export function refreshEducationRegister(raw: Database.Database, childIds: readonly string[]): void {
  if (!stored(raw) || childIds.length === 0) return;
  const kept = new Map(
    (
      cached(
        raw,
        `SELECT id, kind, view, child_id AS childId, sort_key AS sortKey, row FROM education_register
           WHERE child_id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(childIds)) as Row[]
    ).map((r) => [r.id, r]),
  );
  const upsert = cached(
    raw,
    `INSERT INTO education_register (id, kind, view, child_id, sort_key, row) VALUES (@id, @kind, @view, @childId, @sortKey, @row)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, view = excluded.view, child_id = excluded.child_id,
         sort_key = excluded.sort_key, row = excluded.row`,
  );
  for (const r of rowsOf(raw, childIds)) {
    const was = kept.get(r.id);
    kept.delete(r.id);
    if (
      !was ||
      was.kind !== r.kind ||
      was.view !== r.view ||
      was.childId !== r.childId ||
      was.sortKey !== r.sortKey ||
      was.row !== r.row
    )
      upsert.run(r);
  }
  if (kept.size)
    cached(raw, 'DELETE FROM education_register WHERE id IN (SELECT value FROM json_each(?))').run(
      JSON.stringify([...kept.keys()]),
    );
}

export interface RegisterPage {
  /** The tab's page: its plans, or its 训诫 (the other list is empty). */
  plans: RegisterPlan[];
  admonitions: RegisterAdmonition[];
  /** The tab's rows in all, exact up to REGISTER_COUNT_CAP; `totalCapped` where counting stopped. */
  total: number;
  totalCapped: boolean;
  /** Each tab's count, the same way. */
  counts: Record<RegisterView, number>;
  capped: Record<RegisterView, boolean>;
}

/**
 * One tab's page of the register, newest first, and every tab's count stopped at the cap: each a
 * range of education_register_view, so a read costs a page and the cap, not the register's size.
 * Children a write around the API marked stale (reminder_dirty) and no transaction has refreshed
 * yet are worked out here instead, without storing: a read never writes.
 */
export function readRegister(ctx: ReadCtx, view: RegisterView, offset: number, limit: number): RegisterPage {
  const stale = (
    cached(ctx.raw, 'SELECT child_id AS id FROM reminder_dirty WHERE child_id IS NOT NULL').all() as {
      id: string;
    }[]
  ).map((r) => r.id);
  const staleJson = JSON.stringify(stale);
  const fresh = stale.length ? rowsOf(ctx.raw, stale) : [];
  const countStatement = cached(
    ctx.raw,
    `SELECT count(*) AS n FROM (SELECT 1 FROM education_register INDEXED BY education_register_view
       WHERE view = ? AND child_id NOT IN (SELECT value FROM json_each(?)) LIMIT ?)`,
  );
  const counts = {} as Record<RegisterView, number>;
  const capped = {} as Record<RegisterView, boolean>;
  for (const v of REGISTER_VIEWS) {
    const n =
      (countStatement.get(v, staleJson, REGISTER_COUNT_CAP + 1) as { n: number }).n +
      fresh.filter((r) => r.view === v).length;
    counts[v] = Math.min(n, REGISTER_COUNT_CAP);
    capped[v] = n > REGISTER_COUNT_CAP;
  }
  const pageStatement = cached(
    ctx.raw,
    `SELECT sort_key AS sortKey, row FROM education_register INDEXED BY education_register_view
       WHERE view = ? AND child_id NOT IN (SELECT value FROM json_each(?)) ORDER BY sort_key DESC LIMIT ? OFFSET ?`,
  );
  let rows: Pick<Row, 'sortKey' | 'row'>[];
  if (!fresh.length) rows = pageStatement.all(view, staleJson, limit, offset) as typeof rows;
  else {
    // The stored rows up to the page's end and the stale children's worked out, merged in order.
    const kept = pageStatement.all(view, staleJson, offset + limit, 0) as typeof rows;
    rows = [...kept, ...fresh.filter((r) => r.view === view)]
      .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0))
      .slice(offset, offset + limit);
  }
  const day = today(ctx);
  const page: RegisterPage = {
    plans: [],
    admonitions: [],
    total: counts[view],
    totalCapped: capped[view],
    counts,
    capped,
  };
  if (view === 'admonitions') page.admonitions = rows.map(({ row }) => JSON.parse(row) as RegisterAdmonition);
  else
    page.plans = rows.map(({ row }) => {
      const { sessionsPerMonth, completedDate, counts, ...p } = JSON.parse(row) as StoredPlan;
      return {
        ...p,
        // A completed plan's progress stops where it stopped.
        progress: counts
          ? progressFromCounts(
              sessionsPerMonth,
              unpack(counts),
              p.status === 'completed' && completedDate ? completedDate : day,
            )
          : null,
      };
    });
  return page;
}
