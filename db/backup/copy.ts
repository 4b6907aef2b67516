// The heavy steps of a backup and of its check, run in a worker thread (worker.ts) so that
// copying, hashing and integrity_check of a large database never hold up the API's thread.
// Plain functions, so they are the same code whether a worker or a test calls them.
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from '../audit/chain';
import { applyKey } from '../core/open';
import {
  BackupFormatError,
  type BackupManifest,
  type BackupTrigger,
  type ContainerLayout,
  checkContainer,
  writeContainer,
} from './format';

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
 * Copies the live database into `target` as a consistent snapshot, still encrypted under
 * the same key. SQLite's backup API cannot do this here: better-sqlite3 opens the target
 * itself with no way to key it, and SQLite3 Multiple Ciphers then refuses ("incompatible
 * source and target") rather than write plaintext. VACUUM INTO writes the target with the
 * source's cipher and key, from one read transaction; on its own connection in WAL mode it
 * holds up no writer and no reader.
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

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
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
  onPhase?: (phase: 'copy' | 'write' | 'verify') => void;
}

/**
 * One backup: snapshot, container written to a temporary name and flushed, checked in
 * full, and only then renamed to its final name. A crash at any point leaves at most a
 * `.partial` or scratch file, which no list counts and the next run removes.
 */
export function createBackup(job: CreateJob): BackupManifest {
  const dir = path.dirname(job.final);
  const partial = `${job.final}.partial`;
  const copy = `${job.final}.copy.partial`;
  rmSync(partial, { force: true });
  try {
    job.onPhase?.('copy');
    const snap = snapshotDatabase(job.source, job.key, copy);
    job.onPhase?.('write');
    const manifest = writeContainer(
      partial,
      {
        format: 1,
        app: { name: 'sunward', version: job.meta.appVersion },
        schemaVersion: snap.schemaVersion,
        createdAt: job.meta.createdAt,
        createdBy: job.meta.createdBy,
        trigger: job.meta.trigger,
        counts: snap.counts,
        audit: snap.audit,
      },
      job.slots,
      copy,
    );
    job.onPhase?.('verify');
    // The container's hashes are checked on what reached the disk, and its database part is
    // the copy byte for byte (contentSha256 was taken from the copy), so the copy is what is
    // opened and checked: the same proof without writing the database out a third time.
    try {
      checkContainer(partial);
    } catch (err) {
      if (err instanceof BackupFormatError) throw new BackupCheckError(err.reason);
      throw err;
    }
    checkDatabase(copy, job.key, manifest);
    removeDbFiles(copy);
    if (existsSync(job.final)) throw new BackupCheckError('io', 'target exists');
    renameSync(partial, job.final);
    fsyncDir(dir);
    return manifest;
  } finally {
    removeDbFiles(copy);
    rmSync(partial, { force: true });
  }
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
      const buf = Buffer.alloc(4 * 1024 * 1024);
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
