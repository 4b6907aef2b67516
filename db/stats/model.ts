// The counting itself. Each figure is one SQL "base" query yielding the records behind it, one
// row per record: the ledger aggregates that query and the drill-down lists it, so a figure and
// its list can never disagree. Plain SQL through the raw handle: these are read-only scans
// shaped for their indexes (see EXPLAIN QUERY PLAN in test/integration/stats.test.ts).
import type { ReadCtx } from '../api/define';
import { TOWNSHIPS } from '../children/inputs';
import { localDate } from '../common/dates';
import { FEN_PER_YUAN, FIGURES, type FigureDef, type FigureKey, figureDef, NO_OWNER } from './codes';
import { lastYear, monthsOf, type Period, periodInstants } from './rules';

/**
 * Columns every base query yields: the record, its child (null for referrals), the date that
 * places it in the period (null for a stock), the child's township and caseworker (for a
 * referral: no township, and the caseworker who received it), a tag that splits a chart
 * (agency, outcome), and the extra a drill-down row shows (a document number, a parent id).
 */
const COLUMNS = 'id, child_id, day, at, township, owner_id, tag, extra, ref';

// CROSS JOIN keeps the dated record outermost (SQLite never reorders it): the period's range
// on the record's date index, then each child by primary key, never the other way round.
// INDEXED BY: the planner has no statistics (nothing runs ANALYZE) and, left to itself, takes
// children_created or a status index for the same range and then reads every row; each figure
// names the index that answers it (children_stats answers from the index alone).
const ON_FILE =
  'c.deleted_at IS NULL AND c.created_at < :endMs AND (c.closed_at IS NULL OR c.closed_at >= :endMs)';
/** Exactly the partial index's condition (children_stats_defacto), so the planner can use it. */
export const DEFACTO_CONDITION = `categories LIKE '%"deFactoUnsupported"%'`;

const childRecord = (table: string, alias: string, dateCol: string, extraWhere = '') =>
  `SELECT ${alias}.id AS id, ${alias}.child_id AS child_id, ${alias}.${dateCol} AS day, NULL AS at, c.township AS township,
     c.owner_id AS owner_id, NULL AS tag, NULL AS extra, NULL AS ref
   FROM ${table} ${alias} INDEXED BY ${table}_date CROSS JOIN children c INDEXED BY children_group ON c.id = ${alias}.child_id
   WHERE ${alias}.deleted_at IS NULL AND c.deleted_at IS NULL ${extraWhere}
     AND ${alias}.${dateCol} BETWEEN :from AND :to`;

/** A held 法治宣讲 event, in its own township, by whoever recorded it; value: its 受众人次. */
const outreachRecord = `SELECT e.id AS id, NULL AS child_id, e.date AS day, NULL AS at, e.township AS township,
    e.created_by AS owner_id, e.topic AS tag, NULL AS extra, NULL AS ref, coalesce(e.audience_count, 0) AS value
  FROM outreach_events e INDEXED BY outreach_date
  WHERE e.deleted_at IS NULL AND e.status = 'held' AND e.date BETWEEN :from AND :to`;

/** A 国家司法救助 case by one of its dates; value: the decided amount in 分. */
const reliefRecord = (dateCol: string, extraWhere = '') =>
  `SELECT x.id AS id, x.child_id AS child_id, x.${dateCol} AS day, NULL AS at, c.township AS township,
     c.owner_id AS owner_id, NULL AS tag, NULL AS extra, NULL AS ref, coalesce(x.amount_fen, 0) AS value
   FROM judicial_relief x INDEXED BY relief_${dateCol} CROSS JOIN children c INDEXED BY children_group ON c.id = x.child_id
   WHERE x.deleted_at IS NULL AND c.deleted_at IS NULL ${extraWhere}
     AND x.${dateCol} BETWEEN :from AND :to`;

const suitRecord = (dateCol: string, extraWhere = '') =>
  `SELECT x.id AS id, x.child_id AS child_id, x.${dateCol} AS day, NULL AS at, c.township AS township,
     c.owner_id AS owner_id, x.decision AS tag, x.prefix || '/' || x.year || '/' || x.seq AS extra, NULL AS ref
   FROM suit_supports x INDEXED BY suits_${dateCol} CROSS JOIN children c INDEXED BY children_group ON c.id = x.child_id
   WHERE x.deleted_at IS NULL AND c.deleted_at IS NULL ${extraWhere}
     AND x.${dateCol} BETWEEN :from AND :to`;

const BASE: Record<FigureKey, string> = {
  childrenOnFile: `SELECT c.id AS id, c.id AS child_id, NULL AS day, NULL AS at, c.township AS township, c.owner_id AS owner_id,
      NULL AS tag, NULL AS extra, NULL AS ref
    FROM children c INDEXED BY children_stock WHERE ${ON_FILE}`,
  childrenNew: `SELECT c.id AS id, c.id AS child_id, NULL AS day, c.created_at AS at, c.township AS township,
      c.owner_id AS owner_id, NULL AS tag, NULL AS extra, NULL AS ref
    FROM children c INDEXED BY children_stats WHERE c.deleted_at IS NULL AND c.created_at >= :fromMs AND c.created_at < :endMs`,
  deFactoOnFile: `SELECT c.id AS id, c.id AS child_id, NULL AS day, NULL AS at, c.township AS township, c.owner_id AS owner_id,
      NULL AS tag, NULL AS extra, NULL AS ref
    FROM children c INDEXED BY children_stats_defacto WHERE ${ON_FILE} AND c.${DEFACTO_CONDITION}`,
  deFactoNew: `SELECT c.id AS id, c.id AS child_id, d.recognised_on AS day, NULL AS at, c.township AS township,
      c.owner_id AS owner_id, NULL AS tag, NULL AS extra, NULL AS ref
    FROM de_facto_recognitions d INDEXED BY de_facto_recognitions_date
      CROSS JOIN children c INDEXED BY children_group ON c.id = d.child_id
    WHERE c.deleted_at IS NULL AND d.recognised_on BETWEEN :from AND :to AND c.${DEFACTO_CONDITION}`,
  referralsReceived: `SELECT r.id AS id, NULL AS child_id, r.received_date AS day, NULL AS at, NULL AS township,
      r.received_by AS owner_id, NULL AS tag, r.year || '/' || r.seq AS extra, NULL AS ref
    FROM referrals r INDEXED BY referrals_stats WHERE r.deleted_at IS NULL AND r.received_date BETWEEN :from AND :to`,
  referralActions: `SELECT a.id AS id, NULL AS child_id, a.sent_date AS day, NULL AS at, NULL AS township,
      r.received_by AS owner_id, a.agency AS tag, r.year || '/' || r.seq AS extra, a.referral_id AS ref
    FROM referral_actions a INDEXED BY referral_actions_sent CROSS JOIN referrals r INDEXED BY referrals_group ON r.id = a.referral_id
    WHERE a.deleted_at IS NULL AND a.withdrawn_at IS NULL AND r.deleted_at IS NULL
      AND a.sent_date BETWEEN :from AND :to`,
  admonitions: childRecord('admonitions', 'x', 'date'),
  guidanceSessions: `SELECT s.id AS id, p.child_id AS child_id, s.date AS day, NULL AS at, c.township AS township,
      c.owner_id AS owner_id, NULL AS tag, NULL AS extra, s.plan_id AS ref
    FROM guidance_sessions s INDEXED BY guidance_sessions_date CROSS JOIN guidance_plans p INDEXED BY guidance_plans_group ON p.id = s.plan_id CROSS JOIN children c INDEXED BY children_group ON c.id = p.child_id
    WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND c.deleted_at IS NULL
      AND s.date BETWEEN :from AND :to`,
  ordersIssued: `SELECT o.id AS id, o.child_id AS child_id, o.issue_date AS day, NULL AS at, c.township AS township,
      c.owner_id AS owner_id, NULL AS tag, o.prefix || '/' || o.year || '/' || o.seq AS extra, NULL AS ref
    FROM guardianship_orders o INDEXED BY orders_issue_date CROSS JOIN children c INDEXED BY children_group ON c.id = o.child_id
    WHERE o.deleted_at IS NULL AND o.withdrawn_at IS NULL AND c.deleted_at IS NULL
      AND o.issue_date BETWEEN :from AND :to`,
  ordersClosed: `SELECT o.id AS id, o.child_id AS child_id, NULL AS day, o.closed_at AS at, c.township AS township,
      c.owner_id AS owner_id, o.outcome AS tag, o.prefix || '/' || o.year || '/' || o.seq AS extra, NULL AS ref
    FROM guardianship_orders o INDEXED BY orders_closed_at CROSS JOIN children c INDEXED BY children_group ON c.id = o.child_id
    WHERE o.deleted_at IS NULL AND o.status = 'closed' AND c.deleted_at IS NULL
      AND o.closed_at >= :fromMs AND o.closed_at < :endMs`,
  assessments: childRecord('psych_assessments', 'x', 'date'),
  counsellingSessions: childRecord('counselling_sessions', 'x', 'date'),
  counselledChildren: childRecord('counselling_sessions', 'x', 'date'),
  visits: childRecord('visits', 'x', 'date', `AND x.status = 'final'`),
  // The four later duties. Each mirrors its area's own figure (REPORT_FIGURES, OUTREACH_FIGURES,
  // RELIEF_FIGURES, SUIT_FIGURES in their model.ts; test/integration/stats.test.ts holds them
  // equal), here shaped as records so a cell can be split and drilled.
  reportCases: `SELECT r.id AS id, NULL AS child_id, r.reported_date AS day, NULL AS at, NULL AS township,
      r.created_by AS owner_id, r."trigger" AS tag, r.year || '/' || r.seq AS extra, NULL AS ref
    FROM mandatory_reports r INDEXED BY mandatory_reports_reported
    WHERE r.deleted_at IS NULL AND r.status <> 'voided' AND r.reported_date BETWEEN :from AND :to`,
  reportChildren: `SELECT r.id || ':' || rc.child_id AS id, rc.child_id AS child_id, r.reported_date AS day, NULL AS at,
      c.township AS township, c.owner_id AS owner_id, NULL AS tag, r.year || '/' || r.seq AS extra, r.id AS ref
    FROM mandatory_reports r INDEXED BY mandatory_reports_reported
      CROSS JOIN mandatory_report_children rc INDEXED BY mandatory_report_children_pk ON rc.report_id = r.id
      CROSS JOIN children c INDEXED BY children_group ON c.id = rc.child_id
    WHERE r.deleted_at IS NULL AND r.status <> 'voided' AND c.deleted_at IS NULL
      AND r.reported_date BETWEEN :from AND :to`,
  outreachEvents: outreachRecord,
  outreachAudience: outreachRecord,
  reliefGranted: reliefRecord('decision_date', 'AND x.amount_fen IS NOT NULL'),
  reliefGrantedAmount: reliefRecord('decision_date', 'AND x.amount_fen IS NOT NULL'),
  reliefPaidAmount: reliefRecord('paid_date'),
  suitsIssued: suitRecord('issue_date'),
  suitsGranted: suitRecord('decision_date', `AND x.decision IN ('revoked', 'changed')`),
};

/** Figures that count children rather than records: one child counted once however many records. */
const DISTINCT_CHILD: ReadonlySet<FigureKey> = new Set(['counselledChildren', 'reportChildren']);
/**
 * The figures the monthly trend charts (the page's and 首页's); the others are not split by
 * month, which would cost a sort of every record for a line nobody draws.
 */
export const TREND: ReadonlySet<FigureKey> = new Set([
  'guidanceSessions',
  'admonitions',
  'ordersIssued',
  'counsellingSessions',
  'visits',
]);
/** Figures whose chart splits them by tag. */
const TAGGED: ReadonlySet<FigureKey> = new Set(['referralActions', 'ordersClosed']);

/** Figures placed in a period by an instant (created_at, closed_at) rather than a calendar date. */
const BY_INSTANT: ReadonlySet<FigureKey> = new Set(['childrenNew', 'ordersClosed']);

/**
 * The month a record falls in. For an instant, compared with each month's local start computed
 * here: SQLite's 'localtime' conversion per row cost more than the whole rest of the query.
 */
function monthExpr(key: FigureKey, p: Period): string {
  if (!BY_INSTANT.has(key)) return 'substr(day, 1, 7)';
  const months = monthsOf(p);
  const whens = months
    .slice(1)
    .map((m, i) => {
      const [y, mo] = m.split('-').map(Number);
      return `WHEN at < ${new Date(y, mo - 1, 1).getTime()} THEN '${months[i]}'`;
    })
    .join(' ');
  return `CASE ${whens} ELSE '${months[months.length - 1]}' END`;
}

export interface Scope {
  /** Only this caseworker's records (首页); null for the studio. */
  ownerId: string | null;
}

function params(p: Period, scope: Scope) {
  const { fromMs, endMs } = periodInstants(p);
  return {
    from: p.from,
    to: p.to,
    fromMs,
    endMs,
    ...(scope.ownerId !== null ? { owner: scope.ownerId } : {}),
  };
}

function scoped(key: FigureKey, scope: Scope): string {
  const base = BASE[key];
  return scope.ownerId === null ? base : `SELECT * FROM (${base}) WHERE owner_id = :owner`;
}

export interface FigureCounts {
  total: number;
  byTownship: Record<string, number>;
  /** By account id; NO_OWNER for records whose child has no caseworker. */
  byOwner: Record<string, number>;
  /** YYYY-MM → count, for the TREND figures only. */
  byMonth: Record<string, number>;
  /** agency or outcome → count, for the figures a chart splits. */
  byTag: Record<string, number>;
}

const add = (m: Record<string, number>, k: string, n: number) => {
  m[k] = (m[k] ?? 0) + n;
};

/** One figure over one period, in every breakdown the ledger and its charts need. */
export function countFigure(
  ctx: ReadCtx,
  def: FigureDef,
  p: Period,
  scope: Scope,
  withMonths: boolean,
): FigureCounts {
  const raw = ctx.raw;
  const base = scoped(def.key, scope);
  const args = params(p, scope);
  const out: FigureCounts = { total: 0, byTownship: {}, byOwner: {}, byMonth: {}, byTag: {} };
  const month = withMonths && TREND.has(def.key) ? monthExpr(def.key, p) : 'NULL';
  const tag = TAGGED.has(def.key) ? 'tag' : 'NULL';
  if (DISTINCT_CHILD.has(def.key)) {
    // A child has one township and one caseworker, so the distinct counts of the cells add up
    // to the distinct count of the whole; months do not (a child counselled twice), so apart.
    const cells = raw
      .prepare(
        `SELECT township AS t, owner_id AS o, count(DISTINCT child_id) AS n FROM (${base}) GROUP BY 1, 2`,
      )
      .all(args) as { t: string | null; o: string | null; n: number }[];
    for (const c of cells) {
      out.total += c.n;
      add(out.byTownship, c.t ?? '', c.n);
      add(out.byOwner, c.o ?? NO_OWNER, c.n);
    }
    if (month !== 'NULL') {
      const months = raw
        .prepare(`SELECT ${month} AS m, count(DISTINCT child_id) AS n FROM (${base}) GROUP BY 1`)
        .all(args) as { m: string; n: number }[];
      for (const m of months) out.byMonth[m.m] = m.n;
    }
    return out;
  }
  const measure = def.measure === 'sum' ? 'sum(value)' : 'count(*)';
  const rows = raw
    .prepare(
      // Plain columns, no COALESCE: grouped in the stock index's own order, without a sort.
      `SELECT township AS t, owner_id AS o, ${month} AS m, ${tag} AS g, ${measure} AS n
       FROM (${base}) GROUP BY ${['1', '2', ...(month === 'NULL' ? [] : ['3']), ...(tag === 'NULL' ? [] : ['4'])].join(', ')}`,
    )
    .all(args) as { t: string | null; o: string | null; m: string | null; g: string | null; n: number }[];
  for (const r of rows) {
    out.total += r.n;
    add(out.byTownship, r.t ?? '', r.n);
    add(out.byOwner, r.o ?? NO_OWNER, r.n);
    if (r.m !== null) add(out.byMonth, r.m, r.n);
    if (r.g !== null) add(out.byTag, r.g, r.n);
  }
  return def.unit === 'yuan' ? inYuan(out) : out;
}

/** Sums in 分 become 元 once, after every cell is added up in exact integers. */
function inYuan(c: FigureCounts): FigureCounts {
  const map = (m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v / FEN_PER_YUAN]));
  return {
    total: c.total / FEN_PER_YUAN,
    byTownship: map(c.byTownship),
    byOwner: map(c.byOwner),
    byMonth: map(c.byMonth),
    byTag: map(c.byTag),
  };
}

export interface LedgerFigure extends FigureCounts {
  key: FigureKey;
  /** The same period a year earlier (同期). */
  lastYear: Pick<FigureCounts, 'total' | 'byTownship' | 'byOwner'>;
}

export interface Ledger {
  period: Period;
  lastYearPeriod: Period;
  months: string[];
  /** Every township of the district, then any other a record names, in the district's order. */
  townships: string[];
  /** Caseworkers with a record or a child in the period, and NO_OWNER when some have none. */
  owners: { id: string; name: string }[];
  figures: LedgerFigure[];
}

export function computeLedger(
  ctx: ReadCtx,
  period: Period,
  scope: Scope = { ownerId: null },
  only?: { figures: readonly FigureKey[]; lastYear: boolean },
): Ledger {
  const prior = lastYear(period);
  const empty = { total: 0, byTownship: {}, byOwner: {}, byMonth: {}, byTag: {} };
  const defs = only ? FIGURES.filter((d) => only.figures.includes(d.key)) : FIGURES;
  const figures = defs.map((def): LedgerFigure => {
    const now = countFigure(ctx, def, period, scope, true);
    const before = !only || only.lastYear ? countFigure(ctx, def, prior, scope, false) : empty;
    return {
      key: def.key,
      ...now,
      lastYear: { total: before.total, byTownship: before.byTownship, byOwner: before.byOwner },
    };
  });
  const seenTownships = new Set<string>();
  const seenOwners = new Set<string>();
  for (const f of figures)
    for (const counts of [f.byTownship, f.lastYear.byTownship])
      for (const k of Object.keys(counts)) seenTownships.add(k);
  for (const f of figures)
    for (const counts of [f.byOwner, f.lastYear.byOwner])
      for (const k of Object.keys(counts)) seenOwners.add(k);
  seenTownships.delete('');
  const townships: string[] = [...TOWNSHIPS];
  for (const t of [...seenTownships].sort()) if (!townships.includes(t)) townships.push(t);
  const accounts = ctx.raw
    .prepare(
      `SELECT id, display_name AS name, role FROM accounts WHERE deleted_at IS NULL ORDER BY created_at`,
    )
    .all() as { id: string; name: string; role: string }[];
  const owners = accounts
    .filter((a) => seenOwners.has(a.id) || a.role === 'caseworker')
    .map((a) => ({ id: a.id, name: a.name }));
  if (seenOwners.has(NO_OWNER)) owners.push({ id: NO_OWNER, name: '' });
  return { period, lastYearPeriod: prior, months: monthsOf(period), townships, owners, figures };
}

export interface DrillRow {
  id: string;
  /** YYYY-MM-DD that placed the record in the period; null for a child on file. */
  date: string | null;
  childId: string | null;
  childName: string | null;
  /** Masked by the children area's one mask (children/idNumber.ts). */
  idNumber: string | null;
  township: string | null;
  ownerName: string | null;
  /** Agency or outcome code. */
  tag: string | null;
  /** Document number parts ("prefix/year/seq" or "year/seq"), or null. */
  number: string | null;
  /** The record a row links to, when it is not the child's file. */
  ref: string | null;
  /** For a summed figure, what this record adds: 人次, or 元 for an amount. */
  value: number | null;
}

export interface DrillPage {
  figure: FigureKey;
  total: number;
  rows: DrillRow[];
}

/** The records behind one cell, from the figure's own base query, a page at a time. */
export function drillFigure(
  ctx: ReadCtx,
  key: FigureKey,
  p: Period,
  cell: { township: string | null; ownerId: string | null },
  page: { offset: number; limit: number },
  mask: (id: string | null) => string | null,
): DrillPage {
  const def = figureDef(key);
  const args: Record<string, unknown> = params(p, { ownerId: null });
  const where: string[] = [];
  if (cell.township !== null) {
    where.push(`COALESCE(b.township, '') = :cellTownship`);
    args.cellTownship = cell.township;
  }
  if (cell.ownerId !== null) {
    where.push(`COALESCE(b.owner_id, '') = :cellOwner`);
    args.cellOwner = cell.ownerId;
  }
  const columns = def.measure === 'sum' ? `${COLUMNS}, value` : COLUMNS;
  const filtered = `SELECT ${columns
    .split(', ')
    .map((c) => `b.${c}`)
    .join(', ')} FROM (${BASE[def.key]}) b${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const total = (ctx.raw.prepare(`SELECT count(*) AS n FROM (${filtered})`).get(args) as { n: number }).n;
  const rows = ctx.raw
    .prepare(
      `SELECT f.id, f.child_id AS childId, f.day AS date, f.at, f.township, f.tag, f.extra AS number, f.ref,
         ${def.measure === 'sum' ? 'f.value' : 'NULL'} AS value,
         c.name AS childName, c.id_number AS idNumber, a.display_name AS ownerName
       FROM (${filtered}) f
       LEFT JOIN children c ON c.id = f.child_id
       LEFT JOIN accounts a ON a.id = f.owner_id
       ORDER BY f.day DESC, f.at DESC, c.name_pinyin, f.id LIMIT :limit OFFSET :offset`,
    )
    .all({ ...args, limit: page.limit, offset: page.offset }) as (DrillRow & { at: number | null })[];
  return {
    figure: key,
    total,
    rows: rows.map(({ at, ...r }) => ({
      ...r,
      date: r.date ?? (at !== null && def.kind === 'flow' ? localDate(at) : null),
      idNumber: mask(r.idNumber),
      value: r.value !== null && def.unit === 'yuan' ? r.value / FEN_PER_YUAN : r.value,
    })),
  };
}

/** A figure's base query and its parameters, for EXPLAIN QUERY PLAN in the tests. */
export function figureQuery(key: FigureKey, p: Period): { sql: string; params: Record<string, unknown> } {
  return { sql: BASE[key], params: params(p, { ownerId: null }) };
}
