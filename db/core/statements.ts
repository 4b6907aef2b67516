import type Database from 'better-sqlite3';
import type { ReadRaw, ReadStatement } from '../api/define';

/** Distinct statement texts kept per connection; the least recently used goes beyond it. */
const MAX_STATEMENTS = 500;

/**
 * The connection as drizzle is given it: the same database, with its statements prepared once
 * per SQL text. Drizzle prepares every query it builds afresh, and SQLite's prepare of the
 * children's 35-column selects and inserts was a fifth of a write (referrals.create prepared
 * some twenty statements per call). A cached statement is handed out again only when it has
 * finished running (an iterate in progress gets a fresh one) and back in its default mode
 * (drizzle switches `raw` on for its mapped selects).
 */
export function drizzleClient(raw: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    // A connection whose prepare is wrapped (the bench's recorder, the plan tests) watches every
    // statement run: it gets each from its own prepare, as cached() below does.
    if (Object.hasOwn(raw, 'prepare')) return raw.prepare(sql);
    const kept = cache.get(sql);
    if (kept && !kept.busy) {
      cache.delete(sql);
      cache.set(sql, kept);
      if (kept.reader) kept.raw(false);
      return kept;
    }
    const fresh = raw.prepare(sql);
    if (!kept) {
      cache.set(sql, fresh);
      if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
    }
    return fresh;
  };
  // Drizzle asks its client for prepare and transaction only.
  const client = { prepare, transaction: raw.transaction.bind(raw) };
  return client as unknown as Database.Database;
}

/**
 * Whether the connection's prepare is wrapped (the bench's recorder, the plan tests): such a
 * connection watches every statement as it is prepared, so a statement kept from an earlier call
 * would run unseen (the bench's raw replay left out every view's audit rows that way). Statement
 * caches hand it a fresh statement each time.
 */
export function watched(raw: ReadRaw): boolean {
  return Object.hasOwn(raw, 'prepare');
}

/**
 * A connection's statements, prepared once: a write's refresh runs some fifteen rules for one
 * child, and preparing them each time was half of it. Each is run to the end (all/get/run)
 * before it is run again, so one statement per text is enough.
 */
const statements = new WeakMap<ReadRaw, Map<string, ReadStatement>>();
export function cached(raw: Database.Database, sql: string): Database.Statement;
export function cached(raw: ReadRaw, sql: string): ReadStatement;
export function cached(raw: ReadRaw, sql: string): ReadStatement {
  if (watched(raw)) return raw.prepare(sql);
  let byText = statements.get(raw);
  if (!byText) {
    byText = new Map();
    statements.set(raw, byText);
  }
  let st = byText.get(sql);
  if (!st) {
    st = raw.prepare(sql);
    byText.set(sql, st);
  }
  return st;
}

/**
 * A drizzle query built once per connection, its values bound at each run through
 * `sql.placeholder`. Drizzle builds a query's SQL text afresh on every call, and for the dozen
 * queries a child's file runs (its timeline's sources) that building was a third of opening
 * the file. `key` names the query's site, unique across the core.
 */
const queries = new WeakMap<object, Map<string, unknown>>();
export function preparedQuery<Q>(ctx: { db: object; raw: ReadRaw }, key: string, build: () => Q): Q {
  if (watched(ctx.raw)) return build();
  let byKey = queries.get(ctx.db);
  if (!byKey) {
    byKey = new Map();
    queries.set(ctx.db, byKey);
  }
  let query = byKey.get(key) as Q | undefined;
  if (query === undefined) {
    query = build();
    byKey.set(key, query);
  }
  return query;
}
