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
  /** The rows of a batch, in order, chained in one pass (the same rows as write for each). */
  writeMany(entries: AuditEntry[]): void;
}

/**
 * The database as a read handler sees it: drizzle without insert, update, delete, run or
 * transaction (like Signal's ReadableDB). A read that must write is a `write` method.
 */
export type ReadDb = Omit<Db, 'insert' | 'update' | 'delete' | 'run' | 'transaction' | '$client'>;

/** A prepared statement a reader may run: rows out, never `run()`. */
export type ReadStatement = Pick<Database.Statement, 'all' | 'get' | 'iterate' | 'pluck' | 'raw' | 'columns'>;

/** The raw connection as a reader sees it: prepare queries, no exec, pragma or transaction. */
export interface ReadRaw {
  prepare(source: string): ReadStatement;
}

/** What a read handler gets: no audit writer and no writable database, by type. */
export interface ReadCtx {
  db: ReadDb;
  raw: ReadRaw;
  user: SessionUser;
  clock: Clock;
  /** The counselling key: its public half to seal with, its private half only where the policy allows reading. */
  counselling: import('../counselling/sealed').CounsellingKeys;
}

/** What a write handler gets, inside the dispatcher's transaction. `user` is set for every method that is not `public`. */
export interface WriteCtx extends ReadCtx {
  db: Db;
  raw: Database.Database;
  audit: AuditWriter;
}

/**
 * What a view handler gets: a reader that leaves audit rows. The rows are written after the
 * handler returns, in a transaction of their own (Host.view), and nothing else can be written.
 */
export interface ViewCtx extends ReadCtx {
  audit: AuditWriter;
}

/** A write handler's context (the name most helpers use). */
export type Ctx = WriteCtx;

/**
 * Who may call a method: `public` needs no sign-in (the session methods), `user` any
 * signed-in account, or a list of roles.
 */
export type Access = 'public' | 'user' | readonly Role[];

interface MethodBase<I extends z.ZodType> {
  input: I;
  access: Access;
  /**
   * Callable only by the shell itself (core.invokeFromShell), never through the renderer's
   * channel: for records the renderer must not be able to write, like an export's file hash.
   */
  shellOnly?: boolean;
  /**
   * Touches no database (memory only), so it runs at once even while a write holds the
   * connection over several steps (Host.exclusive): an import's progress and its cancel.
   */
  concurrent?: boolean;
}

/** A read runs as is, with a read context: it can neither write nor audit. */
export interface ReadMethodDef<I extends z.ZodType, O> extends MethodBase<I> {
  kind: 'read';
  handler: (ctx: ReadCtx, input: z.output<I>) => O;
}

/**
 * A read that must leave an audit row (opening a child's file, an ID lookup, a counselling
 * note shown). It reads like a read, outside any transaction and without the write lock, and
 * its audit rows follow in one short transaction of their own; when it audits nothing (a name
 * search) it writes nothing at all.
 */
export interface ViewMethodDef<I extends z.ZodType, O> extends MethodBase<I> {
  kind: 'view';
  handler: (ctx: ViewCtx, input: z.output<I>) => O;
}

/** A write runs the handler and its audit rows in one transaction. */
export interface WriteMethodDef<I extends z.ZodType, O> extends MethodBase<I> {
  kind: 'write';
  handler: (ctx: WriteCtx, input: z.output<I>) => O;
}

export type MethodDef<I extends z.ZodType, O> =
  | ReadMethodDef<I, O>
  | ViewMethodDef<I, O>
  | WriteMethodDef<I, O>;

export function method<I extends z.ZodType, O>(def: ReadMethodDef<I, O>): ReadMethodDef<I, O>;
export function method<I extends z.ZodType, O>(def: ViewMethodDef<I, O>): ViewMethodDef<I, O>;
export function method<I extends z.ZodType, O>(def: WriteMethodDef<I, O>): WriteMethodDef<I, O>;
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
  /** As for reads and writes: only core.invokeFromShell reaches it. */
  shellOnly?: boolean;
  kind: 'host';
  /** As for MethodBase: runs at once while an exclusive write holds the connection (session.lock). */
  concurrent?: boolean;
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
  /** The signed-in write context; throws LOCKED when locked. */
  ctx(): Ctx;
  /** The signed-in read context (no audit writer); throws LOCKED when locked. */
  readCtx(): ReadCtx;
  /** Runs `fn` in one write transaction with the signed-in context. */
  transaction<T>(fn: (ctx: Ctx) => T): T;
  /** Runs a view: `fn` reads in one snapshot, then the audit rows it left are written. */
  view<T>(fn: (ctx: ViewCtx) => T): T;
  /**
   * One write transaction spread over asynchronous steps (a large import with real progress and
   * a cancel): `fn` writes, calls `step()` between chunks, and everything commits when it
   * returns or rolls back when it throws. While it runs, every other call waits (the dispatcher
   * asks `busy()`) except the `concurrent` ones, which touch no database; so nothing else ever
   * runs inside this transaction on the one connection. `step()` lets the event loop answer
   * those calls and throws LOCKED if the session ended meanwhile (the lock rolled the
   * transaction back). The stored reminders are refreshed once, before the commit.
   */
  exclusive<T>(fn: (ctx: Ctx, step: () => Promise<void>) => Promise<T>): Promise<T>;
  /** While an exclusive write runs: a promise that settles when it ends; otherwise null. */
  busy(): Promise<void> | null;
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
