import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { loadMigrations, migrate } from '../../db/core/migrate';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { makeDataDir } from '../helpers/tmp';
import { migrationsUpTo, migrationsWith, openRaw } from './migration-support';
import {
  ADMIN,
  call,
  childOnOldSchema,
  FAST_KDF,
  MIGRATIONS_DIR,
  openCore,
  openOldStudio,
  recordVisit,
  refuse,
} from './support';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// The kind of migration drizzle-kit writes when a column changes: a table rebuild (new
// table, copy, DROP, RENAME, indexes again). Built from the real schema of `children`, whose
// search keys reference it with ON DELETE CASCADE: the DROP must not take them along.
function rebuildChildren(): string {
  // The table and its indexes as every committed migration leaves them, read off a scratch
  // database: a rebuild that dropped an index a later query names would be a different test.
  const scratch = new Database(':memory:');
  for (const m of loadMigrations(MIGRATIONS_DIR)) for (const st of m.statements) scratch.exec(st);
  const create = scratch
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'children'")
    .pluck()
    .get() as string | undefined;
  const indexes = scratch
    .prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'children' AND sql IS NOT NULL",
    )
    .pluck()
    .all() as string[];
  scratch.close();
  if (!create) throw new Error('children table not found after the migrations');
  const withColumn = create
    // The new column goes first: table constraints (FOREIGN KEY) must stay last.
    .replace(/^CREATE TABLE [`"]?children[`"]? \(/, 'CREATE TABLE `__new_children` (\n\t`nickname` text,');
  if (withColumn === create) throw new Error('children table SQL not as expected');
  return [
    withColumn,
    'INSERT INTO `__new_children` SELECT NULL, * FROM `children`;',
    'DROP TABLE `children`;',
    'ALTER TABLE `__new_children` RENAME TO `children`;',
    ...indexes,
  ].join('\n--> statement-breakpoint\n');
}
const REBUILD = rebuildChildren();

async function coreWithChildren(n: number) {
  const core = openCore();
  await call(core, 'session.setup', ADMIN);
  for (let i = 0; i < n; i++) {
    await call(core, 'children.create', {
      name: `测试儿童${'甲乙丙丁戊己庚辛壬癸'[i]}`,
      gender: 'female',
      birthDate: `2016-01-0${i + 1}`,
      township: '仁风镇',
    });
  }
  core.close();
  return core.dataDir;
}

describe('migrations', () => {
  it('0007 (per-user snoozes) keeps every snooze, on the board of the user who made it', async () => {
    const dataDir = makeDataDir('snoozes');
    const old = await openOldStudio(dataDir, migrationsUpTo('0005_list_indexes'));
    const child = await childOnOldSchema(dataDir, {
      name: '测试儿童甲',
      gender: 'female',
      birthDate: '2016-01-01',
      township: '仁风镇',
    });
    const admin = await call(old, 'session.status', {});
    old.close();
    // Written as the old schema stored snoozes: one row per reminder, whoever made it.
    const vault = new Vault(dataDir, FAST_KDF);
    const before = await vault.openDatabaseKey(ADMIN.username, ADMIN.passphrase);
    const oldRaw = openEncrypted(path.join(dataDir, 'sunward.db'), before!.key, { create: false });
    oldRaw
      .prepare(
        'INSERT INTO reminder_snoozes (key, until, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      )
      .run(`turning18:${child.id}`, '2099-01-01', '测试', 1, admin.user?.id ?? null);
    oldRaw.close();

    const next = openCore(dataDir);
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);
    next.close();
    const raw = await openRaw(dataDir);
    const rows = raw
      .prepare('SELECT key, user_id AS userId, created_by AS createdBy, reason FROM reminder_snoozes')
      .all();
    raw.close();
    expect(rows).toEqual([
      {
        key: `turning18:${child.id}`,
        userId: expect.any(String),
        createdBy: expect.any(String),
        reason: '测试',
      },
    ]);
    const [row] = rows as { userId: string; createdBy: string }[];
    expect(row.userId).toBe(admin.user?.id);
  });

  it('0015 (audit child_id) files every old row under its child, keeps the chain verifiable, and the filter uses its index', async () => {
    const dataDir = makeDataDir('audit-child');
    const core = openCore(dataDir);
    await call(core, 'session.setup', ADMIN);
    const child = await call(core, 'children.create', {
      name: '测试儿童甲',
      gender: 'female',
      birthDate: '2016-01-01',
      township: '仁风镇',
    });
    const [mother] = await call(core, 'relations.add', {
      childId: child.id,
      relation: 'mother',
      isGuardian: true,
      person: { name: '刘翠兰', gender: 'female' },
    });
    await call(core, 'orders.createDraft', {
      childId: child.id,
      guardians: [{ personId: mother.person.id, relation: 'mother' }],
      facts: '经查，监护人长期外出务工，疏于管教。',
      problems: ['16-1'],
      requirements: [{ text: '每周与孩子通话不少于两次', dueDate: null }],
    });
    core.close();

    // Back to the database as 0012 left it: no child_id column, user_version before 0013. Only
    // the migrations up to 0013 are offered on reopening, since later ones may exist.
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'));
    const at = journal.entries.findIndex((e: { tag: string }) => e.tag === '0015_audit_child_id');
    const key = (await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase))!.key;
    let raw = openEncrypted(path.join(dataDir, 'sunward.db'), key, { create: false });
    const before = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all();
    raw.exec(
      `DROP INDEX audit_log_child; ALTER TABLE audit_log DROP COLUMN child_id; PRAGMA user_version = ${at};`,
    );
    raw.close();

    const next = createCore({
      dataDir,
      migrationsDir: migrationsUpTo('0015_audit_child_id'),
      kdf: FAST_KDF,
      log: () => {},
    });
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const filed = await call(next, 'audit.list', { childId: child.id });
    expect(filed.rows.map((r) => r.action).reverse()).toEqual([
      'children.create',
      'relations.add',
      'orders.createDraft',
    ]);
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);
    next.close();

    raw = openEncrypted(path.join(dataDir, 'sunward.db'), key, { create: false });
    // Not one hashed field changed (SQLite computes child_id from them; nothing can write it):
    // the same rows with the same hashes.
    expect(
      raw.prepare('SELECT seq, hash FROM audit_log WHERE seq <= ? ORDER BY seq').all(before.length),
    ).toEqual(before);
    expect(() => raw.prepare(`UPDATE audit_log SET child_id = 'x' WHERE seq = 1`).run()).toThrow(
      /generated column|append-only/,
    );
    const plan = raw
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE child_id = ? ORDER BY seq DESC LIMIT 100')
      .all(child.id) as { detail: string }[];
    raw.close();
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX audit_log_child/);
  });

  it("0017 (stored reminders) fills every child's reminders at the first open after it", async () => {
    const dataDir = makeDataDir('reminder-due');
    const old = await openOldStudio(dataDir, migrationsUpTo('0016_attachments'));
    const child = await childOnOldSchema(dataDir, {
      name: '测试儿童甲',
      gender: 'female',
      birthDate: '2016-01-01',
      township: '仁风镇',
    });
    const v = await recordVisit(old, child.id, '2026-01-05', '2099-03-01');
    old.close();

    const next = openCore(dataDir);
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const board = await call(next, 'reminders.board', { ownerId: null });
    expect(board.groups.upcoming.map((i) => `${i.kind} ${i.childName} ${i.due}`)).toEqual([
      'visitDue 测试儿童甲 2099-03-01',
    ]);
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);
    next.close();
    const raw = await openRaw(dataDir);
    // Stored at open, not worked out by the board's read.
    expect(raw.prepare(`SELECT key, due FROM reminder_due WHERE kind = 'visitDue'`).all()).toEqual([
      { key: `visitDue:${v.id}`, due: '2099-03-01' },
    ]);
    raw.close();
  });

  it('0018 (board order) gives every stored reminder its priority and pinyin name, in board order', async () => {
    const dataDir = makeDataDir('board-order');
    const old = await openOldStudio(dataDir, migrationsUpTo('0017_reminder_due'));
    const visitDue = async (name: string, nextVisitDate: string) => {
      // Around the API: today's children.create writes search keys in 0019's shape.
      const child = await childOnOldSchema(dataDir, {
        name,
        gender: 'female',
        birthDate: '2016-01-01',
        township: '仁风镇',
      });
      await recordVisit(old, child.id, '2026-01-05', nextVisitDate);
    };
    // Same date: the board orders them by the name in pinyin (wang before zhao).
    await visitDue('赵小雨', '2099-03-01');
    await visitDue('王小雪', '2099-03-01');
    await visitDue('李小云', '2099-02-01');
    old.close();

    const next = openCore(dataDir);
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const board = await call(next, 'reminders.board', { ownerId: null });
    expect(board.groups.upcoming.map((i) => `${i.childName} ${i.due}`)).toEqual([
      '李小云 2099-02-01',
      '王小雪 2099-03-01',
      '赵小雨 2099-03-01',
    ]);
    expect(board.counts.upcoming).toBe(3);
    next.close();
    const raw = await openRaw(dataDir);
    expect(
      raw
        .prepare(
          `SELECT child_name AS name, priority, sort_name AS sortName FROM reminder_due WHERE kind = 'visitDue' ORDER BY sort_name`,
        )
        .all(),
    ).toEqual([
      { name: '李小云', priority: 4, sortName: expect.stringMatching(/^li/) },
      { name: '王小雪', priority: 4, sortName: expect.stringMatching(/^wang/) },
      { name: '赵小雨', priority: 4, sortName: expect.stringMatching(/^zhao/) },
    ]);
    raw.close();
  });

  it('upgrades a database holding data, keeps every row and an encrypted backup first', async () => {
    const dataDir = await coreWithChildren(5);
    const migrationsDir = migrationsWith(REBUILD);
    // Re-open through a core that knows the extra migration.
    const next = createCore({ dataDir, migrationsDir, kdf: FAST_KDF, log: () => {} });
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const list = await call(next, 'children.list', {});
    expect(list.total).toBe(5);
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);
    next.close();

    // The rebuilt parent table did not cascade-delete the rows that point at it.
    const raw = await openRaw(dataDir);
    expect(raw.prepare('SELECT count(DISTINCT child_id) AS n FROM child_search_keys').get()).toEqual({
      n: 5,
    });
    expect(raw.prepare('SELECT count(*) AS n FROM children WHERE nickname IS NULL').get()).toEqual({ n: 5 });
    // The 统计台账 cells' triggers were out of the way of the rebuild and are back after it,
    // with the five children counted again.
    expect(
      raw
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'children'")
        .get(),
    ).not.toEqual({ n: 0 });
    expect(raw.prepare('SELECT count(*) AS n FROM stats_cells').get()).not.toEqual({
      n: 0,
    });
    raw.close();

    const backups = readdirSync(path.join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    const n = loadMigrations(MIGRATIONS_DIR).length;
    expect(backups[0]).toMatch(new RegExp(`^before-migration-v${n}-to-v${n + 1}-\\d+\\.db$`));
    // The backup is as encrypted as the original.
    expect(readFileSync(path.join(dataDir, 'backups', backups[0])).includes(Buffer.from('测试儿童'))).toBe(
      false,
    );
  });

  it('rolls a failing migration back completely and leaves the data as it was', async () => {
    const dataDir = await coreWithChildren(2);
    const migrationsDir = migrationsWith(`${REBUILD}\n--> statement-breakpoint\nTHIS IS NOT SQL;`);
    const next = createCore({ dataDir, migrationsDir, kdf: FAST_KDF, log: () => {} });
    const failed = await refuse(next, 'session.signIn', {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect(failed.code).toBe('INTERNAL');
    expect(failed.message).toMatch(/^数据库升级失败，已保留升级前的备份：.*before-migration-v\d+-to-v\d+-/);

    const again = openCore(dataDir);
    await call(again, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await call(again, 'children.list', {})).total).toBe(2);
    again.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const dataDir = await coreWithChildren(1);
    const dbFile = path.join(dataDir, 'sunward.db');
    // Simulate the newer app: same key, one migration this app has never heard of.
    const key = randomBytes(32);
    const scratch = path.join(makeDataDir('newer'), 'newer.db');
    const raw = openEncrypted(scratch, key, { create: true });
    migrate(raw, {
      dbFile: scratch,
      backupDir: path.dirname(scratch),
      migrations: loadMigrations(MIGRATIONS_DIR),
      now: 0,
    });
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => {
      const r = openEncrypted(scratch, key, { create: false });
      try {
        migrate(r, {
          dbFile: scratch,
          backupDir: path.dirname(scratch),
          migrations: loadMigrations(MIGRATIONS_DIR),
          now: 0,
        });
      } finally {
        r.close();
      }
    }).toThrow('数据文件由更高版本的向阳创建，当前版本无法打开。请升级软件后再试，数据文件未做任何改动。');

    // And through the app, on the real file: refused, bytes unchanged.
    const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase);
    const real = openEncrypted(dbFile, opened!.key, { create: false });
    real.pragma('user_version = 99');
    real.pragma('wal_checkpoint(TRUNCATE)');
    real.close();
    const before = sha(dbFile);
    const core = openCore(dataDir);
    const refused = await refuse(core, 'session.signIn', {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect(refused.message).toBe(
      '数据文件由更高版本的向阳创建，当前版本无法打开。请升级软件后再试，数据文件未做任何改动。',
    );
    expect(core.isUnlocked()).toBe(false);
    expect(sha(dbFile)).toBe(before);
  });
});
