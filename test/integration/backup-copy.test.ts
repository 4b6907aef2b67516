// How a backup copies the database (db/backup/copy.ts): the live file held still and its
// encrypted pages copied as they are, or VACUUM INTO when it cannot be held still; progress
// from the copy's own steps; the container is the same whichever way it was made.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../db/api/core';
import { BackupCheckError, checkBackup, createBackup } from '../../db/backup/copy';
import { BACKUP_EXT, HEADER_BYTES, readLayout } from '../../db/backup/format';
import { applyKey } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { makePdf } from '../fixtures/files';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, CHILD, call, FAST_KDF, MIGRATIONS_DIR, openCore } from './support';

const MB = 1024 * 1024;
const MARKER = 'SUNWARD-PLAINTEXT-MARKER-7f3a';

async function setUp() {
  const core = openCore();
  await call(core, 'session.setup', ADMIN);
  const child = await call(core, 'children.create', CHILD);
  return { core, child, backups: path.join(core.dataDir, 'backups') };
}

async function databaseKey(dataDir: string): Promise<Buffer> {
  const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase);
  if (!opened) throw new Error('cannot open vault');
  return opened.key;
}

/** A few megabytes of attachments, with a known marker inside the PDF. */
async function addScans(core: Core, childId: string, count: number): Promise<void> {
  await call(core, 'settings.update', { attachmentMaxMb: 20 });
  for (let i = 0; i < count; i++) {
    await call(core, 'attachments.add', {
      recordKind: 'child',
      recordId: childId,
      files: [
        {
          fileName: `scan-${i}.pdf`,
          kind: 'deliveryReceipt',
          base64: makePdf([MARKER, `scan ${i}`], 3 * MB).toString('base64'),
        },
      ],
    });
  }
}

function job(core: ReturnType<typeof openCore>, key: Buffer, name: string, holdAttempts?: number) {
  const dir = path.join(core.dataDir, 'backups');
  return {
    source: path.join(core.dataDir, 'sunward.db'),
    key,
    final: path.join(dir, name),
    slots: readFileSync(path.join(core.dataDir, 'keyslots.json')),
    meta: {
      appVersion: 'test',
      createdAt: Date.now(),
      createdBy: { id: 'test', name: 'test' },
      trigger: 'manual' as const,
    },
    holdAttempts,
  };
}

const PAGE = 4096;

function readPage(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(PAGE);
    readSync(fd, b, 0, PAGE, (n - 1) * PAGE);
    return b;
  } finally {
    closeSync(fd);
  }
}

function writePage(file: string, n: number, page: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, page, 0, PAGE, (n - 1) * PAGE);
  } finally {
    closeSync(fd);
  }
}

/** integrity_check on a connection that checks every page's HMAC (as 校验 and restore do). */
function sound(file: string, key: Buffer): boolean {
  const raw = new Database(file, { fileMustExist: true });
  try {
    applyKey(raw, key);
    return raw.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    raw.close();
  }
}

describe('how a backup copies the database', () => {
  it("checks every page's HMAC on the bytes it copies: a changed page in use fails the backup, a free page never written does not", async () => {
    const { core } = await setUp();
    const key = await databaseKey(core.dataDir);
    core.close();
    const db = path.join(core.dataDir, 'sunward.db');
    // Pages freed by a dropped table: SQLite may leave such a page as it never wrote it.
    const raw = new Database(db, { fileMustExist: true });
    applyKey(raw, key);
    raw.exec('CREATE TABLE filler (b BLOB)');
    raw
      .prepare(
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO filler SELECT randomblob(3000) FROM n',
      )
      .run();
    raw.exec('DROP TABLE filler');
    expect(raw.pragma('freelist_count', { simple: true })).toBeGreaterThan(100);
    const pages = raw.pragma('page_count', { simple: true }) as number;
    raw.close();
    // A free page zeroed, as an unwritten one reads: SQLite's own full check still passes.
    let free = 0;
    for (let n = pages; n > pages - 50 && !free; n--) {
      const before = readPage(db, n);
      writePage(db, n, Buffer.alloc(PAGE));
      if (sound(db, key)) free = n;
      else writePage(db, n, before);
    }
    expect(free).toBeGreaterThan(0);
    const made = await createBackup(job(core, key, `sunward-free${BACKUP_EXT}`));
    // The held copy's check found the page; VACUUM INTO, reading only pages in use, made it again.
    expect(made.method).toBe('vacuum');
    expect(made.pagesFailed).toEqual({ badCount: 1, bad: [free] });
    const file = path.join(core.dataDir, 'backups', `sunward-free${BACKUP_EXT}`);
    expect(checkBackup(file, key, path.join(core.dataDir, 'check-free.partial')).opened).toBe(true);
    // The same through the app with two threads (the HMACs checked by the writing thread, quick_check beside it), and
    // the backup's audit row says so.
    const two = createCore({
      dataDir: core.dataDir,
      migrationsDir: MIGRATIONS_DIR,
      kdf: FAST_KDF,
      log: () => {},
      backupOnTwoThreads: true,
    });
    await call(two, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const outcome = await call(two, 'backup.run', {});
    expect(outcome).toMatchObject({ ok: true, method: 'vacuum' });
    const row = (await call(two, 'audit.list', { action: 'backup.create' })).rows[0]!;
    expect(row.detail).toMatchObject({ copied: 'vacuum', pagesFailed: 1 });
    two.close();

    // One byte changed in a page in use (the schema's root, page 1, past its salt).
    const first = readPage(db, 1);
    first[200] ^= 0x01;
    writePage(db, 1, first);
    const failed = await createBackup(job(core, key, `sunward-bad${BACKUP_EXT}`)).catch((e) => e);
    expect(failed).toBeInstanceOf(BackupCheckError);
    expect(['integrity', 'wrongKey']).toContain((failed as BackupCheckError).problem);
    expect(existsSync(path.join(core.dataDir, 'backups', `sunward-bad${BACKUP_EXT}`))).toBe(false);
    // A page of a table instead (page 2 is the first table's root).
    first[200] ^= 0x01;
    writePage(db, 1, first);
    const second = readPage(db, 2);
    second[1000] ^= 0x01;
    writePage(db, 2, second);
    const failed2 = await createBackup(job(core, key, `sunward-bad2${BACKUP_EXT}`)).catch((e) => e);
    expect(failed2).toBeInstanceOf(BackupCheckError);
    expect((failed2 as BackupCheckError).problem).toBe('integrity');
    // Nothing of the failed backups is left (the app's rotation kept its own one of the day).
    expect(readdirSync(path.join(core.dataDir, 'backups')).filter((n) => n.includes('bad'))).toEqual([]);
    key.fill(0);
  });

  it('copies the encrypted pages as they are: no plaintext of a record or an attached file in the backup', async () => {
    const { core, child, backups } = await setUp();
    await addScans(core, child.id, 2);
    const outcome = await call(core, 'backup.run', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.method).toBe('held');
    const [file] = readdirSync(backups).filter((n) => n.endsWith(BACKUP_EXT));
    const bytes = readFileSync(path.join(backups, file!));
    for (const needle of [MARKER, CHILD.name, CHILD.idNumber, 'SQLite format 3', 'CREATE TABLE'])
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    // Nothing but the finished backup is left beside it.
    expect(readdirSync(backups)).toEqual([file]);
    // And the full check (integrity_check, chain, counts) passes on what was copied.
    expect(await call(core, 'backup.check', { file: path.join(backups, file!) })).toEqual({
      ok: true,
      message: null,
    });
    core.close();
  });

  it('falls back to VACUUM INTO when the file cannot be held still, and that backup checks and restores too', async () => {
    const { core, child } = await setUp();
    await addScans(core, child.id, 1);
    const key = await databaseKey(core.dataDir);
    const vacuum = await createBackup(job(core, key, `sunward-vacuum${BACKUP_EXT}`, 0));
    const held = await createBackup(job(core, key, `sunward-held${BACKUP_EXT}`));
    expect(vacuum.method).toBe('vacuum');
    expect(held.method).toBe('held');
    // The same records and the same audit head either way.
    expect(vacuum.manifest.counts).toEqual(held.manifest.counts);
    expect(vacuum.manifest.audit).toEqual(held.manifest.audit);
    expect(held.manifest.counts.attachments).toBe(1);
    for (const name of ['vacuum', 'held']) {
      const file = path.join(core.dataDir, 'backups', `sunward-${name}${BACKUP_EXT}`);
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(MARKER, 'utf8')), name).toBe(false);
      const scratch = path.join(core.dataDir, `check-${name}.partial`);
      expect(checkBackup(file, key, scratch).opened).toBe(true);
      expect(existsSync(scratch)).toBe(false);
    }
    const user = await call(core, 'backup.restore', {
      file: path.join(core.dataDir, 'backups', `sunward-vacuum${BACKUP_EXT}`),
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    expect(user.username).toBe(ADMIN.username);
    expect((await call(core, 'attachments.forChild', { childId: child.id })).map((a) => a.fileName)).toEqual([
      'scan-0.pdf',
    ]);
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
    key.fill(0);
    core.close();
  });

  it("holds the live file still without a new WAL header, so the app's connection keeps its page cache", async () => {
    const { core } = await setUp();
    const key = await databaseKey(core.dataDir);
    const db = path.join(core.dataDir, 'sunward.db');
    // The saves above sit in the WAL; a checkpoint that truncated it would write a new WAL
    // header, and every connection that sees one drops its whole page cache.
    const walHeader = () => readFileSync(`${db}-shm`).subarray(0, 48);
    const before = walHeader();
    expect(readFileSync(`${db}-wal`).length).toBeGreaterThan(0);
    const made = await createBackup(job(core, key, `sunward-wal${BACKUP_EXT}`));
    expect(made.method).toBe('held');
    expect(walHeader().equals(before)).toBe(true);
    expect(made.manifest.counts.children).toBe(1);
    const scratch = path.join(core.dataDir, 'check-wal.partial');
    expect(
      checkBackup(path.join(core.dataDir, 'backups', `sunward-wal${BACKUP_EXT}`), key, scratch).opened,
    ).toBe(true);
    // The app goes on saving and reading as before.
    await call(core, 'children.create', {
      name: '李小红',
      gender: 'female',
      birthDate: CHILD.birthDate,
      township: CHILD.township,
    });
    expect((await call(core, 'children.list', {})).total).toBe(2);
    key.fill(0);
    core.close();
  });

  it('writes the container on a second thread beside the check when told to, with the same result', async () => {
    const dataDir = makeDataDir('two-threads');
    const core = createCore({
      dataDir,
      migrationsDir: MIGRATIONS_DIR,
      kdf: FAST_KDF,
      log: () => {},
      backupOnTwoThreads: true,
    });
    await call(core, 'session.setup', ADMIN);
    const child = await call(core, 'children.create', CHILD);
    await addScans(core, child.id, 2);
    const outcome = await call(core, 'backup.run', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.method).toBe('held');
    const [b] = await call(core, 'backup.list', {});
    expect(readFileSync(b!.path).includes(Buffer.from(MARKER, 'utf8'))).toBe(false);
    expect(await call(core, 'backup.check', { file: b!.path })).toEqual({ ok: true, message: null });
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([b!.name]);
    const made = await call(core, 'audit.list', { action: 'backup.create' });
    expect(made.rows[0]!.detail).toMatchObject({ copied: 'held', threads: 2 });
    core.close();
  });

  it('reports progress from the copy itself, phase by phase, while the API keeps answering', async () => {
    const { core, child } = await setUp();
    await addScans(core, child.id, 4);
    const seen: { phase: string; percent: number }[] = [];
    let done = false;
    const running = call(core, 'backup.run', {}).finally(() => {
      done = true;
    });
    let reads = 0;
    while (!done) {
      await new Promise((r) => setImmediate(r));
      const s = await call(core, 'backup.status', {});
      if (s.running) {
        const last = seen.at(-1);
        if (!last || last.phase !== s.running.phase || last.percent !== s.running.percent)
          seen.push({ phase: s.running.phase, percent: s.running.percent });
      }
      reads++;
    }
    const outcome = await running;
    expect(outcome.ok).toBe(true);
    expect(reads).toBeGreaterThan(1);
    // The bar only moves forward, through the phases in order, and the copy is seen in steps.
    const order = ['copy', 'write', 'verify', 'second'];
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.percent).toBeGreaterThanOrEqual(seen[i - 1]!.percent);
      expect(order.indexOf(seen[i]!.phase)).toBeGreaterThanOrEqual(order.indexOf(seen[i - 1]!.phase));
    }
    const copying = seen.filter((s) => s.phase === 'copy' && s.percent > 0 && s.percent < 45);
    expect(copying.length, JSON.stringify(seen)).toBeGreaterThanOrEqual(2);
    expect((await call(core, 'backup.status', {})).running).toBeNull();
    const manifest = readLayout((await call(core, 'backup.list', {}))[0]!.path).manifest;
    expect(manifest.dbBytes).toBeGreaterThan(12 * MB);
    core.close();
  });

  it('finds a changed byte anywhere in a backup without the key, and still checks a format 1 backup in full', async () => {
    const { core, backups } = await setUp();
    await call(core, 'backup.run', {});
    const [made] = await call(core, 'backup.list', {});
    const good = readFileSync(made!.path);
    const layout = readLayout(made!.path);
    expect(good.readUInt16BE(8)).toBe(2);
    const scratch = path.join(core.dataDir, 'check.partial');
    const changedAt = (at: number) => {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x01;
      const file = path.join(backups, `sunward-20261127-1${String(at).padStart(5, '0')}-manual${BACKUP_EXT}`);
      writeFileSync(file, bad);
      try {
        checkBackup(file, null, scratch);
        return 'ok';
      } catch (err) {
        return (err as BackupCheckError).problem;
      }
    };
    const manifestAt = good.indexOf(Buffer.from('"createdBy"'), HEADER_BYTES);
    // The manifest (its text, not its lengths), the key slots, the database's first and last
    // byte, the trailer: each found by the hashes alone.
    for (const at of [
      manifestAt,
      layout.dbOffset - 10,
      layout.dbOffset,
      layout.dbOffset + layout.dbBytes - 1,
      good.length - 1,
    ])
      expect(changedAt(at), `byte ${at}`).toBe('altered');

    // The same backup as format 1 wrote it (a backup made before this version): version 1 in
    // the header and the manifest, the trailer over every byte before it.
    const manifest = JSON.stringify({ ...layout.manifest, format: 1 });
    expect(Buffer.byteLength(manifest)).toBe(layout.dbOffset - HEADER_BYTES - layout.slots.length);
    const v1 = Buffer.from(good);
    v1.writeUInt16BE(1, 8);
    v1.write(manifest, HEADER_BYTES, 'utf8');
    createHash('sha256')
      .update(v1.subarray(0, v1.length - 32))
      .digest()
      .copy(v1, v1.length - 32);
    const old = path.join(backups, `sunward-20261126-100000-manual${BACKUP_EXT}`);
    writeFileSync(old, v1);
    expect(await call(core, 'backup.check', { file: old })).toEqual({ ok: true, message: null });
    v1[layout.dbOffset + 5]! ^= 0x01;
    writeFileSync(old, v1);
    expect(await call(core, 'backup.check', { file: old })).toMatchObject({ ok: false });
    core.close();
  });
});
