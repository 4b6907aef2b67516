import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../api/define';
import { newId } from '../common/ids';

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
  return createHash('sha256').update(row.prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
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
  const run = () => {
    const head = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const base = {
      seq: (head?.seq ?? 0) + 1,
      id: newId(),
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const row: AuditRow = { ...base, hash: rowHash(base) };
    raw
      .prepare(
        `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, entity, entity_id, detail, prev_hash, hash)
         VALUES (@seq, @id, @at, @actorId, @actorName, @action, @entity, @entityId, @detail, @prevHash, @hash)`,
      )
      .run(row);
    raw
      .prepare(
        'INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
      )
      .run({ seq: row.seq, hash: row.hash });
    return row;
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
 * Walks the whole chain. A row whose own hash is wrong was altered; a gap in the sequence
 * means rows were deleted; a row whose link to its predecessor is broken, or that lies past
 * the recorded head, was inserted (or put in place of another).
 */
export function verifyChain(raw: Database.Database): ChainReport {
  const problems: ChainProblem[] = [];
  const head = raw.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const rows = raw
    .prepare(
      `SELECT seq, id, at, actor_id AS actorId, actor_name AS actorName, action, entity, entity_id AS entityId,
              detail, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<AuditRow>;
  let prev: AuditRow | null = null;
  let checked = 0;
  for (const row of rows) {
    checked++;
    const expectedSeq = (prev?.seq ?? 0) + 1;
    for (let missing = expectedSeq; missing < row.seq; missing++)
      problems.push({ seq: missing, kind: 'deleted' });
    if (rowHash(row) !== row.hash) {
      problems.push({ seq: row.seq, kind: 'altered' });
    } else if (head && row.seq > head.seq) {
      problems.push({ seq: row.seq, kind: 'inserted' });
    } else if (row.prevHash !== (prev?.hash ?? GENESIS_HASH) && row.seq === expectedSeq) {
      problems.push({ seq: row.seq, kind: 'inserted' });
    }
    prev = row;
  }
  if (head) {
    const lastSeq = prev?.seq ?? 0;
    for (let missing = lastSeq + 1; missing <= head.seq; missing++)
      problems.push({ seq: missing, kind: 'deleted' });
    if (lastSeq === head.seq && prev && prev.hash !== head.hash)
      problems.push({ seq: lastSeq, kind: 'altered' });
  }
  return { ok: problems.length === 0, checked, problems };
}
