// What the benchmark asks: inputs built from the seeded children themselves, so a search
// fragment matches as many children as it would in a real file, and no two iterations send
// the same request unless real usage would (everyone searches for 王).
import type Database from 'better-sqlite3';
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../db/api/define';
import { TOWNSHIPS } from '../../db/children/inputs';
import { pinyinKey } from '../../db/children/model';
import { children } from '../../db/children/schema';
import { namePinyin } from '../../db/children/search';
import { localDate } from '../../db/common/dates';
import { childCreateFields, FamilyGenerator } from '../fixtures/generate';
import { SURNAME_WEIGHTS } from '../fixtures/names';
import type { Rng } from '../fixtures/random';

export interface SampledChild {
  id: string;
  name: string;
  idNumber: string | null;
}

const COMPOUND = SURNAME_WEIGHTS.map(([s]) => s).filter((s) => s.length > 1);

export function splitName(name: string): { surname: string; given: string } {
  const surname = COMPOUND.find((s) => name.startsWith(s)) ?? name.slice(0, 1);
  return { surname, given: name.slice(surname.length) };
}

/** `count` live children picked at random among the first `maxRowid` (the same ones for the same seed). */
export function sampleChildren(
  db: Database.Database,
  rng: Rng,
  count: number,
  maxRowid: number,
): SampledChild[] {
  const max = Math.min(
    maxRowid,
    (db.prepare('SELECT max(rowid) AS m FROM children').get() as { m: number }).m,
  );
  const byRowid = db.prepare(
    'SELECT id, name, id_number AS idNumber FROM children WHERE rowid = ? AND deleted_at IS NULL',
  );
  const out: SampledChild[] = [];
  const seen = new Set<number>();
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const rowid = rng.int(1, max);
    if (seen.has(rowid)) continue;
    seen.add(rowid);
    const row = byRowid.get(rowid) as SampledChild | undefined;
    if (row) out.push(row);
  }
  return out;
}

export type SearchKind =
  | 'name1'
  | 'name2'
  | 'given'
  | 'name3'
  | 'pinyin'
  | 'pinyinSpaced'
  | 'initials'
  | 'idFragment'
  | 'idWhole';

export const SEARCH_LABELS: Record<SearchKind, string> = {
  name1: 'search name 1 char (张)',
  name2: 'search name 2 chars (张小)',
  given: 'search given name (小明)',
  name3: 'search name 3 chars (张小明)',
  pinyin: 'search pinyin (zhangxiaoming)',
  pinyinSpaced: "search pinyin spaced ('zhang xiao')",
  initials: 'search initials (zxm)',
  // Both ID lookups write their audit row (issue 11), so these rows include that write.
  idFragment: 'search ID fragment (4-8 digits, audited)',
  idWhole: 'search whole ID number (exact, audited)',
};

/** The query a caseworker would type to find `c` this way, or null when it does not apply. */
export function searchQuery(kind: SearchKind, c: SampledChild, rng: Rng): string | null {
  const { surname, given } = splitName(c.name);
  const syllables = namePinyin(c.name);
  switch (kind) {
    case 'name1':
      return surname;
    case 'name2':
      return given ? surname + Array.from(given)[0] : null;
    case 'given':
      return Array.from(given).length === 2 ? given : null;
    case 'name3':
      return Array.from(c.name).length === 3 ? c.name : null;
    case 'pinyin':
      return pinyinKey(c.name);
    case 'pinyinSpaced':
      return syllables.length >= 2 ? `${syllables[0]} ${syllables[1]}` : null;
    case 'initials':
      return syllables.map((s) => s[0]).join('');
    case 'idFragment': {
      if (!c.idNumber) return null;
      const length = rng.int(4, 8);
      // Anywhere in the number: the start (as typed from a card) as well as a birth date or the tail.
      const at = rng.int(0, 17 - length);
      const fragment = c.idNumber.slice(at, at + length);
      return /^\d+$/.test(fragment) ? fragment : null;
    }
    case 'idWhole':
      return c.idNumber;
  }
}

export function searchInputs(kind: SearchKind, sample: readonly SampledChild[], rng: Rng, count: number) {
  const out: { query: string }[] = [];
  for (const c of sample) {
    const query = searchQuery(kind, c, rng);
    if (query) out.push({ query });
    if (out.length === count) break;
  }
  return out;
}

/** A filtered, sorted page: mostly the first pages, now and then one deep in the list. */
export function listPageInputs(db: Database.Database, rng: Rng, count: number) {
  const perTownship = new Map(
    (
      db
        .prepare(
          `SELECT township, count(*) AS n FROM children WHERE deleted_at IS NULL AND status = 'active' GROUP BY township`,
        )
        .all() as { township: string; n: number }[]
    ).map((r) => [r.township, r.n]),
  );
  return Array.from({ length: count }, () => {
    const township = rng.pick(TOWNSHIPS);
    const pages = Math.max(1, Math.ceil((perTownship.get(township) ?? 0) / 50));
    const page = Math.floor(rng.next() ** 3 * pages);
    return { status: 'active' as const, township, sort: 'name' as const, offset: page * 50, limit: 50 };
  });
}

/** New children to register: generated like the seed, with numbers not yet on file. */
export function createInputs(
  dbs: readonly Database.Database[],
  seed: number,
  now: number,
  count: number,
): Record<string, unknown>[] {
  const taken: string[] = [];
  const owners = new Set<string>();
  for (const db of dbs) {
    for (const r of db.prepare('SELECT id_number AS n FROM children WHERE id_number IS NOT NULL').all() as {
      n: string;
    }[])
      taken.push(r.n);
    for (const r of db
      .prepare(`SELECT id FROM accounts WHERE role = 'caseworker' AND disabled_at IS NULL`)
      .all() as { id: string }[])
      owners.add(r.id);
  }
  const generator = new FamilyGenerator({
    // A different family each run, so repeated runs do not register the same children again.
    seed: seed + taken.length,
    now,
    owners: [...owners],
    totalChildren: 1_000_000,
    takenIdNumbers: taken,
  });
  const out: Record<string, unknown>[] = [];
  while (out.length < count) {
    for (const c of generator.next().children) {
      if (out.length < count)
        out.push({ ...childCreateFields(c), ownerId: c.ownerId, acknowledgeDuplicates: true });
    }
  }
  return out;
}

/**
 * Edits of existing children as the form sends them: the whole profile with its current
 * version, one thing changed. Read from the database the path under test writes to.
 */
export function updateInputs(ctx: Ctx, ids: readonly string[]): Record<string, unknown>[] {
  const rows = ctx.db
    .select()
    .from(children)
    .where(inArray(children.id, [...ids]))
    .all();
  return rows.map((row) => {
    const raise = row.riskLevel === 'green';
    return {
      id: row.id,
      version: row.version,
      ...childCreateFields(row),
      ownerId: row.ownerId,
      caregiverPersonId: row.caregiverPersonId,
      riskLevel: raise ? 'yellow' : 'green',
      riskReason: raise ? `走访发现情况变化（${localDate(Date.now())}）` : null,
      acknowledgeDuplicates: true,
    };
  });
}
