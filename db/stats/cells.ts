// 统计台账's figures pre-counted by month (stats_cells). Each series is the records of a
// figure's own base query (queries.ts), counted per month, township, caseworker and tag;
// triggers on every table a base query reads keep the counts current in the transaction of the
// write, whatever the write (a handler, an import, a restore; a ledger import sets the children
// insert triggers aside and adds its new children's cells at once, setAsideChildInserts). A
// trigger subtracts what the rows it touches counted for before the change (BEFORE) and adds
// what they count after it (AFTER), by running the very base query narrowed to those rows: so
// a child moved to another township moves every record of its own, and nothing here restates
// a figure's definition. A year's figure is then twelve months of cells instead of a walk of
// every record.
//
// Months: a calendar-dated record by its date's month; an instant (registered, closed) by its
// month in SQLite's local time, which the reader checks against the period's own instants
// before it trusts the cells (cellsAnswer), and which is part of the fingerprint below, so a
// machine moved to another time zone rebuilds them.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ReadRaw } from '../api/define';
import { cached } from '../core/statements';
import { FIGURES, type FigureDef, type FigureKey } from './codes';
import { BASE, BY_INSTANT, DEFACTO_CONDITION, DISTINCT_CHILD, stockFlow, TAGGED } from './queries';
import type { Period } from './rules';

/** Bump to rebuild every database's cells even when the SQL below reads the same. */
const VERSION = 1;
const PREFIX = 'stats_cells_';

interface Series {
  name: string;
  /** The base query, yielding COLUMNS (queries.ts) and `value` when the figure sums one. */
  sql: string;
  instant: boolean;
  tagged: boolean;
  valued: boolean;
  /** Counted by child: the tag is the child, so a period's cells count each child once. */
  byChild?: boolean;
  /** A stock's flow: a row for all time too (month ''), so a count before a date reads the few months after it. */
  totals?: boolean;
}

const LEFT_AT = 'max(c.created_at, c.closed_at)';
const CLOSED = ' AND c.closed_at IS NOT NULL';
const DEFACTO = ` AND c.${DEFACTO_CONDITION}`;

/** The stocks, each as registered less left (queries.ts, stockFlow). */
const STOCKS: Partial<Record<FigureKey, { registered: string; left: string }>> = {
  childrenOnFile: { registered: 'registered', left: 'left' },
  deFactoOnFile: { registered: 'deFactoRegistered', left: 'deFactoLeft' },
};

interface Plan {
  series: Series[];
  /** The series a flow figure reads. */
  ofFigure: Map<FigureKey, string>;
  /** Trigger name → what follows CREATE TRIGGER name. */
  triggers: Map<string, Trigger>;
  fingerprintSql: string;
}

let planned: Plan | null = null;

function plan(): Plan {
  if (planned) return planned;
  const stock = (name: string, at: string, where: string): Series => ({
    name,
    sql: stockFlow(at, where),
    instant: true,
    tagged: false,
    valued: false,
    totals: true,
  });
  const series: Series[] = [
    stock('registered', 'c.created_at', ''),
    stock('left', LEFT_AT, CLOSED),
    stock('deFactoRegistered', 'c.created_at', DEFACTO),
    stock('deFactoLeft', LEFT_AT, CLOSED + DEFACTO),
  ];
  const ofFigure = new Map<FigureKey, string>();
  // Children new in a period are the children registered in it: the same rows as 'registered'.
  ofFigure.set('childrenNew', 'registered');
  for (const def of FIGURES) {
    if (def.kind === 'stock' || ofFigure.has(def.key)) continue;
    const sql = BASE[def.key];
    const byChild = DISTINCT_CHILD.has(def.key);
    const same = series.find(
      (s) => s.sql === sql && s.tagged === TAGGED.has(def.key) && !!s.byChild === byChild,
    );
    if (same) {
      ofFigure.set(def.key, same.name);
      continue;
    }
    series.push({
      name: def.key,
      sql,
      instant: BY_INSTANT.has(def.key),
      tagged: TAGGED.has(def.key),
      valued: /\bAS value\b/.test(sql),
      byChild,
    });
    ofFigure.set(def.key, def.key);
  }
  const triggers = triggerStatements(series);
  planned = {
    series,
    ofFigure,
    triggers,
    fingerprintSql: [...triggers].map(([name, t]) => `${name} ${t.body}`).join('\n'),
  };
  return planned;
}

/** The base query over all time, as a trigger can run it: no parameters, the planner free to use the row's key. */
function allTime(sql: string): string {
  return sql
    .replace(/\s+INDEXED BY \w+/g, '')
    .replace(/CROSS JOIN/g, 'JOIN')
    .replace(/:fromMs\b/g, String(Number.MIN_SAFE_INTEGER))
    .replace(/:endMs\b/g, String(Number.MAX_SAFE_INTEGER))
    .replace(/:from\b/g, "''")
    .replace(/:to\b/g, "'9999-99-99'");
}

const ALL_TIME_PARAMS = {
  from: '',
  to: '9999-99-99',
  fromMs: Number.MIN_SAFE_INTEGER,
  endMs: Number.MAX_SAFE_INTEGER,
};

function monthOf(s: Series): string {
  return s.instant ? `strftime('%Y-%m', at / 1000.0, 'unixepoch', 'localtime')` : 'substr(day, 1, 7)';
}

/**
 * The granules a child is counted once in: its year (YYYY), quarter (YYYY-Qn) and month
 * (YYYY-MM). Children do not add up over months (one counselled in March and in May is one
 * child in the year), so each granule holds its own count of distinct children.
 */
const GRANULE = `CASE granule.i WHEN 0 THEN substr(day, 1, 4)
  WHEN 1 THEN substr(day, 1, 4) || '-Q' || ((CAST(substr(day, 6, 2) AS INTEGER) + 2) / 3)
  ELSE substr(day, 1, 7) END`;

/** Adds (sign 1) or takes away (-1) what the base query's rows count, by cell. */
function cellsUpsert(s: Series, base: string, sign: 1 | -1): string {
  const k = sign === 1 ? '' : '-';
  if (s.byChild)
    return `INSERT INTO stats_cells (series, month, township, owner, tag, n, v)
    SELECT '${s.name}', ${GRANULE} AS m, coalesce(township, '') AS t, coalesce(owner_id, '') AS o,
      '', ${k}count(DISTINCT child_id), 0
    FROM (${base}) CROSS JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2) granule
    WHERE true GROUP BY m, t, o
    ON CONFLICT (series, month, township, owner, tag) DO UPDATE SET n = n + excluded.n, v = v + excluded.v;`;
  const tag = s.tagged ? `coalesce(tag, '')` : `''`;
  const month = s.totals ? `CASE total WHEN 1 THEN '' ELSE ${monthOf(s)} END` : monthOf(s);
  const from = s.totals ? `(${base}) CROSS JOIN (SELECT 0 AS total UNION ALL SELECT 1)` : `(${base})`;
  return `INSERT INTO stats_cells (series, month, township, owner, tag, n, v)
    SELECT '${s.name}', ${month} AS m, coalesce(township, '') AS t, coalesce(owner_id, '') AS o,
      ${tag} AS g, ${k}count(*), ${k}${s.valued ? 'sum(value)' : '0'}
    FROM ${from} WHERE true GROUP BY m, t, o, g
    ON CONFLICT (series, month, township, owner, tag) DO UPDATE SET n = n + excluded.n, v = v + excluded.v;`;
}

/** Every row's key: `id`, but a recognition is keyed by its child, a report's child by both. */
const KEY: Record<string, string[]> = {
  de_facto_recognitions: ['child_id'],
  mandatory_report_children: ['report_id', 'child_id'],
};

interface Trigger {
  table: string;
  body: string;
  /**
   * For a children AFTER INSERT trigger: its statement over a set of new children at once
   * (their ids as a JSON array, the one parameter), for a bulk insert that set it aside.
   */
  bulk?: string;
}

/**
 * Four triggers for each table a series reads (six for a series by child), each firing only
 * when a column that series reads changes: closing a child moves the stocks' cells and nothing
 * else, an edited name or note moves none.
 */
function triggerStatements(series: Series[]): Map<string, Trigger> {
  const out = new Map<string, Trigger>();
  for (const s of series) {
    const sql = allTime(s.sql);
    for (const [, table, alias] of sql.matchAll(/\b(?:FROM|JOIN) (\w+) (\w+)/g)) {
      const key = KEY[table] ?? ['id'];
      const cols = new Set<string>(key);
      for (const [, , col] of sql.matchAll(new RegExp(`\\b${alias}\\.("?)(\\w+)\\1`, 'g'))) cols.add(col);
      // rows: the row a record figure narrows to; for a figure by child, every row of the
      // children the written row bears on, on both sides of the change.
      const run = (rows: ('OLD' | 'NEW')[], sign: 1 | -1) =>
        cellsUpsert(
          s,
          s.byChild
            ? `${sql} AND c.id IN (${rows.map((row) => childrenOf(table, row)).join(' UNION ')})`
            : `${sql}${key.map((k) => ` AND ${alias}.${k} = ${rows[rows.length - 1]}.${k}`).join('')}`,
          sign,
        );

      const quoted = [...cols].map((c) => `"${c}"`);
      const changed = `UPDATE OF ${quoted.join(', ')} ON ${table} FOR EACH ROW WHEN ${quoted
        .map((c) => `OLD.${c} IS NOT NEW.${c}`)
        .join(' OR ')}`;
      const name = `${table}_${s.name}`;
      const set = (op: string, body: string, bulkBody?: string) =>
        out.set(`${name}_${op}`, { table, body, ...(bulkBody ? { bulk: bulkBody } : {}) });
      // A child is registered before its records: for a record's series, a new child's row
      // counts nothing unless records already name it, which a cheap probe tells.
      const fresh =
        table === 'children' && !/^\s*SELECT[\s\S]*?\bFROM children c\b/.test(sql.split(/\bJOIN\b/)[0])
          ? ` WHEN EXISTS (${sql} AND c.id = NEW.id)`
          : '';
      // The same rows for many new children at once, for a series counting children rows
      // themselves (one whose rows are records finds none for a child just made): the cells
      // are sums, so one grouped upsert over the set adds what the trigger added row by row.
      const bulk =
        table === 'children' && !fresh
          ? cellsUpsert(s, `${sql} AND ${s.byChild ? 'c' : alias}.id IN (SELECT value FROM json_each(?))`, 1)
          : undefined;
      set('ai', `AFTER INSERT ON ${table} FOR EACH ROW${fresh} BEGIN ${run(['NEW'], 1)} END`, bulk);
      set('bu', `BEFORE ${changed} BEGIN ${run(['NEW', 'OLD'], -1)} END`);
      set('au', `AFTER ${changed} BEGIN ${run(['OLD', 'NEW'], 1)} END`);
      set('bd', `BEFORE DELETE ON ${table} FOR EACH ROW BEGIN ${run(['OLD'], -1)} END`);
      // A child's count is not the sum of its rows': an insert or a delete takes the child's
      // whole count away before and puts it back after.
      if (s.byChild) {
        set('bi', `BEFORE INSERT ON ${table} FOR EACH ROW${fresh} BEGIN ${run(['NEW'], -1)} END`);
        set('ad', `AFTER DELETE ON ${table} FOR EACH ROW BEGIN ${run(['OLD'], 1)} END`);
      }
    }
  }
  return out;
}

/**
 * The children a written row bears on, whatever its state: its own child column (old and new
 * both asked for), or for a report the children it names. Never narrowed by the figure's
 * conditions, which the write may change.
 */
function childrenOf(table: string, row: 'OLD' | 'NEW'): string {
  if (table === 'children') return `SELECT ${row}.id`;
  if (table === 'mandatory_reports')
    return `SELECT child_id FROM mandatory_report_children WHERE report_id = ${row}.id`;
  return `SELECT ${row}.child_id`;
}

/** Local times SQLite gives for instants across the years: a time zone, or its rules, changed when these do. */
const PROBES = [1990, 2000, 2010, 2020, 2025, 2026, 2027, 2030, 2040].flatMap((y) => [
  Date.UTC(y, 0, 1) / 1000,
  Date.UTC(y, 6, 1) / 1000,
]);

const fingerprints = new WeakMap<ReadRaw, { zone: string; fp: string }>();

/**
 * The definition's and the time zone's hash, which the triggers' names carry: SQLite's local
 * times for the probes. They are asked again whenever JavaScript's offsets for the same
 * instants change (a process whose zone changed: Node tells the C library too), so such a
 * process reads the records, not cells counted in another zone's months, until an open
 * rebuilds them; a query per figure read would cost more than the figure.
 */
function fingerprint(raw: ReadRaw): string {
  const zone = PROBES.map((s) => new Date(s * 1000).getTimezoneOffset()).join(',');
  const seen = fingerprints.get(raw);
  if (seen?.zone === zone) return seen.fp;
  const local = cached(
    raw,
    `SELECT group_concat(strftime('%Y-%m-%d %H:%M', value, 'unixepoch', 'localtime')) FROM json_each(?)`,
  )
    .pluck()
    .get(JSON.stringify(PROBES)) as string;
  const fp = createHash('sha256')
    .update(`${VERSION}\n${local}\n${plan().fingerprintSql}`)
    .digest('hex')
    .slice(0, 12);
  fingerprints.set(raw, { zone, fp });
  return fp;
}

/**
 * Each statement a trigger runs, on which table, with the row's columns as parameters: for the
 * tests' EXPLAIN QUERY PLAN (a write must reach its own records by key, never walk a table).
 */
export function triggerQueries(): { table: string; sql: string }[] {
  return [...plan().triggers.values()].flatMap(({ table, body }) =>
    [...body.matchAll(/INSERT INTO stats_cells[\s\S]*?v = v \+ excluded\.v;/g)].map((m) => ({
      table,
      sql: m[0].replace(/\b(OLD|NEW)\.\w+/g, '?'),
    })),
  );
}

const triggerName = (fp: string, suffix: string) => `${PREFIX}${fp}_${suffix}`;

function hasTable(raw: ReadRaw): boolean {
  return !!raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stats_cells'`).get();
}

const checked = new WeakMap<ReadRaw, { schema: number; fp: string; ok: boolean }>();

/**
 * Whether this connection's cells are current: the table there and the triggers of this very
 * definition in place. Asked again only when the schema changed (a figure reads it 46 times).
 */
function current(raw: ReadRaw): boolean {
  const schema = cached(raw, 'SELECT schema_version FROM pragma_schema_version').pluck().get() as number;
  const fp = fingerprint(raw);
  const seen = checked.get(raw);
  if (seen?.schema === schema && seen.fp === fp) return seen.ok;
  const ok =
    hasTable(raw) &&
    !!raw
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`)
      .get(triggerName(fp, 'children_registered_au'));
  checked.set(raw, { schema, fp, ok });
  return ok;
}

/**
 * At every open: the triggers of this definition in place, and the cells rebuilt from the
 * records when they were not (a database from before, a changed definition, another time zone).
 */
export function prepareCells(raw: Database.Database): void {
  if (!hasTable(raw) || current(raw)) return;
  const { series, triggers } = plan();
  const fp = fingerprint(raw);
  raw.transaction(() => {
    dropCellTriggers(raw);
    raw.exec('DELETE FROM stats_cells');
    // The base queries as the ledger runs them (their indexes), over all time.
    for (const s of series) {
      let statement: Database.Statement;
      try {
        statement = raw.prepare(cellsUpsert(s, s.sql, 1));
      } catch {
        // An index the query names is missing (a migration rebuilt its table without it): the
        // same rows, planned freely (the ledger's own reads then fall back the same way).
        statement = raw.prepare(cellsUpsert(s, allTime(s.sql), 1));
      }
      statement.run(ALL_TIME_PARAMS);
    }
    for (const [suffix, t] of triggers) raw.exec(`CREATE TRIGGER "${triggerName(fp, suffix)}" ${t.body}`);
  })();
}

/** For a bulk load that rebuilds them after (test/fixtures/seeder.ts): the next prepareCells does. */
export function dropCellTriggers(raw: Database.Database): void {
  const old = raw
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '${PREFIX}%'`)
    .pluck()
    .all() as string[];
  for (const name of old) raw.exec(`DROP TRIGGER "${name}"`);
}

/**
 * For a bulk insert of new children (a ledger import), in the caller's transaction: the
 * triggers that fire on each insert into children set aside (about twenty statements per row,
 * most of them probes that find nothing), and put back by `restore`, which first adds the
 * children's cells in one grouped statement per series counting children rows (Trigger.bulk).
 * The same cells: the other series' rows are records naming the child, and no record can name
 * an id made by this insert (their triggers' own probe says so row by row), nor can a BEFORE
 * INSERT trigger's query (a figure by child taking the child's count away) find the child's
 * row before it exists. Rows of other tables keep their triggers. On a throw the caller's
 * rollback puts the triggers back with everything else. Null when this connection's cells are
 * not current (the next open rebuilds them anyway).
 */
export function setAsideChildInserts(
  raw: Database.Database,
): { restore: (childIds: readonly string[]) => void } | null {
  if (!current(raw)) return null;
  const fp = fingerprint(raw);
  const aside = [...plan().triggers].filter(
    ([suffix, t]) => t.table === 'children' && (suffix.endsWith('_ai') || suffix.endsWith('_bi')),
  );
  for (const [suffix] of aside) raw.exec(`DROP TRIGGER "${triggerName(fp, suffix)}"`);
  return {
    restore(childIds) {
      const ids = JSON.stringify(childIds);
      if (childIds.length) for (const [, t] of aside) if (t.bulk) raw.prepare(t.bulk).run(ids);
      for (const [suffix, t] of aside) raw.exec(`CREATE TRIGGER "${triggerName(fp, suffix)}" ${t.body}`);
    },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
function shiftMonth(ym: string, by: number): string {
  const [y, m] = ym.split('-').map(Number);
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}
const lastDayOf = (ym: string) => {
  const [y, m] = ym.split('-').map(Number);
  return `${ym}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
};

/** YYYY, YYYY-Qn or YYYY-MM when the period is exactly that year, quarter or month. */
function granuleOf(p: Period): string | null {
  const [fy, fm, fd] = p.from.split('-').map(Number);
  const [ty, tm] = p.to.split('-').map(Number);
  if (fy !== ty || fd !== 1 || p.to !== lastDayOf(p.to.slice(0, 7))) return null;
  if (fm === 1 && tm === 12) return String(fy);
  if (fm === tm) return p.from.slice(0, 7);
  if (fm % 3 === 1 && tm === fm + 2) return `${fy}-Q${(fm + 2) / 3}`;
  return null;
}

/** One row per cell group, as model.ts's own aggregation of a base query yields them. */
export interface CellRow {
  t: string;
  o: string;
  m: string | null;
  g: string | null;
  n: number;
  /** A month's total for the trend only, already in the rows by township and caseworker. */
  monthOnly?: 1;
}

/**
 * A figure's cells over the period, or null where the cells cannot say it exactly and the base
 * query must: a period not made of whole months (a custom range), a figure counted by child
 * (one child counselled in two months is one child), cells not current on this connection, or
 * a local time SQLite places in another month than the period's own instants do.
 */
export function cellsAnswer(
  raw: ReadRaw,
  def: FigureDef,
  p: Period,
  instants: { fromMs: number; endMs: number },
  owner: string | null,
  opts: { months: boolean; tags: boolean },
): CellRow[] | null {
  const toMonth = p.to.slice(0, 7);
  if (p.to !== lastDayOf(toMonth)) return null;
  const stock = STOCKS[def.key];
  const seriesName = plan().ofFigure.get(def.key);
  if (!stock && !seriesName) return null;
  if (!stock && !p.from.endsWith('-01')) return null;
  if (!current(raw)) return null;
  const instant = stock !== undefined || plan().series.find((s) => s.name === seriesName)!.instant;
  if (
    instant &&
    !boundariesAgree(raw, stock ? null : p.from.slice(0, 7), instants.fromMs, toMonth, instants.endMs)
  )
    return null;
  const ownerWhere = owner === null ? '' : ' AND owner = :owner';
  const args: Record<string, unknown> = { to: toMonth, ...(owner === null ? {} : { owner }) };
  if (stock) {
    // On file at the period's end: registered before it, less left before it.
    // Each as all time (month '') less the months after the period.
    return cached(
      raw,
      `SELECT t, o, NULL AS m, NULL AS g, sum(k) AS n FROM (
           SELECT township AS t, owner AS o, CASE series WHEN :registered THEN n ELSE -n END AS k
           FROM stats_cells WHERE series IN (:registered, :left) AND month = ''${ownerWhere}
           UNION ALL
           SELECT township, owner, CASE series WHEN :registered THEN -n ELSE n END
           FROM stats_cells WHERE series IN (:registered, :left) AND month > :to${ownerWhere})
         GROUP BY t, o HAVING sum(k) > 0`,
    ).all({ ...args, registered: stock.registered, left: stock.left }) as CellRow[];
  }
  const series = plan().series.find((s) => s.name === seriesName)!;
  if (series.byChild) {
    // A year, a quarter or a month has its own count of children; another range has none.
    const granule = granuleOf(p);
    if (granule === null) return null;
    return cached(
      raw,
      `SELECT township AS t, owner AS o, NULL AS m, NULL AS g, sum(n) AS n
       FROM stats_cells WHERE series = :series AND month = :granule${ownerWhere}
       GROUP BY township, owner HAVING sum(n) > 0`,
    ).all({ ...args, series: seriesName, granule }) as CellRow[];
  }
  const measure = def.measure === 'sum' ? 'sum(v)' : 'sum(n)';
  const range = { ...args, series: seriesName, from: p.from.slice(0, 7) };
  const rows = cached(
    raw,
    `SELECT township AS t, owner AS o, NULL AS m, ${opts.tags ? `nullif(tag, '')` : 'NULL'} AS g, ${measure} AS n
     FROM stats_cells WHERE series = :series AND month BETWEEN :from AND :to${ownerWhere}
     GROUP BY township, owner${opts.tags ? ', tag' : ''} HAVING sum(n) > 0`,
  ).all(range) as CellRow[];
  if (!opts.months) return rows;
  // The trend by month on its own: twelve rows, not every month of every township and caseworker.
  const months = cached(
    raw,
    `SELECT '' AS t, '' AS o, month AS m, NULL AS g, ${measure} AS n, 1 AS monthOnly
     FROM stats_cells WHERE series = :series AND month BETWEEN :from AND :to${ownerWhere}
     GROUP BY month HAVING sum(n) > 0`,
  ).all(range) as CellRow[];
  return [...rows, ...months];
}

/**
 * Whether SQLite's local months begin where the period's instants (rules.ts, in JavaScript's
 * local time) say they do: the instant at each end in the period's month, the one before it
 * in the month before.
 */
function boundariesAgree(
  raw: ReadRaw,
  fromMonth: string | null,
  fromMs: number,
  toMonth: string,
  endMs: number,
): boolean {
  const month = cached(raw, `SELECT strftime('%Y-%m', ? / 1000.0, 'unixepoch', 'localtime')`).pluck();
  const checks: [number, string][] = [
    [endMs - 1, toMonth],
    [endMs, shiftMonth(toMonth, 1)],
  ];
  if (fromMonth !== null) checks.push([fromMs, fromMonth], [fromMs - 1, shiftMonth(fromMonth, -1)]);
  return checks.every(([ms, want]) => month.get(ms) === want);
}
