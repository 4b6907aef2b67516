// Reading and writing children's records, shared by the handlers of this area and by any
// area that registers a child (a referral does, from inside its own form).

import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { demand } from '../access/policy';
import { accountName } from '../accounts/model';
import { accounts } from '../accounts/schema';
import type { Ctx, ReadCtx, ReadRaw } from '../api/define';
import { ApiError } from '../api/errors';
import { localDate } from '../common/dates';
import { newId } from '../common/ids';
import { created } from '../common/records';
import { cached, preparedQuery, watched } from '../core/statements';
import { t } from '../i18n';
import type { Category, CloseReason, CustodyMeasure, GuardianshipSituation, RiskLevel } from './codes';
import { findDuplicates } from './duplicates';
import { type GuardianshipReading, type ParentFacts, readGuardianship } from './guardianship';
import { ageOn, maskIdNumber } from './idNumber';
import type { childCreateInput } from './inputs';
import type { PersonLink } from './relations';
import { childRelations, children, custodyRecords, deFactoRecognitions, type Needs, persons } from './schema';
import {
  idFragmentPrefixes,
  isExactQuery,
  isIdQuery,
  isPlaceQuery,
  namePinyin,
  placeKey,
  placeSuffixes,
  prefixEnd,
  searchKeys,
} from './search';

export type ChildRow = typeof children.$inferSelect;

/** What a list shows: nothing a list does not need, and the ID number masked. */
export interface ChildSummary {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  age: number;
  idNumberMasked: string | null;
  township: string;
  village: string | null;
  school: string | null;
  riskLevel: RiskLevel;
  categories: Category[];
  status: 'active' | 'closed';
  ownerId: string | null;
  ownerName: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** The whole profile, for the file page and the edit form. */
export interface ChildProfile extends ChildSummary {
  ethnicity: string | null;
  householdAddress: string | null;
  currentAddress: string | null;
  grade: string | null;
  boarding: boolean | null;
  healthNotes: string | null;
  disabilityNotes: string | null;
  guardianshipSituation: GuardianshipSituation | null;
  guardianshipNote: string | null;
  caregiverPersonId: string | null;
  riskReason: string | null;
  /** 事实无人抚养儿童认定日期 (YYYY-MM-DD), while the child holds the category. */
  deFactoRecognisedOn: string | null;
  needs: Needs;
  closeReason: CloseReason | null;
  closeNote: string | null;
  closedAt: number | null;
  deletedAt: number | null;
}

export function today(ctx: ReadCtx): string {
  return localDate(ctx.clock.now());
}

/** The columns a summary is made of (a list reads only these). */
export type SummaryFields = Pick<
  ChildRow,
  | 'id'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'idNumber'
  | 'township'
  | 'village'
  | 'school'
  | 'riskLevel'
  | 'categories'
  | 'status'
  | 'ownerId'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

export function toSummary(row: SummaryFields, day: string, ownerName: string | null): ChildSummary {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, day),
    idNumberMasked: maskIdNumber(row.idNumber),
    township: row.township,
    village: row.village,
    school: row.school,
    riskLevel: row.riskLevel,
    categories: row.categories,
    status: row.status,
    ownerId: row.ownerId,
    ownerName,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The recognition date on file; asked only of a child holding the category. */
export function recognisedOn(ctx: ReadCtx, row: Pick<ChildRow, 'id' | 'categories'>): string | null {
  if (!row.categories.includes('deFactoUnsupported')) return null;
  return (
    ctx.db
      .select({ on: deFactoRecognitions.recognisedOn })
      .from(deFactoRecognitions)
      .where(eq(deFactoRecognitions.childId, row.id))
      .get()?.on ?? null
  );
}

export function toProfile(
  row: ChildRow,
  day: string,
  ownerName: string | null,
  deFactoRecognisedOn: string | null = null,
): ChildProfile {
  return {
    ...toSummary(row, day, ownerName),
    ethnicity: row.ethnicity,
    householdAddress: row.householdAddress,
    currentAddress: row.currentAddress,
    grade: row.grade,
    boarding: row.boarding,
    healthNotes: row.healthNotes,
    disabilityNotes: row.disabilityNotes,
    guardianshipSituation: row.guardianshipSituation,
    guardianshipNote: row.guardianshipNote,
    caregiverPersonId: row.caregiverPersonId,
    riskReason: row.riskReason,
    deFactoRecognisedOn,
    needs: row.needs,
    closeReason: row.closeReason,
    closeNote: row.closeNote,
    closedAt: row.closedAt,
    deletedAt: row.deletedAt,
  };
}

/** A child that is not in the recycle bin; NOT_FOUND otherwise. */
export function loadChild(ctx: ReadCtx, id: string, opts: { deleted?: boolean } = {}): ChildRow {
  // A write of a child loads it twice (before and after): building and preparing the 35-column
  // select each time was a fifth of an update.
  const query = preparedQuery(ctx, 'children.byId', () =>
    ctx.db
      .select()
      .from(children)
      .where(eq(children.id, sql.placeholder('id')))
      .prepare(),
  );
  const row = query.get({ id });
  if (!row || (row.deletedAt !== null) !== (opts.deleted ?? false))
    throw new ApiError('NOT_FOUND', t('errors.notFound'));
  return row;
}

type KeyStatements = Record<
  'stored' | 'clear' | 'remove' | 'insert' | 'place',
  import('better-sqlite3').Statement
>;
// Prepared once per connection: every write of a child runs them.
const keyStatements = new WeakMap<object, KeyStatements>();
function keyStatementsOf(raw: Ctx['raw']): KeyStatements {
  let s = keyStatements.get(raw);
  if (!s || watched(raw)) {
    s = {
      stored: raw.prepare(
        'SELECT key, name_pinyin AS pinyin, name FROM child_search_keys WHERE child_id = ?',
      ),
      clear: raw.prepare('DELETE FROM child_search_keys WHERE child_id = ?'),
      remove: raw.prepare(
        'DELETE FROM child_search_keys WHERE key = ? AND name_pinyin = ? AND name = ? AND child_id = ?',
      ),
      insert: raw.prepare(
        'INSERT OR IGNORE INTO child_search_keys (key, name_pinyin, name, child_id) VALUES (?, ?, ?, ?)',
      ),
      place: raw.prepare('INSERT OR IGNORE INTO search_places (key, place) VALUES (?, ?)'),
    };
    keyStatements.set(raw, s);
  }
  return s;
}

/** A child leaving the file (the recycle bin) leaves the key table: it holds the children on file only. */
export function clearSearchKeys(ctx: Ctx, childId: string): void {
  keyStatementsOf(ctx.raw).clear.run(childId);
}

/** The rows of child_search_keys for one child: each key with the name order it sorts in. */
export function searchKeyRows(
  row: Pick<ChildRow, 'id' | 'name' | 'idNumber' | 'school' | 'village'>,
): [key: string, namePinyin: string, name: string, childId: string][] {
  const pinyin = pinyinKey(row.name);
  return searchKeys(row).map((key) => [key, pinyin, row.name, row.id]);
}

/**
 * Brings the child's search keys up to date; called in the same transaction as every change to
 * them. Only the keys that differ are written (an edit of the risk level writes none): each
 * key is a row in a B-tree page of its own, and writing them all again was most of an update.
 */
export function writeSearchKeys(
  ctx: Ctx,
  row: Pick<ChildRow, 'id' | 'name' | 'idNumber' | 'school' | 'village'>,
): void {
  const s = keyStatementsOf(ctx.raw);
  const pinyin = pinyinKey(row.name);
  const next = new Set(searchKeys(row));
  const stored = s.stored.all(row.id) as { key: string; pinyin: string; name: string }[];
  if (stored.some((k) => k.pinyin !== pinyin || k.name !== row.name)) {
    // Renamed: every key sorts elsewhere now.
    s.clear.run(row.id);
    stored.length = 0;
  }
  for (const k of stored) {
    if (next.has(k.key)) next.delete(k.key);
    else s.remove.run(k.key, k.pinyin, k.name, row.id);
  }
  for (const key of [...next].sort()) s.insert.run(key, pinyin, row.name, row.id);
  writePlaces(ctx.raw, [row.school, row.village]);
}

/** Makes the places findable (search_places): each one's suffixes, where not there already. */
export function writePlaces(raw: Ctx['raw'], places: readonly (string | null)[]): void {
  const s = keyStatementsOf(raw);
  for (const place of places) {
    const key = placeKey(place);
    if (key) for (const suffix of placeSuffixes(key)) s.place.run(suffix, key);
  }
}

/**
 * How the key table is asked for a query: keys it must equal (a stored short prefix, a place's
 * key) or prefix ranges (a longer query; an ID fragment's idFragmentPrefixes), any of them.
 */
export interface KeyMatch {
  /** Every arm is one key, so each arm's rows come out of the primary key in name order. */
  exact: boolean;
  /** The keys to equal. */
  keys: string[];
  /** The ranges' bounds. */
  ranges: [from: string, to: string][];
  /** For an ID lookup, the fragment (what a child's number must hold), else null. */
  idFragment: string | null;
  /**
   * The matching rows as SQL: `FROM ${from} WHERE ${where}`, the key table's columns aliased
   * `k`, with `params` in that order. One arm is the key table itself; several are their rows
   * one arm after the other (UNION ALL, streamed: a LIMIT over them stops early, where an OR
   * of ranges collects every match first), so a row may repeat where two ranges overlap.
   */
  from: string;
  where: string;
  params: string[];
}

/**
 * A query naming more places than this is asked as one condition over all of their keys
 * (probed, then looked up or walked in name order) rather than merged key by key.
 */
const MERGED_KEYS_MAX = 64;

/** The places (keys of child_search_keys) holding a query: a range over search_places. */
export function placesHolding(raw: ReadRaw, q: string): string[] {
  return cached(raw, 'SELECT DISTINCT place FROM search_places WHERE key >= ? AND key < ?')
    .pluck()
    .all(q, prefixEnd(q)) as string[];
}

export function keyMatch(raw: ReadRaw, q: string): KeyMatch {
  const keys: string[] = [];
  let ranges: [string, string][] = [];
  if (isExactQuery(q)) keys.push(q);
  else ranges = (isIdQuery(q) ? idFragmentPrefixes(q) : [q]).map((p): [string, string] => [p, prefixEnd(p)]);
  if (isPlaceQuery(q)) {
    // A place starting with the query is in the query's own range already.
    for (const place of placesHolding(raw, q))
      if (place !== q && !(ranges.length && place.startsWith(q))) keys.push(place);
  }
  const arms = [...keys.map(() => 'key = ?'), ...ranges.map(() => 'key >= ? AND key < ?')];
  const params = [...keys, ...ranges.flat()];
  const exact = ranges.length === 0 && keys.length <= MERGED_KEYS_MAX;
  const idFragment = isIdQuery(q) ? q : null;
  if (arms.length === 1)
    return {
      exact,
      keys,
      ranges,
      idFragment,
      from: 'child_search_keys k',
      where: `k.${arms[0]}`.replace('AND key', 'AND k.key'),
      params,
    };
  const each = arms.map((a) => `SELECT key, name_pinyin, name, child_id FROM child_search_keys WHERE ${a}`);
  return { exact, keys, ranges, idFragment, from: `(${each.join(' UNION ALL ')}) k`, where: '1', params };
}
export function pinyinKey(name: string): string {
  return namePinyin(name).join('');
}

/** The facts about each parent that the guardianship rules read, or null where none is recorded. */
export function parentFacts(
  ctx: ReadCtx,
  childId: string,
): { father: ParentFacts | null; mother: ParentFacts | null } {
  const links = ctx.db
    .select({ relation: childRelations.relation, person: persons })
    .from(childRelations)
    .innerJoin(persons, eq(persons.id, childRelations.personId))
    .where(
      and(
        eq(childRelations.childId, childId),
        isNull(childRelations.deletedAt),
        inArray(childRelations.relation, ['father', 'mother']),
      ),
    )
    .all();
  const ids = links.map((l) => l.person.id);
  const custody = ids.length
    ? ctx.db
        .select()
        .from(custodyRecords)
        .where(and(inArray(custodyRecords.personId, ids), isNull(custodyRecords.deletedAt)))
        .all()
    : [];
  const facts = (relation: 'father' | 'mother'): ParentFacts | null => {
    const link = links.find((l) => l.relation === relation);
    if (!link) return null;
    return {
      deceasedOn: link.person.deceasedOn,
      missingSince: link.person.missingSince,
      severeDisability: link.person.severeDisability,
      severeIllness: link.person.severeIllness,
      custody: custody
        .filter((c) => c.personId === link.person.id)
        .map((c) => ({
          measure: c.measure as CustodyMeasure,
          startDate: c.startDate,
          actualRelease: c.actualRelease,
        })),
    };
  };
  return { father: facts('father'), mother: facts('mother') };
}

export interface DerivedGuardianship extends GuardianshipReading {
  /** The situation shown: derived where the records decide it, else the caseworker's reading. */
  effectiveSituation: GuardianshipSituation | null;
  derived: boolean;
  /** Appears eligible for 事实无人抚养儿童 support and is not yet recognised. */
  flagDeFactoUnsupported: boolean;
}

/** The parents' facts from relatives already loaded for the file, so they are not read twice. */
function factsFromLinks(links: PersonLink[]): { father: ParentFacts | null; mother: ParentFacts | null } {
  const facts = (relation: 'father' | 'mother'): ParentFacts | null => {
    const link = links.find((l) => l.relation === relation);
    if (!link) return null;
    const p = link.person;
    return {
      deceasedOn: p.deceasedOn,
      missingSince: p.missingSince,
      severeDisability: p.severeDisability,
      severeIllness: p.severeIllness,
      custody: link.custody.map((c) => ({
        measure: c.measure,
        startDate: c.startDate,
        actualRelease: c.actualRelease,
      })),
    };
  };
  return { father: facts('father'), mother: facts('mother') };
}

export function deriveGuardianship(ctx: ReadCtx, row: ChildRow, links?: PersonLink[]): DerivedGuardianship {
  const { father, mother } = links ? factsFromLinks(links) : parentFacts(ctx, row.id);
  const reading = readGuardianship(father, mother, today(ctx));
  return {
    ...reading,
    effectiveSituation: reading.situation ?? row.guardianshipSituation,
    derived: reading.situation !== null,
    flagDeFactoUnsupported:
      reading.eligibleDeFactoUnsupported &&
      row.status === 'active' &&
      !row.categories.includes('deFactoUnsupported'),
  };
}

export type ChildFields = Omit<
  ReturnType<typeof childCreateInput.parse>,
  'acknowledgeDuplicates' | 'deFactoRecognisedOn'
>;

export const ownerName = accountName;

/** The checks that need the database or today's date, shared by create and update. */
export function checkRecognition(ctx: Ctx, on: string | null): void {
  if (on && on > today(ctx))
    throw new ApiError('VALIDATION', t('errors.validation'), {
      deFactoRecognisedOn: t('errors.dateInFuture'),
    });
}

/**
 * Which of `personIds` are the child's live relations: a form may name only the child's own
 * people (a caregiver, an order's guardians, a suit's respondents).
 */
export function relatedPersons(ctx: ReadCtx, childId: string, personIds: readonly string[]): Set<string> {
  if (personIds.length === 0) return new Set();
  const rows = ctx.db
    .select({ personId: childRelations.personId })
    .from(childRelations)
    .where(
      and(
        eq(childRelations.childId, childId),
        inArray(childRelations.personId, [...personIds]),
        isNull(childRelations.deletedAt),
      ),
    )
    .all();
  return new Set(rows.map((r) => r.personId));
}

/** Whether the person is one of the child's live relations. */
export function isRelated(ctx: ReadCtx, childId: string, personId: string): boolean {
  return relatedPersons(ctx, childId, [personId]).has(personId);
}

export function checkChild(
  ctx: Ctx,
  fields: ChildFields,
  selfId: string | null,
  acknowledged: boolean,
): void {
  const day = today(ctx);
  if (fields.birthDate > day)
    throw new ApiError('VALIDATION', t('errors.validation'), { birthDate: t('errors.dateInFuture') });
  if (selfId === null && ageOn(fields.birthDate, day) >= 18) {
    throw new ApiError('VALIDATION', t('errors.validation'), { birthDate: t('validation.child.notMinor') });
  }
  if (fields.ownerId) {
    const owner = ctx.db.select().from(accounts).where(eq(accounts.id, fields.ownerId)).get();
    if (!owner || owner.disabledAt !== null) {
      throw new ApiError('VALIDATION', t('errors.validation'), {
        ownerId: t('validation.child.ownerUnknown'),
      });
    }
  }
  if (fields.caregiverPersonId) {
    if (!selfId || !isRelated(ctx, selfId, fields.caregiverPersonId)) {
      throw new ApiError('VALIDATION', t('errors.validation'), {
        caregiverPersonId: t('validation.child.caregiverNotRelated'),
      });
    }
  }
  const dupes = findDuplicates(ctx, {
    excludeId: selfId,
    name: fields.name,
    birthDate: fields.birthDate,
    idNumber: fields.idNumber,
  });
  if (dupes.some((d) => d.reasons.includes('sameIdNumber'))) {
    // The answer confirms that a number is on file: audited like any ID lookup, after the rollback.
    const err = new ApiError('VALIDATION', t('errors.validation'), {
      idNumber: t('validation.idNumber.duplicate'),
    });
    err.auditEntry = {
      action: 'children.idLookup',
      entity: 'child',
      entityId: selfId,
      detail: { via: selfId ? 'children.update' : 'children.create', mode: 'whole', found: 1 },
    };
    throw err;
  }
  if (dupes.length && !acknowledged)
    throw ApiError.conflict('possibleDuplicate', t('validation.child.possibleDuplicate'));
}

/**
 * The recognition date kept with the 事实无人抚养 category: the one given, else the one already
 * on file, else the day it is recorded (when the studio learned of it); none without the category.
 */
export function recognitionDate(
  ctx: Ctx,
  next: { categories: readonly string[]; deFactoRecognisedOn: string | null },
  before: string | null,
): string | null {
  if (!next.categories.includes('deFactoUnsupported')) return null;
  return next.deFactoRecognisedOn ?? before ?? today(ctx);
}

/** Keeps the recognition row with the category: written while held, removed with it. */
export function keepRecognition(ctx: Ctx, childId: string, on: string | null, had: boolean): void {
  if (on)
    ctx.db
      .insert(deFactoRecognitions)
      .values({ childId, recognisedOn: on })
      .onConflictDoUpdate({ target: deFactoRecognitions.childId, set: { recognisedOn: on } })
      .run();
  else if (had) ctx.db.delete(deFactoRecognitions).where(eq(deFactoRecognitions.childId, childId)).run();
}

/**
 * Registers a child. Exported for areas that register children from their own screens (a
 * referral names a child not yet on file), so the rules stay in one place.
 */
export function createChild(ctx: Ctx, input: ReturnType<typeof childCreateInput.parse>): ChildProfile {
  const { acknowledgeDuplicates, deFactoRecognisedOn: sentOn, ...fields } = input;
  const on = recognitionDate(ctx, { ...fields, deFactoRecognisedOn: sentOn }, null);
  checkRecognition(ctx, sentOn);
  checkChild(ctx, fields, null, acknowledgeDuplicates);
  const id = newId();
  const ownerId = fields.ownerId ?? ctx.user.id;
  // Registering a child makes one its owner; naming anyone else is an assignment (policy.ts).
  if (ownerId !== ctx.user.id) demand(ctx, 'assignOwner', { method: 'children.create', entity: 'child' });
  ctx.db
    .insert(children)
    .values({ id, ...fields, ownerId, namePinyin: pinyinKey(fields.name), status: 'active', ...created(ctx) })
    .run();
  keepRecognition(ctx, id, on, false);
  writeSearchKeys(ctx, { id, ...fields });
  ctx.audit.write({
    action: 'children.create',
    entity: 'child',
    entityId: id,
    detail: { ownerId, ...(acknowledgeDuplicates ? { acknowledgedDuplicates: true } : {}) },
  });
  return toProfile(loadChild(ctx, id), today(ctx), ownerName(ctx, ownerId), on);
}
