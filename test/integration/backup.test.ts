import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUP_EXT, readLayout } from '../../db/backup/format';
import { compareAnchors } from '../../db/backup/model';
import { applyKey } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, CASEWORKER, CHILD, call, FAST_KDF, ManualClock, openCore, refuse } from './support';

const DAY = 24 * 60 * 60 * 1000;
const HAN = '安宝春丹芳刚海红华佳建杰静军丽林玲梅敏明娜平强荣涛伟文霞欣秀燕阳勇玉珍志';

/** A distinct two-character given name for child number i. */
function givenName(i: number): string {
  return HAN[i % HAN.length]! + HAN[Math.floor(i / HAN.length) % HAN.length]!;
}

/** Child number i: its own name and birth date, so no two look like duplicates. */
function nthChild(i: number, surname: string) {
  const born = new Date(Date.UTC(2012, 0, 1) + (i % 4000) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return { ...CHILD, idNumber: undefined, name: `${surname}${givenName(i)}`, birthDate: born };
}

function backupFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(BACKUP_EXT))
        .sort()
    : [];
}

async function setUp(clock = new ManualClock()) {
  const core = openCore(undefined, clock);
  await call(core, 'session.setup', ADMIN);
  return { core, clock, backups: path.join(core.dataDir, 'backups') };
}

/** A raw connection to the live file, as someone holding an administrator's passphrase could open it. */
async function openRaw(dataDir: string): Promise<Database.Database> {
  const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase);
  if (!opened) throw new Error('cannot open vault');
  const raw = new Database(path.join(dataDir, 'sunward.db'));
  applyKey(raw, opened.key);
  return raw;
}

function run(
  cmd: string,
  args: string[],
): Promise<{ code: number | null; signal: string | null; stdout: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60_000 }, (err, stdout, stderr) => {
      if (stderr) console.log(stderr);
      const e = err as (NodeJS.ErrnoException & { code?: number; signal?: string }) | null;
      resolve({
        code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
        signal: e?.signal ?? null,
        stdout,
      });
    });
  });
}

describe('backups and restore', () => {
  it('backs up, survives the database being destroyed, and restores every record and the audit chain', async () => {
    const { core } = await setUp();
    const child = await call(core, 'children.create', CHILD);
    const before = await call(core, 'children.list', {});
    const auditBefore = await call(core, 'audit.list', { limit: 500 });
    const outcome = await call(core, 'backup.run', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.manifest?.counts.children).toBe(1);
    const list = await call(core, 'backup.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      check: 'ok',
      folder: 'local',
      childCount: 1,
      createdBy: ADMIN.displayName,
    });

    // The disk fails: the database and its key slots are gone, only backups/ is left.
    core.close();
    for (const f of readdirSync(core.dataDir)) {
      if (f.startsWith('sunward.db') || f === 'keyslots.json') rmSync(path.join(core.dataDir, f));
    }
    const fresh = openCore(core.dataDir);
    expect(await call(fresh, 'session.status', {})).toMatchObject({
      state: 'setup',
      databaseWithoutKeys: false,
    });
    const found = await call(fresh, 'backup.list', {});
    expect(found.map((f) => f.name)).toEqual(list.map((f) => f.name));
    const wrong = await refuse(fresh, 'backup.restore', {
      file: found[0]!.path,
      username: ADMIN.username,
      passphrase: 'not-the-passphrase-1',
    });
    expect(wrong.fields?.passphrase).toBe('用户名或密码不能打开此备份');
    const user = await call(fresh, 'backup.restore', {
      file: found[0]!.path,
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect(user.username).toBe(ADMIN.username);
    expect((await call(fresh, 'children.list', {})).rows).toEqual(before.rows);
    expect(JSON.stringify(await call(fresh, 'children.get', { id: child.id }))).toContain(CHILD.name);
    const verified = await call(fresh, 'audit.verify', {});
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    // Every audit row the backup held is there, unchanged, followed by the restore.
    const auditAfter = await call(fresh, 'audit.list', { limit: 500 });
    const bySeq = new Map(auditAfter.rows.map((r) => [r.seq, r]));
    for (const r of auditBefore.rows) expect(bySeq.get(r.seq)).toEqual(r);
    expect((await call(fresh, 'audit.list', { action: 'backup.restore' })).total).toBe(1);
    fresh.close();
  });

  it('keeps the current database aside when restoring over it, and only an administrator may restore', async () => {
    const { core } = await setUp();
    await call(core, 'accounts.create', CASEWORKER);
    await call(core, 'backup.run', {});
    await call(core, 'children.create', CHILD);
    const [b] = await call(core, 'backup.list', {});
    const refused = await refuse(core, 'backup.restore', {
      file: b!.path,
      username: CASEWORKER.username,
      passphrase: CASEWORKER.passphrase,
    });
    expect(refused.message).toBe('该账号在此备份中不是在用的管理员，不能恢复');
    await call(core, 'backup.restore', {
      file: b!.path,
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect((await call(core, 'children.list', {})).total).toBe(0);
    const aside = readdirSync(core.dataDir).filter((f) => f.includes('before-restore-'));
    expect(aside.some((f) => f.startsWith('sunward.db.before-restore-'))).toBe(true);
    expect(aside.some((f) => f.startsWith('keyslots.json.before-restore-'))).toBe(true);
    core.close();
  });

  it('rotates exactly as the setting says: the newest of each of the last days, weeks and months', async () => {
    // Noon local time on Monday 2026-06-01, then one backup a day for 45 days.
    const start = new Date(2026, 5, 1, 12).getTime();
    const { core, clock, backups } = await setUp(new ManualClock(start));
    await call(core, 'settings.update', { backupKeepDaily: 3, backupKeepWeekly: 2, backupKeepMonthly: 2 });
    const days = [...Array.from({ length: 15 }, (_, i) => i * 3), 43, 44];
    for (const day of days) {
      clock.ms = start + day * DAY;
      const r = await call(core, 'backup.run', {});
      expect(r.ok).toBe(true);
    }
    // Backups on 1, 4, 7 … 28 June, 1 … 13 July, then 14 and 15 July (a Wednesday). Daily:
    // 15, 14, 13 July. Weekly: the week of Monday 13 July (its newest, the 15th) and of 6 July
    // (its newest, the 10th). Monthly: July (the 15th) and June (its newest, the 28th).
    expect(backupFiles(backups).map((n) => n.slice(8, 16))).toEqual([
      '20260628',
      '20260710',
      '20260713',
      '20260714',
      '20260715',
    ]);
    const rotated = await call(core, 'audit.list', { action: 'backup.rotate', limit: 500 });
    expect(rotated.rows.flatMap((r) => r.detail.removed as string[])).toHaveLength(days.length - 5);
    core.close();
  }, 120_000);

  it('finds a truncated or altered backup, and will not restore it', async () => {
    const { core, backups } = await setUp();
    await call(core, 'children.create', CHILD);
    await call(core, 'backup.run', {});
    const [name] = backupFiles(backups);
    const good = path.join(backups, name!);
    const bytes = readFileSync(good);
    const cut = path.join(backups, 'sunward-20261127-100000-manual.swbak');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 4096));
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length * 0.6)]! ^= 0x01;
    const altered = path.join(backups, 'sunward-20261127-110000-manual.swbak');
    writeFileSync(altered, flipped);

    expect(await call(core, 'backup.check', { file: good })).toEqual({ ok: true, message: null });
    expect(await call(core, 'backup.check', { file: cut })).toEqual({
      ok: false,
      message: '备份文件不完整（可能复制中断）',
    });
    expect(await call(core, 'backup.check', { file: altered })).toEqual({
      ok: false,
      message: '备份文件已被改动或损坏',
    });
    const list = await call(core, 'backup.list', {});
    expect(Object.fromEntries(list.map((f) => [f.name, f.check]))).toEqual({
      [name!]: 'ok',
      'sunward-20261127-100000-manual.swbak': 'failed',
      'sunward-20261127-110000-manual.swbak': 'failed',
    });
    const refused = await refuse(core, 'backup.restore', {
      file: altered,
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect(refused.message).toBe('此备份不能恢复：备份文件已被改动或损坏');
    // Nothing was touched: the child is still there.
    expect((await call(core, 'children.list', {})).total).toBe(1);
    core.close();
  });

  it('takes a consistent backup while writes go on', async () => {
    const { core } = await setUp();
    for (let i = 0; i < 20; i++) await call(core, 'children.create', nthChild(i, '张'));
    const running = core.invoke('backup.run', {});
    let written = 0;
    let settled = false;
    void running.then(() => {
      settled = true;
    });
    while (!settled && written < 3000) {
      // Calls arrive as IPC messages do, one event-loop turn each.
      await new Promise((r) => setImmediate(r));
      await call(core, 'children.create', nthChild(1000 + written, '王'));
      written++;
    }
    const outcome = await running;
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(written).toBeGreaterThan(0);
    const manifest = (outcome.value as { manifest: { counts: Record<string, number> } }).manifest;
    // The copy holds a prefix of the writes: every child with its audit row, nothing half-done.
    expect(manifest.counts.children).toBeGreaterThanOrEqual(20);
    expect(manifest.counts.children).toBeLessThanOrEqual(20 + written);
    const [b] = await call(core, 'backup.list', {});
    expect(await call(core, 'backup.check', { file: b!.path })).toEqual({ ok: true, message: null });
    core.close();
  });

  it('a process killed during a backup leaves the earlier backups intact and no partial file counted', async () => {
    const { core, backups } = await setUp();
    await call(core, 'children.create', CHILD);
    await call(core, 'backup.run', {});
    const earlier = backupFiles(backups);
    const earlierBytes = readFileSync(path.join(backups, earlier[0]!));
    core.close();

    const script = path.resolve('test/integration/backup/kill-during-backup.mts');
    // 'write' is while the container is written and, beside it, quick_check runs (copy.ts):
    // the last moment the API's side can see before the worker renames the finished file.
    for (const phase of ['copy', 'write']) {
      // node itself (not the tsx wrapper, which would outlive it): the killed process is this one.
      const r = await run(process.execPath, ['--import', 'tsx', script, core.dataDir, phase]);
      expect(r.signal, r.stdout).toBe('SIGKILL');
    }
    // Leftovers are there, under names that no list takes for a backup.
    expect(readdirSync(backups).some((n) => n.endsWith('.partial'))).toBe(true);
    expect(backupFiles(backups)).toEqual(earlier);
    expect(readFileSync(path.join(backups, earlier[0]!)).equals(earlierBytes)).toBe(true);

    const again = openCore(core.dataDir);
    await call(again, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const list = await call(again, 'backup.list', {});
    expect(list.map((f) => [f.name, f.check])).toEqual([[earlier[0], 'ok']]);
    // The next backup clears the leftovers (and, being the same day's newest, replaces the
    // earlier one under the daily rotation).
    const next = await call(again, 'backup.run', {});
    expect(next.ok).toBe(true);
    expect(readdirSync(backups).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect((await call(again, 'backup.list', {})).map((f) => f.check)).toEqual(['ok']);
    again.close();
  }, 90_000);

  it('restores onto an empty data folder on a new PC, from a backup in another folder', async () => {
    const { core, backups } = await setUp();
    await call(core, 'children.create', CHILD);
    await call(core, 'backup.run', {});
    core.close();
    const usb = makeDataDir('usb');
    const [name] = backupFiles(backups);
    copyFileSync(path.join(backups, name!), path.join(usb, name!));

    const newPc = openCore(makeDataDir('newpc'));
    expect(await call(newPc, 'session.status', {})).toMatchObject({
      state: 'setup',
      databaseWithoutKeys: false,
    });
    const found = await call(newPc, 'backup.list', { folder: usb });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name, childCount: 1, check: 'unchecked' });
    const manifest = await call(newPc, 'backup.manifest', { file: found[0]!.path });
    expect(manifest.createdBy.name).toBe(ADMIN.displayName);
    await call(newPc, 'backup.restore', {
      file: found[0]!.path,
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect((await call(newPc, 'session.status', {})).state).toBe('unlocked');
    expect((await call(newPc, 'children.list', {})).rows[0]?.name).toBe(CHILD.name);
    newPc.close();
    // And the next start signs in as usual.
    const next = openCore(newPc.dataDir);
    expect((await call(next, 'session.status', {})).state).toBe('locked');
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    next.close();
  });

  it('refuses first-run setup while a database exists, and puts key slots back from a backup', async () => {
    const { core } = await setUp();
    await call(core, 'children.create', CHILD);
    await call(core, 'backup.run', {});
    const [b] = await call(core, 'backup.list', {});
    core.close();
    rmSync(path.join(core.dataDir, 'keyslots.json'));

    const after = openCore(core.dataDir);
    expect(await call(after, 'session.status', {})).toMatchObject({
      state: 'setup',
      databaseWithoutKeys: true,
    });
    const refused = await refuse(after, 'session.setup', {
      displayName: '冒充者',
      username: 'intruder',
      passphrase: 'Sunward-other-2026',
    });
    expect(refused.message).toBe(
      '数据文件夹中已有数据库，不能再创建管理员。请从备份恢复密钥或恢复整个数据库。',
    );
    expect(existsSync(path.join(core.dataDir, 'keyslots.json'))).toBe(false);
    expect((await call(after, 'session.status', {})).state).toBe('setup');

    await call(after, 'backup.restoreKeySlots', {
      file: b!.path,
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect((await call(after, 'session.status', {})).state).toBe('locked');
    await call(after, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await call(after, 'children.list', {})).total).toBe(1);
    expect((await call(after, 'audit.list', { action: 'backup.restoreKeySlots' })).total).toBe(1);
    expect((await call(after, 'audit.verify', {})).ok).toBe(true);
    after.close();
  });

  it('finds a tail cut from the audit log against a backup anchor, at sign-in and in the integrity check', async () => {
    const { core } = await setUp();
    await call(core, 'children.create', CHILD);
    await call(core, 'backup.run', {});
    const [b] = await call(core, 'backup.list', {});
    const anchor = b!.auditSeq!;
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
    core.close();

    // Someone with the key cuts the log back to before the backup and moves the head with it,
    // so the chain alone still verifies.
    const raw = await openRaw(core.dataDir);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq >= ?').run(anchor);
    const last = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    raw.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1').run(last.seq, last.hash);
    raw.close();

    // Before anyone signs in again, the log plainly ends before the anchor.
    const cut = await openRaw(core.dataDir);
    expect(compareAnchors(cut, [{ name: b!.name, manifest: readLayout(b!.path).manifest }])).toEqual([
      expect.objectContaining({ kind: 'cut', anchorSeq: anchor, liveSeq: anchor - 1 }),
    ]);
    cut.close();

    // Signing in appends rows again, so the anchor's place holds a different row now.
    const again = openCore(core.dataDir);
    await call(again, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const status = await call(again, 'backup.status', {});
    expect(status.divergences).toHaveLength(1);
    expect(status.divergences[0]).toMatchObject({ kind: 'rewritten', anchorSeq: anchor });
    expect(status.divergences[0]!.message).toContain(`第 ${anchor} 条审计日志与现在的不同`);
    await new Promise((r) => setTimeout(r, 20));
    expect((await call(again, 'audit.list', { action: 'audit.anchorMismatch' })).total).toBe(1);
    const verify = await call(again, 'audit.verify', {});
    expect(verify.ok).toBe(false);
    expect(verify.problems).toEqual([expect.objectContaining({ kind: 'anchor', seq: anchor })]);
    again.close();
  });

  it('leaves no plaintext of a known record in any backup file, here or in the second folder', async () => {
    const { core, backups } = await setUp();
    const second = makeDataDir('usb');
    await call(core, 'settings.update', { backupSecondFolder: second });
    await call(core, 'children.create', CHILD);
    const outcome = await call(core, 'backup.run', {});
    expect(outcome.folders.map((f) => [f.folder, f.ok])).toEqual([
      ['local', true],
      ['second', true],
    ]);
    const files = [
      ...backupFiles(backups).map((n) => path.join(backups, n)),
      ...backupFiles(second).map((n) => path.join(second, n)),
    ];
    expect(files).toHaveLength(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of [
        CHILD.name,
        CHILD.idNumber,
        CHILD.school,
        CHILD.village,
        'CREATE TABLE',
        'children_',
      ])
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${file}`).toBe(false);
    }
    // And nothing else is left in either folder: no scratch copy of the database.
    expect(readdirSync(backups)).toEqual(backupFiles(backups));
    expect(readdirSync(second)).toEqual(backupFiles(second));
    core.close();
  });

  it('says plainly when the second folder is missing, and does not count it', async () => {
    const { core } = await setUp();
    const unplugged = path.join(makeDataDir('usb'), 'not-plugged-in');
    await call(core, 'settings.update', { backupSecondFolder: unplugged });
    const outcome = await call(core, 'backup.run', {});
    expect(outcome.ok).toBe(false);
    expect(outcome.folders).toEqual([
      expect.objectContaining({ folder: 'local', ok: true }),
      expect.objectContaining({
        folder: 'second',
        ok: false,
        message: '第二备份位置不存在或未连接（如 U 盘未插入），本次未备份到该位置',
      }),
    ]);
    expect(existsSync(unplugged)).toBe(false);
    const status = await call(core, 'backup.status', {});
    expect(status.lastGoodAt).not.toBeNull();
    expect(status.stale).toBe(false);
    expect(status.lastFailure).toMatchObject({ folder: 'second' });
    expect((await call(core, 'backup.list', {})).map((f) => f.folder)).toEqual(['local']);
    const bad = await refuse(core, 'settings.update', { backupSecondFolder: 'relative/folder' });
    expect(bad.fields?.backupSecondFolder).toContain('完整的文件夹路径');
    core.close();
  });

  it('warns when the last good backup is older than the setting', async () => {
    const { core, clock } = await setUp();
    expect(await call(core, 'backup.status', {})).toMatchObject({ lastGoodAt: null, stale: true });
    await call(core, 'backup.run', {});
    expect((await call(core, 'backup.status', {})).stale).toBe(false);
    clock.advance(4 * DAY);
    expect((await call(core, 'backup.status', {})).stale).toBe(true);
    await call(core, 'settings.update', { backupWarnDays: 7 });
    expect((await call(core, 'backup.status', {})).stale).toBe(false);
    core.close();
  });

  it('backs up at the first sign-in of a day and on quit only when something changed', async () => {
    const clock = new ManualClock();
    const dir = makeDataDir('auto');
    const { createCore } = await import('../../db/api/core');
    const { MIGRATIONS_DIR } = await import('./support');
    const open = () =>
      createCore({
        dataDir: dir,
        migrationsDir: MIGRATIONS_DIR,
        clock,
        kdf: FAST_KDF,
        log: () => {},
        automaticBackups: true,
      });
    const first = open();
    await call(first, 'session.setup', ADMIN);
    await first.beforeQuit();
    expect(backupFiles(path.join(dir, 'backups'))).toHaveLength(0);
    await call(first, 'children.create', CHILD);
    await first.beforeQuit();
    expect(backupFiles(path.join(dir, 'backups'))).toEqual([expect.stringMatching(/-quit\.swbak$/)]);
    first.close();

    clock.advance(DAY);
    const second = open();
    await call(second, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await expect.poll(() => backupFiles(path.join(dir, 'backups')).length, { timeout: 15_000 }).toBe(2);
    await expect
      .poll(async () => (await call(second, 'backup.status', {})).running, { timeout: 15_000 })
      .toBeNull();
    // A second sign-in the same day does not back up again; quitting without changes neither.
    await call(second, 'session.lock', { reason: 'manual' });
    await call(second, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await new Promise((r) => setTimeout(r, 50));
    await second.beforeQuit();
    expect(backupFiles(path.join(dir, 'backups'))).toEqual(
      [expect.stringMatching(/-quit\.swbak$/), expect.stringMatching(/-daily\.swbak$/)].sort(),
    );
    second.close();
  });
});
