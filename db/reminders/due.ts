// The stored reminders (reminder_due): which children a write touched is seen by triggers on
// every table a stored rule reads, whatever the write (a handler, an import, a restore; a ledger
// import marks its children itself, setAsideInsertMarks), and refreshDue recomputes those
// children's items with the rules themselves (rules.ts) before the write's transaction commits.
// Nothing here decides what is due: the rules do.
import type Database from 'better-sqlite3';
import type { Ctx, ReadCtx } from '../api/define';
import { today } from '../children/model';
import { cached } from '../core/statements';
import { rebuildEducationRegister, refreshEducationRegister } from '../education/register';
import { collectReminders, PRIORITY, type ReminderKind, type WindowedReminder } from './rules';

/** Bump when the triggers or what the rules store change: the next open rebuilds every child's items. */
// 2: each item carries its priority and the child's name in pinyin, the board's order.
// 3: a plan's months short of sessions and a 强制报告's follow-up stored too (nothing left live).
// 4: the education register's rows (education/register.ts) kept by the same triggers.
// 5: a plan's register row with its sessions' counts packed.
const VERSION = 5;
const PREFIX = 'reminder_dirty_';

/** For each table a stored rule reads: the children a row (NEW or OLD) bears on. */
const TOUCHES: Record<string, (r: string) => string> = {
  children: (r) => `SELECT ${r}.id`,
  psych_assessments: (r) => `SELECT ${r}.child_id`,
  counselling_sessions: (r) => `SELECT ${r}.child_id`,
  guardianship_orders: (r) => `SELECT ${r}.child_id`,
  guidance_plans: (r) => `SELECT ${r}.child_id`,
  guidance_sessions: (r) => `SELECT child_id FROM guidance_plans WHERE id = ${r}.plan_id`,
  plan_guardians: (r) => `SELECT child_id FROM guidance_plans WHERE id = ${r}.plan_id`,
  admonitions: (r) => `SELECT ${r}.child_id`,
  mandatory_reports: (r) => `SELECT child_id FROM mandatory_report_children WHERE report_id = ${r}.id`,
  mandatory_report_children: (r) => `SELECT ${r}.child_id`,
  mandatory_report_actions: (r) =>
    `SELECT child_id FROM mandatory_report_children WHERE report_id = ${r}.report_id`,
  // The days a 强制报告 waits for a follow-up: a change moves every reported child's reminder.
  settings: (r) => `SELECT child_id FROM mandatory_report_children WHERE ${r}.key = 'reportFollowUpDays'`,
  visits: (r) => `SELECT ${r}.child_id`,
  judicial_relief: (r) => `SELECT ${r}.child_id`,
  suit_supports: (r) => `SELECT ${r}.child_id`,
  child_relations: (r) => `SELECT ${r}.child_id`,
  referral_children: (r) => `SELECT ${r}.child_id`,
  follow_ups: (r) =>
    `SELECT child_id FROM guardianship_orders WHERE ${r}.subject_type = 'order' AND id = ${r}.subject_id
     UNION SELECT child_id FROM guidance_plans WHERE ${r}.subject_type = 'plan' AND id = ${r}.subject_id`,
  requirements: (r) =>
    `SELECT child_id FROM guardianship_orders WHERE ${r}.subject_type = 'order' AND id = ${r}.subject_id`,
  referrals: (r) => `SELECT child_id FROM referral_children WHERE referral_id = ${r}.id`,
  referral_actions: (r) => `SELECT child_id FROM referral_children WHERE referral_id = ${r}.referral_id`,
  persons: (r) => `SELECT child_id FROM child_relations WHERE person_id = ${r}.id`,
  custody_records: (r) => `SELECT child_id FROM child_relations WHERE person_id = ${r}.person_id`,
};

/**
 * Whether a connection's schema has the table as this version stores it (an older schema, as a
 * test of an old release opens, has not: its items are stored at the first open after migrating).
 */
const hasTable = new WeakMap<Database.Database, boolean>();
function stored(raw: Database.Database): boolean {
  let has = hasTable.get(raw);
  if (has === undefined) {
    has = !!raw.prepare(`SELECT 1 FROM pragma_table_info('reminder_due') WHERE name = 'sort_name'`).get();
    hasTable.set(raw, has);
  }
  return has;
}

function triggerName(table: string, op: string): string {
  return `${PREFIX}v${VERSION}_${table}_${op}`;
}

const mark = (select: string) => `INSERT OR IGNORE INTO reminder_dirty (child_id) SELECT * FROM (${select});`;

function insertTrigger(table: string, ifMissing = false): string {
  return `CREATE TRIGGER ${ifMissing ? 'IF NOT EXISTS ' : ''}${triggerName(table, 'i')} AFTER INSERT ON ${table} BEGIN ${mark(TOUCHES[table]('NEW'))} END`;
}

/** The tables whose insert triggers a bulk insert may set aside (setAsideInsertMarks). */
export type MarkedTable = 'children' | 'persons' | 'child_relations' | 'custody_records';

/**
 * For a bulk insert (a ledger import), in the caller's transaction: the insert triggers of
 * these tables set aside, the caller marking the children itself (markDirty) before each
 * refreshDue: at least every child the triggers would have marked (more is harmless, a
 * refresh writes only what changed). Put back by the returned function; a rollback does too.
 */
export function setAsideInsertMarks(raw: Database.Database, tables: readonly MarkedTable[]): () => void {
  if (!stored(raw)) return () => {};
  for (const table of tables) raw.exec(`DROP TRIGGER IF EXISTS ${triggerName(table, 'i')}`);
  return () => {
    for (const table of tables) raw.exec(insertTrigger(table, true));
  };
}

/** Marks children stale, with the children of the given persons (as the insert triggers do). */
export function markDirty(
  raw: Database.Database,
  childIds: readonly string[],
  personIds: readonly string[] = [],
): void {
  if (!stored(raw)) return;
  if (childIds.length)
    cached(raw, 'INSERT OR IGNORE INTO reminder_dirty (child_id) SELECT value FROM json_each(?)').run(
      JSON.stringify(childIds),
    );
  if (personIds.length)
    cached(
      raw,
      `INSERT OR IGNORE INTO reminder_dirty (child_id)
       SELECT child_id FROM child_relations WHERE person_id IN (SELECT value FROM json_each(?))`,
    ).run(JSON.stringify(personIds));
}

/**
 * At every open: the triggers of this version in place, and every child's items rebuilt when
 * they were not (a database from before, or a new version of the rules' storage).
 */
export function prepareDue(raw: Database.Database, clockNow: number): void {
  hasTable.delete(raw);
  if (!stored(raw)) return;
  const current = raw
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`)
    .get(triggerName('children', 'u'));
  if (!current) {
    raw.transaction(() => {
      const old = raw
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '${PREFIX}%'`)
        .all() as { name: string }[];
      for (const { name } of old) raw.exec(`DROP TRIGGER "${name}"`);
      for (const [table, touches] of Object.entries(TOUCHES)) {
        raw.exec(insertTrigger(table));
        raw.exec(
          `CREATE TRIGGER ${triggerName(table, 'u')} AFTER UPDATE ON ${table} BEGIN ${mark(touches('OLD'))} ${mark(touches('NEW'))} END`,
        );
        raw.exec(
          `CREATE TRIGGER ${triggerName(table, 'd')} AFTER DELETE ON ${table} BEGIN ${mark(touches('OLD'))} END`,
        );
      }
      raw.exec('DELETE FROM reminder_due; DELETE FROM reminder_dirty;');
      rebuildEducationRegister(raw);
      storeItems(
        raw,
        collectReminders({ raw } as Ctx, today({ clock: { now: () => clockNow } } as Ctx), {
          part: 'stored',
        }),
      );
    })();
  } else refreshDue(raw, clockNow);
}

/**
 * Recompute the items of the children marked stale; the caller's transaction holds it with the
 * write. Only what changed is written: most writes (a profile edited, a visit saved) leave a
 * child's items as they were, and rewriting them touched six indexes' pages for nothing (at
 * 100,000 children each page dirtied is one more page encrypted and written at commit).
 */
export function refreshDue(raw: Database.Database, clockNow: number): void {
  if (!stored(raw)) return;
  const ids = (cached(raw, 'SELECT child_id AS id FROM reminder_dirty').all() as { id: string | null }[])
    .map((r) => r.id)
    .filter((id): id is string => id !== null);
  if (ids.length === 0) return;
  const run = () => {
    const json = JSON.stringify(ids);
    cached(raw, 'DELETE FROM reminder_dirty').run();
    const day = today({ clock: { now: () => clockNow } } as Ctx);
    // The register's rows hang on the same children's records (the triggers mark for both).
    refreshEducationRegister(raw, ids);
    const items = collectReminders({ raw } as Ctx, day, { part: 'stored', childIds: ids });
    const kept = new Map<string, number[]>();
    for (const r of cached(
      raw,
      `SELECT rowid AS rowid, ${COLUMNS.join(', ')} FROM reminder_due WHERE child_id IN (SELECT value FROM json_each(?))`,
    ).all(json) as ({ rowid: number } & Record<string, unknown>)[]) {
      const sig = JSON.stringify(COLUMNS.map((c) => r[c]));
      kept.set(sig, [...(kept.get(sig) ?? []), r.rowid]);
    }
    const pinyin = new Map(
      (
        cached(
          raw,
          `SELECT id, coalesce(name_pinyin, '') AS p FROM children WHERE id IN (SELECT value FROM json_each(?))`,
        ).all(json) as { id: string; p: string }[]
      ).map((r) => [r.id, r.p]),
    );
    const insert = cached(
      raw,
      `INSERT INTO reminder_due (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const r of items) {
      const values = rowOf(r, pinyin.get(r.childId) ?? '');
      const same = kept.get(JSON.stringify(values));
      if (same?.length) same.pop();
      else insert.run(...values);
    }
    const gone = [...kept.values()].flat();
    if (gone.length)
      cached(raw, 'DELETE FROM reminder_due WHERE rowid IN (SELECT value FROM json_each(?))').run(
        JSON.stringify(gone),
      );
  };
  if (raw.inTransaction) run();
  else raw.transaction(run).immediate();
}

const COLUMNS = [
  'child_id',
  'owner_id',
  'key',
  'kind',
  'due',
  'shows_from',
  'shows_until',
  'child_name',
  'facts',
  'link',
  'priority',
  'sort_name',
] as const;

/** An item as reminder_due stores it, in COLUMNS' order. */
function rowOf(r: WindowedReminder, sortName: string): unknown[] {
  return [
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
    sortName,
  ];
}

function storeItems(raw: Database.Database, items: WindowedReminder[]): void {
  const insert = raw.prepare(
    `INSERT INTO reminder_due (${COLUMNS.join(', ')})
     VALUES (${COLUMNS.slice(0, -1)
       .map(() => '?')
       .join(', ')}, coalesce((SELECT name_pinyin FROM children WHERE id = ?), ''))`,
  );
  for (const r of items) insert.run(...rowOf(r, '').slice(0, -1), r.childId);
}

/**
 * The stored items showing on `day` for one owner (or everyone), with today's date where due is
 * the day read. Children a write marked stale and no transaction has refreshed yet (a write
 * around the API) are worked out from the rules here instead, without storing: a read never
 * writes, and the next write or open stores them.
 */
export function readDue(ctx: ReadCtx, day: string, ownerId: string | null): WindowedReminder[] {
  const stale = (
    ctx.raw.prepare('SELECT child_id AS id FROM reminder_dirty').all() as { id: string | null }[]
  )
    .map((r) => r.id)
    .filter((id): id is string => id !== null);
  const rows = ctx.raw
    .prepare(
      `SELECT child_id AS childId, owner_id AS ownerId, key, kind, due, shows_from AS showsFrom, shows_until AS showsUntil,
              child_name AS childName, facts, link FROM reminder_due
       WHERE ${ownerId === null ? '' : 'owner_id = @ownerId AND '}shows_from <= @day AND shows_until >= @day
       ${stale.length ? 'AND child_id NOT IN (SELECT value FROM json_each(@stale))' : ''}`,
    )
    .all({ ownerId, day, ...(stale.length ? { stale: JSON.stringify(stale) } : {}) }) as (Omit<
    WindowedReminder,
    'facts' | 'kind'
  > & {
    facts: string;
    kind: ReminderKind;
  })[];
  const stored = rows.map((r) => ({
    ...r,
    due: r.due || day,
    facts: JSON.parse(r.facts) as WindowedReminder['facts'],
  }));
  if (!stale.length) return stored;
  const fresh = collectReminders(ctx, day, { ownerId: ownerId ?? undefined, childIds: stale, part: 'stored' })
    .filter((r) => r.showsFrom <= day && r.showsUntil >= day)
    .map((r) => ({ ...r, due: r.due || day }));
  return [...stored, ...fresh];
}
