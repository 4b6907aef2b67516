import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { z } from 'zod';
import type * as schema from '../schema';

/** counsellor: 心理辅导人员, the only non-owner role besides admin that reads counselling notes. */
export type Role = 'admin' | 'supervisor' | 'caseworker' | 'counsellor';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export type Db = BetterSQLite3Database<typeof schema>;

export interface AuditEntry {
  action: string;
  entity?: string;
  entityId?: string | null;
  /** Small, non-sensitive detail: ids, field names, counts. Never the record's content. */
  detail?: Record<string, unknown>;
}

export interface AuditWriter {
  write(entry: AuditEntry): void;
}

/** What a handler gets. `user` is set for every method that is not `public`. */
export interface Ctx {
  db: Db;
  raw: Database.Database;
  user: SessionUser;
  clock: Clock;
  audit: AuditWriter;
  /** The counselling key: its public half to seal with, its private half only where the policy allows reading. */
  counselling: import('../counselling/sealed').CounsellingKeys;
}

/**
 * Who may call a method: `public` needs no sign-in (the session methods), `user` any
 * signed-in account, or a list of roles.
 */
export type Access = 'public' | 'user' | readonly Role[];

/**
 * `write` runs the handler and its audit rows in one transaction; `read` runs it as is
 * (a read that must leave an audit row, like opening a child's file, is a `write`).
 */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  kind: 'read' | 'write';
  /**
   * Callable only by the shell itself (core.invokeFromShell), never through the renderer's
   * channel: for records the renderer must not be able to write, like an export's file hash.
   */
  shellOnly?: boolean;
  handler: (ctx: Ctx, input: z.output<I>) => O;
}

export function method<I extends z.ZodType, O>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

/**
 * Methods that need the host itself: the session (sign-in, lock) and anything that wraps
 * the database key under a passphrase (async KDF). They manage their own transaction.
 */
export interface HostMethodDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  kind: 'host';
  handler: (host: Host, input: z.output<I>) => Promise<O>;
}

export function hostMethod<I extends z.ZodType, O>(def: HostMethodDef<I, O>): HostMethodDef<I, O> {
  return def;
}

export type LockReason = 'manual' | 'idle' | 'system' | 'reload';
export type SessionState = 'setup' | 'locked' | 'unlocked';

/** What host methods may use. Implemented by the core (db/api/core.ts). */
export interface Host {
  readonly clock: Clock;
  readonly vault: import('../core/vault').Vault;
  state(): SessionState;
  /** The signed-in context; throws LOCKED when locked. */
  ctx(): Ctx;
  /** Runs `fn` in one write transaction with the signed-in context. */
  transaction<T>(fn: (ctx: Ctx) => T): T;
  /** Creates the database and the first account, then signs in as that account. */
  initialize(secrets: import('../core/vault').Secrets, account: SessionUser, write: (ctx: Ctx) => void): void;
  /** Opens the database with the slot's keys and signs its account in; throws when it may not. */
  unlock(opened: import('../core/vault').OpenedSlot): SessionUser;
  lock(reason: LockReason): void;
  /** The session's keys (database, counselling, signing); throws LOCKED when locked. */
  secrets(): import('../core/vault').Secrets;
  /** Re-encrypts the database under `next` and reseals it to every remaining slot. */
  rotateDatabaseKey(next: Buffer): { epoch: number };
  /** The slot file's keyed hash of a username, as the sign-in guard counts it. */
  userTag(username: string): string;
  /** The auto-lock setting; null while locked. */
  idleMinutes(): number | null;
  /** Wrong passphrases per account, on disk; audited at the next sign-in. */
  signInThrottle: import('../accounts/throttle').SignInThrottle;
  /** Backups, restore and the audit anchors (db/backup/service.ts). */
  readonly backups: import('../backup/service').BackupService;
}
