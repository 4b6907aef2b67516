// 关系人 and 羁押情况: persons are shared between siblings, so a person is edited once and
// every child linked to them sees the change.
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { newId } from '../common/ids';
import { startsWith } from '../common/like';
import { created, updateVersioned } from '../common/records';
import { cached } from '../core/statements';
import { t } from '../i18n';
import { maskIdNumber } from './idNumber';
import {
  custodyAddInput,
  custodyUpdateInput,
  personSearchInput,
  personUpdateInput,
  relationAddInput,
  relationRemoveInput,
  relationUpdateInput,
} from './inputs';
import { loadChild } from './model';
import { childRelations, children, custodyRecords, persons } from './schema';
import { isIdQuery } from './search';

export const relationMethods = {
  'relations.add': method({
    input: relationAddInput,
    access: 'user',
    kind: 'write',
    handler: add,
  }),

  'relations.update': method({
    input: relationUpdateInput,
    access: 'user',
    kind: 'write',
    handler: updateRelation,
  }),

  'relations.remove': method({
    input: relationRemoveInput,
    access: 'user',
    kind: 'write',
    handler: removeRelation,
  }),

  'persons.update': method({
    input: personUpdateInput,
    access: 'user',
    kind: 'write',
    handler: updatePerson,
  }),

  'persons.search': method({
    input: personSearchInput,
    access: 'user',
    // Writes: a search by a whole ID number is audited (it confirms whose number it is).
    kind: 'write',
    handler: searchPerson,
  }),

  'custody.add': method({
    input: custodyAddInput,
    access: 'user',
    kind: 'write',
    handler: addMethod,
  }),

  'custody.update': method({
    input: custodyUpdateInput,
    access: 'user',
    kind: 'write',
    handler: updateCustody,
  }),
};

export interface PersonView {
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  idNumberMasked: string | null;
  phone: string | null;
  address: string | null;
  occupation: string | null;
  deceasedOn: string | null;
  missingSince: string | null;
  severeDisability: boolean;
  severeIllness: boolean;
  version: number;
  /** How many children this person is linked to (siblings share one record). */
  childCount: number;
}

export interface CustodyView {
  id: string;
  measure: string;
  facility: string | null;
  caseNumber: string | null;
  charge: string | null;
  startDate: string;
  expectedRelease: string | null;
  actualRelease: string | null;
  version: number;
}

export interface PersonLink {
  relationId: string;
  relation: string;
  isGuardian: boolean;
  isCaregiver: boolean;
  note: string | null;
  version: number;
  person: PersonView;
  custody: CustodyView[];
}

/** The columns of a person and of a custody record that their views show (the statements below read these). */
const PERSON_COLUMNS = {
  id: persons.id,
  name: persons.name,
  gender: persons.gender,
  idNumber: persons.idNumber,
  phone: persons.phone,
  address: persons.address,
  occupation: persons.occupation,
  deceasedOn: persons.deceasedOn,
  missingSince: persons.missingSince,
  severeDisability: persons.severeDisability,
  severeIllness: persons.severeIllness,
  version: persons.version,
};
const CUSTODY_COLUMNS = {
  id: custodyRecords.id,
  personId: custodyRecords.personId,
  measure: custodyRecords.measure,
  facility: custodyRecords.facility,
  caseNumber: custodyRecords.caseNumber,
  charge: custodyRecords.charge,
  startDate: custodyRecords.startDate,
  expectedRelease: custodyRecords.expectedRelease,
  actualRelease: custodyRecords.actualRelease,
  version: custodyRecords.version,
};
type PersonRow = Pick<typeof persons.$inferSelect, keyof typeof PERSON_COLUMNS>;
type CustodyRow = Pick<typeof custodyRecords.$inferSelect, Exclude<keyof typeof CUSTODY_COLUMNS, 'personId'>>;

function toPersonView(row: PersonRow, childCount: number): PersonView {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    idNumberMasked: maskIdNumber(row.idNumber),
    phone: row.phone,
    address: row.address,
    occupation: row.occupation,
    deceasedOn: row.deceasedOn,
    missingSince: row.missingSince,
    severeDisability: row.severeDisability,
    severeIllness: row.severeIllness,
    version: row.version,
    childCount,
  };
}

function toCustodyView(row: CustodyRow): CustodyView {
  return {
    id: row.id,
    measure: row.measure,
    facility: row.facility,
    caseNumber: row.caseNumber,
    charge: row.charge,
    startDate: row.startDate,
    expectedRelease: row.expectedRelease,
    actualRelease: row.actualRelease,
    version: row.version,
  };
}

function childCounts(ctx: ReadCtx, personIds: string[]): Map<string, number> {
  if (!personIds.length) return new Map();
  const rows = cached(
    ctx.raw,
    `SELECT person_id AS personId, count(*) AS n FROM child_relations
     WHERE deleted_at IS NULL AND person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id`,
  ).all(JSON.stringify(personIds)) as { personId: string; n: number }[];
  return new Map(rows.map((r) => [r.personId, r.n]));
}

// A child's relatives in two prepared statements (a file opens with them, and drizzle built
// these joins afresh on each opening): the relatives in the order they were added, and their
// custody in date order. The ids go in as one JSON array so the text, and its statement, is one.
const LINKS_SQL = `SELECT r.id AS relationId, r.relation, r.is_guardian AS isGuardian, r.is_caregiver AS isCaregiver,
    r.note, r.version AS linkVersion, p.id, p.name, p.gender, p.id_number AS idNumber, p.phone, p.address,
    p.occupation, p.deceased_on AS deceasedOn, p.missing_since AS missingSince,
    p.severe_disability AS severeDisability, p.severe_illness AS severeIllness, p.version
  FROM child_relations r JOIN persons p ON p.id = r.person_id
  WHERE r.child_id = ? AND r.deleted_at IS NULL ORDER BY r.created_at`;
const CUSTODY_SQL = `SELECT id, person_id AS personId, measure, facility, case_number AS caseNumber, charge,
    start_date AS startDate, expected_release AS expectedRelease, actual_release AS actualRelease, version
  FROM custody_records WHERE person_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
  ORDER BY start_date`;

type LinkRow = Omit<PersonRow, 'severeDisability' | 'severeIllness'> & {
  relationId: string;
  relation: string;
  isGuardian: number;
  isCaregiver: number;
  note: string | null;
  linkVersion: number;
  severeDisability: number;
  severeIllness: number;
};

export function relationsOfChild(ctx: ReadCtx, childId: string): PersonLink[] {
  const links = cached(ctx.raw, LINKS_SQL).all(childId) as LinkRow[];
  const ids = links.map((l) => l.id);
  const custody = ids.length
    ? (cached(ctx.raw, CUSTODY_SQL).all(JSON.stringify(ids)) as (CustodyRow & { personId: string })[])
    : [];
  const counts = childCounts(ctx, ids);
  return links.map((l) => ({
    relationId: l.relationId,
    relation: l.relation,
    isGuardian: l.isGuardian === 1,
    isCaregiver: l.isCaregiver === 1,
    note: l.note,
    version: l.linkVersion,
    person: toPersonView(
      { ...l, severeDisability: l.severeDisability === 1, severeIllness: l.severeIllness === 1 },
      counts.get(l.id) ?? 0,
    ),
    custody: custody.filter((c) => c.personId === l.id).map(toCustodyView),
  }));
}

function loadPerson(ctx: Ctx, id: string) {
  const row = ctx.db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), isNull(persons.deletedAt)))
    .get();
  if (!row) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  return row;
}

function assertPersonIdFree(ctx: Ctx, idNumber: string | null, selfId: string | null): void {
  if (!idNumber) return;
  const other = ctx.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.idNumber, idNumber), isNull(persons.deletedAt)))
    .get();
  if (other && other.id !== selfId) {
    throw new ApiError('VALIDATION', t('errors.validation'), {
      'person.idNumber': t('validation.idNumber.duplicate'),
    });
  }
}

function add(ctx: Ctx, input: z.output<typeof relationAddInput>): PersonLink[] {
  loadChild(ctx, input.childId);
  let personId = input.personId ?? null;
  if (input.person) {
    assertPersonIdFree(ctx, input.person.idNumber, null);
    personId = newId();
    ctx.db
      .insert(persons)
      .values({ id: personId, ...input.person, ...created(ctx) })
      .run();
    ctx.audit.write({ action: 'persons.create', entity: 'person', entityId: personId });
  } else if (personId) {
    loadPerson(ctx, personId);
  }
  if (!personId) throw new ApiError('VALIDATION', t('validation.person.pickOrCreate'));
  const existing = ctx.db
    .select({ id: childRelations.id })
    .from(childRelations)
    .where(
      and(
        eq(childRelations.childId, input.childId),
        eq(childRelations.personId, personId),
        isNull(childRelations.deletedAt),
      ),
    )
    .get();
  if (existing) throw new ApiError('VALIDATION', t('validation.person.alreadyLinked'));
  const id = newId();
  ctx.db
    .insert(childRelations)
    .values({
      id,
      childId: input.childId,
      personId,
      relation: input.relation,
      isGuardian: input.isGuardian,
      isCaregiver: input.isCaregiver,
      note: input.note,
      ...created(ctx),
    })
    .run();
  ctx.audit.write({
    action: 'relations.add',
    entity: 'child',
    entityId: input.childId,
    detail: { relationId: id, personId, relation: input.relation },
  });
  return relationsOfChild(ctx, input.childId);
}

function updateRelation(ctx: Ctx, input: z.output<typeof relationUpdateInput>): PersonLink[] {
  const { id, version, ...fields } = input;
  const link = ctx.db.select().from(childRelations).where(eq(childRelations.id, id)).get();
  if (!link) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  updateVersioned(ctx, childRelations, id, version, fields);
  ctx.audit.write({
    action: 'relations.update',
    entity: 'child',
    entityId: link.childId,
    detail: { relationId: id },
  });
  return relationsOfChild(ctx, link.childId);
}

function removeRelation(ctx: Ctx, input: z.output<typeof relationRemoveInput>): PersonLink[] {
  const link = ctx.db.select().from(childRelations).where(eq(childRelations.id, input.id)).get();
  if (!link) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  updateVersioned(ctx, childRelations, input.id, input.version, { deletedAt: ctx.clock.now() });
  // The caregiver must be one of the child's relatives; unlinking them clears the field.
  ctx.db
    .update(children)
    .set({
      caregiverPersonId: null,
      version: sql`${children.version} + 1`,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.user.id,
    })
    .where(and(eq(children.id, link.childId), eq(children.caregiverPersonId, link.personId)))
    .run();
  ctx.audit.write({
    action: 'relations.remove',
    entity: 'child',
    entityId: link.childId,
    detail: { relationId: input.id },
  });
  return relationsOfChild(ctx, link.childId);
}

function updatePerson(ctx: Ctx, input: z.output<typeof personUpdateInput>): PersonView {
  const { id, version, idNumber: sentId, ...rest } = input;
  const before = loadPerson(ctx, id);
  const fields = { ...rest, idNumber: sentId === undefined ? before.idNumber : sentId };
  assertPersonIdFree(ctx, fields.idNumber, id);
  updateVersioned(ctx, persons, id, version, fields);
  ctx.audit.write({ action: 'persons.update', entity: 'person', entityId: id });
  return toPersonView(loadPerson(ctx, id), childCounts(ctx, [id]).get(id) ?? 0);
}

function searchPerson(ctx: Ctx, input: z.output<typeof personSearchInput>): PersonView[] {
  const q = input.query;
  // An ID number is matched whole, never by a fragment (issue 11, item 3).
  const byId = isIdQuery(q) && q.length === 18;
  const rows = ctx.db
    .select()
    .from(persons)
    .where(
      and(
        isNull(persons.deletedAt),
        or(
          startsWith(persons.name, q),
          byId ? eq(persons.idNumber, q.toUpperCase()) : undefined,
          eq(persons.phone, q),
        ),
      ),
    )
    .orderBy(asc(persons.name))
    .limit(20)
    .all();
  if (byId) {
    ctx.audit.write({
      action: 'persons.idLookup',
      entity: 'person',
      entityId: null,
      detail: { mode: 'whole', found: rows.filter((r) => r.idNumber === q.toUpperCase()).length },
    });
  }
  const counts = childCounts(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPersonView(r, counts.get(r.id) ?? 0));
}

function addMethod(ctx: Ctx, input: z.output<typeof custodyAddInput>): CustodyView {
  loadPerson(ctx, input.personId);
  const id = newId();
  ctx.db
    .insert(custodyRecords)
    .values({ id, ...input, ...created(ctx) })
    .run();
  ctx.audit.write({
    action: 'custody.add',
    entity: 'person',
    entityId: input.personId,
    detail: { custodyId: id },
  });
  return toCustodyView(ctx.db.select().from(custodyRecords).where(eq(custodyRecords.id, id)).get()!);
}

function updateCustody(ctx: Ctx, input: z.output<typeof custodyUpdateInput>): CustodyView {
  const { id, version, ...fields } = input;
  const row = ctx.db.select().from(custodyRecords).where(eq(custodyRecords.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  updateVersioned(ctx, custodyRecords, id, version, fields);
  ctx.audit.write({
    action: 'custody.update',
    entity: 'person',
    entityId: row.personId,
    detail: { custodyId: id },
  });
  return toCustodyView(ctx.db.select().from(custodyRecords).where(eq(custodyRecords.id, id)).get()!);
}
