import { and, asc, count, desc, eq, gt, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { type ChildPermissions, can, childPermissions, demand } from '../access/policy';
import { accounts } from '../accounts/schema';
import { type Ctx, method, type ReadCtx, type ViewCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { updateVersioned } from '../common/records';
import { cached, preparedQuery } from '../core/statements';
import { t } from '../i18n';
import { type DuplicateCandidate, duplicatesForReader } from './duplicates';
import { addMonths } from './guardianship';
import {
  binListInput,
  type ChildCreateInput,
  childCloseInput,
  childCreateInput,
  childGetInput,
  childListInput,
  childRevealInput,
  childUpdateInput,
  childVersionInput,
  duplicateCheckInput,
  idMismatches,
} from './inputs';
import {
  type ChildProfile,
  type ChildRow,
  type ChildSummary,
  checkChild,
  checkRecognition,
  clearSearchKeys,
  createChild,
  type DerivedGuardianship,
  deriveGuardianship,
  type KeyMatch,
  keepRecognition,
  keyMatch,
  loadChild,
  ownerName,
  pinyinKey,
  recognisedOn,
  recognitionDate,
  type SummaryFields,
  today,
  toProfile,
  toSummary,
  writeSearchKeys,
} from './model';
import { type PersonLink, relationsOfChild } from './relations';
import {
  childRelations,
  children,
  childSearchKeys,
  custodyRecords,
  deFactoRecognitions,
  persons,
} from './schema';
import { isIdQuery, normalizeQuery } from './search';
import { childTimeline, type TimelineItem } from './timeline';

export const childrenMethods = {
  'children.create': method({
    input: childCreateInput,
    access: 'user',
    kind: 'write',
    handler: createChildren,
  }),

  'children.update': method({
    input: childUpdateInput,
    access: 'user',
    kind: 'write',
    handler: updateChildren,
  }),

  'children.checkDuplicates': method({
    input: duplicateCheckInput,
    access: 'user',
    // A view: a check that carries a whole ID number is audited (it can confirm a guess).
    kind: 'view',
    handler: checkDuplicates,
  }),

  'children.list': method({
    input: childListInput,
    access: 'user',
    // A view: an ID lookup is audited; a search by name writes nothing.
    kind: 'view',
    handler: listChildrenMethod,
  }),

  'children.get': method({
    input: childGetInput,
    access: 'user',
    // Opening a child's file is recorded (个人信息保护法 art. 28: sensitive data): a view.
    kind: 'view',
    handler: getChildren,
  }),

  /**
   * The file again after a change made from it (a relative added, custody edited). Not a new
   * opening, so it is audited only if this user has not opened the file in the last 12 hours.
   */
  'children.refresh': method({
    input: childGetInput,
    access: 'user',
    kind: 'view',
    handler: refresh,
  }),

  'children.revealIdNumber': method({
    input: childRevealInput,
    access: 'user',
    kind: 'view',
    handler: revealIdNumber,
  }),

  'children.close': method({
    input: childCloseInput,
    access: 'user',
    kind: 'write',
    handler: closeChildren,
  }),

  'children.reopen': method({
    input: childVersionInput,
    access: 'user',
    kind: 'write',
    handler: reopen,
  }),

  'children.delete': method({
    input: childVersionInput,
    access: 'user',
    kind: 'write',
    handler: deleteChildren,
  }),

  'children.binList': method({
    input: binListInput,
    access: 'user',
    kind: 'read',
    handler: binList,
  }),

  'children.restore': method({
    input: childVersionInput,
    access: 'user',
    kind: 'write',
    handler: restoreChildren,
  }),

  'children.purge': method({
    input: childGetInput,
    access: ['admin'],
    kind: 'write',
    handler: purge,
  }),
};

export interface ChildFile {
  profile: ChildProfile;
  relations: PersonLink[];
  guardianship: DerivedGuardianship;
  caregiver: { name: string; phone: string | null; relation: string } | null;
  /** The parent or relative in custody now, with the nearest expected release. */
  detained: {
    personId: string;
    name: string;
    relation: string;
    measure: string;
    expectedRelease: string | null;
  }[];
  timeline: TimelineItem[];
  /** What this reader may do with this child, from the one policy: the screens show buttons by it. */
  permissions: ChildPermissions;
}

function childFile(ctx: ViewCtx, row: ChildRow): ChildFile {
  const day = today(ctx);
  const relations = relationsOfChild(ctx, row.id);
  const caregiverLink =
    relations.find((r) => r.person.id === row.caregiverPersonId) ??
    relations.find((r) => r.isCaregiver) ??
    null;
  const detained = relations.flatMap((r) =>
    r.custody
      .filter((c) => c.startDate <= day && (!c.actualRelease || c.actualRelease > day))
      .map((c) => ({
        personId: r.person.id,
        name: r.person.name,
        relation: r.relation,
        measure: c.measure,
        expectedRelease: c.expectedRelease,
      })),
  );
  return {
    profile: toProfile(row, day, ownerName(ctx, row.ownerId), recognisedOn(ctx, row)),
    relations,
    guardianship: deriveGuardianship(ctx, row, relations),
    caregiver: caregiverLink
      ? {
          name: caregiverLink.person.name,
          phone: caregiverLink.person.phone,
          relation: caregiverLink.relation,
        }
      : null,
    detained,
    timeline: childTimeline(ctx, row.id, relations),
    permissions: childPermissions(ctx.user, row.ownerId),
  };
}

function ageBandRange(band: string, day: string): { after: string; upTo: string } {
  const [from, to] = band.split('-').map(Number);
  // Aged `from`..`to` today: born after today−(to+1) years, on or before today−from years.
  return { after: addMonths(day, -12 * (to + 1)), upTo: addMonths(day, -12 * from) };
}

/** A query matching at most this many search keys is "narrow": its children are looked up directly. */
const NARROW_KEYS = 4000;
/**
 * An ID fragment's threshold is lower: past it, walking the children in name order and reading
 * each one's number (about a microsecond a child, a page found within 50 / share of them) is
 * quicker than reading and sorting every match's keys (about a microsecond a key).
 */
const NARROW_ID_KEYS = 2500;
/** The two thresholds; a test sets them to 0 to send every range query down the broad path. */
export const SEARCH_THRESHOLDS = { narrowKeys: NARROW_KEYS, narrowIdKeys: NARROW_ID_KEYS };
const narrowKeys = (m: KeyMatch) =>
  m.idFragment ? SEARCH_THRESHOLDS.narrowIdKeys : SEARCH_THRESHOLDS.narrowKeys;
/** A broad query's count stops here; the list says "more than". */
const BROAD_COUNT_CAP = 500;

const keyRows = alias(childSearchKeys, 'k');

/** The match's rows for a drizzle query: `FROM ${keyFrom(m)} WHERE ${keyWhere(m)}` (see KeyMatch). */
function keyFrom(m: KeyMatch): SQL {
  const n = m.from.split('?').length - 1;
  return sqlWith(m.from, m.params.slice(0, n));
}
function keyWhere(m: KeyMatch): SQL {
  const n = m.from.split('?').length - 1;
  return sqlWith(m.where, m.params.slice(n));
}
/** SQL text with `?` placeholders and their values, as a drizzle fragment. */
function sqlWith(text: string, params: readonly string[]): SQL {
  const parts = text.split('?');
  const chunks: SQL[] = [sql.raw(parts[0])];
  params.forEach((p, i) => {
    chunks.push(sql`${p}`, sql.raw(parts[i + 1]));
  });
  return sql.join(chunks);
}

/**
 * The match as one condition on a key row `k` of one child (an EXISTS on the child's keys).
 * Several arms are tested on each of the child's few keys (`+k.key`: one seek for the child)
 * rather than searched one by one, a seek each.
 */
function keyCondition(m: KeyMatch): SQL {
  const arms = m.keys.length + m.ranges.length;
  const key = arms === 1 ? sql.raw('k.key') : sql.raw('+k.key');
  const each = [
    ...m.keys.map((v) => sql`${key} = ${v}`),
    ...m.ranges.map(([from, to]) => sql`(${key} >= ${from} AND ${key} < ${to})`),
  ];
  return arms === 1 && m.keys.length === 1 ? each[0] : sql`(${sql.join(each, sql` OR `)})`;
}

/**
 * A query under several keys (a name's and the places'): each key's rows in name order, merged
 * by SQLite (a compound SELECT ordered as its arms are: MERGE, no sort), deduplicated (a child
 * under two of them is one row of the same name order). `conditions` are the children's own,
 * or none: then only the key index is read.
 */
function mergedKeys(m: KeyMatch, conditions: SQL | undefined, order: 'asc' | 'desc'): SQL {
  const arms = m.keys.map((key) =>
    conditions
      ? sql`SELECT k.name_pinyin, k.name, k.child_id FROM ${childSearchKeys} k INNER JOIN ${children} ON ${children.id} = k.child_id WHERE k.key = ${key} AND ${conditions}`
      : sql`SELECT k.name_pinyin, k.name, k.child_id FROM ${childSearchKeys} k WHERE k.key = ${key}`,
  );
  const dir = order === 'desc' ? sql.raw(' DESC') : sql.raw('');
  return sql`${sql.join(arms, sql` UNION `)} ORDER BY 1${dir}, 2${dir}, 3${dir}`;
}
// Prepared once per text (a match's shape: how many keys and ranges); a watched connection (the
// query-plan test, the bench's recorder) still sees each run (cached in core/statements.ts).
const listProbe = (ctx: ReadCtx, m: KeyMatch) =>
  cached(
    ctx.raw,
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${m.from} WHERE ${m.where} LIMIT ${narrowKeys(m) + 1})`,
  );
/** The matches' ids in name order, sorted by SQLite (in the key table's own order, and quicker than here). */
const listNarrowKeys = (ctx: ReadCtx, m: KeyMatch, order: 'asc' | 'desc') => {
  const d = order === 'desc' ? ' DESC' : '';
  return cached(
    ctx.raw,
    `SELECT DISTINCT k.child_id AS id, k.name_pinyin, k.name FROM ${m.from} WHERE ${m.where} ORDER BY 2${d}, 3${d}, 1${d}`,
  );
};
const listNarrowIds = (ctx: ReadCtx, m: KeyMatch) =>
  cached(ctx.raw, `SELECT DISTINCT k.child_id AS id FROM ${m.from} WHERE ${m.where}`);

/** The sort keys of a narrow query's children (listChildren, no filter asked). */
const NARROW_SORT_KEYS = `SELECT id, name, name_pinyin AS namePinyin, birth_date AS birthDate, created_at AS createdAt,
    updated_at AS updatedAt, risk_level AS riskLevel
  FROM children WHERE +deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`;

const RISK_RANK: Record<string, number> = { red: 0, orange: 1, yellow: 2, green: 3 };

/** The list's orders, for the narrow search path that sorts in memory (same as the SQL ORDER BY). */
type SortKeys = Pick<ChildRow, 'id' | 'name' | 'namePinyin'> &
  Partial<Pick<ChildRow, 'birthDate' | 'createdAt' | 'updatedAt' | 'riskLevel'>>;
function compareChildren(a: SortKeys, b: SortKeys, sort: string, order: 'asc' | 'desc'): number {
  const flip = order === 'desc' ? -1 : 1;
  // Only the name's keys are read for a search in name order: the others are there when sorted by.
  const cmp = (x: string | number | undefined, y: string | number | undefined) =>
    (x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0;
  let r = 0;
  // By name, the reverse order is the whole order reversed, down to the id (the key table's order).
  if (sort === 'name') r = flip * (cmp(a.namePinyin, b.namePinyin) || cmp(a.name, b.name) || cmp(a.id, b.id));
  else if (sort === 'birthDate') r = flip * cmp(a.birthDate, b.birthDate);
  else if (sort === 'createdAt') r = flip * cmp(a.createdAt, b.createdAt);
  else if (sort === 'updatedAt') r = flip * cmp(a.updatedAt, b.updatedAt);
  else
    r =
      flip * cmp(RISK_RANK[a.riskLevel ?? 'green'] ?? 3, RISK_RANK[b.riskLevel ?? 'green'] ?? 3) ||
      cmp(a.namePinyin, b.namePinyin);
  return r || cmp(a.id, b.id);
}

const RISK_ORDER = sql`CASE ${children.riskLevel} WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2 ELSE 3 END`;

export interface ChildList {
  rows: ChildSummary[];
  total: number;
  totalCapped: boolean;
  /** For an ID query: whether the whole number was matched, or a fragment over all or own children. */
  idScope?: 'whole' | 'all' | 'own';
}

/**
 * The page of matches already in order, and their count (capped as a broad query's is, so a
 * count never depends on which path answered it).
 */
function pageOf(
  ctx: ReadCtx,
  keys: readonly { id: string }[],
  input: ReturnType<typeof childListInput.parse>,
  day: string,
  match: KeyMatch | null,
): ChildList {
  const page = keys.slice(input.offset, input.offset + input.limit).map((k) => k.id);
  const capped = !!match && keys.length > BROAD_COUNT_CAP;
  return {
    rows: summariesInOrder(ctx, page, day),
    total: capped ? BROAD_COUNT_CAP : keys.length,
    totalCapped: capped,
  };
}

/**
 * The summaries of a page of children, by id, in the page's order: the summary's columns only,
 * read as named columns from one statement prepared once per connection. Drizzle read the
 * whole 36-column row into a nested object per child and the list kept a sixth of it; that
 * mapping was most of a search's time outside SQLite.
 */
const PAGE_SUMMARIES = `SELECT c.id, c.name, c.gender, c.birth_date AS birthDate, c.id_number AS idNumber,
    c.township, c.village, c.school, c.risk_level AS riskLevel, c.categories, c.status,
    c.owner_id AS ownerId, c.version, c.created_at AS createdAt, c.updated_at AS updatedAt,
    a.display_name AS ownerName
  FROM json_each(?) j CROSS JOIN children c ON c.id = j.value LEFT JOIN accounts a ON a.id = c.owner_id
  WHERE c.deleted_at IS NULL ORDER BY j.key`;
type SummaryRow = Omit<SummaryFields, 'categories'> & { categories: string; ownerName: string | null };

function summariesInOrder(ctx: ReadCtx, page: readonly string[], day: string): ChildSummary[] {
  if (page.length === 0) return [];
  const rows = cached(ctx.raw, PAGE_SUMMARIES).all(JSON.stringify(page)) as SummaryRow[];
  return rows.map((r) =>
    toSummary(
      { ...r, categories: JSON.parse(r.categories) as SummaryFields['categories'] },
      day,
      r.ownerName,
    ),
  );
}

type ListInput = ReturnType<typeof childListInput.parse>;

/** Which filters the list asks and in what order: one prepared page and count for each. */
function listShape(input: ListInput): string {
  const asked = (['status', 'riskLevel', 'township', 'ownerId', 'category', 'ageBand'] as const).map((k) =>
    input[k] ? k : '',
  );
  return `${asked.join(',')}|${input.sort}|${input.order}`;
}

function listValues(input: ListInput, day: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const k of ['status', 'riskLevel', 'township', 'ownerId', 'category'] as const) {
    const v = input[k];
    if (v) values[k] = v;
  }
  if (input.ageBand) Object.assign(values, ageBandRange(input.ageBand, day));
  return values;
}

/** The list's ORDER BY for its sort, down to the id so a page boundary never ties. */
function listOrder(input: ListInput) {
  const dir = input.order === 'desc' ? desc : asc;
  const orderBy = {
    name: [dir(children.namePinyin), dir(children.name)],
    birthDate: [dir(children.birthDate)],
    createdAt: [dir(children.createdAt)],
    updatedAt: [dir(children.updatedAt)],
    riskLevel: [input.order === 'desc' ? desc(RISK_ORDER) : asc(RISK_ORDER), asc(children.namePinyin)],
  }[input.sort];
  return [...orderBy, input.sort === 'name' ? dir(children.id) : asc(children.id)];
}

/** The list's page of ids and its count, for one shape (listShape), values as placeholders. */
function listStatements(ctx: ReadCtx, input: ListInput) {
  const p = (name: string) => sql.placeholder(name);
  const where: SQL[] = [isNull(children.deletedAt)];
  if (input.status) where.push(eq(children.status, p('status')));
  if (input.riskLevel) where.push(eq(children.riskLevel, p('riskLevel')));
  if (input.township) where.push(eq(children.township, p('township')));
  if (input.ownerId) where.push(eq(children.ownerId, p('ownerId')));
  if (input.category)
    where.push(sql`EXISTS (SELECT 1 FROM json_each(${children.categories}) WHERE value = ${p('category')})`);
  if (input.ageBand) where.push(gt(children.birthDate, p('after')), lte(children.birthDate, p('upTo')));
  const order = listOrder(input);
  const filter = and(...where);
  return {
    // The page's ids only: the rows an OFFSET skips are skipped in the index (in name order it
    // holds every column of the order), not each read.
    page: ctx.db
      .select({ id: children.id })
      .from(children)
      .where(filter)
      .orderBy(...order)
      .limit(p('limit'))
      .offset(p('offset'))
      .prepare(),
    count: ctx.db.select({ n: count() }).from(children).where(filter).prepare(),
  };
}

/** The list, optionally narrowed to one exact ID number or to one owner's children. */
function listChildren(
  ctx: ReadCtx,
  input: ReturnType<typeof childListInput.parse>,
  q: string,
  restrict: { exact: string } | { ownerId: string } | null,
): ChildList {
  const day = today(ctx);
  let ids: string[] | null = null;
  let broad: SQL | null = null;
  let match: KeyMatch | null = null;
  const filtered =
    !!(
      input.status ||
      input.riskLevel ||
      input.township ||
      input.ownerId ||
      input.category ||
      input.ageBand
    ) || !!(restrict && 'ownerId' in restrict);
  if (restrict && 'exact' in restrict) {
    ids = cached(ctx.raw, 'SELECT id FROM children WHERE id_number = ? AND deleted_at IS NULL')
      .all(restrict.exact)
      .map((r) => (r as { id: string }).id);
    if (ids.length === 0) return { rows: [], total: 0, totalCapped: false };
  } else if (q) {
    match = keyMatch(ctx.raw, q);
    // A short query in name order needs no probe: its page is a LIMIT on its key (below).
    // Otherwise, how broad is the query? An index-only look at its keys, stopped early.
    const ordered = match.exact && input.sort === 'name';
    const probe = ordered ? null : (listProbe(ctx, match).get(...match.params) as { n: number });
    if (probe && probe.n <= narrowKeys(match) && input.sort === 'name' && !filtered) {
      // Narrow, in name order, nothing else asked: the key index alone orders them.
      const keys = listNarrowKeys(ctx, match, input.order).all(...match.params) as { id: string }[];
      return pageOf(ctx, keys, input, day, match);
    }
    if (probe && probe.n <= narrowKeys(match)) {
      ids = (listNarrowIds(ctx, match).all(...match.params) as { id: string }[]).map((r) => r.id);
      if (ids.length === 0) return { rows: [], total: 0, totalCapped: false };
    } else if (!ordered) {
      // Walked in name order, each child checked: an ID fragment on the number the row holds
      // (what its keys say, without reading them), anything else on the child's keys.
      broad = match.idFragment
        ? sql`instr(lower(${children.idNumber}), ${match.idFragment}) > 0`
        : sql`EXISTS (SELECT 1 FROM child_search_keys k WHERE k.child_id = ${children.id} AND ${keyCondition(match)})`;
    }
  }
  // With a search, `+deleted_at` keeps the planner off the (deleted_at, …) indexes: it would
  // take "not deleted" for a rare value and scan every child instead of the few that match.
  const where: (SQL | undefined)[] = [q ? sql`+${children.deletedAt} IS NULL` : isNull(children.deletedAt)];
  // One parameter however many ids: a statement with thousands of them costs more to prepare than to run.
  if (ids) where.push(sql`${children.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  if (input.status) where.push(eq(children.status, input.status));
  if (input.riskLevel) where.push(eq(children.riskLevel, input.riskLevel));
  if (input.township) where.push(eq(children.township, input.township));
  if (input.ownerId) where.push(eq(children.ownerId, input.ownerId));
  if (restrict && 'ownerId' in restrict) where.push(eq(children.ownerId, restrict.ownerId));
  if (input.category) {
    where.push(sql`EXISTS (SELECT 1 FROM json_each(${children.categories}) WHERE value = ${input.category})`);
  }
  if (input.ageBand) {
    const { after, upTo } = ageBandRange(input.ageBand, day);
    where.push(gt(children.birthDate, after), lte(children.birthDate, upTo));
  }
  // The children's own conditions, for the queries that start from the key table.
  const base = [...where];
  if (broad) where.push(broad);
  const filter = and(...where);
  if (ids) {
    // Narrow: the few matching children, looked up by id and ordered here, so no index on
    // the order can tempt the planner into walking every child. Only the sort keys of every
    // match are read; the whole rows only for the page shown.
    // Without a filter (a whole ID number, a narrow search in another order) the statement is
    // always the same: prepared once, not built by drizzle on every call.
    const keys = filtered
      ? ctx.db
          .select({
            id: children.id,
            name: children.name,
            namePinyin: children.namePinyin,
            birthDate: children.birthDate,
            createdAt: children.createdAt,
            updatedAt: children.updatedAt,
            riskLevel: children.riskLevel,
          })
          .from(children)
          .where(filter)
          .all()
      : (cached(ctx.raw, NARROW_SORT_KEYS).all(JSON.stringify(ids)) as SortKeys[]);
    keys.sort((a, b) => compareChildren(a, b, input.sort, input.order));
    return pageOf(ctx, keys, input, day, match);
  }

  const dir = input.order === 'desc' ? desc : asc;
  let rows: ChildSummary[];
  if (match?.exact && !broad && match.keys.length > 1) {
    // Under several keys (张家: a name's, and the villages holding it): the keys' rows merged.
    const page = ctx.db
      .all<{ child_id: string }>(
        sql`${mergedKeys(match, and(...base), input.order)} LIMIT ${input.limit} OFFSET ${input.offset}`,
      )
      .map((r) => r.child_id);
    rows = summariesInOrder(ctx, page, day);
  } else if (broad && input.sort === 'name' && !filtered) {
    // Broad, in name order, nothing else asked: the children walked in that order (named, since
    // the planner cannot tell how often the check holds and would sort every child instead), each
    // checked, until the page is full: the query holds for one child in 25 or more.
    const d = sql.raw(input.order === 'desc' ? ' DESC' : '');
    const page = ctx.db
      .all<{ id: string }>(
        sql`SELECT ${children.id} AS id FROM ${children} INDEXED BY children_pinyin
            WHERE ${children.deletedAt} IS NULL AND ${broad}
            ORDER BY ${children.namePinyin}${d}, ${children.name}${d}, ${children.id}${d}
            LIMIT ${input.limit} OFFSET ${input.offset}`,
      )
      .map((r) => r.id);
    rows = summariesInOrder(ctx, page, day);
  } else if (match?.exact && !broad) {
    // A broad short query (张, zxm) in name order: its key's rows in the primary key are in
    // that order already, so the page is a LIMIT on one index. Keys are kept for the children
    // on file only, so without a filter the index alone gives the page (one statement, prepared
    // once); with one, each row is checked on its child.
    const d = input.order === 'desc' ? ' DESC' : '';
    const page = filtered
      ? ctx.db
          .select({ id: keyRows.childId })
          .from(keyRows)
          .innerJoin(children, eq(children.id, keyRows.childId))
          .where(and(keyCondition(match), ...base))
          .orderBy(dir(keyRows.namePinyin), dir(keyRows.name), dir(keyRows.childId))
          .limit(input.limit)
          .offset(input.offset)
          .all()
          .map((r) => r.id)
      : (cached(
          ctx.raw,
          `SELECT k.child_id AS id FROM child_search_keys k WHERE k.key = ? ORDER BY k.name_pinyin${d}, k.name${d}, k.child_id${d} LIMIT ? OFFSET ?`,
        )
          .all(match.keys[0], input.limit, input.offset)
          .map((r) => (r as { id: string }).id) as string[]);
    rows = summariesInOrder(ctx, page, day);
  } else if (!match) {
    // The list itself, no query: its page and count prepared once per shape (which filters are
    // asked, the order), the values bound; drizzle built both on every call before.
    const list = preparedQuery(ctx, `children.listPage:${listShape(input)}`, () =>
      listStatements(ctx, input),
    );
    const values = listValues(input, day);
    const page = list.page.all({ ...values, limit: input.limit, offset: input.offset }).map((r) => r.id);
    return {
      rows: summariesInOrder(ctx, page, day),
      total: list.count.get(values)?.n ?? 0,
      totalCapped: false,
    };
  } else {
    const order = listOrder(input);
    // The page's ids first, then their rows and owners: the rows an OFFSET skips are skipped in
    // the index (in name order it holds every column of the order), not each read and joined.
    const page = ctx.db
      .select({ id: children.id })
      .from(children)
      .where(filter)
      .orderBy(...order)
      .limit(input.limit)
      .offset(input.offset)
      .all()
      .map((r) => r.id);
    rows = summariesInOrder(ctx, page, day);
  }
  if (!match) {
    const total = ctx.db.select({ n: count() }).from(children).where(filter).get()?.n ?? 0;
    return { rows, total, totalCapped: false };
  }
  // Broad (张, z, an ID fragment): the count walks the query's keys, each checked on its
  // child, and stops past a cap; the list says "超过 N" beyond it.
  if (match.exact && match.keys.length > 1) {
    // Several keys: their merge, stopped past the cap (the merge streams; UNION drops repeats).
    const n =
      ctx.db.get<{ n: number }>(
        sql`SELECT count(*) AS n FROM (${mergedKeys(match, filtered ? and(...base) : undefined, 'asc')} LIMIT ${BROAD_COUNT_CAP + 1})`,
      )?.n ?? 0;
    return { rows, total: Math.min(n, BROAD_COUNT_CAP), totalCapped: n > BROAD_COUNT_CAP };
  }
  // A range holds a child once per matching key: DISTINCT (streamed, so the LIMIT still stops
  // the walk early); one key holds each child once.
  const one = match.exact ? 'SELECT k.child_id' : 'SELECT DISTINCT k.child_id';
  // Keys are kept for the children on file only: without a filter the count reads the key index
  // alone, one statement per shape of match, prepared once.
  let total = filtered
    ? (ctx.db.get<{ n: number }>(
        sql`SELECT count(*) AS n FROM (${sql.raw(one)} FROM ${keyFrom(match)} INNER JOIN ${children} ON ${children.id} = k.child_id WHERE ${keyWhere(match)} AND ${and(...base)} LIMIT ${BROAD_COUNT_CAP + 1})`,
      )?.n ?? 0)
    : ((
        cached(
          ctx.raw,
          `SELECT count(*) AS n FROM (${one} FROM ${match.from} WHERE ${match.where} LIMIT ${BROAD_COUNT_CAP + 1})`,
        ).get(...match.params) as { n: number }
      ).n ?? 0);
  let totalCapped = false;
  if (total > BROAD_COUNT_CAP) {
    total = BROAD_COUNT_CAP;
    totalCapped = true;
  }
  return { rows, total, totalCapped };
}

function createChildren(ctx: Ctx, input: z.output<typeof childCreateInput>): ChildProfile {
  return createChild(ctx, input);
}

function updateChildren(ctx: Ctx, input: z.output<typeof childUpdateInput>): ChildProfile {
  const {
    id,
    version,
    acknowledgeDuplicates,
    idNumber: sentId,
    ownerId: sentOwner,
    deFactoRecognisedOn: sentOn,
    ...rest
  } = input;
  const before = loadChild(ctx, id);
  // Left out keeps the owner; a change is an assignment, which only the policy's roles make.
  const ownerId = sentOwner === undefined ? before.ownerId : sentOwner;
  if (ownerId !== before.ownerId)
    demand(ctx, 'assignOwner', { method: 'children.update', entity: 'child', entityId: id });
  const fields = { ...rest, ownerId, idNumber: sentId === undefined ? before.idNumber : sentId };
  checkRecognition(ctx, sentOn);
  const onBefore = recognisedOn(ctx, before);
  const on = recognitionDate(ctx, { ...rest, deFactoRecognisedOn: sentOn }, onBefore);
  if (sentId === undefined && fields.idNumber) {
    // The kept number must still agree with the (possibly edited) gender and birth date.
    const mismatches = idMismatches(fields);
    if (Object.keys(mismatches).length) throw new ApiError('VALIDATION', t('errors.validation'), mismatches);
  }
  checkChild(ctx, fields, id, acknowledgeDuplicates);
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
    (k) => JSON.stringify(fields[k]) !== JSON.stringify(before[k as keyof ChildRow]),
  );
  // Only what changed is set: SQLite rewrites every index over a column in the SET list,
  // and the children carry a dozen (the form sends the whole profile to change one field).
  const patch: Record<string, unknown> = Object.fromEntries(changed.map((k) => [k, fields[k]]));
  if (changed.includes('name')) patch.namePinyin = pinyinKey(fields.name);
  updateVersioned(ctx, children, id, version, patch);
  if (on !== onBefore) keepRecognition(ctx, id, on, onBefore !== null);
  if (changed.some((k) => k === 'name' || k === 'idNumber' || k === 'school' || k === 'village'))
    writeSearchKeys(ctx, { id, ...fields });
  ctx.audit.write({
    action: 'children.update',
    entity: 'child',
    entityId: id,
    detail: { fields: on !== onBefore ? [...changed, 'deFactoRecognisedOn'] : changed },
  });
  if (ownerId !== before.ownerId) {
    ctx.audit.write({
      action: 'children.assignOwner',
      entity: 'child',
      entityId: id,
      detail: { from: before.ownerId, to: ownerId },
    });
  }
  const row = loadChild(ctx, id);
  return toProfile(row, today(ctx), ownerName(ctx, row.ownerId), on);
}

function checkDuplicates(ctx: ViewCtx, input: z.output<typeof duplicateCheckInput>): DuplicateCandidate[] {
  return duplicatesForReader(ctx, input);
}

function listChildrenMethod(ctx: ViewCtx, input: z.output<typeof childListInput>): ChildList {
  const q = input.query ? normalizeQuery(input.query) : '';
  if (!isIdQuery(q)) return listChildren(ctx, input, q, null);
  // An ID lookup (issue 11, item 3): the whole number finds its child for anyone; a fragment
  // searches only the children whose full number this reader may see. Each one is audited.
  const whole = q.length === 18;
  const all = whole || can(ctx.user, 'searchIdFragment');
  const found = whole
    ? listChildren(ctx, input, q, { exact: q.toUpperCase() })
    : listChildren(ctx, input, q, all ? null : { ownerId: ctx.user.id });
  ctx.audit.write({
    action: 'children.idLookup',
    entity: 'child',
    entityId: null,
    detail: {
      via: 'children.list',
      mode: whole ? 'whole' : 'fragment',
      ...(whole ? {} : { scope: all ? 'all' : 'own', length: q.length }),
      found: found.total,
    },
  });
  return { ...found, idScope: whole ? 'whole' : all ? 'all' : 'own' };
}

function getChildren(ctx: ViewCtx, input: z.output<typeof childGetInput>): ChildFile {
  const row = loadChild(ctx, input.id);
  ctx.audit.write({ action: 'children.view', entity: 'child', entityId: row.id });
  return childFile(ctx, row);
}

function refresh(ctx: ViewCtx, input: z.output<typeof childGetInput>): ChildFile {
  const row = loadChild(ctx, input.id);
  const recent = ctx.raw
    .prepare(
      `SELECT 1 FROM audit_log WHERE entity = 'child' AND entity_id = ? AND action = 'children.view'
           AND actor_id = ? AND at >= ? LIMIT 1`,
    )
    .get(row.id, ctx.user.id, ctx.clock.now() - 12 * 3_600_000);
  if (!recent) ctx.audit.write({ action: 'children.view', entity: 'child', entityId: row.id });
  return childFile(ctx, row);
}

function revealIdNumber(ctx: ViewCtx, input: z.output<typeof childRevealInput>): { idNumber: string | null } {
  const row = loadChild(ctx, input.id);
  demand(ctx, 'revealId', {
    ownerId: row.ownerId,
    method: 'children.revealIdNumber',
    entity: 'child',
    entityId: row.id,
  });
  ctx.audit.write({
    action: 'children.revealId',
    entity: 'child',
    entityId: row.id,
    detail: { reason: input.reason },
  });
  return { idNumber: row.idNumber };
}

function closeChildren(ctx: Ctx, input: z.output<typeof childCloseInput>): ChildProfile {
  const row = loadChild(ctx, input.id);
  if (row.status === 'closed') throw new ApiError('VALIDATION', t('validation.child.alreadyClosed'));
  updateVersioned(ctx, children, input.id, input.version, {
    status: 'closed',
    closeReason: input.reason,
    closeNote: input.note,
    closedAt: ctx.clock.now(),
  });
  ctx.audit.write({
    action: 'children.close',
    entity: 'child',
    entityId: input.id,
    detail: { reason: input.reason },
  });
  const after = loadChild(ctx, input.id);
  return toProfile(after, today(ctx), ownerName(ctx, after.ownerId), recognisedOn(ctx, after));
}

function reopen(ctx: Ctx, input: z.output<typeof childVersionInput>): ChildProfile {
  const row = loadChild(ctx, input.id);
  if (row.status !== 'closed') throw new ApiError('VALIDATION', t('validation.child.notClosed'));
  updateVersioned(ctx, children, input.id, input.version, {
    status: 'active',
    closeReason: null,
    closeNote: null,
    closedAt: null,
  });
  ctx.audit.write({ action: 'children.reopen', entity: 'child', entityId: input.id });
  const after = loadChild(ctx, input.id);
  return toProfile(after, today(ctx), ownerName(ctx, after.ownerId), recognisedOn(ctx, after));
}

function deleteChildren(ctx: Ctx, input: z.output<typeof childVersionInput>): null {
  loadChild(ctx, input.id);
  updateVersioned(ctx, children, input.id, input.version, { deletedAt: ctx.clock.now() });
  // The key table holds the children on file only, so a search counts without reading them.
  clearSearchKeys(ctx, input.id);
  ctx.audit.write({ action: 'children.delete', entity: 'child', entityId: input.id });
  return null;
}

function binList(
  ctx: ReadCtx,
  input: z.output<typeof binListInput>,
): { rows: (ChildSummary & { deletedAt: number })[]; total: number } {
  const day = today(ctx);
  const rows = ctx.db
    .select({ child: children, ownerName: accounts.displayName })
    .from(children)
    .leftJoin(accounts, eq(accounts.id, children.ownerId))
    .where(isNotNull(children.deletedAt))
    .orderBy(desc(children.deletedAt))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total =
    ctx.db.select({ n: count() }).from(children).where(isNotNull(children.deletedAt)).get()?.n ?? 0;
  return {
    rows: rows.map((r) => ({
      ...toSummary(r.child, day, r.ownerName),
      deletedAt: r.child.deletedAt ?? 0,
    })),
    total,
  };
}

function restoreChildren(ctx: Ctx, input: z.output<typeof childVersionInput>): ChildProfile {
  const row = loadChild(ctx, input.id, { deleted: true });
  // As every other write: the version the bin showed, so a restore never undoes a change
  // made since (another restore and delete in between) without the reader seeing it.
  if (row.version !== input.version) throw ApiError.conflict('staleVersion', t('errors.conflict'));
  if (row.idNumber) {
    const clash = ctx.db
      .select({ id: children.id })
      .from(children)
      .where(and(eq(children.idNumber, row.idNumber), isNull(children.deletedAt)))
      .get();
    if (clash) throw new ApiError('VALIDATION', t('validation.idNumber.duplicate'));
  }
  ctx.db
    .update(children)
    .set({
      deletedAt: null,
      version: row.version + 1,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.user.id,
    })
    .where(and(eq(children.id, row.id), eq(children.version, input.version)))
    .run();
  writeSearchKeys(ctx, row);
  ctx.audit.write({ action: 'children.restore', entity: 'child', entityId: row.id });
  const after = loadChild(ctx, row.id);
  return toProfile(after, today(ctx), ownerName(ctx, after.ownerId), recognisedOn(ctx, after));
}

function purge(ctx: Ctx, input: z.output<typeof childGetInput>): null {
  const row = loadChild(ctx, input.id, { deleted: true });
  const links = ctx.db.select().from(childRelations).where(eq(childRelations.childId, row.id)).all();
  ctx.db.delete(childRelations).where(eq(childRelations.childId, row.id)).run();
  // A relative linked to no other child goes too: nothing else in the file refers to them.
  let personsRemoved = 0;
  for (const personId of new Set(links.map((l) => l.personId))) {
    const other = ctx.db
      .select({ id: childRelations.id })
      .from(childRelations)
      .where(eq(childRelations.personId, personId))
      .get();
    const caring = ctx.db
      .select({ id: children.id })
      .from(children)
      .where(eq(children.caregiverPersonId, personId))
      .get();
    if (!other && !caring) {
      ctx.db.delete(custodyRecords).where(eq(custodyRecords.personId, personId)).run();
      ctx.db.delete(persons).where(eq(persons.id, personId)).run();
      personsRemoved++;
    }
  }
  if (recognisedOn(ctx, row) !== null)
    ctx.db.delete(deFactoRecognitions).where(eq(deFactoRecognitions.childId, row.id)).run();
  ctx.db.delete(children).where(eq(children.id, row.id)).run();
  ctx.audit.write({
    action: 'children.purge',
    entity: 'child',
    entityId: row.id,
    detail: { personsRemoved },
  });
  return null;
}

export type { ChildCreateInput };
