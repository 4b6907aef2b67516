// The heavy steps of a backup and of its check, run in a worker thread (worker.ts) so that
// copying, hashing and checking a large database never hold up the API's thread.
// Plain functions, so they are the same code whether a worker or a test calls them.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from '../audit/chain';
import { applyKey } from '../core/open';
import {
  BackupFormatError,
  type BackupManifest,
  type BackupTrigger,
  CHUNK,
  type ContainerLayout,
  checkContainer,
  LOCK_BYTES_AT,
  writeContainer,
} from './format';
import { PageMacs } from './pages';

/** Why a backup failed its check; each has a Chinese message under backup.problems. */
export type BackupProblem =
  | BackupFormatError['reason']
  | 'wrongKey'
  | 'integrity'
  | 'auditChain'
  | 'counts'
  | 'auditHead'
  | 'io';

export class BackupCheckError extends Error {
  constructor(
    readonly problem: BackupProblem,
    detail?: string,
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = 'BackupCheckError';
  }
}

export interface Snapshot {
  schemaVersion: number;
  counts: Record<string, number>;
  audit: { seq: number; hash: string };
}

/** Removes a scratch database and whatever SQLite left beside it. */
export function removeDbFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

function openCopy(file: string, key: Buffer): Database.Database {
  const raw = new Database(file, { fileMustExist: true });
  try {
    applyKey(raw, key);
  } catch {
    raw.close();
    throw new BackupCheckError('wrongKey');
  }
  // integrity_check walks every index against its table; without a page cache that holds
  // them it decrypts the same pages over and over.
  raw.pragma('cache_size = -262144');
  return raw;
}

/** Row counts of every ordinary table, the audit head and the schema version of a database. */
export function inspect(raw: Database.Database): Snapshot {
  const tables = raw
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables) {
    counts[name] = raw
      .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  const head = raw.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
    | { seq: number; hash: string }
    | undefined;
  return {
    schemaVersion: raw.pragma('user_version', { simple: true }) as number,
    counts,
    audit: head ?? { seq: 0, hash: '' },
  };
}

/**
 * The fallback copy: the live database copied into `target` as a consistent snapshot, still
 * encrypted under the same key, by VACUUM INTO (it writes the target with the source's cipher
 * and key, from one read transaction, and on its own connection in WAL mode holds up no writer
 * and no reader). It rebuilds every table and index, so it costs several times the held-still
 * copy below; it is used only when the live file cannot be held still (see `holdStill`).
 */
export function snapshotDatabase(source: string, key: Buffer, target: string): Snapshot {
  removeDbFiles(target);
  const raw = new Database(source, { fileMustExist: true });
  try {
    applyKey(raw, key);
    raw.pragma('busy_timeout = 5000');
    raw.prepare('VACUUM INTO ?').run(target);
  } finally {
    raw.close();
  }
  const copy = openCopy(target, key);
  try {
    return inspect(copy);
  } finally {
    copy.close();
  }
}

/**
 * Holds the live file still for as long as `raw` keeps its read transaction open, so its bytes
 * can be copied as they are: pages stay encrypted under the same key (SQLCipher encrypts each
 * page on its own, by page number), and nothing is decrypted or rebuilt.
 *
 * Why this is a snapshot: in WAL mode a reader that starts while every WAL frame is already in
 * the database file takes read-mark 0 and reads the file alone, and while any reader holds
 * read-mark 0 no checkpoint may write into the file (SQLite's wal.c: the checkpointer needs
 * that lock exclusively). Writers go on appending to the WAL. So: checkpoint every frame into
 * the file (PASSIVE) and begin reading with no commit in between (`holdAfterPassive`); or, when
 * that cannot be told, checkpoint and truncate the WAL, begin reading, and if the WAL is still
 * empty then no frame came before our snapshot and we hold read-mark 0. A writer slipping in
 * between is retried; after `attempts` tries the caller falls back to VACUUM INTO.
 *
 * SQLite's online backup API would be the textbook tool, but it cannot be used here:
 * better-sqlite3 opens the destination itself with no way to key it, and SQLite3 Multiple
 * Ciphers then refuses ("backup is not supported with incompatible source and target
 * databases") rather than write plaintext.
 */
export function holdStill(raw: Database.Database, source: string, attempts: number): boolean {
  if (String(raw.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return false;
  const wal = `${source}-wal`;
  // A checkpoint waits for readers; one long read on the API's side must not make 20 tries
  // take 20 × the usual 5 s before the fallback.
  const busy = raw.pragma('busy_timeout', { simple: true }) as number;
  raw.pragma('busy_timeout = 200');
  try {
    return tryHolding(raw, wal, attempts);
  } finally {
    raw.pragma(`busy_timeout = ${busy}`);
  }
}

function tryHolding(raw: Database.Database, wal: string, attempts: number): boolean {
  // TRUNCATE holds the writer's lock while it copies the WAL into the file and waits for
  // readers, so a save on the API's side waits for it. A PASSIVE pass first copies what it can
  // without that lock; TRUNCATE then has only the frames written since, and holds the lock briefly.
  raw.pragma('wal_checkpoint(PASSIVE)');
  for (let i = 0; i < attempts; i++) {
    if (holdAfterPassive(raw, `${wal.slice(0, -'-wal'.length)}-shm`)) return true;
    const [ck] = raw.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    if (ck && ck.busy === 0) {
      raw.prepare('BEGIN').run();
      raw.prepare('SELECT count(*) FROM sqlite_master').get();
      let walBytes = 0;
      try {
        walBytes = statSync(wal).size;
      } catch {
        walBytes = 0;
      }
      if (walBytes === 0) return true;
      raw.prepare('COMMIT').run();
    }
    sleep(5 * (i + 1));
  }
  return false;
}

/**
 * The wal-index header (48 bytes, SQLite's wal.c WalIndexHdr) and the checkpoint's nBackfill
 * from the start of the -shm file, or null when it cannot be read as one. Only the bytes
 * before the lock bytes (offset 120) are read: on Windows a read of a byte another handle
 * holds locked fails.
 */
function readWalIndex(shm: string): { header: Buffer; mxFrame: number; backfilled: number } | null {
  let fd: number;
  try {
    fd = openSync(shm, 'r');
  } catch {
    return null;
  }
  try {
    const b = Buffer.alloc(100);
    if (readSync(fd, b, 0, b.length, 0) !== b.length) return null;
    const header = b.subarray(0, 48);
    const little = new Uint32Array(new Uint8Array([1, 0, 0, 0]).buffer)[0] === 1;
    const u32 = (at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));
    // Version 3007000 and isInit, and both copies of the header the same (a writer mid-way
    // through changing them makes them differ).
    if (u32(0) !== 3007000 || b[12] !== 1 || !header.equals(b.subarray(48, 96))) return null;
    return { header: Buffer.from(header), mxFrame: u32(16), backfilled: u32(96) };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Holding read-mark 0 without TRUNCATE. A TRUNCATE (or RESTART) writes a new WAL header, and
 * every other connection that sees a new header drops its whole page cache: the API's next
 * reads then decrypt every page again (bench, 100,000 children: the first list after it took
 * 23–29 ms against 6–7). When a PASSIVE checkpoint has copied every frame into the file, a
 * reader that begins takes read-mark 0 (wal.c walTryBeginRead: nBackfill equals mxFrame), so
 * what is needed is to know that no commit came between the checkpoint and our BEGIN: the
 * wal-index header, which every commit changes (its checksum, mxFrame, and a restart's salt),
 * is the same before and after, with every frame backfilled.
 */
function holdAfterPassive(raw: Database.Database, shm: string): boolean {
  const [ck] = raw.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  if (ck?.busy !== 0 || ck.log !== ck.checkpointed) return false;
  const before = readWalIndex(shm);
  if (!before || before.mxFrame !== before.backfilled) return false;
  raw.prepare('BEGIN').run();
  raw.prepare('SELECT count(*) FROM sqlite_master').get();
  const after = readWalIndex(shm);
  if (after?.header.equals(before.header) && after.backfilled === before.backfilled) return true;
  raw.prepare('COMMIT').run();
  return false;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * What each backup is checked with, besides every page's HMAC on the copied bytes (pages.ts,
 * `backupHeld`): quick_check, the whole audit chain, the audit head and the schema version.
 * quick_check reads and decrypts every page in use and checks every b-tree, record and
 * free-list. What it leaves out (integrity_check's matching of each index with its table) is
 * a property of the live database, not of the copy: the copy holds its bytes unchanged, which
 * the content hash proves. The full integrity_check, with SQLite checking each HMAC as it
 * reads, runs where a backup is taken back: its check (校验) and every restore (`checkDatabase`).
 */
export function quickCheckDatabase(
  raw: Database.Database,
  expected: Snapshot,
  onStep?: (done: number, total: number) => void,
): void {
  const quick = raw.pragma('quick_check', { simple: true });
  if (quick !== 'ok') throw new BackupCheckError('integrity', String(quick));
  // About three quarters of the check's time (bench, 10,000 children); the chain is the rest.
  onStep?.(3, 4);
  const chain = verifyChain(raw);
  if (!chain.ok) throw new BackupCheckError('auditChain', JSON.stringify(chain.problems.slice(0, 5)));
  const head = raw.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const found = head ?? { seq: 0, hash: '' };
  if (found.seq !== expected.audit.seq || found.hash !== expected.audit.hash)
    throw new BackupCheckError('auditHead');
  if ((raw.pragma('user_version', { simple: true }) as number) !== expected.schemaVersion)
    throw new BackupCheckError('counts');
}

/**
 * Opens a database with the key and holds it against a manifest: integrity_check, the whole
 * audit chain, row counts, audit head and schema version.
 */
export function checkDatabase(file: string, key: Buffer, manifest: BackupManifest): void {
  const raw = openCopy(file, key);
  try {
    const integrity = raw.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupCheckError('integrity', String(integrity));
    const chain = verifyChain(raw);
    if (!chain.ok) throw new BackupCheckError('auditChain', JSON.stringify(chain.problems.slice(0, 5)));
    const found = inspect(raw);
    if (!sameCounts(found.counts, manifest.counts)) throw new BackupCheckError('counts');
    if (found.audit.seq !== manifest.audit.seq || found.audit.hash !== manifest.audit.hash)
      throw new BackupCheckError('auditHead');
    if (found.schemaVersion !== manifest.schemaVersion) throw new BackupCheckError('counts');
  } finally {
    raw.close();
  }
}

/**
 * The full check of a container: both hashes, then (with the key) the database inside is
 * opened, integrity_check'd, its audit chain walked, and its counts and audit head compared
 * with the manifest. The database is extracted to `scratch` (encrypted bytes only); it is
 * removed afterwards unless `keep` says the caller wants it (a restore).
 */
export function checkBackup(
  file: string,
  key: Buffer | null,
  scratch: string,
  keep = false,
): { layout: ContainerLayout; opened: boolean } {
  removeDbFiles(scratch);
  let layout: ContainerLayout;
  try {
    layout = checkContainer(file, key ? scratch : undefined);
  } catch (err) {
    removeDbFiles(scratch);
    if (err instanceof BackupFormatError) throw new BackupCheckError(err.reason);
    throw new BackupCheckError('io', String(err));
  }
  if (!key) return { layout, opened: false };
  let ok = false;
  try {
    checkDatabase(scratch, key, layout.manifest);
    ok = true;
  } finally {
    if (!ok || !keep) removeDbFiles(scratch);
  }
  return { layout, opened: true };
}

/** fsync of a file written on another descriptor, off this thread. */
async function flushFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; there NTFS's rename is already journalled.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export type CreatePhase = 'copy' | 'write' | 'verify';

export interface CreateJob {
  source: string;
  key: Buffer;
  /** The finished file; written as `${final}.partial` first. */
  final: string;
  slots: Buffer;
  meta: {
    appVersion: string;
    createdAt: number;
    createdBy: { id: string; name: string };
    trigger: BackupTrigger;
  };
  /** Each step as it starts, and how far it has got: bytes of the database, or 0 of 1. */
  onProgress?: (phase: CreatePhase, done: number, total: number) => void;
  /** Tries at holding the live file still before falling back to VACUUM INTO; tests set 0. */
  holdAttempts?: number;
  /**
   * Writes the container on another thread while this one checks the held snapshot (the
   * worker passes one; without it the two run one after the other here).
   */
  writeElsewhere?: (args: WriteArgs) => Promise<WriteResult>;
}

/** What writing a container takes: format.ts writeContainer's arguments. */
export interface WriteArgs {
  target: string;
  manifest: Parameters<typeof writeContainer>[1];
  slots: Buffer;
  dbFile: string;
  /** Check every page's HMAC as it is copied (pages.ts), with the job's key. */
  pageSize?: number;
}

/** How many pages' HMACs were checked on the copied bytes, of how many, and which failed. */
export interface PageReport {
  checked: number;
  expected: number;
  badCount: number;
  bad: number[];
}

export interface WriteResult {
  manifest: BackupManifest;
  pages: PageReport | null;
}

/** Writes a container, checking page HMACs on the way when asked (both threads use this). */
export function writeChecked(
  args: WriteArgs,
  key: Buffer | null,
  onProgress?: Parameters<typeof writeContainer>[4],
  flush = true,
): WriteResult {
  const macs = args.pageSize && key ? new PageMacs(key, args.pageSize) : null;
  try {
    const manifest = writeContainer(
      args.target,
      args.manifest,
      args.slots,
      args.dbFile,
      onProgress,
      macs ?? undefined,
      flush,
    );
    return { manifest, pages: macs ? pageReport(macs, manifest.dbBytes) : null };
  } finally {
    macs?.wipe();
  }
}

function pageReport(macs: PageMacs, dbBytes: number): PageReport {
  const total = Math.ceil(dbBytes / macs.pageSize);
  const lockPage = Math.floor(LOCK_BYTES_AT / macs.pageSize) + 1;
  return {
    checked: macs.checked,
    expected: total - (total >= lockPage ? 1 : 0),
    badCount: macs.badCount,
    bad: macs.bad,
  };
}

/** Every page of the copy was checked and carries its HMAC. */
function pagesSound(report: PageReport | null): boolean {
  return report !== null && report.badCount === 0 && report.checked === report.expected;
}

export interface CreateResult {
  manifest: BackupManifest;
  /** How the database was copied: its bytes as they are, or rebuilt by VACUUM INTO. */
  method: 'held' | 'vacuum';
  /** 2 when the container was written on a second thread beside the check. */
  threads: 1 | 2;
  /** Set when the held copy's pages failed their HMAC and the backup was made again by VACUUM INTO. */
  pagesFailed?: { badCount: number; bad: number[] };
}

/**
 * Opens the live database on a connection of the worker's own. Its page reads skip SQLite3
 * Multiple Ciphers' HMAC check (which can only be set before the key): the backup checks every
 * page's HMAC itself on the bytes it copies (pages.ts), and this connection reads only the
 * file held still, so the pages it decrypts are those bytes (see createBackup).
 */
function openSource(file: string, key: Buffer): Database.Database {
  const raw = new Database(file, { fileMustExist: true });
  try {
    raw.pragma('hmac_check = 0');
    applyKey(raw, key);
  } catch {
    raw.close();
    throw new BackupCheckError('wrongKey');
  }
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -65536');
  return raw;
}

function manifestDraft(job: CreateJob, snap: Snapshot): WriteArgs['manifest'] {
  return {
    app: { name: 'sunward', version: job.meta.appVersion },
    schemaVersion: snap.schemaVersion,
    createdAt: job.meta.createdAt,
    createdBy: job.meta.createdBy,
    trigger: job.meta.trigger,
    counts: snap.counts,
    audit: snap.audit,
  };
}

/**
 * The held copy: the live file's bytes straight into the container in one read, each page's
 * HMAC checked on the way, and the snapshot inspected and quick_check'd through the same read
 * transaction, which sees exactly the bytes copied. Null when a page failed its HMAC: a page
 * SQLite freed without ever writing it (possible, and harmless) fails too, so the caller lets
 * SQLite decide by making the copy again through VACUUM INTO, which reads only pages in use,
 * each checked by SQLite itself.
 */
async function backupHeld(
  raw: Database.Database,
  job: CreateJob,
  partial: string,
  progress: NonNullable<CreateJob['onProgress']>,
): Promise<{ manifest: BackupManifest; threads: 1 | 2 } | { failed: PageReport }> {
  const snap = inspect(raw);
  const st = statSync(job.source);
  const stamp = { size: st.size, mtimeMs: st.mtimeMs };
  const args: WriteArgs = {
    target: partial,
    manifest: manifestDraft(job, snap),
    slots: job.slots,
    dbFile: job.source,
    pageSize: raw.pragma('page_size', { simple: true }) as number,
  };
  let written: WriteResult;
  const threads = job.writeElsewhere ? 2 : 1;
  if (job.writeElsewhere && args.pageSize) {
    // The file is held still until the COMMIT below, so the other thread copies, HMAC-checks
    // and reads back the same bytes that this one quick_checks; the other thread says when the
    // check is what is left. The HMACs go with the copy (the bytes are in memory there) rather
    // than a second read here: at 100,000 children that split this thread's 7.9 s of CPU
    // against the writer's 2.5 s; now each carries about half.
    const writing = job.writeElsewhere(args);
    writing.catch(() => {});
    let checkFailed: unknown = null;
    try {
      quickCheckDatabase(raw, snap);
    } catch (err) {
      checkFailed = err;
    }
    // A failed check while the other thread still writes: let it finish before cleaning up.
    // A page that failed its HMAC (a never-written free page) can make the check fail too;
    // then the pages decide, as on one thread, and the copy is made again by VACUUM INTO.
    if (checkFailed) {
      const w = await writing.catch(() => null);
      if (!w || pagesSound(w.pages)) throw checkFailed;
      written = w;
    } else written = await writing;
  } else {
    written = writeChecked(args, job.key, progress, false);
    // The container goes to the disk on libuv's thread pool while this thread runs quick_check:
    // the disk's time and the check's overlap without a second thread on the CPU. Nothing is
    // renamed, so nothing counts, before the flush has returned.
    const flushing = flushFile(partial);
    flushing.catch(() => {});
    try {
      if (pagesSound(written.pages)) {
        progress('verify', 0, 1);
        quickCheckDatabase(raw, snap, (done, total) => progress('verify', done, total));
      }
    } finally {
      await flushing.catch(() => undefined);
    }
    await flushing;
  }
  // A tripwire under the reasoning in holdStill: the file did not change while held.
  const now = statSync(job.source);
  if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs)
    throw new BackupCheckError('io', 'the database file changed while held still');
  raw.prepare('COMMIT').run();
  if (!pagesSound(written.pages))
    return { failed: written.pages ?? { checked: 0, expected: 0, badCount: 0, bad: [] } };
  return { manifest: written.manifest, threads };
}

/**
 * One backup: the database copied into a container under a temporary name and flushed, checked,
 * and only then renamed to its final name. A crash at any point leaves at most a `.partial`
 * file, which no list counts and the next run removes.
 *
 * Mostly the live file is held still (`holdStill`) and copied as it is (`backupHeld`). When it
 * cannot be held still, or a page of the held copy failed its HMAC, VACUUM INTO makes a copy
 * first, on a connection that checks every page it reads, and that copy is what goes in and is
 * checked.
 */
export async function createBackup(job: CreateJob): Promise<CreateResult> {
  const dir = path.dirname(job.final);
  const partial = `${job.final}.partial`;
  const copy = `${job.final}.copy.partial`;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  rmSync(partial, { force: true });
  const progress = job.onProgress ?? (() => {});
  let raw: Database.Database | null = openSource(job.source, job.key);
  try {
    progress('copy', 0, 1);
    let pagesFailed: PageReport | undefined;
    if (holdStill(raw, job.source, job.holdAttempts ?? 20)) {
      const done = await backupHeld(raw, job, partial, progress);
      if ('manifest' in done) {
        progress('verify', 1, 1);
        finish(partial, job.final, dir);
        return { manifest: done.manifest, method: 'held', threads: done.threads };
      }
      pagesFailed = done.failed;
      rmSync(partial, { force: true });
    }
    raw.close();
    raw = null;
    const snap = snapshotDatabase(job.source, job.key, copy);
    const manifest = writeContainer(partial, manifestDraft(job, snap), job.slots, copy, progress);
    progress('verify', 0, 1);
    const check = openCopy(copy, job.key);
    try {
      quickCheckDatabase(check, snap, (done, total) => progress('verify', done, total));
      if (!sameCounts(inspect(check).counts, snap.counts)) throw new BackupCheckError('counts');
    } finally {
      check.close();
    }
    progress('verify', 1, 1);
    finish(partial, job.final, dir);
    return {
      manifest,
      method: 'vacuum',
      threads: 1,
      ...(pagesFailed ? { pagesFailed: { badCount: pagesFailed.badCount, bad: pagesFailed.bad } } : {}),
    };
  } catch (err) {
    if (err instanceof BackupFormatError) throw new BackupCheckError(err.reason);
    if (err instanceof Database.SqliteError && /CORRUPT|NOTADB/.test(err.code))
      throw new BackupCheckError('integrity', err.message);
    throw err;
  } finally {
    raw?.close();
    removeDbFiles(copy);
    rmSync(partial, { force: true });
  }
}

function finish(partial: string, final: string, dir: string): void {
  if (existsSync(final)) throw new BackupCheckError('io', 'target exists');
  renameSync(partial, final);
  fsyncDir(dir);
}

/**
 * Copies a finished, checked backup to another folder (the USB stick): temporary name,
 * flushed, hashes checked on the copy, renamed.
 */
export function copyBackup(from: string, toDir: string): string {
  const final = path.join(toDir, path.basename(from));
  const partial = `${final}.partial`;
  rmSync(partial, { force: true });
  try {
    const src = openSync(from, 'r');
    const out = openSync(partial, 'wx', 0o600);
    try {
      const buf = Buffer.alloc(CHUNK);
      let pos = 0;
      for (;;) {
        const n = readSync(src, buf, 0, buf.length, pos);
        if (n === 0) break;
        let w = 0;
        while (w < n) w += writeSync(out, buf, w, n - w);
        pos += n;
      }
      fsyncSync(out);
    } finally {
      closeSync(src);
      closeSync(out);
    }
    checkContainer(partial);
    renameSync(partial, final);
    fsyncDir(toDir);
    return final;
  } catch (err) {
    if (err instanceof BackupFormatError) throw new BackupCheckError(err.reason);
    if (err instanceof BackupCheckError) throw err;
    throw new BackupCheckError('io', String(err));
  } finally {
    rmSync(partial, { force: true });
  }
}
