import { can } from '../access/policy';
import type { Ctx, ReadCtx } from '../api/define';
import { maskIdNumber } from './idNumber';
import { pinyinKey } from './model';

export type DuplicateReason = 'sameIdNumber' | 'sameNameBirth' | 'samePinyinBirth' | 'sameNameGuardian';

export interface DuplicateCandidate {
  id: string;
  name: string;
  birthDate: string;
  idNumberMasked: string | null;
  township: string;
  village: string | null;
  status: 'active' | 'closed';
  reasons: DuplicateReason[];
  /**
   * The only match is the ID number, on a child whose full number this reader may not see: the
   * answer says that a file has this number and nothing about which (every other field empty).
   */
  hidden: boolean;
}

export interface DuplicateProbe {
  excludeId?: string | null;
  name: string;
  birthDate?: string | null;
  idNumber?: string | null;
  guardianNames?: string[];
}

interface CandidateRow {
  id: string;
  name: string;
  birthDate: string;
  idNumber: string | null;
  township: string;
  village: string | null;
  status: 'active' | 'closed';
  ownerId: string | null;
}

const COLUMNS = `c.id, c.name, c.birth_date AS birthDate, c.id_number AS idNumber, c.township, c.village, c.status, c.owner_id AS ownerId`;
const QUERIES = {
  id: `SELECT ${COLUMNS} FROM children c WHERE c.deleted_at IS NULL AND c.id_number = ?`,
  nameBirth: `SELECT ${COLUMNS} FROM children c WHERE c.deleted_at IS NULL AND c.name = ? AND c.birth_date = ?`,
  pinyinBirth: `SELECT ${COLUMNS} FROM children c WHERE c.deleted_at IS NULL AND c.name_pinyin = ? AND c.birth_date = ? AND c.name <> ?`,
  nameGuardian: `SELECT ${COLUMNS} FROM children c
    JOIN child_relations r ON r.child_id = c.id AND r.deleted_at IS NULL AND (r.is_guardian = 1 OR r.is_caregiver = 1)
    JOIN persons p ON p.id = r.person_id
    WHERE c.deleted_at IS NULL AND c.name = ? AND p.name IN (SELECT value FROM json_each(?))`,
} as const;

// Prepared once per connection: the ledger import asks this for every row of a large file.
const statements = new WeakMap<object, Record<keyof typeof QUERIES, import('better-sqlite3').Statement>>();
function prepared(ctx: ReadCtx) {
  let byConn = statements.get(ctx.raw);
  if (!byConn) {
    byConn = Object.fromEntries(Object.entries(QUERIES).map(([k, q]) => [k, ctx.raw.prepare(q)])) as Record<
      keyof typeof QUERIES,
      import('better-sqlite3').Statement
    >;
    statements.set(ctx.raw, byConn);
  }
  return byConn;
}

/**
 * Children who are probably the one being entered: the same ID number; the same name, or the
 * same pinyin (张晓明/张小明), with the same birth date; or the same name under a guardian of
 * the same name. Each lookup is an index probe.
 */
export function findDuplicates(
  ctx: Ctx,
  probe: DuplicateProbe,
): (DuplicateCandidate & { ownerId: string | null })[] {
  const found = new Map<string, { row: CandidateRow; reasons: Set<DuplicateReason> }>();
  const q = prepared(ctx);
  const add = (rows: unknown[], reason: DuplicateReason) => {
    for (const row of rows as CandidateRow[]) {
      if (probe.excludeId && row.id === probe.excludeId) continue;
      const entry = found.get(row.id) ?? { row, reasons: new Set<DuplicateReason>() };
      entry.reasons.add(reason);
      found.set(row.id, entry);
    }
  };

  const id = probe.idNumber?.trim().toUpperCase();
  if (id && id.length === 18) add(q.id.all(id), 'sameIdNumber');

  const name = probe.name.trim();
  if (name && probe.birthDate) {
    add(q.nameBirth.all(name, probe.birthDate), 'sameNameBirth');
    const py = pinyinKey(name);
    if (py) add(q.pinyinBirth.all(py, probe.birthDate, name), 'samePinyinBirth');
  }

  const guardians = (probe.guardianNames ?? []).map((g) => g.trim()).filter(Boolean);
  if (name && guardians.length) add(q.nameGuardian.all(name, JSON.stringify(guardians)), 'sameNameGuardian');

  return [...found.values()].slice(0, 20).map(({ row, reasons }) => ({
    ownerId: row.ownerId,
    id: row.id,
    name: row.name,
    birthDate: row.birthDate,
    idNumberMasked: maskIdNumber(row.idNumber),
    township: row.township,
    village: row.village,
    status: row.status,
    reasons: [...reasons],
    hidden: false,
  }));
}

/**
 * The duplicate check as a reader may see it (issue 11, item 3). A match by name, pinyin or
 * guardian shows what the children list shows anyway; a match by ID number alone would tie a
 * guessed number to a child, so unless the reader may see that child's full number it says only
 * that a file has the number. Every check that carried a whole number is audited.
 */
export function duplicatesForReader(ctx: Ctx, probe: DuplicateProbe): DuplicateCandidate[] {
  const found = findDuplicates(ctx, probe);
  const id = probe.idNumber?.trim();
  if (id && id.length === 18) {
    ctx.audit.write({
      action: 'children.idLookup',
      entity: 'child',
      entityId: null,
      detail: {
        via: 'children.checkDuplicates',
        mode: 'whole',
        found: found.filter((c) => c.reasons.includes('sameIdNumber')).length,
      },
    });
  }
  return found.map(({ ownerId, ...c }) => {
    const onlyId = c.reasons.length === 1 && c.reasons[0] === 'sameIdNumber';
    if (!onlyId || can(ctx.user, 'revealId', { ownerId })) return c;
    return {
      id: '',
      name: '',
      birthDate: '',
      idNumberMasked: null,
      township: '',
      village: null,
      status: 'active' as const,
      reasons: c.reasons,
      hidden: true,
    };
  });
}
