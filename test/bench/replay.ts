// "The same SQL without the API around it": record the statements a handler issues (SQL,
// parameters, how rows were read), then run exactly those as statements prepared once.
// Recording rather than hand-copying keeps the comparison honest as handlers change: a new
// timeline source, a new query in children.get, is measured on both sides automatically.
import type Database from 'better-sqlite3';
import { rowHash } from '../../db/audit/chain';
import { newId } from '../../db/common/ids';

type Method = 'run' | 'get' | 'all' | 'iterate';

export interface Call {
  sql: string;
  method: Method;
  raw: boolean;
  pluck: boolean;
  expand: boolean;
  params: unknown[];
}

/** Runs `fn` with every statement prepared on `db` recording its executions into the result. */
export function record(db: Database.Database, fn: () => void): Call[] {
  const calls: Call[] = [];
  const prepare = db.prepare;
  db.prepare = ((source: string) => {
    const stmt = prepare.call(db, source);
    const mode = { raw: false, pluck: false, expand: false };
    for (const name of ['raw', 'pluck', 'expand'] as const) {
      const toggle = stmt[name].bind(stmt);
      stmt[name] = ((on?: boolean) => {
        mode[name] = on !== false;
        return on === undefined ? toggle() : toggle(on);
      }) as never;
    }
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const exec = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      stmt[method] = ((...params: unknown[]) => {
        calls.push({ sql: source, method, ...mode, params });
        return exec(...params);
      }) as never;
    }
    return stmt;
  }) as typeof db.prepare;
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return calls;
}

/** Records a handler that writes, then rolls its writes back: the file is left as it was. */
export function recordRolledBack(db: Database.Database, fn: () => void): Call[] {
  const rollback = new Error('rollback');
  let calls: Call[] = [];
  try {
    db.transaction(() => {
      calls = record(db, fn);
      throw rollback;
    }).immediate();
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return calls;
}

// The four statements of appendAudit (db/audit/chain.ts), recognised by their text.
const AUDIT_HEAD = /^SELECT seq, hash FROM audit_head/;
const AUDIT_MAX = /^SELECT max\(seq\) AS m FROM audit_log/;
const AUDIT_INSERT = /^INSERT INTO audit_log/;
const AUDIT_HEAD_UPSERT = /^INSERT INTO audit_head/;

interface AuditParams {
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: string;
}

/**
 * Replays recorded calls on another connection, with statements prepared once. An audit
 * append cannot be replayed verbatim (the sequence number and hash change each time), so it
 * runs as the same four statements with a freshly chained row.
 */
export class Replayer {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly head: Database.Statement;
  private readonly maxSeq: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly normal: Database.Statement;
  private readonly full: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
    this.maxSeq = db.prepare('SELECT max(seq) AS m FROM audit_log');
    this.insert = db.prepare(
      `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, entity, entity_id, detail, prev_hash, hash)
       VALUES (@seq, @id, @at, @actorId, @actorName, @action, @entity, @entityId, @detail, @prevHash, @hash)`,
    );
    this.normal = db.prepare('PRAGMA synchronous = NORMAL');
    this.full = db.prepare('PRAGMA synchronous = FULL');
    this.upsert = db.prepare(
      'INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
    );
  }

  /** Prepares everything `calls` needs, outside any timing. */
  prepareAll(calls: readonly Call[]): void {
    for (const c of calls) this.statement(c);
  }

  private statement(c: Call): Database.Statement {
    const key = `${c.raw ? 'r' : ''}${c.pluck ? 'p' : ''}${c.expand ? 'e' : ''}|${c.sql}`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.db.prepare(c.sql);
      if (stmt.reader) {
        if (c.raw) stmt.raw(true);
        if (c.pluck) stmt.pluck(true);
        if (c.expand) stmt.expand(true);
      }
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  private audit(p: AuditParams): void {
    const head = this.head.get() as { seq: number; hash: string } | undefined;
    const max = (this.maxSeq.get() as { m: number | null }).m ?? 0;
    const base = {
      seq: Math.max(head?.seq ?? 0, max) + 1,
      id: newId(),
      at: Date.now(),
      actorId: p.actorId,
      actorName: p.actorName,
      action: p.action,
      entity: p.entity,
      entityId: p.entityId,
      detail: p.detail,
      prevHash: head?.hash ?? '0'.repeat(64),
    };
    const row = { ...base, hash: rowHash(base) };
    this.insert.run(row);
    this.upsert.run({ seq: row.seq, hash: row.hash });
  }

  /**
   * Runs the calls as the dispatcher would: a write in one immediate transaction, a view in one
   * snapshot whose audit rows commit without the fsync (db/api/core.ts runView), a read as is.
   */
  run(calls: readonly Call[], mode: 'read' | 'view' | 'write'): number {
    const go = (audits: 'inline' | 'skip') => {
      let rows = 0;
      for (const c of calls) {
        if (AUDIT_HEAD.test(c.sql) || AUDIT_MAX.test(c.sql) || AUDIT_HEAD_UPSERT.test(c.sql)) continue;
        if (AUDIT_INSERT.test(c.sql)) {
          if (audits === 'inline') this.audit(c.params[0] as AuditParams);
          continue;
        }
        const stmt = this.statement(c);
        if (c.method === 'run') stmt.run(...c.params);
        else if (c.method === 'get') rows += stmt.get(...c.params) === undefined ? 0 : 1;
        else if (c.method === 'all') rows += stmt.all(...c.params).length;
        else for (const _ of stmt.iterate(...c.params)) rows++;
      }
      return rows;
    };
    if (mode === 'read') return go('inline');
    if (mode === 'write') return this.db.transaction(() => go('inline')).immediate();
    // A view as runView runs it: the reads in one snapshot, then its audit rows in a short write
    // committed without the fsync; the same two transactions, so the same SQL.
    const rows = this.db.transaction(() => go('skip')).deferred();
    const audits = calls.filter((c) => AUDIT_INSERT.test(c.sql));
    if (audits.length === 0) return rows;
    this.normal.run();
    try {
      this.db
        .transaction(() => {
          for (const c of audits) this.audit(c.params[0] as AuditParams);
        })
        .immediate();
    } finally {
      this.full.run();
    }
    return rows;
  }
}
