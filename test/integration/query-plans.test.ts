import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../db/api/contract';
import { makeContext } from '../../db/api/core';
import type { Ctx, SessionUser } from '../../db/api/define';
import { findDuplicates, findDuplicatesMany } from '../../db/children/duplicates';
import { SEARCH_THRESHOLDS } from '../../db/children/handlers';
import { refreshEducationRegister } from '../../db/education/register';
import { refreshDue } from '../../db/reminders/due';
import { collectReminders } from '../../db/reminders/rules';
import { record } from '../bench/replay';
import { SEARCH_LABELS, type SearchKind, sampleChildren, searchQuery } from '../bench/workload';
import { activeChildren, seedAreas } from '../fixtures/areas';
import { Rng } from '../fixtures/random';
import { openSeededRaw, seed, seededUsers } from '../fixtures/seeder';
import { makeDataDir } from '../helpers/tmp';
import { FAST_KDF } from './support';

const PASS = 'Query-plans-2026 violet-harbor';
const clock = { now: () => Date.UTC(2026, 10, 27, 2) };

/**
 * Tables that grow with the number of children: a SCAN of one is a query that grows with them.
 */
const LARGE = new Set([
  'children',
  'child_search_keys',
  'persons',
  'child_relations',
  'custody_records',
  'referrals',
  'referral_children',
  'referral_actions',
  'visits',
  'counselling_sessions',
  'psych_assessments',
  'guardianship_orders',
  'follow_ups',
  'requirements',
  'guidance_plans',
  'guidance_sessions',
  'admonitions',
  'mandatory_reports',
  'mandatory_report_children',
  'judicial_relief',
  'suit_supports',
  'audit_log',
  'reminder_due',
]);

let raw: Database.Database;
let caseworker: SessionUser;
let admin: SessionUser;
const queries = new Map<SearchKind, string>();
/** Indexes with a WHERE: scanning one reads only the few rows it holds (crisis flags). */
let partial: Set<string>;

beforeAll(async () => {
  const dataDir = makeDataDir('plans');
  const report = await seed({ dataDir, children: 400, seed: 19, passphrase: PASS, kdf: FAST_KDF, clock });
  raw = await openSeededRaw(dataDir, PASS, FAST_KDF);
  const live = activeChildren(raw);
  const users = seededUsers(report);
  seedAreas(raw, { children: live, users, clock, rng: new Rng(23) });
  // The seeder writes around the API: bring the stored reminders up to date, as the next write would.
  refreshDue(raw, clock.now());
  caseworker = users.find((u) => u.role === 'caseworker')!;
  admin = users.find((u) => u.role === 'admin')!;
  // The queries the bench types, made the same way from a few seeded children.
  const rng = new Rng(29);
  const sample = sampleChildren(raw, rng, 40, live.length);
  for (const kind of Object.keys(SEARCH_LABELS) as SearchKind[]) {
    const q = sample.map((c) => searchQuery(kind, c, rng)).find((x) => !!x);
    if (q) queries.set(kind, q);
  }
  partial = new Set(
    (
      raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'`).all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
}, 120_000);

afterAll(() => raw?.close());

interface Planned {
  sql: string;
  plan: string[];
}

/** Every distinct SELECT a handler issues, with its plan for the parameters it ran with. */
function plansOf(user: SessionUser, methodName: string, input: unknown): Planned[] {
  const def = (
    contract as unknown as Record<
      string,
      { input: { parse(v: unknown): unknown }; handler: (ctx: Ctx, input: unknown) => unknown }
    >
  )[methodName];
  const parsed = def.input.parse(input);
  return plansOfRun(user, (ctx) => def.handler(ctx, parsed));
}

/** Every distinct SELECT `run` issues, with its plan. */
function plansOfRun(user: SessionUser, run: (ctx: Ctx) => unknown): Planned[] {
  const ctx = makeContext(raw, user, clock);
  // Reads only here; a write (an ID lookup is audited) is rolled back so every case sees the same file.
  const calls = (() => {
    let out: ReturnType<typeof record> = [];
    try {
      raw
        .transaction(() => {
          out = record(raw, () => run(ctx));
          throw new Error('rollback');
        })
        .immediate();
    } catch (err) {
      if ((err as Error).message !== 'rollback') throw err;
    }
    return out;
  })();
  const seen = new Set<string>();
  const out: Planned[] = [];
  for (const c of calls) {
    if (!/^\s*(select|with)\b/i.test(c.sql) || seen.has(c.sql)) continue;
    seen.add(c.sql);
    const rows = raw.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.params) as { detail: string }[];
    out.push({ sql: c.sql.replace(/\s+/g, ' '), plan: rows.map((r) => r.detail) });
  }
  return out;
}

/** The table an alias in a plan line stands for, read from the statement's FROM/JOIN clauses. */
function tableOf(sql: string, name: string): string {
  if (LARGE.has(name)) return name;
  const m = new RegExp(`(?:from|join)\\s+"?(\\w+)"?\\s+(?:as\\s+)?"?${name}"?(?:\\s|$|,|\\))`, 'i').exec(sql);
  return m ? m[1] : name;
}

function largeScans(planned: Planned[], allowed: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const p of planned) {
    for (const line of p.plan) {
      const m = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(line);
      // Allowed: a partial index (it holds only the few rows it is for), and a walk of an index
      // in the order asked for that stops at a LIMIT (the first page, from one index).
      const bounded = m?.[2] && (partial.has(m[2]) || /\blimit\b/i.test(p.sql));
      if (m && LARGE.has(tableOf(p.sql, m[1])) && !bounded && !allowed.includes(tableOf(p.sql, m[1])))
        out.push(`${line}  ←  ${p.sql.slice(0, 160)}`);
      // A search of the children on "not deleted" alone is a walk of nearly all of them in disguise.
      const d = /^SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \(deleted_at=\?\)$/.exec(line);
      if (d && tableOf(p.sql, d[1]) === 'children') out.push(`${line}  ←  ${p.sql.slice(0, 160)}`);
    }
  }
  return out;
}

/** Plan lines that start a large table from its status or deletion mark: its open records, all of them. */
function openRecordWalks(planned: Planned[]): string[] {
  const out: string[] = [];
  for (const p of planned) {
    for (const line of p.plan) {
      const m = /^SEARCH (\w+) USING (?:COVERING )?INDEX (\w+) \((?:deleted_at|status)=/.exec(line);
      if (m && LARGE.has(tableOf(p.sql, m[1])) && !partial.has(m[2]))
        out.push(`${line}  ←  ${p.sql.slice(0, 160)}`);
    }
  }
  return out;
}

/**
 * Everyone's board returns every item showing today, so it reads the whole stored table (one
 * table, no joins); bounding it (a horizon, counts beyond) is what would lift this.
 */
const ALLOWED_SCANS: Record<string, string[]> = {
  "reminders board, everyone's": ['reminder_due'],
};

const SCREENS: Array<[string, () => [SessionUser, string, unknown]]> = [
  ["reminders board, a caseworker's", () => [caseworker, 'reminders.board', {}]],
  ["reminders board, everyone's", () => [admin, 'reminders.board', { ownerId: null }]],
  ["首页, a caseworker's", () => [caseworker, 'home.summary', {}]],
  ...(Object.keys(SEARCH_LABELS) as SearchKind[]).map(
    (kind): [string, () => [SessionUser, string, unknown]] => [
      SEARCH_LABELS[kind],
      () => [admin, 'children.list', { query: queries.get(kind) }],
    ],
  ),
  ['search 1 char, broad (张)', () => [admin, 'children.list', { query: '张' }]],
  [
    'children list page',
    () => [
      admin,
      'children.list',
      { status: 'active', township: '济阳街道', sort: 'name', offset: 50, limit: 50 },
    ],
  ],
  ['referral inbox, open', () => [admin, 'referrals.list', { view: 'open' }]],
  ['referral inbox, overdue', () => [admin, 'referrals.list', { view: 'overdue' }]],
  ['guardianship orders list', () => [admin, 'orders.list', { status: 'observing' }]],
  ['family education register', () => [admin, 'education.register', {}]],
  ['family education register, 训诫', () => [admin, 'education.register', { view: 'admonitions' }]],
  // A record's file and a write: a join from a few rows must start from those rows (at 100,000
  // children, starting from the children made a referral's create take 95 ms).
  ['referral file', () => [admin, 'referrals.get', { id: anyId('referrals') }]],
  ['child file', () => [admin, 'children.get', { id: anyId('children') }]],
  ['guardianship order file', () => [admin, 'orders.get', { id: anyId('guardianship_orders') }]],
  [
    'create referral',
    () => [
      caseworker,
      'referrals.create',
      {
        sourceDepartment: '第一检察部',
        sourceCaseNumber: '济阳检刑诉〔2026〕1号',
        receivedDate: '2026-11-20',
        urgency: 'normal',
        summary: '犯罪嫌疑人被羁押，其未成年子女需核实监护情况。',
        children: [{ childId: anyId('children') }],
      },
    ],
  ],
];

function anyId(table: string): string {
  const row = raw.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL LIMIT 1`).get() as
    | { id: string }
    | undefined;
  if (!row) throw new Error(`the seeded database has no ${table}`);
  return row.id;
}

describe('query plans of the screens at 100,000 children', () => {
  it.each(SCREENS)('%s: no SCAN of a large table', (screen, args) => {
    const [user, name, input] = args();
    const planned = plansOf(user, name, input);
    expect(planned.length).toBeGreaterThan(0);
    expect(largeScans(planned, ALLOWED_SCANS[screen])).toEqual([]);
  });

  it.each([
    ['1 char', 'name1', 'exact'],
    ['2 chars', 'name2', 'exact'],
    ['initials', 'initials', 'exact'],
    ['spaced pinyin', 'pinyinSpaced', 'range'],
    ['ID fragment', 'idFragment', 'ranges'],
  ] as const)('search by %s starts from the key table’s primary key', (_label, kind, how) => {
    const planned = plansOf(admin, 'children.list', { query: queries.get(kind) });
    const onKeys = planned.filter((p) => /child_search_keys/.test(p.sql) && !/k\.child_id = /.test(p.sql));
    expect(onKeys.length).toBeGreaterThan(0);
    for (const p of onKeys) {
      if (how === 'ranges') {
        // An ID fragment is 11 prefix ranges (db/children/search.ts idFragmentPrefixes), one
        // after the other (UNION ALL), each a search of the primary key, and nothing else read.
        // (`SCAN k` is the ranges' rows read back, the subquery named k, not the table.)
        const onTable = p.plan.filter((l) => /^(SEARCH|SCAN) child_search_keys\b|^SEARCH k\b/.test(l));
        expect(onTable, p.sql).toEqual(
          Array(11).fill('SEARCH child_search_keys USING PRIMARY KEY (key>? AND key<?)'),
        );
        continue;
      }
      expect(p.plan[0].replace(/^CO-ROUTINE \S+$/, p.plan[1]), p.sql).toMatch(
        how === 'exact'
          ? /^SEARCH k USING PRIMARY KEY \(key=\?\)$/
          : /^SEARCH k USING PRIMARY KEY \(key>\? AND key<\?\)$/,
      );
    }
    if (how === 'exact') {
      // The page comes out of the key's rows in name order: a LIMIT on the index, no sort.
      const page = onKeys.find((p) => /order by/i.test(p.sql));
      expect(page?.plan.some((l) => /TEMP B-TREE/.test(l))).toBe(false);
    }
  });

  it("reads a caseworker's stored reminders by owner, and refreshes a child from that child", () => {
    const board = plansOf(caseworker, 'reminders.board', {});
    // Each column counted and paged off the owner's index, in board order: a page, not every item.
    const stored = board.filter((p) => p.sql.includes('FROM reminder_due r INDEXED BY'));
    expect(stored).toHaveLength(8);
    for (const p of stored) {
      expect(p.plan.join('\n'), p.sql).toMatch(
        /SEARCH r USING (COVERING )?INDEX reminder_due_owner_(date|priority) \(owner_id=\?/,
      );
      expect(p.plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    }
    // A write's refresh: every rule starts from the children it touched, never from every open record.
    const child = raw.prepare(`SELECT id FROM children WHERE deleted_at IS NULL LIMIT 1`).get() as {
      id: string;
    };
    const refresh = plansOfRun(caseworker, (ctx) =>
      collectReminders(ctx, '2026-11-27', { part: 'stored', childIds: [child.id] }),
    );
    expect(refresh.length).toBeGreaterThan(5);
    expect(largeScans(refresh)).toEqual([]);
    // The rules stored since (a plan's months, a 强制报告's follow-up) start from the child too.
    for (const fragment of [
      'p.sessions_per_month AS perMonth',
      'FROM children c JOIN mandatory_report_children',
    ]) {
      const p = refresh.find((x) => x.sql.includes(fragment));
      expect(p, fragment).toBeDefined();
      expect(p!.plan[0], fragment).toMatch(/^SEARCH c USING (COVERING )?(INDEX \w+|PRIMARY KEY) \(id=\?/);
    }
    // Nor a SEARCH of a large table by its status or "not deleted" alone: that is every open
    // record (every completed plan, every pending release) walked for one child's write.
    expect(openRecordWalks(refresh)).toEqual([]);
  });

  it('walks the children in name order for a broad ID fragment, each checked on its number, no sort of every child', () => {
    const region = (
      raw.prepare('SELECT id_number AS n FROM children WHERE id_number IS NOT NULL LIMIT 1').get() as {
        n: string;
      }
    ).n.slice(0, 4);
    // At 100,000 children a region matches nearly every one; here the threshold says so.
    SEARCH_THRESHOLDS.narrowIdKeys = 0;
    let planned: ReturnType<typeof plansOf>;
    try {
      planned = plansOf(admin, 'children.list', { query: region });
    } finally {
      SEARCH_THRESHOLDS.narrowIdKeys = 2500;
    }
    const page = planned.filter((p) => /INDEXED BY children_pinyin/.test(p.sql));
    expect(page).toHaveLength(1);
    expect(page[0].plan.join('\n')).toMatch(/SEARCH children USING INDEX children_pinyin \(deleted_at=\?\)/);
    expect(page[0].plan.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("checks a name's children for a guardian of the same name off the carers' index, for one child and a ledger's rows", () => {
    const probe = raw
      .prepare(
        `SELECT c.name AS name, p.name AS guardian FROM children c
         JOIN child_relations r ON r.child_id = c.id AND r.is_guardian = 1 AND r.deleted_at IS NULL
         JOIN persons p ON p.id = r.person_id WHERE c.deleted_at IS NULL LIMIT 1`,
      )
      .get() as { name: string; guardian: string };
    const one = plansOfRun(admin, (ctx) =>
      findDuplicates(ctx, { name: probe.name, guardianNames: [probe.guardian] }),
    );
    const many = plansOfRun(admin, (ctx) =>
      findDuplicatesMany(ctx, [{ name: probe.name, guardianNames: [probe.guardian] }]),
    );
    for (const planned of [one, many]) {
      const guardian = planned.filter((p) => /child_relations r/.test(p.sql));
      expect(guardian).toHaveLength(1);
      // The child's guardians and caregivers from the index alone: no row of each relative read.
      expect(guardian[0].plan.join('\n'), guardian[0].sql).toMatch(
        /SEARCH r USING COVERING INDEX child_relations_carers \(child_id=\?\)/,
      );
      expect(largeScans(planned)).toEqual([]);
    }
    // A ledger's rows: each candidate child and each carer's name off an index, no row read
    // but the matches'.
    const batch = many.filter((p) => /child_relations r/.test(p.sql))[0].plan.join('\n');
    expect(batch).toMatch(
      /SEARCH c USING COVERING INDEX children_pinyin \(deleted_at=\? AND name_pinyin=\? AND name=\?\)/,
    );
    expect(batch).toMatch(/SEARCH gn USING COVERING INDEX persons_name \(name=\? AND rowid=\?\)/);
  });

  it("reads 首页's red and orange children a page at a time off the owner's risk index", () => {
    const risky = plansOf(caseworker, 'home.summary', {}).filter((p) => /"risk_level" = \?/.test(p.sql));
    expect(risky).toHaveLength(1);
    expect(risky[0].plan.join('\n')).toMatch(
      /SEARCH children USING INDEX children_owner_risk \(deleted_at=\? AND owner_id=\? AND status=\? AND risk_level=\?\)/,
    );
    expect(risky[0].plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('pages the children list, the orders list and the education register off their indexes, with no sort', () => {
    const planFor = (planned: Planned[], fragment: RegExp) => {
      const p = planned.find((x) => fragment.test(x.sql));
      expect(p, String(fragment)).toBeDefined();
      return p!.plan.join('\n');
    };
    // A page of the list: its ids in the whole name order from the township's index alone (an
    // OFFSET skips index entries, not rows), with no sort; then those 50 children read by id.
    const list = plansOf(admin, 'children.list', {
      status: 'active',
      township: '济阳街道',
      sort: 'name',
      offset: 500,
      limit: 50,
    });
    const ids = planFor(list, /offset/i);
    expect(ids).toMatch(
      /SEARCH children USING COVERING INDEX children_township \(deleted_at=\? AND township=\? AND status=\?\)/,
    );
    expect(ids).not.toMatch(/TEMP B-TREE/);
    const first = plansOf(admin, 'children.list', { status: 'active', sort: 'name', limit: 50 });
    expect(planFor(first, /FROM json_each\(\?\) j CROSS JOIN children c/)).toMatch(
      /SEARCH c USING INDEX (sqlite_autoindex_children_1|children_group) \(id=\?/,
    );
    for (const [input, index] of [
      [
        { status: 'observing' },
        /SEARCH guardianship_orders USING INDEX orders_status \(deleted_at=\? AND status=\?\)/,
      ],
      [{ status: 'open' }, /SEARCH guardianship_orders USING INDEX orders_updated \(deleted_at=\?\)/],
      [{ status: 'all' }, /SEARCH guardianship_orders USING INDEX orders_updated \(deleted_at=\?\)/],
    ] as const) {
      const page = planFor(plansOf(admin, 'orders.list', input), /order by/i);
      expect(page).toMatch(index);
      expect(page).not.toMatch(/TEMP B-TREE/);
    }
    // The register: a tab's page and each tab's capped count, each one range of its stored rows
    // in register order (the count from the index alone), and nothing joined.
    const register = plansOf(admin, 'education.register', { view: 'completed', offset: 50 });
    const reads = register.filter((p) => /FROM education_register/.test(p.sql));
    expect(reads).toHaveLength(2);
    for (const read of reads) {
      expect(read.plan.join('\n')).toMatch(
        /SEARCH education_register USING (COVERING )?INDEX education_register_view \(view=\?\)/,
      );
      expect(read.plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    }
    expect(reads.find((p) => /count\(\*\)/.test(p.sql))?.plan.join('\n')).toMatch(/COVERING INDEX/);
    expect(
      register.filter((p) => /guidance_plans|guidance_sessions|admonitions|plan_guardians/.test(p.sql)),
    ).toEqual([]);
    // A write's refresh of the register's rows starts from the children it touched.
    const child = raw
      .prepare(`SELECT child_id AS id FROM guidance_plans WHERE deleted_at IS NULL LIMIT 1`)
      .get() as { id: string };
    const refresh = plansOfRun(admin, (ctx) =>
      refreshEducationRegister(ctx.raw as Database.Database, [child.id]),
    );
    expect(refresh.filter((p) => /FROM children c JOIN/.test(p.sql))).toHaveLength(2);
    expect(largeScans(refresh)).toEqual([]);
    expect(openRecordWalks(refresh)).toEqual([]);
  });

  it.each([
    [
      'orders.list',
      'guardianship_orders',
      'orders_status',
      { status: 'observing' },
      /orders_status \(deleted_at=\? AND status=\?\)/,
    ],
    [
      'orders.list',
      'guardianship_orders',
      'orders_status',
      { status: 'open' },
      /orders_updated \(deleted_at=\?\)/,
    ],
    [
      'relief.list',
      'judicial_relief',
      'relief_list',
      { status: 'paid' },
      /relief_list \(deleted_at=\? AND status=\?\)/,
    ],
    [
      'relief.list',
      'judicial_relief',
      'relief_list',
      { status: 'open', year: 2026 },
      /relief_updated \(deleted_at=\?\)/,
    ],
    ['relief.list', 'judicial_relief', 'relief_list', { status: 'all' }, /relief_updated \(deleted_at=\?\)/],
    [
      'suits.list',
      'suit_supports',
      'suits_list',
      { status: 'issued', kind: 'revoke' },
      /suits_list \(deleted_at=\? AND status=\?\)/,
    ],
    [
      'suits.list',
      'suit_supports',
      'suits_list',
      { status: 'open', kind: 'change' },
      /suits_updated \(deleted_at=\?\)/,
    ],
    ['suits.list', 'suit_supports', 'suits_list', { status: 'all' }, /suits_updated \(deleted_at=\?\)/],
    [
      'mandatoryReports.list',
      'mandatory_reports',
      'mandatory_reports_status',
      { status: 'closed', trigger: '1', from: '2025-01-01' },
      /mandatory_reports_status \(deleted_at=\? AND status=\?/,
    ],
    [
      'mandatoryReports.list',
      'mandatory_reports',
      'mandatory_reports_status',
      { status: 'open' },
      /mandatory_reports_reported \(deleted_at=\?\)/,
    ],
    [
      'mandatoryReports.list',
      'mandatory_reports',
      'mandatory_reports_status',
      { status: 'all', to: '2026-06-30' },
      /mandatory_reports_reported \(deleted_at=\?/,
    ],
    [
      'outreach.list',
      'outreach_events',
      'outreach_status_date',
      { status: 'held', topic: 'bullying' },
      /outreach_status_date \(deleted_at=\? AND status=\?\)/,
    ],
    [
      'outreach.list',
      'outreach_events',
      'outreach_status_date',
      { status: 'all', township: '济阳街道', from: '2026-01-01' },
      /outreach_date \(deleted_at=\?/,
    ],
  ] as const)(
    '%s pages off one index in its order, and counts each tab off one range, capped (%s %s %j)',
    (method, table, countIndex, input, pageIndex) => {
      const planned = plansOf(admin, method, input);
      const from = new RegExp(`from "?${table}"?`, 'i');
      // The page: one walk of an index in the register's order, stopped at the page's end.
      const pages = planned.filter((p) => from.test(p.sql) && /order by/i.test(p.sql));
      expect(pages, method).toHaveLength(1);
      expect(pages[0].plan.join('\n'), pages[0].sql).toMatch(
        new RegExp(`SEARCH \\w+ USING INDEX ${pageIndex.source}`),
      );
      expect(pages[0].plan.join('\n'), pages[0].sql).not.toMatch(/TEMP B-TREE/);
      // The counts: each status's range of the one index, from its entries alone, stopped at the cap.
      const counts = planned.filter(
        (p) => from.test(p.sql) && /count\(\*\)/i.test(p.sql) && !/sum\(/i.test(p.sql),
      );
      expect(counts.length, method).toBeGreaterThan(0);
      for (const c of counts) {
        expect(c.sql).toMatch(/LIMIT @cap/);
        expect(c.plan.join('\n'), c.sql).toMatch(
          new RegExp(`SEARCH ${table} USING COVERING INDEX ${countIndex} \\(deleted_at=\\? AND status=\\?`),
        );
      }
      // A sum (relief's amounts, outreach's held audience) has no cap: it reads the same index's
      // entries alone, never the rows.
      for (const c of planned.filter((p) => from.test(p.sql) && /sum\(/i.test(p.sql)))
        expect(c.plan.join('\n'), c.sql).toMatch(
          new RegExp(`SEARCH ${table} USING COVERING INDEX ${countIndex} \\(deleted_at=\\? AND status=\\?`),
        );
      // Nothing else reads the register's table but by id.
      expect(
        planned.filter(
          (p) =>
            from.test(p.sql) &&
            !/order by|count\(\*\)|sum\(/i.test(p.sql) &&
            !/\bid = \?|json_each/i.test(p.sql),
        ),
      ).toEqual([]);
      expect(largeScans(planned)).toEqual([]);
    },
  );

  it('pages the referral inbox off its order’s indexes, overdue part and the rest, with no sort', () => {
    for (const [view, index] of [
      ['open', /SEARCH referrals USING INDEX referrals_inbox \(deleted_at=\?\)/],
      ['overdue', /SEARCH referrals USING INDEX referrals_inbox \(deleted_at=\?\)/],
      ['all', /SEARCH referrals USING INDEX referrals_inbox \(deleted_at=\?\)/],
      ['tracking', /SEARCH referrals USING INDEX referrals_inbox_status \(deleted_at=\? AND status=\?\)/],
      ['received', /SEARCH referrals USING INDEX referrals_inbox_status \(deleted_at=\? AND status=\?\)/],
    ] as const) {
      const planned = plansOf(admin, 'referrals.list', { view });
      const pages = planned.filter((p) => /order by/i.test(p.sql) && /from referrals\b/i.test(p.sql));
      // A part with nothing in it (no overdue referral in this small file, say) is not queried.
      if (view === 'open' || view === 'all' || view === 'tracking')
        expect(pages.length, view).toBeGreaterThan(0);
      for (const p of pages) {
        expect(p.plan.join('\n'), `${view}: ${p.sql}`).toMatch(index);
        expect(p.plan.join('\n'), view).not.toMatch(/TEMP B-TREE/);
      }
      // The tabs' counts, each status's and its overdue ones, each a range of one index read from
      // the index alone and stopped at the cap: none walks more than one status.
      const counts = planned.filter((p) => /count\(\*\)/i.test(p.sql) && /from referrals\b/i.test(p.sql));
      expect(counts, view).toHaveLength(2);
      const plan = (overdue: boolean) =>
        counts.find((p) => /due < @day/.test(p.sql) === overdue)?.plan.join('\n') ?? '';
      expect(plan(false), view).toMatch(
        /USING COVERING INDEX referrals_(inbox_status|status|overdue) \(deleted_at=\? AND status=\?\)/,
      );
      expect(plan(true), view).toMatch(/USING COVERING INDEX referrals_overdue \(status=\? AND due<\?\)/);
    }
  });

  it('finds reminders from the index meant for each rule', () => {
    // The rules over a whole board (what the stored table is checked against).
    const planned = plansOfRun(caseworker, (ctx) =>
      collectReminders(ctx, '2026-11-27', { ownerId: ctx.user.id }),
    );
    const planFor = (fragment: string) => {
      const p = planned.find((x) => x.sql.includes(fragment));
      expect(p, fragment).toBeDefined();
      return p!.plan;
    };
    // Agencies' replies: from the open actions to their referral and children, never the
    // owner's every child once per action.
    expect(planFor('a.reply_due AS due')[0]).toMatch(/^SEARCH a USING INDEX referral_actions_open_due/);
    // Verification: from the referrals still being verified.
    expect(planFor('f.verify_due AS due')[0]).toMatch(/^SEARCH f USING INDEX referrals_status/);
    // Crisis flags: no ranking of every assessment and session (a window over both tables).
    expect(planned.some((p) => /ROW_NUMBER|PARTITION BY/i.test(p.sql))).toBe(false);
    // Releases: from the few expected in the window.
    expect(planFor('k.expected_release AS due')[0]).toMatch(/^SEARCH k USING INDEX custody_expected_release/);
    // Running plans from the active ones, their sessions by plan; 强制报告 from the open ones.
    expect(planFor('p.sessions_per_month AS perMonth')[0]).toMatch(
      /^SEARCH p USING INDEX guidance_plans_status/,
    );
    expect(planFor('FROM guidance_sessions').join('\n')).toMatch(
      /SEARCH guidance_sessions USING INDEX guidance_sessions_plan \(plan_id=\?\)/,
    );
    expect(planFor('FROM mandatory_reports r')[0]).toMatch(/^SEARCH r USING INDEX mandatory_reports_status/);
  });
});
