// The backup service the core owns: when to back up, where, rotation, the record of each
// run in the audit log, restore and the anchors check. The heavy work runs in a worker
// thread (runner.ts → copy.ts); this side only coordinates, so the API keeps answering.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AuditEntry, Clock, Ctx, LockReason, SessionState, SessionUser } from '../api/define';
import { ApiError } from '../api/errors';
import { appendAudit } from '../audit/chain';
import { localDate } from '../common/dates';
import { applyKey } from '../core/open';
import { type OpenedSlot, type Vault, wipeOpened } from '../core/vault';
import { t } from '../i18n';
import { readSetting } from '../settings/model';
import { ANCHORS_CHECKED, BACKUP_DIR_NAME } from './codes';
import { BackupCheckError, type BackupProblem, type CreateResult, removeDbFiles } from './copy';
import { BACKUP_EXT, type BackupManifest, type BackupTrigger, PARTIAL_SUFFIX, readLayout } from './format';
import {
  type AnchorDivergence,
  type BackupFile,
  type BackupFolderKind,
  backupRecords,
  changedSince,
  compareAnchors,
  listFolder,
} from './model';
import { backupsToKeep } from './rotation';
import { runJob, type WorkerPhase, workerEntry } from './runner';

/** What the service needs from the core that owns it. */
export interface BackupHost {
  readonly clock: Clock;
  readonly vault: Vault;
  state(): SessionState;
  ctx(): Ctx;
  transaction<T>(fn: (ctx: Ctx) => T): T;
  databaseKey(): Buffer;
  lock(reason: LockReason): void;
  unlock(opened: OpenedSlot): SessionUser;
  log(level: 'info' | 'warn' | 'error', msg: string, extra?: unknown): void;
}

export interface BackupOptions {
  appVersion: string;
  /** Back up at the first sign-in of a day and on quit. The app turns it on; tests choose. */
  automatic: boolean;
  /** The bundled worker file; from source the TypeScript entry is used. */
  workerFile?: string;
  /** Tries at holding the live file still before VACUUM INTO (copy.ts holdStill); tests set 0. */
  holdAttempts?: number;
  /** Write the container on a second thread while the first checks (copy.ts createBackup). */
  twoThreads?: boolean;
  /** The nice value of the backup's threads on Linux (worker.ts lowerPriority); 0 leaves it. */
  nice?: number;
}

export interface BackupProgress {
  trigger: BackupTrigger;
  phase: WorkerPhase | 'second';
  /** 0–100, for a progress bar: from the worker's steps through the database's bytes. */
  percent: number;
  startedAt: number;
  /** The database's size, once the copy has started (0 before). */
  bytes: number;
}

export interface FolderOutcome {
  folder: BackupFolderKind;
  ok: boolean;
  file?: string;
  problem?: BackupProblem | 'folderMissing';
  message?: string;
}

export interface RunOutcome {
  ok: boolean;
  manifest: BackupManifest | null;
  /** How the database was copied (copy.ts): held still and copied as it is, or by VACUUM INTO. */
  method: CreateResult['method'] | null;
  folders: FolderOutcome[];
  removed: number;
}

export interface BackupListItem {
  name: string;
  folder: BackupFolderKind;
  /** Absolute path: what restore and check take. */
  path: string;
  bytes: number;
  createdAt: number | null;
  trigger: BackupTrigger | null;
  createdBy: string | null;
  appVersion: string | null;
  schemaVersion: number | null;
  auditSeq: number | null;
  /** Children in the backup; not `children`, which antd tables take for tree rows. */
  childCount: number | null;
  /** ok: checked in full when written or since; failed: a check found a problem; unchecked: never checked here. */
  check: 'ok' | 'failed' | 'unchecked';
  problem: string | null;
}

export interface BackupStatus {
  running: BackupProgress | null;
  lastGoodAt: number | null;
  lastFailure: { at: number; folder: BackupFolderKind; message: string } | null;
  warnDays: number;
  stale: boolean;
  secondFolder: string;
  divergences: (AnchorDivergence & { message: string })[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long after a sign-in the day's first backup starts. */
const DAILY_DELAY_MS = 2000;

/**
 * The part of the progress bar each step fills, about in proportion to its time (bench, 10,000
 * children): reading and writing the copy, reading it back with the hashes, then quick_check and
 * the audit chain, which report only their end. Copying to the second folder is the rest.
 */
const PHASES: BackupProgress['phase'][] = ['copy', 'write', 'verify', 'second'];
const PHASE_SPAN: Record<WorkerPhase, [number, number]> = {
  // The copy reads, hashes, checks and writes the database; 'write' is only its last bytes.
  copy: [0, 63],
  write: [63, 65],
  verify: [65, 95],
};

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function problemMessage(problem: string): string {
  switch (problem) {
    case 'notBackup':
    case 'unknownFormat':
    case 'truncated':
    case 'altered':
    case 'wrongKey':
    case 'integrity':
    case 'auditChain':
    case 'counts':
    case 'auditHead':
    case 'folderMissing':
      return t(`backup.problems.${problem}`);
    default:
      return t('backup.problems.io');
  }
}

function divergenceMessage(d: AnchorDivergence): string {
  const at = new Date(d.createdAt);
  const when = `${localDate(d.createdAt)} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return d.kind === 'cut'
    ? t('backup.anchors.cut', { when, anchor: d.anchorSeq, live: d.liveSeq })
    : t('backup.anchors.rewritten', { when, anchor: d.anchorSeq });
}

export class BackupService {
  readonly localDir: string;
  private current: Promise<RunOutcome> | null = null;
  private progress: BackupProgress | null = null;
  /** Rows for the audit log that came while locked; written at the next sign-in. */
  private pending: AuditEntry[] = [];
  /** Scratch files of checks in progress, which a starting backup must not sweep away. */
  private readonly checking = new Set<string>();
  private dailyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: BackupHost,
    private readonly opts: BackupOptions,
  ) {
    this.localDir = path.join(host.vault.dataDir, BACKUP_DIR_NAME);
  }

  private entry() {
    return workerEntry(this.opts.workerFile);
  }

  private record(entry: AuditEntry): void {
    if (this.host.state() === 'unlocked') {
      try {
        this.host.transaction((ctx) => ctx.audit.write(entry));
        return;
      } catch (err) {
        this.host.log('warn', 'backup audit row deferred', err);
      }
    }
    this.pending.push(entry);
  }

  /** Called by the core once a session has started. */
  flushPending(ctx: Ctx): void {
    const rows = this.pending;
    this.pending = [];
    for (const entry of rows) ctx.audit.write(entry);
  }

  secondFolder(ctx: Ctx): string {
    return readSetting(ctx, 'backupSecondFolder');
  }

  running(): BackupProgress | null {
    return this.progress;
  }

  /** Waits for a backup in progress, if any (before a restore or quitting). */
  async idle(): Promise<void> {
    if (this.current) await this.current.catch(() => undefined);
  }

  /** Starts a backup, or joins the one already running. Needs a signed-in session. */
  run(trigger: BackupTrigger): Promise<RunOutcome> {
    if (this.current) return this.current;
    const ctx = this.host.ctx();
    const started = this.start(ctx, trigger).finally(() => {
      this.current = null;
      this.progress = null;
    });
    this.current = started;
    return started;
  }

  private async start(ctx: Ctx, trigger: BackupTrigger): Promise<RunOutcome> {
    const now = this.host.clock.now();
    const second = this.secondFolder(ctx);
    const retention = {
      daily: readSetting(ctx, 'backupKeepDaily'),
      weekly: readSetting(ctx, 'backupKeepWeekly'),
      monthly: readSetting(ctx, 'backupKeepMonthly'),
    };
    const by = { id: ctx.user.id, name: ctx.user.displayName };
    const key = Buffer.from(this.host.databaseKey());
    const keyHex = key.toString('hex');
    key.fill(0);
    this.progress = { trigger, phase: 'copy', percent: 0, startedAt: now, bytes: 0 };

    mkdirSync(this.localDir, { recursive: true, mode: 0o700 });
    this.removePartials(this.localDir);
    let name = `sunward-${stamp(now)}-${trigger}${BACKUP_EXT}`;
    for (let n = 2; existsSync(path.join(this.localDir, name)); n++)
      name = `sunward-${stamp(now)}-${trigger}-${n}${BACKUP_EXT}`;
    const final = path.join(this.localDir, name);

    const folders: FolderOutcome[] = [];
    let manifest: BackupManifest | null = null;
    let method: CreateResult['method'] | null = null;
    try {
      const made = await runJob<CreateResult>(
        this.entry(),
        {
          kind: 'create',
          keyHex,
          source: this.host.vault.dbFile,
          final,
          slots: this.host.vault.exportSlots(),
          meta: { appVersion: this.opts.appVersion, createdAt: now, createdBy: by, trigger },
          holdAttempts: this.opts.holdAttempts,
          twoThreads: this.opts.twoThreads ?? false,
          nice: this.opts.nice,
        },
        (phase, done, total) => {
          const p = this.progress;
          if (!p) return;
          // The copy and the check run side by side (copy.ts): the bar and the step shown only
          // move forward, whichever of the two reports.
          const [from, to] = PHASE_SPAN[phase];
          const percent = Math.round(from + ((to - from) * done) / Math.max(total, 1));
          if (PHASES.indexOf(phase) >= PHASES.indexOf(p.phase)) p.phase = phase;
          p.percent = Math.max(p.percent, percent);
          if (phase !== 'verify') p.bytes = total;
        },
      );
      manifest = made.manifest;
      method = made.method;
      folders.push({ folder: 'local', ok: true, file: name });
      this.record({
        action: 'backup.create',
        detail: {
          file: name,
          folder: 'local',
          trigger,
          ok: true,
          bytes: statSync(final).size,
          auditSeq: manifest.audit.seq,
          copied: method,
          threads: made.threads,
          // The held copy had pages failing their HMAC; VACUUM INTO made it again (copy.ts).
          ...(made.pagesFailed ? { pagesFailed: made.pagesFailed.badCount } : {}),
          by: by.id,
        },
      });
    } catch (err) {
      const problem = err instanceof BackupCheckError ? err.problem : 'io';
      this.host.log('error', 'backup failed', err);
      folders.push({ folder: 'local', ok: false, problem, message: problemMessage(problem) });
      this.record({ action: 'backup.failed', detail: { folder: 'local', trigger, problem, by: by.id } });
    }

    if (manifest && second) {
      if (this.progress) this.progress = { ...this.progress, phase: 'second', percent: 95 };
      folders.push(await this.copyToSecond(final, second, trigger, by.id));
    }

    let removed = 0;
    if (manifest) {
      removed += await this.rotate(this.localDir, 'local', retention);
      if (second && folders.some((f) => f.folder === 'second' && f.ok))
        removed += await this.rotate(second, 'second', retention);
    }
    return { ok: folders.every((f) => f.ok), manifest, method, folders, removed };
  }

  private async copyToSecond(
    file: string,
    dir: string,
    trigger: BackupTrigger,
    by: string,
  ): Promise<FolderOutcome> {
    let present = false;
    try {
      present = statSync(dir).isDirectory();
    } catch {
      present = false;
    }
    if (!present) {
      this.record({
        action: 'backup.failed',
        detail: { folder: 'second', trigger, problem: 'folderMissing', by },
      });
      return {
        folder: 'second',
        ok: false,
        problem: 'folderMissing',
        message: problemMessage('folderMissing'),
      };
    }
    try {
      this.removePartials(dir);
      await runJob<string>(this.entry(), { kind: 'copy', keyHex: null, file, toDir: dir });
      const name = path.basename(file);
      this.record({
        action: 'backup.create',
        detail: { file: name, folder: 'second', trigger, ok: true, bytes: statSync(file).size, by },
      });
      return { folder: 'second', ok: true, file: name };
    } catch (err) {
      const problem = err instanceof BackupCheckError ? err.problem : 'io';
      this.host.log('error', 'backup copy to the second folder failed', err);
      this.record({ action: 'backup.failed', detail: { folder: 'second', trigger, problem, by } });
      return { folder: 'second', ok: false, problem, message: problemMessage(problem) };
    }
  }

  /** Leftovers of a run that never finished (a crash, a pulled plug). Never counted as backups. */
  private removePartials(dir: string): void {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const f = path.join(dir, n);
      if (n.startsWith('sunward-') && n.endsWith(PARTIAL_SUFFIX) && !this.checking.has(f)) removeDbFiles(f);
    }
  }

  /**
   * Applies the retention setting to the good backups in one folder. Files this app cannot
   * read as backups are left alone: they may be someone's, and are not ours to delete.
   */
  private async rotate(
    dir: string,
    folder: BackupFolderKind,
    retention: Parameters<typeof backupsToKeep>[1],
  ): Promise<number> {
    const files = listFolder(dir, folder).filter(
      (f): f is BackupFile & { manifest: BackupManifest } => f.manifest !== null,
    );
    const keep = backupsToKeep(
      files.map((f) => ({ name: f.name, createdAt: f.manifest.createdAt })),
      retention,
    );
    const removed: string[] = [];
    for (const f of files) {
      if (keep.has(f.name)) continue;
      try {
        // Off the API's thread: unlinking a 100 MB file held it for 30–40 ms, the longest
        // stall a caseworker met during a backup.
        await rm(f.path);
        removed.push(f.name);
      } catch (err) {
        this.host.log('warn', 'could not remove an old backup', err);
      }
    }
    if (removed.length > 0) this.record({ action: 'backup.rotate', detail: { folder, removed, retention } });
    return removed.length;
  }

  /** Both folders' backups, newest first, with what this database knows of their checks. */
  list(ctx: Ctx | null, extraFolder?: string): BackupListItem[] {
    const second = ctx ? this.secondFolder(ctx) : '';
    const files = [
      ...listFolder(this.localDir, 'local'),
      ...(second ? listFolder(second, 'second') : []),
      ...(extraFolder && path.resolve(extraFolder) !== path.resolve(this.localDir)
        ? listFolder(extraFolder, 'second')
        : []),
    ];
    const checks = new Map<string, { ok: boolean; problem: string | null }>();
    if (ctx) {
      for (const r of backupRecords(ctx.raw)) {
        if (r.action === 'backup.failed' || !r.detail.file) continue;
        const k = `${r.detail.folder ?? 'local'}/${r.detail.file}`;
        if (!checks.has(k)) checks.set(k, { ok: r.detail.ok === true, problem: r.detail.problem ?? null });
      }
    }
    return files
      .map((f): BackupListItem => {
        const known = checks.get(`${f.folder}/${f.name}`);
        const m = f.manifest;
        return {
          name: f.name,
          folder: f.folder,
          path: f.path,
          bytes: f.bytes,
          createdAt: m?.createdAt ?? null,
          trigger: m?.trigger ?? null,
          createdBy: m?.createdBy.name ?? null,
          appVersion: m?.app.version ?? null,
          schemaVersion: m?.schemaVersion ?? null,
          auditSeq: m?.audit.seq ?? null,
          childCount: m?.counts.children ?? null,
          check: f.unreadable ? 'failed' : known ? (known.ok ? 'ok' : 'failed') : 'unchecked',
          problem: f.unreadable
            ? problemMessage(f.unreadable)
            : known?.problem
              ? problemMessage(known.problem)
              : null,
        };
      })
      .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
  }

  /** Checks one backup in full with the open database's key, and records the result. */
  async check(file: string): Promise<{ ok: boolean; message: string | null }> {
    const key = Buffer.from(this.host.databaseKey());
    const keyHex = key.toString('hex');
    key.fill(0);
    mkdirSync(this.localDir, { recursive: true, mode: 0o700 });
    const scratch = path.join(this.localDir, `sunward-check-${this.host.clock.now()}${PARTIAL_SUFFIX}`);
    const folder: BackupFolderKind =
      path.dirname(path.resolve(file)) === path.resolve(this.localDir) ? 'local' : 'second';
    try {
      await runJob(this.entry(), { kind: 'check', keyHex, file, scratch, keep: false });
      this.record({ action: 'backup.check', detail: { file: path.basename(file), folder, ok: true } });
      return { ok: true, message: null };
    } catch (err) {
      const problem = err instanceof BackupCheckError ? err.problem : 'io';
      this.record({
        action: 'backup.check',
        detail: { file: path.basename(file), folder, ok: false, problem },
      });
      return { ok: false, message: problemMessage(problem) };
    } finally {
      this.checking.delete(scratch);
      removeDbFiles(scratch);
    }
  }

  /** The newest backups' anchors against the live chain. */
  divergences(ctx: Ctx): (AnchorDivergence & { message: string })[] {
    const second = this.secondFolder(ctx);
    const seen = new Set<string>();
    const newest = [...listFolder(this.localDir, 'local'), ...(second ? listFolder(second, 'second') : [])]
      .filter((f): f is BackupFile & { manifest: BackupManifest } => f.manifest !== null)
      .sort((a, b) => b.manifest.createdAt - a.manifest.createdAt)
      .filter((f) => {
        const k = `${f.manifest.createdAt}/${f.manifest.contentSha256}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .slice(0, ANCHORS_CHECKED);
    return compareAnchors(ctx.raw, newest).map((d) => ({ ...d, message: divergenceMessage(d) }));
  }

  status(ctx: Ctx): BackupStatus {
    const records = backupRecords(ctx.raw, 200);
    const lastGood = records.find((r) => r.action === 'backup.create' && r.detail.folder !== 'second');
    // The newest failure counts until a later backup in the same folder succeeded.
    const failure = records.find((r) => r.action === 'backup.failed');
    const failedFolder = failure?.detail.folder ?? 'local';
    const superseded =
      failure !== undefined &&
      records.some(
        (r) =>
          r.action === 'backup.create' &&
          r.seq > failure.seq &&
          (r.detail.folder ?? 'local') === failedFolder,
      );
    const lastFailure =
      failure && !superseded
        ? { at: failure.at, folder: failedFolder, message: problemMessage(failure.detail.problem ?? 'io') }
        : null;
    const warnDays = readSetting(ctx, 'backupWarnDays');
    const now = this.host.clock.now();
    return {
      running: this.progress,
      lastGoodAt: lastGood?.at ?? null,
      lastFailure,
      warnDays,
      stale: !lastGood || now - lastGood.at > warnDays * DAY_MS,
      secondFolder: this.secondFolder(ctx),
      divergences: this.divergences(ctx),
    };
  }

  /**
   * After a sign-in: compare the chain with the newest anchors (a divergence is recorded),
   * then start the day's first backup if none was made today.
   */
  afterSignIn(): void {
    if (this.host.state() !== 'unlocked') return;
    const ctx = this.host.ctx();
    try {
      const found = this.divergences(ctx);
      if (found.length > 0) {
        this.record({
          action: 'audit.anchorMismatch',
          detail: {
            divergences: found.map((d) => ({
              file: d.file,
              kind: d.kind,
              anchorSeq: d.anchorSeq,
              liveSeq: d.liveSeq,
            })),
          },
        });
      }
    } catch (err) {
      this.host.log('error', 'anchor check failed', err);
    }
    if (!this.opts.automatic) return;
    const today = localDate(this.host.clock.now());
    const madeToday = backupRecords(ctx.raw, 50).some(
      (r) => r.action === 'backup.create' && r.detail.folder !== 'second' && localDate(r.at) === today,
    );
    if (madeToday) return;
    // Not at once: the sign-in's first page (首页 and its board) has the machine to itself first.
    // Nothing waits for the backup; 首页 shows its progress while it runs.
    clearTimeout(this.dailyTimer);
    this.dailyTimer = setTimeout(() => {
      if (this.host.state() !== 'unlocked') return;
      this.run('daily').catch((err) => this.host.log('error', 'daily backup failed', err));
    }, DAILY_DELAY_MS);
    this.dailyTimer.unref?.();
  }

  /** On quit: back up if anything changed since the last backup. Resolves when done. */
  async beforeQuit(): Promise<void> {
    clearTimeout(this.dailyTimer);
    await this.idle();
    if (!this.opts.automatic || this.host.state() !== 'unlocked') return;
    const ctx = this.host.ctx();
    const last = backupRecords(ctx.raw, 50).find(
      (r) => r.action === 'backup.create' && r.detail.folder !== 'second',
    );
    if (last && !changedSince(ctx.raw, last.detail.auditSeq ?? last.seq)) return;
    if (!last && !changedSince(ctx.raw, 0)) return;
    await this.run('quit').catch((err) => this.host.log('error', 'quit backup failed', err));
  }

  /** A backup's manifest, for a restore to show first. */
  manifest(file: string): BackupManifest {
    try {
      return readLayout(file).manifest;
    } catch (err) {
      const reason =
        err instanceof Error && 'reason' in err ? String((err as { reason: string }).reason) : 'io';
      throw new ApiError('VALIDATION', problemMessage(reason), { file: problemMessage(reason) });
    }
  }

  private async openBackupKey(file: string, username: string, passphrase: string) {
    let slots: Buffer;
    let manifest: BackupManifest;
    try {
      const layout = readLayout(file);
      slots = layout.slots;
      manifest = layout.manifest;
    } catch (err) {
      const reason =
        err instanceof Error && 'reason' in err ? String((err as { reason: string }).reason) : 'io';
      throw new ApiError('VALIDATION', problemMessage(reason), { file: problemMessage(reason) });
    }
    const opened = await this.host.vault.openFrom(slots.toString('utf8'), username, passphrase);
    if (!opened || opened.dbKeys.length === 0) {
      if (opened) wipeOpened(opened);
      throw new ApiError('VALIDATION', t('backup.restore.passphraseWrong'), {
        passphrase: t('backup.restore.passphraseWrong'),
      });
    }
    // A copy for the checks; the slot's own keys go to the session (or are wiped) by the caller.
    const key = Buffer.from(opened.dbKeys[0].key);
    return { key, accountId: opened.accountId, opened, slots: slots.toString('utf8'), manifest };
  }

  /**
   * Restores a backup: checked in full first, the current database and key slots kept aside
   * under a new name (never deleted), then the backup's put in place, the administrator
   * signed in, and the restore written to the restored database's audit log.
   */
  async restore(file: string, username: string, passphrase: string): Promise<SessionUser> {
    const state = this.host.state();
    if (state === 'locked') throw new ApiError('FORBIDDEN', t('backup.restore.signInFirst'));
    if (state === 'unlocked' && this.host.ctx().user.role !== 'admin')
      throw new ApiError('FORBIDDEN', t('errors.forbidden'));
    await this.idle();
    const { key, accountId, opened, slots, manifest } = await this.openBackupKey(file, username, passphrase);
    let handedOver = false;
    const now = this.host.clock.now();
    const dataDir = this.host.vault.dataDir;
    const scratch = path.join(dataDir, `sunward.db.restoring-${now}`);
    try {
      try {
        await runJob(this.entry(), { kind: 'check', keyHex: key.toString('hex'), file, scratch, keep: true });
      } catch (err) {
        const problem = err instanceof BackupCheckError ? err.problem : 'io';
        throw new ApiError('VALIDATION', t('backup.restore.badBackup', { reason: problemMessage(problem) }));
      }
      const check = new Database(scratch, { fileMustExist: true });
      let admin = false;
      try {
        applyKey(check, key);
        const row = check
          .prepare('SELECT role, disabled_at AS disabledAt FROM accounts WHERE id = ? AND deleted_at IS NULL')
          .get(accountId) as { role: string; disabledAt: number | null } | undefined;
        admin = row?.role === 'admin' && row.disabledAt === null;
      } finally {
        check.close();
      }
      if (!admin) throw new ApiError('FORBIDDEN', t('backup.restore.notAdmin'));

      if (this.host.state() === 'unlocked') this.host.lock('system');
      const aside = `before-restore-${stamp(now)}`;
      const db = this.host.vault.dbFile;
      for (const f of [db, `${db}-wal`, `${db}-shm`, this.host.vault.slotFile]) {
        if (existsSync(f)) renameSync(f, `${f}.${aside}`);
      }
      renameSync(scratch, db);
      this.host.vault.importSlots(slots);
      handedOver = true;
      const user = this.host.unlock(opened);
      this.host.transaction((ctx) => {
        ctx.audit.write({
          action: 'backup.restore',
          detail: {
            file: path.basename(file),
            createdAt: manifest.createdAt,
            auditSeq: manifest.audit.seq,
            auditHash: manifest.audit.hash,
            keptAside: aside,
          },
        });
        ctx.audit.write({ action: 'session.signIn', entity: 'account', entityId: user.id });
      });
      return user;
    } finally {
      removeDbFiles(scratch);
      key.fill(0);
      if (!handedOver) wipeOpened(opened);
    }
  }

  /**
   * A data folder that has its database but lost keyslots.json: puts a backup's key slots
   * back, if the key they hold opens this database. Nothing else changes.
   */
  async restoreKeySlots(file: string, username: string, passphrase: string): Promise<void> {
    if (this.host.state() !== 'setup' || !existsSync(this.host.vault.dbFile))
      throw new ApiError('VALIDATION', t('backup.restore.keySlotsNotNeeded'));
    const { key, accountId, opened, slots } = await this.openBackupKey(file, username, passphrase);
    wipeOpened(opened);
    try {
      const raw = new Database(this.host.vault.dbFile, { fileMustExist: true });
      try {
        try {
          applyKey(raw, key);
        } catch {
          throw new ApiError('VALIDATION', t('backup.restore.keyDoesNotOpen'));
        }
        const name = raw.prepare('SELECT display_name FROM accounts WHERE id = ?').pluck().get(accountId) as
          | string
          | undefined;
        this.host.vault.importSlots(slots);
        appendAudit(raw, { id: accountId, name: name ?? username }, this.host.clock.now(), {
          action: 'backup.restoreKeySlots',
          detail: { file: path.basename(file) },
        });
      } finally {
        raw.close();
      }
    } finally {
      key.fill(0);
    }
  }
}
