import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { SignInThrottle } from '../accounts/throttle';
import { appendAudit, appendAuditMany } from '../audit/chain';
import { runJob, workerEntry } from '../backup/runner';
import { BackupService } from '../backup/service';
import { IdleCheckpoint } from '../core/checkpoint';
import { usernameTag } from '../core/keyring';
import type { KdfParams } from '../core/keyslots';
import { loadMigrations, migrate } from '../core/migrate';
import { openEncrypted, rekeyDatabase } from '../core/open';
import { phase } from '../core/phases';
import { applyPlannerStats } from '../core/planner';
import { cached, drizzleClient } from '../core/statements';
import { type OpenedSlot, type Secrets, Vault, wipeOpened, wipeSecrets } from '../core/vault';
import { sealPlaintext } from '../counselling/sealed';
import { t } from '../i18n';
import { prepareDue, refreshDue } from '../reminders/due';
import * as schema from '../schema';
import { readIdleMinutes } from '../settings/model';
import { dropCellTriggers, prepareCells } from '../stats/cells';
import type {
  AuditEntry,
  AuditWriter,
  Clock,
  Ctx,
  Host,
  LockReason,
  ReadCtx,
  SessionState,
  SessionUser,
  ViewCtx,
} from './define';
import { dispatch } from './dispatch';
import { ApiError, type ApiResult } from './errors';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  clock?: Clock;
  log?: Logger;
  /** Weaker KDF parameters make tests fast; the app always uses the default. */
  kdf?: KdfParams;
  /** Written into backup manifests. */
  appVersion?: string;
  /** Back up at the first sign-in of a day and on quit (db/backup). The app turns it on. */
  automaticBackups?: boolean;
  /** The bundled backup worker (out/main/backup-worker.js); from source the TypeScript one runs. */
  backupWorker?: string;
  /**
   * Write a backup's container on a second thread beside its check (db/backup/copy.ts). By
   * default on 2 cores or more where the backup's threads can be given a lower priority than
   * the API's (Linux, `backupNice`), else on 3 or more: two busy threads at the API's own
   * priority on 2 cores made its reads about 2.5 times slower while a backup ran.
   */
  backupOnTwoThreads?: boolean;
  /**
   * The nice value of the backup's threads (Linux only, where it is per thread; 0 leaves them
   * at the app's). 5: the API's thread wins a shared core three to one, and a backup on an
   * otherwise quiet machine loses nothing.
   */
  backupNice?: number;
}

/** The backup threads' nice value on Linux when CoreOptions.backupNice does not say. */
const BACKUP_NICE = 5;

export type Logger = (level: 'info' | 'warn' | 'error', msg: string, extra?: unknown) => void;
export type CoreEvent = 'locked';

export interface Core {
  /** Never throws: every outcome is an ApiResult. */
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /**
   * The shell's own calls (main process, or the browser tests' stand-in for it): the only way
   * to reach `shellOnly` methods. Never wired to the renderer's channel.
   */
  invokeFromShell(method: string, input: unknown): Promise<ApiResult<unknown>>;
  on(event: CoreEvent, listener: (payload: unknown) => void): () => void;
  lock(reason: LockReason): void;
  isUnlocked(): boolean;
  /** The auto-lock setting; null while locked. */
  idleMinutes(): number | null;
  /** Waits for a running backup, then backs up if anything changed (automatic backups on). */
  beforeQuit(): Promise<void>;
  close(): void;
}

interface OpenSession {
  raw: Database.Database;
  ctx: Ctx;
  /** The same session without its audit writer: what read methods get. */
  readCtx: ReadCtx;
  secrets: Secrets;
  /** Folds the WAL when writes pause, so no write pays for it (db/core/checkpoint.ts). */
  checkpoint: IdleCheckpoint;
}

/** Why a slot that opened with its passphrase was still refused: written to the audit log. */
export type SlotRefusal = 'unsigned' | 'keyMismatch' | 'roleMismatch';

/**
 * The studio signing key's public half, recorded in the database at set-up. Not a setting: no
 * API method writes it. A slot is the studio's only if it is signed by the key its own passphrase
 * pinned and that key is this one; changing both takes the database key and leaves every genuine
 * account's pin disagreeing, which each of their sign-ins then reports.
 */
export const SIGNING_ANCHOR_KEY = 'security.signingPublicKey';
/** The counselling key's public half, for tools that write through the handlers without a session (the seeder). */
export const COUNSELLING_ANCHOR_KEY = 'security.counsellingPublicKey';

function writeAnchor(raw: Database.Database, key: string, publicKey: string, at: number): void {
  raw
    .prepare('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, NULL)')
    .run(key, JSON.stringify(publicKey), at);
}

function readAnchor(raw: Database.Database, key: string): string | null {
  const row = raw.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as string) : null;
}

const systemClock: Clock = { now: () => Date.now() };

/**
 * The API host: owns the session state (setup / locked / unlocked), the open database and
 * its key while unlocked, and dispatches every call. It imports nothing from Electron, so
 * the app, the tests and the benchmark all run the same code.
 */
class SunwardCore implements Core, Host {
  readonly clock: Clock;
  readonly vault: Vault;
  readonly signInThrottle: SignInThrottle;
  readonly log: Logger;
  readonly backups: BackupService;
  private session: OpenSession | null = null;
  /** The exclusive write holding the connection's transaction across steps, if one runs. */
  private held: { raw: Database.Database; done: Promise<void> } | null = null;
  private readonly listeners = new Map<CoreEvent, Set<(payload: unknown) => void>>();

  constructor(private readonly opts: CoreOptions) {
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    this.clock = opts.clock ?? systemClock;
    this.vault = new Vault(opts.dataDir, opts.kdf);
    this.signInThrottle = new SignInThrottle(join(opts.dataDir, 'signin-guard.json'));
    this.log =
      opts.log ?? ((level, msg, extra) => console[level === 'info' ? 'log' : level](msg, extra ?? ''));
    const nice = process.platform === 'linux' ? (opts.backupNice ?? BACKUP_NICE) : 0;
    this.backups = new BackupService(this, {
      appVersion: opts.appVersion ?? '0.0.0-dev',
      automatic: opts.automaticBackups ?? false,
      workerFile: opts.backupWorker,
      twoThreads: opts.backupOnTwoThreads ?? availableParallelism() >= (nice > 0 ? 2 : 3),
      nice,
    });
  }

  invoke(method: string, input: unknown): Promise<ApiResult<unknown>> {
    return dispatch(this, method, input, 'renderer');
  }

  invokeFromShell(method: string, input: unknown): Promise<ApiResult<unknown>> {
    return dispatch(this, method, input, 'shell');
  }

  on(event: CoreEvent, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit(event: CoreEvent, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  state(): SessionState {
    if (this.session) return 'unlocked';
    return this.vault.isSetUp() ? 'locked' : 'setup';
  }

  isUnlocked(): boolean {
    return this.session !== null;
  }

  ctx(): Ctx {
    if (!this.session) throw new ApiError('LOCKED', t('errors.locked'));
    return this.session.ctx;
  }

  readCtx(): ReadCtx {
    if (!this.session) throw new ApiError('LOCKED', t('errors.locked'));
    return this.session.readCtx;
  }

  transaction<T>(fn: (ctx: Ctx) => T): T {
    const ctx = this.ctx();
    // Not inside an exclusive write's open transaction: it would commit or roll back with it.
    // Callers outside the dispatcher (a backup's late audit row) keep the row for later.
    if (this.held) throw new ApiError('CONFLICT', t('errors.busy'));
    const out = runWrite(ctx, fn);
    this.session?.checkpoint.wrote();
    return out;
  }

  view<T>(fn: (ctx: ViewCtx) => T): T {
    const ctx = this.ctx();
    if (this.held) throw new ApiError('CONFLICT', t('errors.busy'));
    const { out, audited } = runView(ctx, this.session?.readCtx ?? readContext(ctx), fn);
    if (audited) this.session?.checkpoint.wrote();
    return out;
  }

  async exclusive<T>(fn: (ctx: Ctx, step: () => Promise<void>) => Promise<T>): Promise<T> {
    while (this.held) await this.held.done;
    const ctx = this.ctx();
    const raw = ctx.raw;
    let release = () => {};
    this.held = { raw, done: new Promise<void>((resolve) => (release = resolve)) };
    const live = () => {
      if (this.session?.raw !== raw || !raw.open || !raw.inTransaction)
        throw new ApiError('LOCKED', t('errors.locked'));
    };
    // The stored reminders of the children written so far are brought up to date at every
    // step: a refresh starts from the touched children only (reminders/due.ts), so a step's
    // share is small, where one refresh of 10,000 new children before the commit held the
    // main thread for over two seconds.
    const step = async () => {
      live();
      phase('reminders', () => refreshDue(raw, this.clock.now()));
      await new Promise<void>((resolve) => setImmediate(resolve));
      live();
    };
    let committed: T | undefined;
    let holding = false;
    try {
      raw.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(ctx, step);
        // The last reminders (step), then the commit on a turn of its own, with the checkpoint
        // that would run inside it held off (checkpointAfter does it).
        await step();
        this.holdCheckpoints(raw);
        holding = true;
        phase('commit', () => raw.exec('COMMIT'));
        this.session?.checkpoint.wrote();
        committed = out;
      } catch (err) {
        if (raw.open && raw.inTransaction) raw.exec('ROLLBACK');
        if (holding) this.releaseCheckpoints(raw);
        throw err;
      }
    } finally {
      this.held = null;
      release();
    }
    phase('checkpoint', () => this.checkpointAfter(raw));
    return committed as T;
  }

  /**
   * The checkpoint the commit of a large write would have run: for an import's hundreds of
   * megabytes of WAL, seconds of the main thread. A small WAL is checkpointed here; a large one
   * by a worker on its own connection, while the app goes on (the rows are durable already).
   */
  private checkpointAfter(raw: Database.Database): void {
    const session = this.session;
    let walBytes = 0;
    try {
      if (session && session.raw === raw && raw.open) walBytes = statSync(`${this.vault.dbFile}-wal`).size;
    } catch {
      walBytes = 0;
    }
    if (!session || walBytes < CHECKPOINT_ASIDE_BYTES) {
      this.releaseCheckpoints(raw);
      if (session?.raw === raw && raw.open) raw.pragma('wal_checkpoint(PASSIVE)');
      return;
    }
    // The file keeps its size after a checkpoint, so this errs towards the worker: harmless.
    // Until the worker is done the app's own commits checkpoint nothing: the first write after
    // the import would otherwise do the whole checkpoint itself, on the main thread.
    runJob(workerEntry(this.opts.backupWorker), {
      kind: 'checkpoint',
      keyHex: session.secrets.db.toString('hex'),
      file: this.vault.dbFile,
    })
      .catch((err) =>
        // The rows are committed: the next automatic checkpoint copies what this one did not.
        this.log('warn', 'checkpoint after an exclusive write failed', err),
      )
      .finally(() => this.releaseCheckpoints(raw));
  }

  /** The connection's automatic checkpoint, held off while any exclusive write's checkpoint is pending. */
  private readonly heldCheckpoints = new WeakMap<Database.Database, { setting: number; pending: number }>();

  private holdCheckpoints(raw: Database.Database): void {
    const held = this.heldCheckpoints.get(raw) ?? {
      setting: raw.pragma('wal_autocheckpoint', { simple: true }) as number,
      pending: 0,
    };
    held.pending++;
    this.heldCheckpoints.set(raw, held);
    raw.pragma('wal_autocheckpoint = 0');
  }

  private releaseCheckpoints(raw: Database.Database): void {
    const held = this.heldCheckpoints.get(raw);
    if (!held || --held.pending > 0) return;
    this.heldCheckpoints.delete(raw);
    if (raw.open) raw.pragma(`wal_autocheckpoint = ${held.setting}`);
  }

  busy(): Promise<void> | null {
    return this.held?.done ?? null;
  }

  /** The open database's key (the backup worker opens its copy with it). */
  databaseKey(): Buffer {
    return this.secrets().db;
  }

  /** The session's keys; a caller that keeps any beyond the call copies it (copySecrets). */
  secrets(): Secrets {
    if (!this.session) throw new ApiError('LOCKED', t('errors.locked'));
    return this.session.secrets;
  }

  /** The slot file's keyed hash of a username (a fixed tag before set-up: nothing to protect yet). */
  userTag(username: string): string {
    const salt = this.vault.file()?.usernameSalt ?? Buffer.alloc(16).toString('base64');
    return usernameTag(salt, username);
  }

  idleMinutes(): number | null {
    return this.session ? readIdleMinutes(this.session.ctx) : null;
  }

  private openDatabase(key: Buffer, create: boolean): Database.Database {
    return this.migrateOpened(openEncrypted(this.vault.dbFile, key, { create }));
  }

  private migrateOpened(raw: Database.Database): Database.Database {
    try {
      const migrations = loadMigrations(this.opts.migrationsDir);
      const outcome = migrate(raw, {
        dbFile: this.vault.dbFile,
        backupDir: this.vault.backupDir,
        migrations,
        now: this.clock.now(),
        // The statistics cells' triggers name other tables in their bodies (a visit's reads its
        // child): a migration rebuilding one of those tables would fail on them. They go in the
        // migration's own transaction and are made again, with the cells, just below.
        beforeStatements: dropCellTriggers,
      });
      if (outcome.from !== outcome.to) {
        this.log('info', `database migrated from v${outcome.from} to v${outcome.to}`, {
          backup: outcome.backupFile,
        });
      }
      prepareDue(raw, this.clock.now());
      applyPlannerStats(raw);
      try {
        prepareCells(raw);
      } catch (err) {
        // Derived counts only: without them the ledger counts the records themselves.
        this.log('warn', 'statistics cells not rebuilt; the ledger reads the records', {
          error: String(err),
        });
      }
      return raw;
    } catch (err) {
      raw.close();
      throw err;
    }
  }

  private startSession(raw: Database.Database, secrets: Secrets, user: SessionUser): Ctx {
    const clock = this.clock;
    const ctx: Ctx = {
      db: drizzle({ client: drizzleClient(raw), schema }),
      raw,
      user,
      clock,
      audit: auditWriter(raw, user, clock),
      counselling: { publicKey: secrets.counsellingPublicKey, privateKey: secrets.counselling },
    };
    this.session = { raw, ctx, readCtx: readContext(ctx), secrets, checkpoint: new IdleCheckpoint(raw) };
    return ctx;
  }

  initialize(secrets: Secrets, account: SessionUser, write: (ctx: Ctx) => void): void {
    if (existsSync(this.vault.dbFile)) {
      // A database without key slots can never be opened again; keep it aside rather than
      // overwrite it, in case the slot file turns up.
      renameSync(this.vault.dbFile, `${this.vault.dbFile}.orphan-${this.clock.now()}`);
    }
    const raw = this.openDatabase(secrets.db, true);
    const ctx = this.startSession(raw, secrets, account);
    try {
      raw
        .transaction(() => {
          writeAnchor(raw, SIGNING_ANCHOR_KEY, secrets.signingPublicKey, this.clock.now());
          writeAnchor(raw, COUNSELLING_ANCHOR_KEY, secrets.counsellingPublicKey, this.clock.now());
          write(ctx);
        })
        .immediate();
    } catch (err) {
      this.closeSession();
      throw err;
    }
  }

  /**
   * Opens the database with the slot's newest database key that opens it, and signs the account
   * in if the slot is the studio's (signed) and its role is the one the database records.
   * A refused slot is written to the audit log of the database it opened, then closed.
   * Takes ownership of `opened`'s keys.
   */
  unlock(opened: OpenedSlot): SessionUser {
    let raw: Database.Database | null = null;
    let epoch = 0;
    let dbKey: Buffer | null = null;
    try {
      // Newest key first; only "this key does not open the file" moves on to the next.
      for (const candidate of opened.dbKeys) {
        try {
          raw = openEncrypted(this.vault.dbFile, candidate.key, { create: false });
        } catch {
          continue;
        }
        epoch = candidate.epoch;
        dbKey = candidate.key;
        break;
      }
      if (!raw || !dbKey) throw new ApiError('FORBIDDEN', t('validation.account.slotOpensNothing'));
      const opening = raw;
      raw = null;
      raw = this.migrateOpened(opening);
      const row = raw
        .prepare(
          'SELECT id, username, display_name AS displayName, role, disabled_at AS disabledAt FROM accounts WHERE id = ? AND deleted_at IS NULL',
        )
        .get(opened.accountId) as (SessionUser & { disabledAt: number | null }) | undefined;
      const anchor = readAnchor(raw, SIGNING_ANCHOR_KEY);
      const refusal: SlotRefusal | null = !opened.signed
        ? 'unsigned'
        : anchor !== opened.signingPublicKey
          ? 'keyMismatch'
          : row && row.role !== opened.role
            ? 'roleMismatch'
            : null;
      if (refusal) {
        const db = raw;
        db.transaction(() =>
          appendAudit(db, { id: null, name: t('accounts.audit.system') }, this.clock.now(), {
            action: 'security.slotRefused',
            entity: 'account',
            entityId: opened.accountId,
            detail: { reason: refusal, slotRole: opened.role, accountRole: row?.role ?? null },
          }),
        ).immediate();
        throw new ApiError('FORBIDDEN', t('validation.account.slotRefused'));
      }
      if (!row || row.disabledAt !== null) throw new ApiError('FORBIDDEN', t('validation.account.disabled'));
      const user: SessionUser = {
        id: row.id,
        username: row.username,
        displayName: row.displayName,
        role: row.role,
      };
      const secrets: Secrets = {
        db: dbKey,
        epoch,
        counselling: opened.counselling,
        signing: opened.signing,
        signingPublicKey: opened.signingPublicKey,
        counsellingPublicKey: opened.counsellingPublicKey,
      };
      for (const k of opened.dbKeys) if (k.key !== dbKey) k.key.fill(0);
      const ctx = this.startSession(raw, secrets, user);
      // Counselling text written before it was sealed (an older version) is sealed now.
      const sealedNow = sealPlaintext(raw, secrets.counsellingPublicKey);
      if (sealedNow > 0) {
        raw
          .transaction(() =>
            ctx.audit.write({ action: 'security.counsellingSealed', detail: { fields: sealedNow } }),
          )
          .immediate();
      }
      this.backups.flushPending(ctx);
      // After the sign-in's own audit rows (written by the caller right after this returns):
      // the anchors check and the day's first backup.
      setTimeout(() => this.backups.afterSignIn(), 0).unref();
      return user;
    } catch (err) {
      raw?.close();
      wipeOpened(opened);
      throw err;
    }
  }

  /**
   * 更换数据库密钥: a new database key for the whole file, sealed first to every remaining
   * account's slot beside the current one, then the file rekeyed, then the old generation
   * dropped. A slot file copied before this opens nothing current afterwards.
   */
  rotateDatabaseKey(next: Buffer): { epoch: number } {
    const s = this.session;
    if (!s) throw new ApiError('LOCKED', t('errors.locked'));
    const epoch = (this.vault.file()?.epoch ?? s.secrets.epoch) + 1;
    this.vault.beginRotation(next, epoch);
    rekeyDatabase(s.raw, next);
    this.vault.finishRotation(epoch);
    s.secrets.db.fill(0);
    s.secrets.db = next;
    s.secrets.epoch = epoch;
    return { epoch };
  }

  private closeSession(): void {
    const s = this.session;
    if (!s) return;
    this.session = null;
    s.checkpoint.stop();
    try {
      s.raw.close();
    } finally {
      // The keys leave memory with the session (as far as a garbage-collected runtime allows).
      wipeSecrets(s.secrets);
    }
  }

  lock(reason: LockReason): void {
    if (!this.session) return;
    // An import in steps is rolled back first: the lock's own audit row must not go with it.
    if (this.held?.raw === this.session.raw && this.held.raw.inTransaction) {
      try {
        this.held.raw.exec('ROLLBACK');
      } catch (err) {
        this.log('error', 'could not roll back the exclusive write', err);
      }
    }
    try {
      this.session.ctx.audit.write({ action: 'session.lock', detail: { reason } });
    } catch (err) {
      this.log('error', 'could not audit lock', err);
    }
    this.closeSession();
    this.emit('locked', { reason });
  }

  beforeQuit(): Promise<void> {
    return this.backups.beforeQuit();
  }

  close(): void {
    this.lock('system');
  }
}

/** A WAL this large after an exclusive write is checkpointed by a worker (see checkpointAfter). */
const CHECKPOINT_ASIDE_BYTES = 32 * 1024 * 1024;

/** The session's audit rows, as the signed-in user, at the clock's time. */
function auditWriter(raw: Database.Database, user: SessionUser, clock: Clock): AuditWriter {
  const actor = () => ({ id: user.id, name: user.displayName });
  return {
    write: (entry) => appendAudit(raw, actor(), clock.now(), entry),
    writeMany: (entries) => appendAuditMany(raw, actor(), clock.now(), entries),
  };
}

/**
 * A write method's run (the dispatcher's, and the bench's on its decrypted copy): one immediate
 * transaction, and in it the stored reminders of the children the write touched.
 */
export function runWrite<T>(ctx: Ctx, fn: (ctx: Ctx) => T): T {
  return ctx.raw
    .transaction(() => {
      const out = fn(ctx);
      refreshDue(ctx.raw, ctx.clock.now());
      return out;
    })
    .immediate();
}

/**
 * A view method's run (the dispatcher's, and the bench's on its decrypted copy): `fn` reads in
 * one snapshot with no write lock taken (a read-only transaction commits without touching the
 * WAL), then the audit rows it left are appended in one short write. Those rows are not a saved
 * record, so they commit without the fsync a write waits for: they reach the disk with the idle
 * fold (a checkpoint syncs the WAL first) or the next write's commit, at most about half a
 * second later. An app crash loses nothing (the WAL was written at commit); only a power cut in
 * that half second could. If the rows cannot be written, the data is not returned.
 */
export function runView<T>(ctx: Ctx, read: ReadCtx, fn: (ctx: ViewCtx) => T): { out: T; audited: boolean } {
  const rows: AuditEntry[] = [];
  const view: ViewCtx = {
    ...read,
    audit: { write: (entry) => rows.push(entry), writeMany: (entries) => rows.push(...entries) },
  };
  const out = ctx.raw.transaction(() => fn(view)).deferred();
  if (rows.length === 0) return { out, audited: false };
  // Prepared once (pragma() prepares its statement on every call).
  cached(ctx.raw, 'PRAGMA synchronous = NORMAL').run();
  try {
    ctx.raw.transaction(() => ctx.audit.writeMany(rows)).immediate();
  } finally {
    cached(ctx.raw, 'PRAGMA synchronous = FULL').run();
  }
  return { out, audited: true };
}

/** A read context over the same connection: the audit writer is left out, not just hidden by the type. */
export function readContext(ctx: Ctx): ReadCtx {
  const { audit: _audit, ...read } = ctx;
  return read;
}

/**
 * A handler context over an open database. The core makes one per session; the seed
 * generator and the benchmark make their own (the benchmark also over a plain copy).
 */
export function makeContext(raw: Database.Database, user: SessionUser, clock: Clock = systemClock): Ctx {
  return {
    db: drizzle({ client: drizzleClient(raw), schema }),
    raw,
    user,
    clock,
    audit: auditWriter(raw, user, clock),
    // A tool's context seals counselling text like a session does, and reads none of it back.
    counselling: { publicKey: readAnchor(raw, COUNSELLING_ANCHOR_KEY) ?? '', privateKey: null },
  };
}

export function createCore(opts: CoreOptions): Core {
  return new SunwardCore(opts);
}

export type { SunwardCore };
