import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../api/define';
import { newId } from '../common/ids';
import { watched } from '../core/statements';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  id: string;
  at: number;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: string;
  prevHash: string;
  hash: string;
}

/** The hash covers every field of the row and the previous row's hash. */
export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = [
    row.seq,
    row.id,
    row.at,
    row.actorId,
    row.actorName,
    row.action,
    row.entity,
    row.entityId,
    row.detail,
  ];
  // One-shot over one string: the same bytes as hashing the three parts in turn, without a Hash
  // object per row (a backup checks every row: 180,000 at 100,000 children, 0.7 → 0.4 s of CPU).
  return hash('sha256', `${row.prevHash}\n${JSON.stringify(fields)}`, 'hex');
}

interface AppendStatements {
  head: Database.Statement<[]>;
  maxSeq: Database.Statement<[]>;
  insert: Database.Statement<[AuditRow]>;
  setHead: Database.Statement<[{ seq: number; hash: string }]>;
}
// Prepared once per connection: an import of 10,000 children appends 10,000 rows in one
// transaction, and preparing four statements for each was a third of its time.
const prepared = new WeakMap<Database.Database, AppendStatements>();

function statements(raw: Database.Database): AppendStatements {
  let s = prepared.get(raw);
  if (!s || watched(raw)) {
    s = {
      head: raw.prepare<[]>('SELECT seq, hash FROM audit_head WHERE id = 1'),
      maxSeq: raw.prepare<[]>('SELECT max(seq) AS m FROM audit_log'),
      insert: raw.prepare<[AuditRow]>(
        `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, entity, entity_id, detail, prev_hash, hash)
         VALUES (@seq, @id, @at, @actorId, @actorName, @action, @entity, @entityId, @detail, @prevHash, @hash)`,
      ),
      setHead: raw.prepare<[{ seq: number; hash: string }]>(
        'INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
      ),
    };
    prepared.set(raw, s);
  }
  return s;
}

export interface Actor {
  id: string | null;
  name: string;
}

/**
 * Appends one row. Runs in the caller's transaction when there is one (every write's audit
 * row commits or rolls back with the write); otherwise in its own, so reading the head and
 * appending cannot interleave with another writer.
 */
export function appendAudit(raw: Database.Database, actor: Actor, at: number, entry: AuditEntry): AuditRow {
  return appendAuditMany(raw, actor, at, [entry])[0];
}

/**
 * Appends the rows of a batch (an import's thousands of children) in one pass: the head read
 * once, each row chained to the one before it in memory, the head written once. The same rows
 * as appendAudit called for each entry in turn.
 */
export function appendAuditMany(
  raw: Database.Database,
  actor: Actor,
  at: number,
  entries: AuditEntry[],
): AuditRow[] {
  const s = statements(raw);
  const run = () => {
    // The head, not the log's last row, is what the next row links to: rows cut from the
    // end or forged onto it then stand out instead of being silently chained over.
    const head = s.head.get() as { seq: number; hash: string } | undefined;
    const maxSeq = (s.maxSeq.get() as { m: number | null }).m ?? 0;
    let seq = Math.max(head?.seq ?? 0, maxSeq);
    let prevHash = head?.hash ?? GENESIS_HASH;
    const rows = entries.map((entry) => {
      const base = {
        seq: ++seq,
        id: newId(),
        at,
        actorId: actor.id,
        actorName: actor.name,
        action: entry.action,
        entity: entry.entity ?? null,
        entityId: entry.entityId ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
        prevHash,
      };
      const row: AuditRow = { ...base, hash: rowHash(base) };
      prevHash = row.hash;
      s.insert.run(row);
      return row;
    });
    const last = rows.at(-1);
    if (last) s.setHead.run({ seq: last.seq, hash: last.hash });
    return rows;
  };
  return raw.inTransaction ? run() : raw.transaction(run).immediate();
}

export type ProblemKind = 'altered' | 'inserted' | 'deleted';
export interface ChainProblem {
  seq: number;
  kind: ProblemKind;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  problems: ChainProblem[];
}

/**
 * The text rowHash hashes, built by SQLite: json_array writes integers, text and NULL as
 * JSON.stringify does. Reading every column into JavaScript and stringifying it there was
 * most of a backup's chain walk (180,000 rows at 100,000 children: 1.6 s of CPU, this 0.8).
 * Where the two can differ (a REAL `at`, a lone surrogate) the hash simply fails to match and
 * `hashOk` asks rowHash itself; a BLOB, which json_array refuses, gives NULL and goes the same
 * way, so a tampered column type is reported, not thrown.
 */
const HASHED_TEXT = `CASE WHEN 'blob' IN (typeof(id), typeof(at), typeof(actor_id), typeof(actor_name),
    typeof(action), typeof(entity), typeof(entity_id), typeof(detail)) THEN NULL
  ELSE prev_hash || char(10) || json_array(seq, id, at, actor_id, actor_name, action, entity, entity_id, detail) END`;

/** seq, prev_hash, hash and the text its hash covers (HASHED_TEXT). */
type ChainRow = [number, string, string, string | null];

/**
 * Walks the whole chain with one row of look-ahead. A gap in the sequence means rows were
 * deleted. A row whose own hash is wrong was altered, unless the next row links past it
 * (or it lies beyond the recorded head): then it was inserted. A row with a good hash but
 * a broken link, not explained by a gap, was put in place of the original.
 */
export function verifyChain(raw: Database.Database): ChainReport {
  const problems: ChainProblem[] = [];
  const head = raw.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const rows = raw
    .prepare(`SELECT seq, prev_hash, hash, ${HASHED_TEXT} FROM audit_log ORDER BY seq`)
    .raw()
    .iterate() as IterableIterator<ChainRow>;
  const whole = raw.prepare(
    `SELECT seq, id, at, actor_id AS actorId, actor_name AS actorName, action, entity, entity_id AS entityId,
            detail, prev_hash AS prevHash FROM audit_log WHERE seq = ?`,
  );
  const hashOk = ([seq, , rowHashed, text]: ChainRow): boolean => {
    if (text !== null && hash('sha256', text, 'hex') === rowHashed) return true;
    const row = whole.get(seq) as Omit<AuditRow, 'hash'>;
    return rowHash(row) === rowHashed;
  };

  let chainHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const visit = (cur: ChainRow, next: ChainRow | undefined) => {
    checked++;
    const [seq, prevHash, rowHashed] = cur;
    const gap = seq > expectedSeq;
    for (let missing = expectedSeq; missing < seq; missing++)
      problems.push({ seq: missing, kind: 'deleted' });
    expectedSeq = seq + 1;
    const selfOk = hashOk(cur);
    const linkOk = prevHash === chainHash;
    if (selfOk && (linkOk || gap)) {
      chainHash = rowHashed;
    } else if ((next && next[1] === chainHash) || (head && seq > head.seq)) {
      problems.push({ seq, kind: 'inserted' });
    } else {
      problems.push({ seq, kind: selfOk ? 'inserted' : 'altered' });
      chainHash = rowHashed;
    }
  };
  let pending: ChainRow | undefined;
  for (const row of rows) {
    if (pending) visit(pending, row);
    pending = row;
  }
  if (pending) visit(pending, undefined);
  if (head) {
    for (let missing = expectedSeq; missing <= head.seq; missing++)
      problems.push({ seq: missing, kind: 'deleted' });
  }
  return { ok: problems.length === 0, checked, problems };
}
