/**
 * One case per migration (several also have their own files, seeded through the API): a database
 * migrated up to the one before holds rows in every table; the migration runs; every row is
 * still there with every value it had, each index the migration creates exists, and where a
 * migration exists for a query's plan (0005's lists, 0009's figures) that query now uses it.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../db/core/migrate';
import { openEncrypted } from '../../db/core/open';
import { makeDataDir } from '../helpers/tmp';
import { migrationsUpTo, migrationTags, planOf } from './migration-support';

/** A child's search keys, sorted: what the search-key migrations rewrite. */
function keysOf(db: Database.Database, child: string): string[] {
  return (
    db.prepare('SELECT key FROM child_search_keys WHERE child_id = ? ORDER BY key').all(child) as {
      key: string;
    }[]
  ).map((r) => r.key);
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}
interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

const tables = (raw: Database.Database): string[] =>
  (
    raw
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);

const columns = (raw: Database.Database, table: string) =>
  raw
    .prepare(`SELECT name, type, "notnull", pk FROM pragma_table_xinfo(?) WHERE hidden = 0`)
    .all(table) as Column[];

const foreignKeys = (raw: Database.Database, table: string) =>
  raw.prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[];

/** Parents before children, so every foreign key names a row already written. */
function parentsFirst(raw: Database.Database): string[] {
  const done: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (done.includes(t) || path.includes(t)) return;
    for (const fk of foreignKeys(raw, t)) if (fk.table !== t) visit(fk.table, [...path, t]);
    done.push(t);
  };
  for (const t of tables(raw)) visit(t, []);
  return done;
}

/**
 * Two rows in every table, every column filled (nullable ones too, so a migration that loses a
 * value is caught), each foreign key pointing at the parent's row of the same number.
 */
function fillEveryTable(raw: Database.Database): void {
  const written = new Map<string, Record<string, unknown>[]>();
  for (const table of parentsFirst(raw)) {
    const fks = foreignKeys(raw, table);
    const rows: Record<string, unknown>[] = [];
    for (const n of [1, 2]) {
      const row: Record<string, unknown> = {};
      for (const c of columns(raw, table)) {
        const fk = fks.find((f) => f.from === c.name);
        if (fk && fk.table !== table) {
          const parent = written.get(fk.table)?.[n - 1];
          row[c.name] = parent?.[fk.to ?? 'id'] ?? null;
        } else if (fk) row[c.name] = null;
        else if (/INT/i.test(c.type))
          row[c.name] = c.name.endsWith('_at') || c.name === 'at' ? 1_767_225_600_000 + n : n;
        else if (/REAL/i.test(c.type)) row[c.name] = n + 0.5;
        else row[c.name] = `${table}.${c.name}.${n}`;
      }
      const names = Object.keys(row);
      raw
        .prepare(
          `INSERT INTO "${table}" (${names.map((k) => `"${k}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        )
        .run(...names.map((k) => row[k]));
      rows.push(row);
    }
    written.set(table, rows);
  }
}

/** Every table's rows, as sorted JSON, over the columns it has now. */
function snapshot(raw: Database.Database): Map<string, { columns: string[]; rows: string[] }> {
  const out = new Map<string, { columns: string[]; rows: string[] }>();
  for (const t of tables(raw)) {
    const cols = columns(raw, t).map((c) => c.name);
    out.set(t, { columns: cols, rows: rowsOf(raw, t, cols) });
  }
  return out;
}

function rowsOf(raw: Database.Database, table: string, cols: string[]): string[] {
  const list = cols.map((c) => `"${c}"`).join(', ');
  return (raw.prepare(`SELECT ${list} FROM "${table}"`).all() as unknown[])
    .map((r) => JSON.stringify(r))
    .sort();
}

/** The indexes a migration's SQL creates, by name. */
function indexesCreated(tag: string): string[] {
  const m = loadMigrations(migrationsUpTo(tag)).at(-1);
  return (m?.statements ?? []).flatMap((s) =>
    [...s.matchAll(/CREATE (?:UNIQUE )?INDEX `([^`]+)`/g)].map((x) => x[1]),
  );
}

interface Case {
  tag: string;
  /** Columns a migration may carry differently, with why; none so far. */
  changed?: Record<string, string>;
  /** Runs on the database before the migration; returns a check for after it. */
  before?: (raw: Database.Database) => (raw: Database.Database) => void;
  /** Tables of derived rows the migration makes again from the records, with why (checked in `before`). */
  rebuilt?: Record<string, string>;
}

/** The children list's query, as 0005 meant it: filter and order from one index, no sort step. */
const LIST_BY_TOWNSHIP = `SELECT id FROM children WHERE deleted_at IS NULL AND township = 'x' AND status = 'active'
  ORDER BY name_pinyin LIMIT 50`;
const LIST_BY_OWNER = `SELECT id FROM children WHERE deleted_at IS NULL AND owner_id = 'x' AND status = 'active'
  ORDER BY name_pinyin LIMIT 50`;
const LIST_BY_RISK = `SELECT id FROM children WHERE deleted_at IS NULL AND risk_level = 'red' AND status = 'active'
  ORDER BY name_pinyin LIMIT 50`;
const KEYS_OF_CHILD = `SELECT key FROM child_search_keys WHERE child_id = 'x'`;
/** The duplicate guard's "same name under a guardian of the same name" (db/children/duplicates.ts). */
const SAME_NAME_GUARDIAN = `SELECT c.id FROM children c
  JOIN child_relations r INDEXED BY child_relations_carers
    ON r.child_id = c.id AND r.deleted_at IS NULL AND (r.is_guardian = 1 OR r.is_caregiver = 1)
  JOIN persons p ON p.id = r.person_id
  WHERE c.deleted_at IS NULL AND c.name = 'x' AND p.name IN ('y')`;
/** 首页's "my children at red or orange risk" (reminders/handlers.ts summary), a page in the order shown. */
const MY_RISKY = `SELECT id FROM children WHERE deleted_at IS NULL AND owner_id = 'x' AND status = 'active'
  AND risk_level = 'red' ORDER BY name_pinyin LIMIT 50`;

/** A page deep in the children list, in its whole name order (name_pinyin, name, id), as listChildren pages it. */
const LIST_PAGE_IDS = `SELECT id FROM children WHERE deleted_at IS NULL AND township = 'x' AND status = 'active'
  ORDER BY name_pinyin, name, id LIMIT 50 OFFSET 500`;
/** The orders list, newest change first: one status's, and every open one. */
const ORDERS_BY_STATUS = `SELECT id FROM guardianship_orders WHERE deleted_at IS NULL AND status = 'observing'
  ORDER BY updated_at DESC LIMIT 50`;
const ORDERS_OPEN = `SELECT id FROM guardianship_orders WHERE deleted_at IS NULL
  AND +status IN ('draft', 'pending', 'approved', 'observing', 'evaluating') ORDER BY updated_at DESC LIMIT 50`;
/** The family education register's plans, newest change first. */
const REGISTER_PLANS = `SELECT id FROM guidance_plans WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT 500`;

/** The family education register's stored plans, newest change first (db/education/register.ts). */
const REGISTER_PAGE = `SELECT row FROM education_register WHERE kind = 'plan' ORDER BY sort_key DESC LIMIT 500`;

/** A register tab's count stopped past the cap, and its page (db/education/register.ts). */
const REGISTER_TAB_COUNT = `SELECT count(*) FROM (SELECT 1 FROM education_register WHERE view = 'active'
  AND child_id NOT IN (SELECT value FROM json_each('[]')) LIMIT 501)`;
const REGISTER_TAB_PAGE = `SELECT row FROM education_register WHERE view = 'active'
  AND child_id NOT IN (SELECT value FROM json_each('[]')) ORDER BY sort_key DESC LIMIT 50 OFFSET 50`;
/** One status's overdue referrals counted up to the cap (db/referrals/handlers.ts). */
const INBOX_OVERDUE_COUNT = `SELECT count(*) FROM (SELECT 1 FROM referrals WHERE deleted_at IS NULL
  AND status = 'tracking' AND due < '2026-01-01' LIMIT 501)`;

/** The registers' pages in their order and a filtered tab counted up to the cap (0029). */
const REPORTS_PAGE = `SELECT id FROM mandatory_reports WHERE deleted_at IS NULL
  AND +status IN ('received', 'verifying') ORDER BY reported_date DESC, seq DESC LIMIT 50`;
const OUTREACH_PAGE = `SELECT id FROM outreach_events WHERE deleted_at IS NULL AND status = 'held'
  ORDER BY date DESC, created_at DESC LIMIT 50`;
const RELIEF_YEAR_COUNT = `SELECT count(*) FROM (SELECT 1 FROM judicial_relief INDEXED BY relief_list
  WHERE deleted_at IS NULL AND status = 'paid' AND application_date BETWEEN '2026-01-01' AND '2026-12-31' LIMIT 501)`;
const SUITS_KIND_COUNT = `SELECT count(*) FROM (SELECT 1 FROM suit_supports INDEXED BY suits_list
  WHERE deleted_at IS NULL AND status = 'filed' AND kind = 'revoke' LIMIT 501)`;

/** The inbox's overdue part of one status, a page in inbox order (db/referrals/handlers.ts). */
const INBOX_STATUS_PAGE = `SELECT id FROM referrals WHERE deleted_at IS NULL AND status = 'tracking' AND due < '2026-01-01'
  ORDER BY urgency DESC, received_date DESC, seq DESC LIMIT 50`;
const INBOX_OPEN_PAGE = `SELECT id FROM referrals WHERE deleted_at IS NULL AND status <> 'closed'
  AND (due IS NULL OR due >= '2026-01-01') ORDER BY urgency DESC, received_date DESC, seq DESC LIMIT 50 OFFSET 50`;

/**
 * 0009's figures: each read from its index alone, without a visit to the table. (统计台账 names
 * these indexes with INDEXED BY, so before 0009 its queries would not even prepare; these are
 * the same reads without the hint, to show the planner takes the index on its own.)
 */
const FIGURES: [sql: string, index: string][] = [
  [
    `SELECT township, owner_id FROM children WHERE deleted_at IS NULL AND created_at BETWEEN 1 AND 2`,
    'children_stats',
  ],
  [
    `SELECT child_id, status FROM visits WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND deleted_at IS NULL`,
    'visits_date',
  ],
  [
    `SELECT child_id FROM counselling_sessions WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND deleted_at IS NULL`,
    'counselling_sessions_date',
  ],
  [
    `SELECT referral_id, agency FROM referral_actions WHERE sent_date BETWEEN '2026-01-01' AND '2026-12-31'
     AND deleted_at IS NULL AND withdrawn_at IS NULL`,
    'referral_actions_sent',
  ],
  [
    `SELECT child_id, status, outcome, deleted_at FROM guardianship_orders WHERE closed_at BETWEEN 1 AND 2`,
    'orders_closed_at',
  ],
];

const CASES: Case[] = [
  { tag: '0000_init' },
  {
    tag: '0001_audit_append_only',
    before: () => (raw) => {
      // The rows stay, and history can no longer be rewritten.
      expect(() => raw.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    },
  },
  { tag: '0002_referrals' },
  { tag: '0003_education_orders' },
  { tag: '0004_counselling_visits_reminders' },
  {
    tag: '0005_list_indexes',
    before: (old) => {
      // Before it, the status and the order could not both come from the township's index.
      expect(planOf(old, LIST_BY_TOWNSHIP)).not.toMatch(
        /children_township \(deleted_at=\? AND township=\? AND status=\?\)/,
      );
      expect(planOf(old, KEYS_OF_CHILD)).not.toMatch(/COVERING INDEX child_search_keys_child/);
      return (raw) => {
        for (const [sql, index, column] of [
          [LIST_BY_TOWNSHIP, 'children_township', 'township'],
          [LIST_BY_OWNER, 'children_owner', 'owner_id'],
          [LIST_BY_RISK, 'children_risk', 'risk_level'],
        ]) {
          const plan = planOf(raw, sql);
          expect(plan).toContain(`USING INDEX ${index} (deleted_at=? AND ${column}=? AND status=?)`);
          expect(plan).not.toMatch(/TEMP B-TREE/);
        }
        expect(planOf(raw, KEYS_OF_CHILD)).toMatch(
          /USING COVERING INDEX child_search_keys_child \(child_id=\?\)/,
        );
      };
    },
  },
  { tag: '0006_calendar_years' },
  {
    tag: '0007_per_user_snoozes',
    before: () => (raw) => {
      // Each snooze now belongs to the user who made it.
      const rows = raw
        .prepare('SELECT user_id AS userId, created_by AS createdBy FROM reminder_snoozes')
        .all() as {
        userId: string;
        createdBy: string;
      }[];
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(r.userId).toBe(r.createdBy);
    },
  },
  { tag: '0008_ledger_import' },
  {
    tag: '0009_stats_indexes',
    before: (old) => {
      for (const [sql, index] of FIGURES) expect(planOf(old, sql)).not.toContain(index);
      return (raw) => {
        for (const [sql, index] of FIGURES)
          expect(planOf(raw, sql)).toMatch(new RegExp(`USING COVERING INDEX ${index}\\b`));
      };
    },
  },
  { tag: '0010_duties_reports' },
  { tag: '0011_relief_suits' },
  {
    tag: '0012_counselling_shared_note',
    before: () => (raw) => {
      // The new column starts empty on every old session: nothing is shared that was not.
      expect(raw.prepare('SELECT shared_note FROM counselling_sessions').all()).toEqual([
        { shared_note: null },
        { shared_note: null },
      ]);
    },
  },
  // Each has its own file too (data written through the old release's API); here, the same
  // every-table check as the others.
  { tag: '0013_crisis_indexes' },
  { tag: '0014_defacto_recognitions' },
  { tag: '0015_audit_child_id' },
  { tag: '0016_attachments' },
  { tag: '0017_reminder_due' },
  { tag: '0018_board_order' },
  {
    tag: '0019_search_key_order',
    rebuilt: {
      child_search_keys:
        'search keys are worked out from the children: kept with their prefixes for those on file, dropped for the recycle bin',
    },
    before: (raw) => {
      // One child on file (every column of the filled rows holds a value, deleted_at too).
      raw.prepare(`UPDATE children SET deleted_at = NULL WHERE id = 'children.id.1'`).run();
      const old = raw
        .prepare('SELECT key, child_id AS childId FROM child_search_keys ORDER BY key')
        .all() as {
        key: string;
        childId: string;
      }[];
      expect(old.map((k) => k.childId).sort()).toEqual(['children.id.1', 'children.id.2']);
      return (after) => {
        const keys = after
          .prepare('SELECT key, name_pinyin AS namePinyin, name, child_id AS childId FROM child_search_keys')
          .all() as { key: string; namePinyin: string; name: string; childId: string }[];
        const kept = old.find((k) => k.childId === 'children.id.1')!.key;
        // The child on file keeps its key, now carrying its place in the name order.
        expect(keys).toContainEqual({
          key: kept,
          namePinyin: 'children.name_pinyin.1',
          name: 'children.name.1',
          childId: 'children.id.1',
        });
        // The one in the recycle bin has none (a restore writes them again).
        expect(keys.filter((k) => k.childId === 'children.id.2')).toEqual([]);
      };
    },
  },
  {
    tag: '0020_home_risk_index',
    before: (old) => {
      expect(planOf(old, MY_RISKY)).not.toContain('children_owner_risk');
      return (raw) => {
        // The page in name order straight off the index: no sort of every red child.
        expect(planOf(raw, MY_RISKY)).toMatch(
          /USING INDEX children_owner_risk \(deleted_at=\? AND owner_id=\? AND status=\? AND risk_level=\?\)/,
        );
        expect(planOf(raw, MY_RISKY)).not.toContain('TEMP B-TREE');
      };
    },
  },
  // A new table of derived counts only; the next open fills it (db/stats/cells.ts).
  { tag: '0021_stats_cells' },
  {
    tag: '0022_list_name_order',
    before: (old) => {
      expect(planOf(old, LIST_PAGE_IDS)).toMatch(/TEMP B-TREE/);
      expect(planOf(old, ORDERS_BY_STATUS)).toMatch(/TEMP B-TREE/);
      expect(planOf(old, REGISTER_PLANS)).toMatch(/TEMP B-TREE/);
      return (raw) => {
        // The page's ids in the list's whole order from the township's index alone: no sort, no row read.
        expect(planOf(raw, LIST_PAGE_IDS)).toContain(
          'USING COVERING INDEX children_township (deleted_at=? AND township=? AND status=?)',
        );
        expect(planOf(raw, ORDERS_BY_STATUS)).toContain(
          'USING INDEX orders_status (deleted_at=? AND status=?)',
        );
        expect(planOf(raw, ORDERS_OPEN)).toContain('USING INDEX orders_updated (deleted_at=?)');
        expect(planOf(raw, REGISTER_PLANS)).toContain('USING INDEX guidance_plans_updated (deleted_at=?)');
        for (const q of [LIST_PAGE_IDS, ORDERS_BY_STATUS, ORDERS_OPEN, REGISTER_PLANS])
          expect(planOf(raw, q)).not.toMatch(/TEMP B-TREE/);
      };
    },
  },
  {
    tag: '0023_search_keys_even_id',
    rebuilt: {
      child_search_keys: "an ID number's suffixes from odd offsets go (they are found one character earlier)",
    },
    before: (raw) => {
      // A child with an ID number and its keys as 0019 stored them: every suffix of 3 or more,
      // beside a name key and a place key made of digits that must stay.
      const id = '370125201503070014';
      raw.prepare(`UPDATE children SET id_number = ? WHERE id = 'children.id.1'`).run(id);
      const insert = raw.prepare(
        `INSERT INTO child_search_keys (key, name_pinyin, name, child_id)
         VALUES (?, 'children.name_pinyin.1', 'children.name.1', 'children.id.1')`,
      );
      for (let i = 0; i + 3 <= id.length; i++) insert.run(id.slice(i));
      insert.run('3中学');
      const other = keysOf(raw, 'children.id.2');
      return (after) => {
        const evens = Array.from({ length: 8 }, (_, i) => id.slice(2 * i));
        expect(keysOf(after, 'children.id.1')).toEqual(['3中学', 'child_search_keys.key.1', ...evens].sort());
        expect(keysOf(after, 'children.id.2')).toEqual(other);
      };
    },
  },
  {
    tag: '0024_search_places',
    rebuilt: {
      child_search_keys:
        "a school's and a village's suffixes go, the whole place stays (found through search_places)",
    },
    before: (raw) => {
      // A child on file whose name shares characters with its village, its keys as 0023 stored them.
      raw
        .prepare(
          `UPDATE children SET deleted_at = NULL, name = '张家明', name_pinyin = 'zhangjiaming',
           id_number = NULL, school = '济阳区 实验小学', village = '张家村' WHERE id = 'children.id.1'`,
        )
        .run();
      const name = ['张家明', '家明', '明', '张', '张家', '家'];
      const pinyin = ['zhangjiaming', 'zhang', 'zjm', 'z', 'jiaming', 'jm', 'j', 'ming', 'm'];
      const school = ['济阳区实验小学', '阳区实验小学', '区实验小学', '实验小学', '验小学', '小学'];
      const schoolPrefixes = ['济阳', '阳区', '区实', '实验', '验小'];
      const village = ['张家村', '家村'];
      const insert = raw.prepare(
        `INSERT OR IGNORE INTO child_search_keys (key, name_pinyin, name, child_id)
         VALUES (?, 'zhangjiaming', '张家明', 'children.id.1')`,
      );
      raw.prepare(`DELETE FROM child_search_keys WHERE child_id = 'children.id.1'`).run();
      for (const k of [...name, ...pinyin, ...school, ...schoolPrefixes, ...village]) insert.run(k);
      const other = keysOf(raw, 'children.id.2');
      return (after) => {
        // The name's keys (张家 is one, 家村 is not), the pinyin, and each place whole.
        expect(keysOf(after, 'children.id.1')).toEqual(
          [...name, ...pinyin, '济阳区实验小学', '张家村'].sort(),
        );
        // The other child (in the recycle bin) keeps what it had: 0019 left it none.
        expect(keysOf(after, 'children.id.2')).toEqual(other);
        const places = after.prepare('SELECT key, place FROM search_places ORDER BY key, place').all() as {
          key: string;
          place: string;
        }[];
        expect(places).toEqual(
          [
            ...school.map((key) => ({ key, place: '济阳区实验小学' })),
            ...village.map((key) => ({ key, place: '张家村' })),
          ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.place < b.place ? -1 : 1)),
        );
      };
    },
  },
  {
    tag: '0025_referral_due',
    before: (old) => {
      // Three referrals on file: one being verified with an action due before its 核查期限, one
      // tracked whose only action was replied to, one closed with an action never answered.
      const referral = old.prepare(
        `INSERT INTO referrals (id, year, seq, source_department, received_date, status, verify_due, created_at, updated_at)
         VALUES (?, 2026, ?, '第一检察部', '2026-01-02', ?, '2026-01-09', 0, 0)`,
      );
      const action = old.prepare(
        `INSERT INTO referral_actions (id, referral_id, agency, carrier, sent_date, reply_due, reply_date, created_at, updated_at)
         VALUES (?, ?, '民政', 'letter', '2026-01-02', ?, ?, 0, 0)`,
      );
      referral.run('r.verifying', 901, 'verifying');
      action.run('a.1', 'r.verifying', '2026-01-07', null);
      action.run('a.2', 'r.verifying', '2026-01-12', null);
      referral.run('r.tracking', 902, 'tracking');
      action.run('a.3', 'r.tracking', '2026-01-08', '2026-01-05');
      referral.run('r.closed', 903, 'closed');
      action.run('a.4', 'r.closed', '2026-01-06', null);
      return (raw) => {
        const due = (id: string) =>
          (raw.prepare('SELECT due FROM referrals WHERE id = ?').get(id) as { due: string | null }).due;
        // Worked out for what was on file: the earlier of the 核查期限 and the open actions' dues.
        expect([due('r.verifying'), due('r.tracking'), due('r.closed')]).toEqual(['2026-01-07', null, null]);
        // Then kept by the triggers: an action replied to, one added, a status moved.
        raw.prepare(`UPDATE referral_actions SET reply_date = '2026-01-06' WHERE id = 'a.1'`).run();
        expect(due('r.verifying')).toBe('2026-01-09');
        raw.prepare(`UPDATE referrals SET status = 'tracking' WHERE id = 'r.verifying'`).run();
        expect(due('r.verifying')).toBe('2026-01-12');
        action.run('a.5', 'r.tracking', '2026-01-20', null);
        expect(due('r.tracking')).toBe('2026-01-20');
        raw.prepare(`DELETE FROM referral_actions WHERE id = 'a.5'`).run();
        expect(due('r.tracking')).toBe(null);
        // A page of the inbox off its indexes, in its order: no sort of the referrals.
        expect(planOf(raw, INBOX_STATUS_PAGE)).toContain(
          'USING INDEX referrals_inbox_status (deleted_at=? AND status=?)',
        );
        expect(planOf(raw, INBOX_OPEN_PAGE)).toContain('USING INDEX referrals_inbox (deleted_at=?)');
        for (const q of [INBOX_STATUS_PAGE, INBOX_OPEN_PAGE])
          expect(planOf(raw, q)).not.toMatch(/TEMP B-TREE/);
      };
    },
  },
  {
    tag: '0026_relations_carers_index',
    before: (old) => {
      expect(() => planOf(old, SAME_NAME_GUARDIAN)).toThrow(/no such index/);
      return (raw) => {
        // A child's guardians and caregivers from the index alone, no row of each relative read.
        expect(planOf(raw, SAME_NAME_GUARDIAN)).toMatch(
          /SEARCH r USING COVERING INDEX child_relations_carers \(child_id=\?\)/,
        );
      };
    },
  },
  {
    tag: '0027_education_register',
    before: (old) => {
      expect(() => planOf(old, REGISTER_PAGE)).toThrow(/no such table/);
      return (raw) => {
        // Created empty: the next open stores every plan's and 训诫's row (reminders/due.ts, version 4 and on).
        expect(raw.prepare('SELECT count(*) FROM education_register').pluck().get()).toBe(0);
        // A page of the register in its order off one index: no sort, no join.
        expect(planOf(raw, REGISTER_PAGE)).toContain('USING INDEX education_register_order (kind=?)');
        expect(planOf(raw, REGISTER_PAGE)).not.toMatch(/TEMP B-TREE/);
      };
    },
  },
  {
    tag: '0028_capped_register_counts',
    before: (old) => {
      const row = old.prepare(
        `INSERT INTO education_register (id, kind, child_id, sort_key, row) VALUES (?, ?, 'c.1', ?, ?)`,
      );
      row.run('p.1', 'plan', '0000001767225600000', JSON.stringify({ id: 'p.1', status: 'completed' }));
      row.run('a.1', 'admonition', '2026-01-05', JSON.stringify({ id: 'a.1', date: '2026-01-05' }));
      expect(() => planOf(old, REGISTER_TAB_COUNT)).toThrow(/no such column/);
      return (raw) => {
        // The rows already stored are put in their tabs: a plan's by its status.
        expect(
          raw.prepare(`SELECT id, view FROM education_register WHERE id IN ('a.1', 'p.1') ORDER BY id`).all(),
        ).toEqual([
          { id: 'a.1', view: 'admonitions' },
          { id: 'p.1', view: 'completed' },
        ]);
        // A tab's capped count from its index alone, a page in order; each status's overdue ones one range.
        expect(planOf(raw, REGISTER_TAB_COUNT)).toContain(
          'USING COVERING INDEX education_register_view (view=?)',
        );
        expect(planOf(raw, REGISTER_TAB_PAGE)).toContain('USING INDEX education_register_view (view=?)');
        expect(planOf(raw, REGISTER_TAB_PAGE)).not.toMatch(/TEMP B-TREE/);
        expect(planOf(raw, INBOX_OVERDUE_COUNT)).toContain(
          'USING COVERING INDEX referrals_overdue (status=? AND due<?)',
        );
      };
    },
  },
  {
    tag: '0029_register_list_indexes',
    before: (old) => {
      // Before: a page sorted after its walk, a filtered tab's count reading every row.
      expect(planOf(old, REPORTS_PAGE)).toMatch(/TEMP B-TREE/);
      expect(planOf(old, OUTREACH_PAGE)).toMatch(/TEMP B-TREE/);
      expect(planOf(old, RELIEF_YEAR_COUNT)).not.toMatch(/COVERING/);
      expect(planOf(old, SUITS_KIND_COUNT)).not.toMatch(/COVERING/);
      return (raw) => {
        expect(planOf(raw, REPORTS_PAGE)).toContain('USING INDEX mandatory_reports_reported (deleted_at=?)');
        expect(planOf(raw, OUTREACH_PAGE)).toContain(
          'USING INDEX outreach_status_date (deleted_at=? AND status=?)',
        );
        for (const q of [REPORTS_PAGE, OUTREACH_PAGE]) expect(planOf(raw, q)).not.toMatch(/TEMP B-TREE/);
        expect(planOf(raw, RELIEF_YEAR_COUNT)).toContain(
          'USING COVERING INDEX relief_list (deleted_at=? AND status=?)',
        );
        expect(planOf(raw, SUITS_KIND_COUNT)).toContain(
          'USING COVERING INDEX suits_list (deleted_at=? AND status=?)',
        );
      };
    },
  },
];

function openScratch(): { raw: Database.Database; dbFile: string } {
  const dbFile = path.join(makeDataDir('migration-step'), 'sunward.db');
  return { raw: openEncrypted(dbFile, randomBytes(32), { create: true }), dbFile };
}

function migrateTo(raw: Database.Database, dbFile: string, tag: string | null): void {
  if (tag === null) return;
  migrate(raw, {
    dbFile,
    backupDir: path.join(path.dirname(dbFile), 'backups'),
    migrations: loadMigrations(migrationsUpTo(tag)),
    now: 0,
  });
}

describe('each migration on a database holding data', () => {
  const tags = migrationTags();

  it('covers every migration', () => {
    expect(CASES.map((c) => c.tag)).toEqual(tags);
  });

  for (const c of CASES) {
    it(`${c.tag}: every row keeps every value, and its indexes are there`, () => {
      const at = tags.indexOf(c.tag);
      const { raw, dbFile } = openScratch();
      try {
        migrateTo(raw, dbFile, at === 0 ? null : tags[at - 1]);
        fillEveryTable(raw);
        // The case's own rows first (none of the hooks but 0019's writes), then what must survive.
        const after = c.before?.(raw);
        const before = snapshot(raw);
        migrateTo(raw, dbFile, c.tag);
        expect(raw.pragma('user_version', { simple: true })).toBe(at + 1);

        for (const [table, { columns: cols, rows }] of before) {
          if (c.rebuilt?.[table]) continue;
          const now = columns(raw, table).map((x) => x.name);
          expect(cols.filter((col) => !now.includes(col) && !c.changed?.[`${table}.${col}`])).toEqual([]);
          expect(rowsOf(raw, table, cols), table).toEqual(rows);
        }
        if (at === 0) {
          // The first migration meets an empty file: what it creates takes rows and gives them back.
          expect(before.size).toBe(0);
          fillEveryTable(raw);
          for (const [table, { rows }] of snapshot(raw)) expect(rows, table).toHaveLength(2);
        }
        const indexes = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all();
        expect(indexesCreated(c.tag).filter((name) => !indexes.includes(name))).toEqual([]);
        expect(raw.pragma('foreign_key_check')).toEqual([]);
        after?.(raw);
      } finally {
        raw.close();
      }
    });
  }
});
