import { can } from '../access/policy';
import type { ReadCtx, ViewCtx } from '../api/define';
import { watched } from '../core/statements';
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
  /** pinyinKey of the trimmed name, where the caller has worked it out already (a ledger row). */
  namePinyin?: string;
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
    JOIN child_relations r INDEXED BY child_relations_carers
      ON r.child_id = c.id AND r.deleted_at IS NULL AND (r.is_guardian = 1 OR r.is_caregiver = 1)
    JOIN persons p ON p.id = r.person_id
    WHERE c.deleted_at IS NULL AND c.name = ? AND p.name IN (SELECT value FROM json_each(?))`,
} as const;

// Prepared once per connection: the ledger import asks this for every row of a large file.
const statements = new WeakMap<object, Record<keyof typeof QUERIES, import('better-sqlite3').Statement>>();
function prepared(ctx: ReadCtx) {
  let byConn = statements.get(ctx.raw);
  if (!byConn || watched(ctx.raw)) {
    byConn = Object.fromEntries(Object.entries(QUERIES).map(([k, q]) => [k, ctx.raw.prepare(q)])) as Record<
      keyof typeof QUERIES,
      import('better-sqlite3').Statement
    >;
    statements.set(ctx.raw, byConn);
  }
  return byConn;
}

// The guardian rule reads a child's guardians and caregivers off child_relations_carers (named:
// the covering partial index, not child_relations_child and a row for each relative).
// The same four rules for a batch of probes: each probe carries its index into the batch (the
// `i` column), and the probes drive the join (CROSS JOIN keeps them the outer loop), so each
// row is the same index probe as the single query's, one statement for the whole batch.
const PROBES = (columns: string) =>
  `WITH p(${columns}) AS (SELECT ${columns
    .split(', ')
    .map((_, n) => `value ->> ${n}`)
    .join(', ')} FROM json_each(?))`;
const MANY_QUERIES = {
  id: `${PROBES('i, id')} SELECT p.i, ${COLUMNS} FROM p CROSS JOIN children c
    WHERE c.id_number = p.id AND c.deleted_at IS NULL`,
  nameBirth: `${PROBES('i, name, birth')} SELECT p.i, ${COLUMNS} FROM p CROSS JOIN children c
    WHERE c.name = p.name AND c.birth_date = p.birth AND c.deleted_at IS NULL`,
  pinyinBirth: `${PROBES('i, py, birth, name')} SELECT p.i, ${COLUMNS} FROM p CROSS JOIN children c
    WHERE c.name_pinyin = p.py AND c.birth_date = p.birth AND c.name <> p.name AND c.deleted_at IS NULL`,
  // A ledger's rows ask this for ~30,000 children of the same names and ~80,000 of their carers
  // at 100,000 children: each read from indexes alone (the children by name off children_pinyin,
  // whose key holds the name's pinyin, the name and the id; a carer's name checked as the pair
  // (name, rowid) of persons_name), and only the matches read whole, in the order the single
  // query's children_name gives (birth date, then rowid). Reading every candidate's row and
  // every carer's was most of a cold preview: pages first read and decrypted.
  nameGuardian: `${PROBES('i, name, py, guardian')}, m AS (
    SELECT DISTINCT p.i AS i, c.id AS id FROM p CROSS JOIN children c INDEXED BY children_pinyin
    JOIN child_relations r INDEXED BY child_relations_carers
      ON r.child_id = c.id AND r.deleted_at IS NULL AND (r.is_guardian = 1 OR r.is_caregiver = 1)
    JOIN persons g ON g.id = r.person_id
    JOIN persons gn INDEXED BY persons_name ON gn.name = p.guardian AND gn.rowid = g.rowid
    WHERE c.deleted_at IS NULL AND c.name_pinyin = p.py AND c.name = p.name)
    SELECT m.i, ${COLUMNS} FROM m CROSS JOIN children c WHERE c.id = m.id ORDER BY m.i, c.birth_date, c.rowid`,
} as const;

const manyStatements = new WeakMap<
  object,
  Record<keyof typeof MANY_QUERIES, import('better-sqlite3').Statement>
>();
function preparedMany(ctx: ReadCtx) {
  let byConn = manyStatements.get(ctx.raw);
  if (!byConn || watched(ctx.raw)) {
    byConn = Object.fromEntries(
      Object.entries(MANY_QUERIES).map(([k, q]) => [k, ctx.raw.prepare(q)]),
    ) as Record<keyof typeof MANY_QUERIES, import('better-sqlite3').Statement>;
    manyStatements.set(ctx.raw, byConn);
  }
  return byConn;
}

type Found = Map<string, { row: CandidateRow; reasons: Set<DuplicateReason> }>;

function addFound(found: Found, row: CandidateRow, reason: DuplicateReason, excludeId?: string | null) {
  if (excludeId && row.id === excludeId) return;
  const entry = found.get(row.id) ?? { row, reasons: new Set<DuplicateReason>() };
  entry.reasons.add(reason);
  found.set(row.id, entry);
}

function candidates(found: Found): (DuplicateCandidate & { ownerId: string | null })[] {
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

/** A probe's values as both guards read them: the same trimming, the same skipped lookups. */
function probeKeys(probe: DuplicateProbe) {
  const id = probe.idNumber?.trim().toUpperCase();
  const name = probe.name.trim();
  const py = name ? (probe.namePinyin ?? pinyinKey(name)) : '';
  return {
    id: id && id.length === 18 ? id : null,
    name,
    nameBirth: name && probe.birthDate ? probe.birthDate : null,
    pinyin: name && probe.birthDate ? py || null : null,
    guardians: name ? (probe.guardianNames ?? []).map((g) => g.trim()).filter(Boolean) : [],
    /** The name's pinyin as children.name_pinyin holds it (every write sets it from pinyinKey). */
    namePinyin: py,
  };
}

/**
 * Children who are probably the one being entered: the same ID number; the same name, or the
 * same pinyin (张晓明/张小明), with the same birth date; or the same name under a guardian of
 * the same name. Each lookup is an index probe.
 */
export function findDuplicates(
  ctx: ReadCtx,
  probe: DuplicateProbe,
): (DuplicateCandidate & { ownerId: string | null })[] {
  const found: Found = new Map();
  const q = prepared(ctx);
  const add = (rows: unknown[], reason: DuplicateReason) => {
    for (const row of rows as CandidateRow[]) addFound(found, row, reason, probe.excludeId);
  };
  const k = probeKeys(probe);
  if (k.id) add(q.id.all(k.id), 'sameIdNumber');
  if (k.nameBirth) {
    add(q.nameBirth.all(k.name, k.nameBirth), 'sameNameBirth');
    if (k.pinyin) add(q.pinyinBirth.all(k.pinyin, k.nameBirth, k.name), 'samePinyinBirth');
  }
  if (k.guardians.length) add(q.nameGuardian.all(k.name, JSON.stringify(k.guardians)), 'sameNameGuardian');
  return candidates(found);
}

/**
 * findDuplicates for every probe of a batch (a ledger's rows), in four statements instead of
 * four per probe; the answer at index n is what findDuplicates(probes[n]) answers.
 */
export function findDuplicatesMany(
  ctx: ReadCtx,
  probes: DuplicateProbe[],
): (DuplicateCandidate & { ownerId: string | null })[][] {
  const keys = probes.map(probeKeys);
  const byId: [number, string][] = [];
  const byNameBirth: [number, string, string][] = [];
  const byPinyin: [number, string, string, string][] = [];
  const byGuardian: [number, string, string, string][] = [];
  keys.forEach((k, i) => {
    if (k.id) byId.push([i, k.id]);
    if (k.nameBirth) {
      byNameBirth.push([i, k.name, k.nameBirth]);
      if (k.pinyin) byPinyin.push([i, k.pinyin, k.nameBirth, k.name]);
    }
    // Each guardian name once per probe, as `IN (...)` reads a list.
    for (const g of new Set(k.guardians)) byGuardian.push([i, k.name, k.namePinyin, g]);
  });
  const q = preparedMany(ctx);
  // Per probe and rule, in the order the single guard adds them: rule by rule.
  const perRule = (stmt: import('better-sqlite3').Statement, list: unknown[][]) => {
    const out = new Map<number, CandidateRow[]>();
    if (!list.length) return out;
    for (const row of stmt.all(JSON.stringify(list)) as (CandidateRow & { i: number })[]) {
      const rows = out.get(row.i) ?? [];
      rows.push(row);
      out.set(row.i, rows);
    }
    return out;
  };
  const rules: [Map<number, CandidateRow[]>, DuplicateReason][] = [
    [perRule(q.id, byId), 'sameIdNumber'],
    [perRule(q.nameBirth, byNameBirth), 'sameNameBirth'],
    [perRule(q.pinyinBirth, byPinyin), 'samePinyinBirth'],
    [perRule(q.nameGuardian, byGuardian), 'sameNameGuardian'],
  ];
  return probes.map((probe, i) => {
    const found: Found = new Map();
    for (const [rows, reason] of rules)
      for (const row of rows.get(i) ?? []) addFound(found, row, reason, probe.excludeId);
    return candidates(found);
  });
}

/**
 * The duplicate check as a reader may see it (issue 11, item 3). A match by name, pinyin or
 * guardian shows what the children list shows anyway; a match by ID number alone would tie a
 * guessed number to a child, so unless the reader may see that child's full number it says only
 * that a file has the number. Every check that carried a whole number is audited.
 */
export function duplicatesForReader(ctx: ViewCtx, probe: DuplicateProbe): DuplicateCandidate[] {
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
