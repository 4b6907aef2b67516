import { existsSync, mkdirSync, renameSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { t } from '../../renderer/src/i18n';
import { SignInThrottle } from '../accounts/throttle';
import { appendAudit } from '../audit/chain';
import { BackupService } from '../backup/service';
import type { KdfParams } from '../core/keyslots';
import { loadMigrations, migrate } from '../core/migrate';
import { openEncrypted } from '../core/open';
import { Vault } from '../core/vault';
import * as schema from '../schema';
import { readIdleMinutes } from '../settings/handlers';
import type { Clock, Ctx, Host, LockReason, SessionState, SessionUser } from './define';
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
}

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
  key: Buffer;
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
  readonly signInThrottle = new SignInThrottle();
  readonly log: Logger;
  readonly backups: BackupService;
  private session: OpenSession | null = null;
  private readonly listeners = new Map<CoreEvent, Set<(payload: unknown) => void>>();

  constructor(private readonly opts: CoreOptions) {
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    this.clock = opts.clock ?? systemClock;
    this.vault = new Vault(opts.dataDir, opts.kdf);
    this.log =
      opts.log ?? ((level, msg, extra) => console[level === 'info' ? 'log' : level](msg, extra ?? ''));
    this.backups = new BackupService(this, {
      appVersion: opts.appVersion ?? '0.0.0-dev',
      automatic: opts.automaticBackups ?? false,
      workerFile: opts.backupWorker,
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

  transaction<T>(fn: (ctx: Ctx) => T): T {
    const ctx = this.ctx();
    return ctx.raw.transaction(() => fn(ctx)).immediate();
  }

  databaseKey(): Buffer {
    if (!this.session) throw new ApiError('LOCKED', t('errors.locked'));
    return this.session.key;
  }

  idleMinutes(): number | null {
    return this.session ? readIdleMinutes(this.session.ctx) : null;
  }

  private openDatabase(key: Buffer, create: boolean): Database.Database {
    const raw = openEncrypted(this.vault.dbFile, key, { create });
    try {
      const outcome = migrate(raw, {
        dbFile: this.vault.dbFile,
        backupDir: this.vault.backupDir,
        migrations: loadMigrations(this.opts.migrationsDir),
        now: this.clock.now(),
      });
      if (outcome.from !== outcome.to) {
        this.log('info', `database migrated from v${outcome.from} to v${outcome.to}`, {
          backup: outcome.backupFile,
        });
      }
      return raw;
    } catch (err) {
      raw.close();
      throw err;
    }
  }

  private startSession(raw: Database.Database, key: Buffer, user: SessionUser): Ctx {
    const clock = this.clock;
    const ctx: Ctx = {
      db: drizzle(raw, { schema }),
      raw,
      user,
      clock,
      audit: {
        write: (entry) => appendAudit(raw, { id: user.id, name: user.displayName }, clock.now(), entry),
      },
    };
    this.session = { raw, ctx, key };
    return ctx;
  }

  initialize(dbKey: Buffer, account: SessionUser, write: (ctx: Ctx) => void): void {
    if (existsSync(this.vault.dbFile)) {
      // A database without key slots can never be opened again; keep it aside rather than
      // overwrite it, in case the slot file turns up.
      renameSync(this.vault.dbFile, `${this.vault.dbFile}.orphan-${this.clock.now()}`);
    }
    const raw = this.openDatabase(dbKey, true);
    const ctx = this.startSession(raw, Buffer.from(dbKey), account);
    try {
      raw.transaction(() => write(ctx)).immediate();
    } catch (err) {
      this.closeSession();
      throw err;
    }
  }

  unlock(dbKey: Buffer, accountId: string): SessionUser {
    const raw = this.openDatabase(dbKey, false);
    const row = raw
      .prepare(
        'SELECT id, username, display_name AS displayName, role, disabled_at AS disabledAt FROM accounts WHERE id = ? AND deleted_at IS NULL',
      )
      .get(accountId) as (SessionUser & { disabledAt: number | null }) | undefined;
    if (!row || row.disabledAt !== null) {
      raw.close();
      throw new ApiError('FORBIDDEN', t('validation.account.disabled'));
    }
    const user: SessionUser = {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
    };
    const ctx = this.startSession(raw, dbKey, user);
    this.backups.flushPending(ctx);
    // After the sign-in's own audit rows (written by the caller right after this returns):
    // the anchors check and the day's first backup.
    setTimeout(() => this.backups.afterSignIn(), 0).unref();
    return user;
  }

  private closeSession(): void {
    const s = this.session;
    if (!s) return;
    this.session = null;
    try {
      s.raw.close();
    } finally {
      // The key leaves memory with the session (as far as a garbage-collected runtime allows).
      s.key.fill(0);
    }
  }

  lock(reason: LockReason): void {
    if (!this.session) return;
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

/**
 * A handler context over an open database. The core makes one per session; the seed
 * generator and the benchmark make their own (the benchmark also over a plain copy).
 */
export function makeContext(raw: Database.Database, user: SessionUser, clock: Clock = systemClock): Ctx {
  return {
    db: drizzle(raw, { schema }),
    raw,
    user,
    clock,
    audit: {
      write: (entry) => appendAudit(raw, { id: user.id, name: user.displayName }, clock.now(), entry),
    },
  };
}

export function createCore(opts: CoreOptions): Core {
  return new SunwardCore(opts);
}

export type { SunwardCore };
