import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { accounts } from '../accounts/schema';
import { recordColumns } from '../common/columns';
import type { Category, CloseReason, GuardianshipSituation, NeedKind, RiskLevel } from './codes';

export interface Need {
  note: string | null;
  met: boolean;
}
export type Needs = Partial<Record<NeedKind, Need>>;

/**
 * The child a record belongs to, as every area's table declares it: required, and a child that
 * exists (children are soft-deleted, never removed, so the reference always holds).
 */
export const childRef = () =>
  text('child_id')
    .notNull()
    .references((): AnySQLiteColumn => children.id);

// 未成年人档案
export const children = sqliteTable(
  'children',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Full pinyin without spaces, for sorting by name the way a Chinese list is read. */
    namePinyin: text('name_pinyin').notNull().default(''),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    /** YYYY-MM-DD */
    birthDate: text('birth_date').notNull(),
    /** 公民身份号码, upper-case; optional because under-16s often have none to hand. */
    idNumber: text('id_number'),
    ethnicity: text('ethnicity'),
    householdAddress: text('household_address'), // 户籍地
    currentAddress: text('current_address'),
    township: text('township').notNull(),
    village: text('village'),
    school: text('school'),
    grade: text('grade'),
    boarding: integer('boarding', { mode: 'boolean' }),
    healthNotes: text('health_notes'),
    disabilityNotes: text('disability_notes'),
    categories: text('categories', { mode: 'json' }).$type<Category[]>().notNull().default(sql`'[]'`),
    /** The caseworker's own reading, used where the parents' records cannot decide it. */
    guardianshipSituation: text('guardianship_situation').$type<GuardianshipSituation>(),
    guardianshipNote: text('guardianship_note'),
    caregiverPersonId: text('caregiver_person_id').references(() => persons.id),
    riskLevel: text('risk_level').$type<RiskLevel>().notNull().default('green'),
    riskReason: text('risk_reason'),
    needs: text('needs', { mode: 'json' }).$type<Needs>().notNull().default(sql`'{}'`),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    closeReason: text('close_reason').$type<CloseReason>(),
    closeNote: text('close_note'),
    closedAt: integer('closed_at'),
    ownerId: text('owner_id').references(() => accounts.id),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('children_id_number')
      .on(t.idNumber)
      .where(sql`${t.idNumber} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    index('children_created').on(t.deletedAt, t.createdAt),
    index('children_name').on(t.name, t.birthDate),
    // The list's name order is name_pinyin, name, id: with all three in the index a page is read
    // off it with no sort, and the rows skipped by an OFFSET are skipped in the index alone.
    index('children_pinyin').on(t.deletedAt, t.namePinyin, t.name, t.id),
    index('children_pinyin_birth').on(t.namePinyin, t.birthDate),
    // Filter columns, then status (nearly every list filters on it), then the name order.
    index('children_status').on(t.deletedAt, t.status, t.namePinyin, t.name, t.id),
    index('children_township').on(t.deletedAt, t.township, t.status, t.namePinyin, t.name, t.id),
    index('children_owner').on(t.deletedAt, t.ownerId, t.status, t.namePinyin, t.name, t.id),
    index('children_risk').on(t.deletedAt, t.riskLevel, t.status, t.namePinyin),
    // 首页's "my children at red or orange risk": one caseworker's, in the order shown, a page from the index.
    index('children_owner_risk').on(t.deletedAt, t.ownerId, t.status, t.riskLevel, t.namePinyin),
    index('children_birth').on(t.deletedAt, t.birthDate),
    // 统计台账 (db/stats/model.ts), answered from the index alone: children new within a period
    // (a range on created_at), and children on file at a date, walked in township and caseworker
    // order so the count needs no sort.
    index('children_stats').on(t.deletedAt, t.createdAt, t.township, t.ownerId),
    index('children_stock').on(t.deletedAt, t.township, t.ownerId, t.createdAt, t.closedAt),
    // A record's child by id with its township and caseworker, without reading the child's row.
    index('children_group').on(t.id, t.deletedAt, t.township, t.ownerId),
    index('children_stats_defacto')
      .on(t.createdAt, t.closedAt, t.township, t.ownerId)
      .where(sql`${t.deletedAt} IS NULL AND ${t.categories} LIKE '%"deFactoUnsupported"%'`),
  ],
);

/**
 * 事实无人抚养儿童认定日期: the day 民政 recognised the child (YYYY-MM-DD), one row while the
 * child holds the category and none without it, so 统计台账 counts "newly recognised" by it.
 * Its own table, so the children table (and every release's copy of it) stays as it was.
 */
export const deFactoRecognitions = sqliteTable(
  'de_facto_recognitions',
  {
    childId: text('child_id')
      .primaryKey()
      .references(() => children.id),
    recognisedOn: text('recognised_on').notNull(),
  },
  (t) => [index('de_facto_recognitions_date').on(t.recognisedOn, t.childId)],
);

/**
 * Search keys. A query matches a child when it is a prefix of one of the child's keys: every
 * suffix of the name, its pinyin (from each syllable), its initials, the ID number, the school
 * and the village. Short queries are the broad ones (张 finds thousands), so each suffix's short
 * prefixes are stored too, and such a query is an equality on `key` instead of a range: its
 * rows then come out of the primary key already in the list's name order (pinyin, name, id),
 * and the first page is a LIMIT on one index (db/children/search.ts says which are stored).
 * Longer queries are a range on `key`; they match few children, or none in name order.
 * The name and pinyin are copied here for that order, and rewritten with the name.
 */
export const childSearchKeys = sqliteTable(
  'child_search_keys',
  {
    key: text('key').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    name: text('name').notNull(),
    childId: text('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.namePinyin, t.name, t.childId] }),
    index('child_search_keys_child').on(t.childId, t.key),
  ],
);

/**
 * The schools and villages a search can find, each under every suffix of two characters or
 * more of its key (db/children/search.ts placeKey): a query of two characters or more names the
 * places holding it here, and their children are the rows of child_search_keys under each
 * place's key, in name order. A few thousand rows however many children: the places were a
 * quarter of the key table when every child held every suffix of its school and village.
 * Written with the child (INSERT OR IGNORE); a place no child holds any longer finds no one.
 */
export const searchPlaces = sqliteTable(
  'search_places',
  {
    key: text('key').notNull(),
    place: text('place').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.place] })],
);

// 关系人: one record per real person, shared by siblings, edited once.
export const persons = sqliteTable(
  'persons',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }),
    idNumber: text('id_number'),
    phone: text('phone'),
    address: text('address'),
    occupation: text('occupation'),
    /** YYYY-MM-DD; set when the person has died. */
    deceasedOn: text('deceased_on'),
    /** YYYY-MM-DD since when the person cannot be reached (失联). */
    missingSince: text('missing_since'),
    severeDisability: integer('severe_disability', { mode: 'boolean' }).notNull().default(false), // 重残
    severeIllness: integer('severe_illness', { mode: 'boolean' }).notNull().default(false), // 重病
    ...recordColumns(),
  },
  (t) => [
    index('persons_name').on(t.name),
    uniqueIndex('persons_id_number')
      .on(t.idNumber)
      .where(sql`${t.idNumber} IS NOT NULL AND ${t.deletedAt} IS NULL`),
  ],
);

// A person's place in one child's life: relation and roles.
export const childRelations = sqliteTable(
  'child_relations',
  {
    id: text('id').primaryKey(),
    childId: childRef(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    relation: text('relation').notNull(),
    isGuardian: integer('is_guardian', { mode: 'boolean' }).notNull().default(false), // 法定监护人
    isCaregiver: integer('is_caregiver', { mode: 'boolean' }).notNull().default(false), // 实际照料人
    note: text('note'),
    ...recordColumns(),
  },
  (t) => [
    index('child_relations_child').on(t.childId),
    index('child_relations_person').on(t.personId),
    // A child's guardians and caregivers from the index alone: the duplicate guard's "same name
    // under a guardian of the same name" reads them for every child of a name (db/children/duplicates.ts),
    // a ledger's preview for each of its rows.
    index('child_relations_carers')
      .on(t.childId, t.personId, t.deletedAt, t.isGuardian, t.isCaregiver)
      .where(sql`${t.deletedAt} IS NULL AND (${t.isGuardian} = 1 OR ${t.isCaregiver} = 1)`),
  ],
);

// 羁押情况: a person may have several over time.
export const custodyRecords = sqliteTable(
  'custody_records',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    measure: text('measure').notNull(),
    facility: text('facility'),
    caseNumber: text('case_number'), // 案号
    charge: text('charge'), // 罪名
    startDate: text('start_date').notNull(),
    expectedRelease: text('expected_release'),
    actualRelease: text('actual_release'),
    ...recordColumns(),
  },
  (t) => [index('custody_person').on(t.personId), index('custody_expected_release').on(t.expectedRelease)],
);
