// Triggers across a drizzle-kit table rebuild (CREATE __new_x, INSERT SELECT, DROP x, RENAME).
// Without care, DROP x takes x's own triggers with it, silently, and the RENAME fails on any
// trigger of another table that names x in its body ("error in trigger …: no such table").
// Here every table of the schema is rebuilt in one next-release migration, on a database
// holding data, and the triggers must come through it as they were, and still work.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { loadMigrations, migrate } from '../../db/core/migrate';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE, openSeededRaw, seed } from '../fixtures/seeder';
import { makeDataDir } from '../helpers/tmp';
import { migrationsWith } from './migration-support';
import { call, FAST_KDF, ManualClock, MIGRATIONS_DIR } from './support';

/** A rebuild of every table, as drizzle-kit writes one per changed table, with its indexes again. */
function rebuildEveryTable(): string {
  // The schema as every committed migration leaves it, read off a scratch database.
  const scratch = new Database(':memory:');
  for (const m of loadMigrations(MIGRATIONS_DIR)) for (const st of m.statements) scratch.exec(st);
  const tables = scratch
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  const indexesOf = scratch.prepare(
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
  );
  const statements: string[] = [];
  for (const { name, sql } of tables) {
    const create = sql.replace(/^CREATE TABLE [`"]?[\w]+[`"]? \(/, `CREATE TABLE \`__new_${name}\` (`);
    if (create === sql) throw new Error(`table SQL of ${name} not as expected`);
    statements.push(
      create,
      `INSERT INTO \`__new_${name}\` SELECT * FROM \`${name}\`;`,
      `DROP TABLE \`${name}\`;`,
      `ALTER TABLE \`__new_${name}\` RENAME TO \`${name}\`;`,
      ...(indexesOf.pluck().all(name) as string[]),
    );
  }
  scratch.close();
  if (tables.length < 10) throw new Error('fewer tables than the schema has');
  return statements.join('\n--> statement-breakpoint\n');
}

type Row = { name: string; sql: string };
function snapshot(raw: Database.Database) {
  const triggers = raw
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    .all() as Row[];
  const tables = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = Object.fromEntries(
    tables.map((t) => [t, (raw.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number) ?? 0]),
  );
  return { triggers, counts };
}

describe('a migration rebuilding every table', () => {
  it('keeps every row and every trigger, and the triggers still work', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 27, 2));
    const dataDir = makeDataDir('rebuild-all');
    await seed({ dataDir, children: 40, seed: 7, kdf: FAST_KDF, clock });
    const sign = { username: ADMIN_USERNAME, passphrase: DEFAULT_PASSPHRASE };

    // A referral with an open action due before its 核查期限: its stored due is the action's.
    const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, clock, kdf: FAST_KDF, log: () => {} });
    await call(core, 'session.signIn', sign);
    const [child] = (await call(core, 'children.list', { limit: 1 })).rows;
    const created = await call(core, 'referrals.create', {
      sourceDepartment: '第一检察部',
      receivedDate: '2026-11-20',
      children: [{ childId: child.id }],
    });
    const withAction = await call(core, 'referrals.addAction', {
      referralId: created.id,
      agency: '民政',
      carrier: 'letter',
      sentDate: '2026-11-20',
      replyDue: '2026-11-20',
    });
    core.close();

    let raw = await openSeededRaw(dataDir, DEFAULT_PASSPHRASE, FAST_KDF);
    const before = snapshot(raw);
    const dueOf = (db: Database.Database) =>
      db.prepare('SELECT due, verify_due AS verifyDue FROM referrals WHERE id = ?').get(created.id) as {
        due: string;
        verifyDue: string;
      };
    const dueBefore = dueOf(raw);
    raw.close();
    expect(dueBefore.due).toBe('2026-11-20');
    expect(dueBefore.verifyDue > '2026-11-20').toBe(true);
    // The triggers the migrations own and the ones the code makes at open are both there.
    expect(before.triggers.map((t) => t.name)).toEqual(
      expect.arrayContaining(['audit_log_no_update', 'referral_actions_due_update']),
    );
    expect(before.triggers.length).toBeGreaterThan(10);

    const next = createCore({
      dataDir,
      migrationsDir: migrationsWith(rebuildEveryTable()),
      clock,
      kdf: FAST_KDF,
      log: () => {},
    });
    await call(next, 'session.signIn', sign);
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);

    raw = await openSeededRaw(dataDir, DEFAULT_PASSPHRASE, FAST_KDF);
    const after = snapshot(raw);
    raw.close();
    // Every row survived (the audit log gained the sign-in and the verification: compared apart).
    const { audit_log: auditBefore, ...restBefore } = before.counts;
    const { audit_log: auditAfter, ...restAfter } = after.counts;
    expect(restAfter).toEqual(restBefore);
    expect(auditAfter).toBeGreaterThanOrEqual(auditBefore);
    expect(after.triggers).toEqual(before.triggers);

    // referrals.due still follows its actions: replied to, the action no longer counts.
    const [action] = withAction.actions;
    await call(next, 'referrals.recordReply', {
      id: action.id,
      version: action.version,
      replyDate: '2026-11-26',
      result: '已回复',
    });
    next.close();
    raw = await openSeededRaw(dataDir, DEFAULT_PASSPHRASE, FAST_KDF);
    expect(dueOf(raw)).toEqual({ due: dueBefore.verifyDue, verifyDue: dueBefore.verifyDue });
    // And the audit log still refuses to be rewritten.
    expect(() => raw.prepare('UPDATE audit_log SET action = action').run()).toThrow();
    raw.close();
  });

  it('leaves a trigger the migration drops or makes again by name to the migration', () => {
    const dir = makeDataDir('own-triggers');
    const dbFile = path.join(dir, 'x.db');
    const raw = new Database(dbFile);
    const step = (index: number, ...statements: string[]) => ({ index, tag: `t${index}`, statements });
    const first = step(
      0,
      'CREATE TABLE parent (id text PRIMARY KEY, n integer NOT NULL DEFAULT 0)',
      'CREATE TABLE kid (id text PRIMARY KEY, parent_id text)',
      'CREATE TRIGGER kid_counts AFTER INSERT ON kid BEGIN UPDATE parent SET n = n + 1 WHERE id = NEW.parent_id; END',
      'CREATE TRIGGER kid_old AFTER DELETE ON kid BEGIN UPDATE parent SET n = n - 1 WHERE id = OLD.parent_id; END',
    );
    const second = step(
      1,
      // A rebuild of the table the triggers name, then its own trigger work, by name: one
      // trigger dropped for good, one made again with another body.
      'CREATE TABLE __new_parent (id text PRIMARY KEY, n integer NOT NULL DEFAULT 0, note text)',
      'INSERT INTO __new_parent (id, n) SELECT id, n FROM parent',
      'DROP TABLE parent',
      'ALTER TABLE __new_parent RENAME TO parent',
      'DROP TRIGGER `kid_old`',
      'DROP TRIGGER kid_counts',
      'CREATE TRIGGER "kid_counts" AFTER INSERT ON kid BEGIN UPDATE parent SET n = n + 10 WHERE id = NEW.parent_id; END',
    );
    const opts = { dbFile, backupDir: dir, now: 0 };
    migrate(raw, { ...opts, migrations: [first] });
    raw.exec("INSERT INTO parent (id) VALUES ('p'); INSERT INTO kid VALUES ('k1', 'p');");
    migrate(raw, { ...opts, migrations: [first, second] });
    expect(
      raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all(),
    ).toEqual(['kid_counts']);
    raw.exec("INSERT INTO kid VALUES ('k2', 'p')");
    expect(raw.prepare("SELECT n FROM parent WHERE id = 'p'").pluck().get()).toBe(11);
    raw.close();
  });

  it('fails, and changes nothing, when a trigger it would put back names a column it removed', () => {
    const dir = makeDataDir('stale-trigger');
    const dbFile = path.join(dir, 'x.db');
    const raw = new Database(dbFile);
    const first = {
      index: 0,
      tag: 't0',
      statements: [
        'CREATE TABLE parent (id text PRIMARY KEY, n integer NOT NULL DEFAULT 0)',
        'CREATE TABLE kid (id text PRIMARY KEY, parent_id text)',
        'CREATE TRIGGER kid_counts AFTER INSERT ON kid BEGIN UPDATE parent SET n = n + 1 WHERE id = NEW.parent_id; END',
      ],
    };
    const second = { index: 1, tag: 't1', statements: ['ALTER TABLE parent DROP COLUMN n'] };
    const opts = { dbFile, backupDir: dir, now: 0 };
    migrate(raw, { ...opts, migrations: [first] });
    expect(() => migrate(raw, { ...opts, migrations: [first, second] })).toThrow('数据库升级失败');
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect((raw.pragma('table_info(parent)') as { name: string }[]).map((c) => c.name)).toEqual(['id', 'n']);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all()).toEqual([
      'kid_counts',
    ]);
    raw.close();
  });
});
