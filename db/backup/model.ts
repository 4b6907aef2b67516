// What other areas need from backups: the files in a folder, their manifests, and the
// comparison of the live audit chain with the anchors those manifests carry.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BACKUP_EXT, BackupFormatError, type BackupManifest, readLayout } from './format';

export type BackupFolderKind = 'local' | 'second';

export interface BackupFile {
  name: string;
  path: string;
  folder: BackupFolderKind;
  bytes: number;
  /** Null when the header cannot even be read (not a backup, or cut short). */
  manifest: BackupManifest | null;
  unreadable: BackupFormatError['reason'] | null;
}

/** The finished backup files in a folder, newest first. `.partial` files are never listed. */
export function listFolder(dir: string, folder: BackupFolderKind): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    if (!name.endsWith(BACKUP_EXT)) continue;
    const file = path.join(dir, name);
    let bytes = 0;
    try {
      const st = statSync(file);
      if (!st.isFile()) continue;
      bytes = st.size;
    } catch {
      continue;
    }
    try {
      out.push({ name, path: file, folder, bytes, manifest: readLayout(file).manifest, unreadable: null });
    } catch (err) {
      out.push({
        name,
        path: file,
        folder,
        bytes,
        manifest: null,
        unreadable: err instanceof BackupFormatError ? err.reason : 'notBackup',
      });
    }
  }
  return out.sort(
    (a, b) => (b.manifest?.createdAt ?? 0) - (a.manifest?.createdAt ?? 0) || (a.name < b.name ? 1 : -1),
  );
}

export interface AnchorDivergence {
  file: string;
  createdAt: number;
  /** cut: the live log ends before the anchor; rewritten: the anchor's row is not the same. */
  kind: 'cut' | 'rewritten';
  anchorSeq: number;
  liveSeq: number;
}

interface RestoreMark {
  at: number;
  seq: number;
}

/** The last restore recorded in this database, if any: anchors taken before it are moot. */
function lastRestore(raw: Database.Database): RestoreMark | null {
  const row = raw
    .prepare(`SELECT at, detail FROM audit_log WHERE action = 'backup.restore' ORDER BY seq DESC LIMIT 1`)
    .get() as { at: number; detail: string } | undefined;
  if (!row) return null;
  const detail = JSON.parse(row.detail) as { auditSeq?: number };
  return { at: row.at, seq: detail.auditSeq ?? 0 };
}

/**
 * Compares the live chain with backups' anchors. A backup's audit head must still be in the
 * live log, row for row: if the log now ends before it, the tail was cut; if the row there
 * has another hash, the log was rewritten since that backup. After a restore, backups taken
 * before it that lie beyond the restored point are expected to differ and are skipped.
 */
export function compareAnchors(
  raw: Database.Database,
  backups: readonly { name: string; manifest: BackupManifest }[],
): AnchorDivergence[] {
  const head = raw.prepare('SELECT seq FROM audit_head WHERE id = 1').get() as { seq: number } | undefined;
  const liveSeq = head?.seq ?? 0;
  const restore = lastRestore(raw);
  const rowAt = raw.prepare('SELECT hash FROM audit_log WHERE seq = ?');
  const out: AnchorDivergence[] = [];
  for (const b of backups) {
    const anchor = b.manifest.audit;
    if (anchor.seq === 0) continue;
    if (restore && b.manifest.createdAt < restore.at && anchor.seq > restore.seq) continue;
    const live = rowAt.get(anchor.seq) as { hash: string } | undefined;
    const base = { file: b.name, createdAt: b.manifest.createdAt, anchorSeq: anchor.seq, liveSeq };
    if (!live) out.push({ ...base, kind: liveSeq < anchor.seq ? 'cut' : 'rewritten' });
    else if (live.hash !== anchor.hash) out.push({ ...base, kind: 'rewritten' });
  }
  return out;
}

export interface BackupRecord {
  seq: number;
  at: number;
  action: 'backup.create' | 'backup.failed' | 'backup.check';
  detail: {
    file?: string;
    folder?: BackupFolderKind;
    trigger?: string;
    ok?: boolean;
    problem?: string;
    auditSeq?: number;
    bytes?: number;
  };
}

/** The backup rows of the audit log, newest first: what was made, what failed, what was checked. */
export function backupRecords(raw: Database.Database, limit = 500): BackupRecord[] {
  const rows = raw
    .prepare(
      `SELECT seq, at, action, detail FROM audit_log
        WHERE action IN ('backup.create', 'backup.failed', 'backup.check')
        ORDER BY seq DESC LIMIT ?`,
    )
    .all(limit) as { seq: number; at: number; action: BackupRecord['action']; detail: string }[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as BackupRecord['detail'] }));
}

/**
 * Whether anything worth a backup happened after audit row `sinceSeq`: every write leaves an
 * audit row, so rows other than sign-ins, locks and backups themselves mean changed data.
 */
export function changedSince(raw: Database.Database, sinceSeq: number): boolean {
  return (
    raw
      .prepare(
        `SELECT 1 FROM audit_log WHERE seq > ? AND action NOT LIKE 'session.%' AND action NOT LIKE 'backup.%'
           AND action NOT IN ('audit.verify', 'audit.anchorMismatch') LIMIT 1`,
      )
      .get(sinceSeq) !== undefined
  );
}
