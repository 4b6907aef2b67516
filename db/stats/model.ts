// The counting itself. Each figure is one SQL "base" query yielding the records behind it, one
// row per record: the ledger aggregates that query and the drill-down lists it, so a figure and
// its list can never disagree. Plain SQL through the raw handle: these are read-only scans
// shaped for their indexes (see EXPLAIN QUERY PLAN in test/integration/stats.test.ts).
import type { ReadCtx } from '../api/define';
import { TOWNSHIPS } from '../children/inputs';
import { localDate } from '../common/dates';
import { cellsAnswer } from './cells';
import { FEN_PER_YUAN, FIGURES, type FigureDef, type FigureKey, figureDef, NO_OWNER } from './codes';
import { BASE, BY_INSTANT, COLUMNS, DISTINCT_CHILD, TAGGED, TREND } from './queries';
import { lastYear, monthsOf, type Period, periodInstants } from './rules';

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
    const cells =
      cellsAnswer(raw, def, p, args, scope.ownerId, { months: false, tags: false }) ??
      (raw
        .prepare(
          `SELECT township AS t, owner_id AS o, count(DISTINCT child_id) AS n FROM (${base}) GROUP BY 1, 2`,
        )
        .all(args) as { t: string | null; o: string | null; n: number }[]);
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
  // The month cells where they answer the period exactly (cells.ts), else the records themselves.
  const rows =
    cellsAnswer(raw, def, p, args, scope.ownerId, { months: month !== 'NULL', tags: tag !== 'NULL' }) ??
    liveRows(raw, def, base, args, month, tag);
  for (const r of rows) {
    if (r.m !== null) add(out.byMonth, r.m, r.n);
    if ('monthOnly' in r && r.monthOnly) continue;
    out.total += r.n;
    add(out.byTownship, r.t ?? '', r.n);
    add(out.byOwner, r.o ?? NO_OWNER, r.n);
    if (r.g !== null) add(out.byTag, r.g, r.n);
  }
  return def.unit === 'yuan' ? inYuan(out) : out;
}

type Row = { t: string | null; o: string | null; m: string | null; g: string | null; n: number };

function liveRows(
  raw: ReadCtx['raw'],
  def: FigureDef,
  base: string,
  args: Record<string, unknown>,
  month: string,
  tag: string,
): Row[] {
  const measure = def.measure === 'sum' ? 'sum(value)' : 'count(*)';
  return raw
    .prepare(
      // Plain columns, no COALESCE: grouped in the stock index's own order, without a sort.
      `SELECT township AS t, owner_id AS o, ${month} AS m, ${tag} AS g, ${measure} AS n
       FROM (${base}) GROUP BY ${['1', '2', ...(month === 'NULL' ? [] : ['3']), ...(tag === 'NULL' ? [] : ['4'])].join(', ')}`,
    )
    .all(args) as Row[];
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
