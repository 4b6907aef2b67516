// The ledger import's plan and its application. A plan reads every source row below the
// header into one of four outcomes with its reasons per cell; the commit plans again inside
// its own transaction (the database may have changed since the preview) and applies it.
import { and, eq, isNull } from 'drizzle-orm';
import type { AuditEntry, Ctx } from '../api/define';
import { ApiError } from '../api/errors';
import type { CustodyMeasure, Relation } from '../children/codes';
import { type DuplicateReason, findDuplicatesMany } from '../children/duplicates';
import { ageOn, checkIdNumber, maskIdNumber } from '../children/idNumber';
import { childCreateInput, personInput } from '../children/inputs';
import {
  type ChildRow,
  loadChild,
  pinyinKey,
  searchKeyRows,
  today,
  writePlaces,
  writeSearchKeys,
} from '../children/model';
import { childRelations, children, persons } from '../children/schema';
import { newId } from '../common/ids';
import { phoneText } from '../common/inputs';
import { updateVersioned } from '../common/records';
import { phase, phaseAsync } from '../core/phases';
import { type MessageKey, t } from '../i18n';
import { type MarkedTable, markDirty, setAsideInsertMarks } from '../reminders/due';
import { setAsideChildInserts } from '../stats/cells';
import type { ChildField, LedgerField, MergeField } from './codes';
import type { LedgerCommitInput } from './inputs';
import {
  cellText,
  headerKey,
  readDate,
  readGender,
  readIdText,
  readMeasure,
  readRelation,
  readTermMonths,
  readTownship,
  type SourceCell,
  startFromTerm,
} from './rules';

export type RowStatus = 'new' | 'match' | 'invalid' | 'ignored';

export interface CellReason {
  /** 0-based column in the sheet, or null for a reason about the whole row. */
  column: number | null;
  field: LedgerField | null;
  /** The field's name, where the reason is about one field. */
  label: string | null;
  message: string;
  /** A warning does not stop the row; an error does. */
  level: 'error' | 'warning';
}

export interface MatchView {
  childId: string;
  name: string;
  birthDate: string;
  idNumberMasked: string | null;
  township: string;
  reasons: DuplicateReason[];
  /** Matched by ID number: the same child for certain, so it can only be merged or skipped. */
  byId: boolean;
}

/** One source row as the preview shows it. */
export interface PreviewRow {
  row: number;
  status: RowStatus;
  reasons: CellReason[];
  name: string | null;
  birthDate: string | null;
  idNumberMasked: string | null;
  township: string | null;
  relatives: number;
  match: MatchView | null;
  /** Fields the ledger holds that differ from the existing file: what a merge could take. */
  differs: MergeField[];
}

type ChildDraft = ReturnType<typeof childCreateInput.parse>;

interface RelativeDraft {
  key: string;
  name: string;
  gender: 'male' | 'female' | null;
  idNumber: string | null;
  phone: string | null;
  relation: Relation;
  isGuardian: boolean;
  isCaregiver: boolean;
  custody: {
    measure: CustodyMeasure;
    facility: string | null;
    startDate: string;
    expectedRelease: string | null;
  } | null;
}

interface PlannedRow extends PreviewRow {
  cells: SourceCell[];
  child: ChildDraft | null;
  /** The child's name in pinyin, worked out once for the duplicate guard and the insert. */
  pinyin: string | null;
  relativesDraft: RelativeDraft[];
}

/**
 * Called between chunks of rows with how many are done: the caller reports progress, lets the
 * event loop answer (a cancel, the progress poll) and throws to stop.
 */
export type Step = (done: number, total: number) => Promise<void>;

/** Rows between two steps: about 50 ms of planning or writing on the studio's machine. */
export const CHUNK_ROWS = 250;

export interface Plan {
  sheet: string;
  headers: string[];
  rows: PlannedRow[];
  counts: { rows: number; new: number; match: number; invalid: number; ignored: number };
}

const FIELD_LABEL = (field: LedgerField) => t(`ledger.fields.${field}` as MessageKey);

class RowReader {
  readonly reasons: CellReason[] = [];
  constructor(
    private readonly cells: SourceCell[],
    private readonly columnOf: Map<LedgerField, number>,
  ) {}

  cell(field: LedgerField): SourceCell | undefined {
    const c = this.columnOf.get(field);
    return c === undefined ? undefined : this.cells[c];
  }

  /** Each field's text once: the rules ask for some fields several times. */
  private readonly texts = new Map<LedgerField, string | null>();

  text(field: LedgerField): string | null {
    let s = this.texts.get(field);
    if (s === undefined) {
      s = cellText(this.cell(field));
      this.texts.set(field, s);
    }
    return s;
  }

  error(field: LedgerField | null, key: MessageKey, params?: Record<string, string | number>): void {
    this.add(field, t(key, params), 'error');
  }

  add(field: LedgerField | null, message: string, level: 'error' | 'warning'): void {
    const column = field ? (this.columnOf.get(field) ?? null) : null;
    if (field && this.reasons.some((r) => r.field === field && r.level === 'error')) return;
    this.reasons.push({
      column,
      field,
      label: field ? FIELD_LABEL(field) : null,
      message,
      level,
    });
  }

  hasError(field?: LedgerField): boolean {
    return this.reasons.some((r) => r.level === 'error' && (field === undefined || r.field === field));
  }

  date(field: LedgerField): string | null {
    const cell = this.cell(field);
    if (!this.text(field)) return null;
    const read = readDate(cell as SourceCell);
    if (read.ok) return read.value;
    this.error(field, read.error);
    return null;
  }

  /** A cleaned ID number that passes the children area's check, else null with the reason. */
  idNumber(field: LedgerField, day: string): string | null {
    const cell = this.cell(field);
    if (!this.text(field)) return null;
    const read = readIdText(cell as SourceCell);
    if (read.damaged) {
      this.error(field, 'ledger.reason.idDamaged');
      return null;
    }
    const check = checkIdNumber(read.text, day);
    if (!check.ok) {
      this.error(field, check.error);
      return null;
    }
    return check.info.normalized;
  }
}

const CHILD_TEXT: ChildField[] = [
  'ethnicity',
  'householdAddress',
  'currentAddress',
  'village',
  'school',
  'grade',
  'healthNotes',
];

function readChild(r: RowReader, day: string): { draft: ChildDraft | null; idNumber: string | null } {
  const idNumber = r.idNumber('idNumber', day);
  const fromId = idNumber ? checkIdNumber(idNumber, day) : null;
  const info = fromId?.ok ? fromId.info : null;

  let birthDate = r.date('birthDate');
  if (!birthDate && !r.hasError('birthDate') && info) birthDate = info.birthDate;

  const genderText = r.text('gender');
  let gender = genderText ? readGender(genderText) : null;
  if (genderText && !gender) r.error('gender', 'ledger.reason.genderUnknown', { value: genderText });
  if (!genderText && info) gender = info.gender;

  const townshipText = r.text('township');
  const township = townshipText ? readTownship(townshipText) : null;
  if (townshipText && !township)
    r.error('township', 'ledger.reason.townshipUnknown', { value: townshipText });

  const fields: Record<string, unknown> = {
    name: r.text('name') ?? '',
    gender: gender ?? undefined,
    birthDate: birthDate ?? undefined,
    idNumber,
    township: township ?? undefined,
  };
  for (const f of CHILD_TEXT) fields[f] = r.text(f);

  const parsed = childCreateInput.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as LedgerField;
      if (!r.hasError(field)) r.add(field || null, issue.message, 'error');
    }
    return { draft: null, idNumber };
  }
  const draft = parsed.data;
  if (draft.birthDate > day) r.error('birthDate', 'errors.dateInFuture');
  else if (ageOn(draft.birthDate, day) >= 18) r.error('birthDate', 'validation.child.notMinor');
  return { draft: r.hasError() ? null : draft, idNumber };
}

function readParent(
  r: RowReader,
  who: 'father' | 'mother',
  day: string,
  place: string,
): RelativeDraft | null {
  const f = (suffix: string) => `${who}${suffix}` as LedgerField;
  const name = r.text(f('Name'));
  const idNumber = r.idNumber(f('IdNumber'), day);
  const facility = r.text(f('Facility'));
  const termText = r.text(f('Term'));
  const start = r.date(f('CustodyStart'));
  const release = r.date(f('Release'));
  const anything = name || idNumber || facility || termText || start || release || r.hasError(f('IdNumber'));
  if (!anything) return null;
  if (!name) {
    r.error(f('Name'), 'ledger.reason.parentNameMissing');
    return null;
  }
  const months = termText ? readTermMonths(termText) : null;
  if (termText && months === null && !/无期|死刑/.test(termText))
    r.error(f('Term'), 'ledger.reason.termUnreadable', { value: termText });

  let custody: RelativeDraft['custody'] = null;
  if (facility || termText || start || release) {
    const startDate = start ?? (release && months ? startFromTerm(release, months) : null);
    if (!startDate) {
      if (!r.hasError(f('Release')) && !r.hasError(f('CustodyStart')) && !r.hasError(f('Term')))
        r.error(
          start === null && release === null ? f('Facility') : f('Release'),
          'ledger.reason.custodyStartUnknown',
        );
    } else if (startDate > day) {
      r.error(f('CustodyStart'), 'errors.dateInFuture');
    } else if (release && release < startDate) {
      r.error(f('Release'), 'validation.custody.beforeStart');
    } else {
      custody = {
        measure: readMeasure(facility, months !== null),
        facility,
        startDate,
        expectedRelease: release,
      };
    }
  }
  const person = personInput.safeParse({ name, gender: who === 'father' ? 'male' : 'female', idNumber });
  if (!person.success) {
    r.add(f('Name'), person.error.issues[0].message, 'error');
    return null;
  }
  return {
    key: idNumber ? `id:${idNumber}` : `name:${who}:${name}:${place}`,
    name: person.data.name,
    gender: person.data.gender,
    idNumber: person.data.idNumber,
    phone: null,
    relation: who,
    isGuardian: false,
    isCaregiver: false,
    custody,
  };
}

const phoneSchema = phoneText();

function readGuardian(r: RowReader, parents: RelativeDraft[], place: string): RelativeDraft | null {
  const name = r.text('guardianName');
  const relationText = r.text('guardianRelation');
  const phoneRaw = r.text('guardianPhone');
  let phone: string | null = null;
  if (phoneRaw) {
    const p = phoneSchema.safeParse(phoneRaw.replace(/\s/g, ''));
    if (p.success) phone = p.data;
    else r.error('guardianPhone', 'validation.phone');
  }
  if (!name) {
    if (phone) r.add('guardianPhone', t('ledger.reason.phoneWithoutGuardian'), 'error');
    return null;
  }
  const { relation, gender } = relationText
    ? readRelation(relationText)
    : { relation: 'other' as Relation, gender: null };
  // The guardian is often the parent named beside them: one person, not two.
  const parent = parents.find((p) => p.name === name && (!relationText || p.relation === relation));
  if (parent) {
    parent.isGuardian = true;
    parent.isCaregiver = true;
    parent.phone = phone;
    return null;
  }
  const person = personInput.safeParse({ name, gender, phone });
  if (!person.success) {
    r.add('guardianName', person.error.issues[0].message, 'error');
    return null;
  }
  return {
    key: `name:${relation}:${name}:${place}`,
    name: person.data.name,
    gender: person.data.gender,
    idNumber: null,
    phone,
    relation,
    isGuardian: true,
    isCaregiver: true,
    custody: null,
  };
}

function isHeaderAgain(cells: SourceCell[], headerKeys: string[]): boolean {
  let same = 0;
  let filled = 0;
  cells.forEach((c, i) => {
    if (c.kind === 'empty') return;
    filled++;
    if (headerKeys[i] && headerKey(c.text) === headerKeys[i]) same++;
  });
  return filled > 0 && same >= Math.max(2, Math.ceil(filled / 2));
}

const norm = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

function differences(
  existing: ChildRow,
  draft: ChildDraft,
  relatives: RelativeDraft[],
  linked: Set<string>,
): MergeField[] {
  const out: MergeField[] = [];
  const pairs: [MergeField, unknown, unknown][] = [
    ['idNumber', draft.idNumber, existing.idNumber],
    ['ethnicity', draft.ethnicity, existing.ethnicity],
    ['householdAddress', draft.householdAddress, existing.householdAddress],
    ['currentAddress', draft.currentAddress, existing.currentAddress],
    ['township', draft.township, existing.township],
    ['village', draft.village, existing.village],
    ['school', draft.school, existing.school],
    ['grade', draft.grade, existing.grade],
    ['healthNotes', draft.healthNotes, existing.healthNotes],
  ];
  for (const [field, mine, theirs] of pairs) {
    if (norm(mine) === null || norm(mine) === norm(theirs)) continue;
    // A registered ID number is never overwritten from a ledger; only a missing one is added.
    if (field === 'idNumber' && existing.idNumber) continue;
    out.push(field);
  }
  if (relatives.some((r) => !linked.has(`${r.relation}:${r.name}`))) out.push('relatives');
  return out;
}

function linkedRelatives(ctx: Ctx, childId: string): Set<string> {
  const rows = ctx.db
    .select({ relation: childRelations.relation, name: persons.name })
    .from(childRelations)
    .innerJoin(persons, eq(persons.id, childRelations.personId))
    .where(and(eq(childRelations.childId, childId), isNull(childRelations.deletedAt)))
    .all();
  return new Set(rows.map((r) => `${r.relation}:${r.name}`));
}

/** Plans every row below `headerRow` under the column mapping, in chunks between steps. Reads only. */
export async function planImport(
  ctx: Ctx,
  sheet: { name: string; rows: SourceCell[][] },
  headerRow: number,
  columns: (LedgerField | null)[],
  step?: Step,
): Promise<Plan> {
  if (headerRow >= sheet.rows.length) throw new ApiError('VALIDATION', t('ledger.error.headerRow'));
  if (!columns.includes('name')) throw new ApiError('VALIDATION', t('ledger.error.nameUnmapped'));
  const day = today(ctx);
  const columnOf = new Map<LedgerField, number>();
  columns.forEach((f, i) => {
    if (f && !columnOf.has(f)) columnOf.set(f, i);
  });
  const header = sheet.rows[headerRow];
  const headerKeys = header.map((c) => (c.kind === 'empty' ? '' : headerKey(c.text)));
  const seen = new Map<string, number>();
  const pinyinOf = new Map<string, string>();
  const rows: PlannedRow[] = [];
  const total = sheet.rows.length - headerRow - 1;

  // Rows waiting for the duplicate guard: asked for a chunk at a time (findDuplicatesMany),
  // each row keeping its place in `rows`.
  let pending: { at: number; draft: ChildDraft; guardian: RelativeDraft | null }[] = [];
  const guard = () => {
    const found = findDuplicatesMany(
      ctx,
      pending.map(({ at, draft, guardian }) => ({
        name: draft.name,
        birthDate: draft.birthDate,
        idNumber: draft.idNumber,
        guardianNames: guardian ? [guardian.name] : [],
        // Worked out once for the row (its pinyin is the guard's and the insert's).
        namePinyin: draft.name === draft.name.trim() ? (rows[at].pinyin ?? undefined) : undefined,
      })),
    );
    pending.forEach(({ at, draft }, n) => {
      const candidates = found[n];
      if (candidates.length === 0) return;
      const planned = rows[at];
      const best = candidates.find((c) => c.reasons.includes('sameIdNumber')) ?? candidates[0];
      const existing = loadChild(ctx, best.id);
      rows[at] = {
        ...planned,
        status: 'match',
        match: {
          childId: best.id,
          name: best.name,
          birthDate: best.birthDate,
          idNumberMasked: best.idNumberMasked,
          township: best.township,
          reasons: best.reasons,
          byId: best.reasons.includes('sameIdNumber'),
        },
        differs: differences(existing, draft, planned.relativesDraft, linkedRelatives(ctx, best.id)),
      };
    });
    pending = [];
  };

  for (let i = headerRow + 1; i < sheet.rows.length; i++) {
    const done = i - headerRow - 1;
    if (done > 0 && done % CHUNK_ROWS === 0) {
      guard();
      if (step) await step(done, total);
    }
    const cells = sheet.rows[i];
    const rowNumber = i + 1;
    const base: PlannedRow = {
      row: rowNumber,
      status: 'ignored',
      reasons: [],
      name: null,
      birthDate: null,
      idNumberMasked: null,
      township: null,
      relatives: 0,
      match: null,
      differs: [],
      cells,
      child: null,
      pinyin: null,
      relativesDraft: [],
    };
    const filled = cells.filter((c) => c.kind !== 'empty');
    if (filled.length === 0) {
      rows.push({
        ...base,
        reasons: [
          { column: null, field: null, label: null, message: t('ledger.reason.blank'), level: 'error' },
        ],
      });
      continue;
    }
    if (isHeaderAgain(cells, headerKeys)) {
      rows.push({
        ...base,
        reasons: [
          { column: null, field: null, label: null, message: t('ledger.reason.header'), level: 'error' },
        ],
      });
      continue;
    }
    const r = new RowReader(cells, columnOf);
    const name = r.text('name');
    // A note across the row (merged, so every cell reads the same) or a lone remark without a name.
    const distinct = new Set(filled.map((c) => c.text.trim())).size;
    if ((distinct === 1 && filled.length > 1) || (!name && distinct <= 1)) {
      rows.push({
        ...base,
        reasons: [
          { column: null, field: null, label: null, message: t('ledger.reason.note'), level: 'error' },
        ],
      });
      continue;
    }
    const { draft, idNumber } = readChild(r, day);
    const place = `${r.text('township') ?? ''}|${r.text('village') ?? ''}`;
    const parents = [readParent(r, 'father', day, place), readParent(r, 'mother', day, place)].filter(
      (p): p is RelativeDraft => p !== null,
    );
    const guardian = readGuardian(r, parents, place);
    const relativesDraft = guardian ? [...parents, guardian] : parents;
    const planned: PlannedRow = {
      ...base,
      name,
      birthDate: draft?.birthDate ?? null,
      idNumberMasked: maskIdNumber(idNumber),
      township: draft?.township ?? null,
      relatives: relativesDraft.length,
      child: draft,
      relativesDraft,
      reasons: r.reasons,
    };

    if (draft && !r.hasError()) {
      // A ledger names many children alike (siblings' surnames, common names): each name once.
      let pinyin = pinyinOf.get(draft.name);
      if (pinyin === undefined) {
        pinyin = pinyinKey(draft.name);
        pinyinOf.set(draft.name, pinyin);
      }
      planned.pinyin = pinyin;
      const keys = [
        draft.idNumber ? `id:${draft.idNumber}` : null,
        `nb:${draft.name}:${draft.birthDate}`,
        `pb:${planned.pinyin}:${draft.birthDate}`,
      ].filter((k): k is string => k !== null);
      const earlier = keys.map((k) => seen.get(k)).find((v) => v !== undefined);
      if (earlier !== undefined) {
        r.error(null, 'ledger.reason.sameAsRow', { row: earlier });
      } else {
        for (const k of keys) seen.set(k, rowNumber);
      }
    }
    if (!draft || r.hasError()) {
      rows.push({ ...planned, status: 'invalid', child: null });
      continue;
    }
    // New unless the guard finds a match (guard() replaces the row then).
    pending.push({ at: rows.length, draft, guardian });
    rows.push({ ...planned, status: 'new' });
  }
  guard();
  const counts = { rows: rows.length, new: 0, match: 0, invalid: 0, ignored: 0 };
  for (const row of rows) counts[row.status]++;
  return {
    sheet: sheet.name,
    headers: header.map((c) => c.text),
    rows,
    counts,
  };
}

export function previewRow(row: PlannedRow): PreviewRow {
  const { cells: _c, child: _d, pinyin: _p, relativesDraft: _r, ...view } = row;
  return view;
}

export interface SkippedRow {
  row: number;
  reason: string;
}

export interface ApplyOutcome {
  imported: number;
  merged: number;
  skipped: SkippedRow[];
  childIds: string[];
}

type Stmt = import('better-sqlite3').Statement;

/**
 * The import's writes as statements prepared once: a 10,000-row ledger is 10,000 children
 * and their relatives in one transaction. The rows were planned by the children area's own
 * rules (its input schema, the age and date checks, the duplicate guard) in this same
 * transaction, so what `createChild` would check again here has already been checked.
 */
class ImportWriter {
  private readonly byKey = new Map<string, string>();
  /** The new children's search keys, written sorted after the rows (flushKeys). */
  private keys: SearchKeyRow[] = [];
  /** The schools and villages already made findable by this import (search_places). */
  private readonly places = new Set<string>();
  /** The audit rows of the import, in order, chained in one pass at the end (flushAudit). */
  private audits: AuditEntry[] = [];
  private readonly s: Record<string, Stmt>;
  private readonly stamp: { now: number; by: string };
  /** The children this import created, whose statistics cells are added at the end (finish). */
  private readonly created: string[] = [];
  /**
   * The children the insert triggers set aside would have marked stale since the last step
   * (reminders/due.ts), and the persons given a custody record (their children are marked).
   */
  private readonly stale = new Set<string>();
  private readonly custodyOf = new Set<string>();
  private readonly restore: { cells: ((ids: readonly string[]) => void) | null; marks: () => void };

  constructor(private readonly ctx: Ctx) {
    const raw = ctx.raw;
    this.stamp = { now: ctx.clock.now(), by: ctx.user.id };
    this.s = {
      child:
        raw.prepare(`INSERT INTO children (id, name, name_pinyin, gender, birth_date, id_number, ethnicity,
        household_address, current_address, township, village, school, grade, health_notes, categories,
        caregiver_person_id, risk_level, needs, status, owner_id, created_at, updated_at, created_by, updated_by, version)
        VALUES (@id, @name, @namePinyin, @gender, @birthDate, @idNumber, @ethnicity, @householdAddress, @currentAddress,
        @township, @village, @school, @grade, @healthNotes, '[]', @caregiver, 'green', '{}', 'active', @by, @now, @now, @by, @by, 1)`),
      key: raw.prepare(
        `INSERT OR IGNORE INTO child_search_keys (key, name_pinyin, name, child_id) VALUES ${KEY_VALUES}`,
      ),
      keyOne: raw.prepare(
        'INSERT OR IGNORE INTO child_search_keys (key, name_pinyin, name, child_id) VALUES (?, ?, ?, ?)',
      ),
      personById: raw.prepare('SELECT id FROM persons WHERE id_number = ? AND deleted_at IS NULL'),
      person:
        raw.prepare(`INSERT INTO persons (id, name, gender, id_number, phone, severe_disability, severe_illness,
        created_at, updated_at, created_by, updated_by, version) VALUES (@id, @name, @gender, @idNumber, @phone, 0, 0, @now, @now, @by, @by, 1)`),
      linked: raw.prepare(
        'SELECT person_id AS p FROM child_relations WHERE child_id = ? AND deleted_at IS NULL',
      ),
      relation:
        raw.prepare(`INSERT INTO child_relations (id, child_id, person_id, relation, is_guardian, is_caregiver,
        created_at, updated_at, created_by, updated_by, version) VALUES (@id, @childId, @personId, @relation, @isGuardian, @isCaregiver, @now, @now, @by, @by, 1)`),
      hasCustody: raw.prepare(
        'SELECT 1 FROM custody_records WHERE person_id = ? AND start_date = ? AND deleted_at IS NULL',
      ),
      custody:
        raw.prepare(`INSERT INTO custody_records (id, person_id, measure, facility, start_date, expected_release,
        created_at, updated_at, created_by, updated_by, version) VALUES (@id, @personId, @measure, @facility, @startDate, @expectedRelease, @now, @now, @by, @by, 1)`),
      caregiver: raw.prepare(
        'UPDATE children SET caregiver_person_id = ? WHERE id = ? AND caregiver_person_id IS NULL',
      ),
    };
    // Per-row trigger work set aside for the length of the import: it was a third of every
    // child's insert. The statements above are prepared again by SQLite after this schema change.
    this.restore = {
      cells: setAsideChildInserts(raw)?.restore ?? null,
      marks: setAsideInsertMarks(raw, MARKED),
    };
  }

  /** The stale marks gathered since the last call, for the refresh at the next step. */
  flushMarks(): void {
    markDirty(this.ctx.raw, [...this.stale], [...this.custodyOf]);
    this.stale.clear();
    this.custodyOf.clear();
  }

  /** The triggers back, with the new children's statistics cells added once for all of them. */
  finish(): void {
    this.flushMarks();
    this.restore.cells?.(this.created);
    this.restore.marks();
  }

  /** The person for a ledger relative: this import's, an existing one with the same ID number, or new. */
  personFor(d: RelativeDraft): string {
    const known = this.byKey.get(d.key);
    if (known) return known;
    let id = d.idNumber ? (this.s.personById.get(d.idNumber) as { id: string } | undefined)?.id : undefined;
    if (!id) {
      id = newId();
      this.s.person.run({
        id,
        name: d.name,
        gender: d.gender,
        idNumber: d.idNumber,
        phone: d.phone,
        ...this.stamp,
      });
    }
    this.byKey.set(d.key, id);
    return id;
  }

  createChild(draft: ChildDraft, relatives: RelativeDraft[], pinyin: string | null): string {
    const id = newId();
    const personIds = relatives.map((r) => this.personFor(r));
    const caregiver = personIds.find((_, i) => relatives[i].isCaregiver) ?? null;
    this.s.child.run({
      id,
      name: draft.name,
      namePinyin: pinyin ?? pinyinKey(draft.name),
      gender: draft.gender,
      birthDate: draft.birthDate,
      idNumber: draft.idNumber,
      ethnicity: draft.ethnicity,
      householdAddress: draft.householdAddress,
      currentAddress: draft.currentAddress,
      township: draft.township,
      village: draft.village,
      school: draft.school,
      grade: draft.grade,
      healthNotes: draft.healthNotes,
      caregiver,
      ...this.stamp,
    });
    for (const keyRow of searchKeyRows({ ...draft, id })) this.keys.push(keyRow);
    // A ledger names the same few schools and villages on every row: each made findable once.
    for (const place of [draft.school, draft.village]) {
      if (place && !this.places.has(place)) {
        this.places.add(place);
        writePlaces(this.ctx.raw, [place]);
      }
    }
    this.created.push(id);
    this.stale.add(id);
    this.link(id, relatives, personIds, new Set(), true);
    this.audit({
      action: 'children.create',
      entity: 'child',
      entityId: id,
      detail: { source: 'ledger' },
    });
    return id;
  }

  /** Links relatives not yet linked; returns how many were added. */
  link(
    childId: string,
    relatives: RelativeDraft[],
    personIds: string[],
    skip: Set<string>,
    isNew = false,
  ): number {
    // A child created by this import has no relatives yet: no need to ask.
    const linked = new Set(isNew ? [] : (this.s.linked.all(childId) as { p: string }[]).map((r) => r.p));
    let added = 0;
    relatives.forEach((d, i) => {
      const personId = personIds[i];
      if (skip.has(`${d.relation}:${d.name}`) || linked.has(personId)) return;
      linked.add(personId);
      this.s.relation.run({
        id: newId(),
        childId,
        personId,
        relation: d.relation,
        isGuardian: d.isGuardian ? 1 : 0,
        isCaregiver: d.isCaregiver ? 1 : 0,
        ...this.stamp,
      });
      this.stale.add(childId);
      if (d.custody && !this.s.hasCustody.get(personId, d.custody.startDate)) {
        this.s.custody.run({ id: newId(), personId, ...d.custody, ...this.stamp });
        this.custodyOf.add(personId);
      }
      added++;
    });
    return added;
  }

  linkToExisting(childId: string, relatives: RelativeDraft[], skip: Set<string>): number {
    const kept = relatives.filter((r) => !skip.has(`${r.relation}:${r.name}`));
    const ids = kept.map((r) => this.personFor(r));
    const added = this.link(childId, kept, ids, new Set());
    const caregiver = ids.find((_, i) => kept[i].isCaregiver);
    if (caregiver) this.s.caregiver.run(caregiver, childId);
    return added;
  }

  audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }

  flushAudit(): void {
    this.ctx.audit.writeMany(this.audits);
    this.audits = [];
  }

  /**
   * The keys in the table's order, KEY_ROWS to a statement: each B-tree page then takes its
   * new rows in one visit instead of one random visit per key (an import's ~450,000 keys into
   * millions). A step between slices keeps the event loop answering.
   */
  async flushKeys(step: () => Promise<void>): Promise<void> {
    const keys = this.keys.sort(compareKeyRows);
    this.keys = [];
    const params: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      if (i > 0 && i % KEY_SLICE === 0) await step();
      params.push(...keys[i]);
      if (params.length === KEY_ROWS * 4) {
        this.s.key.run(params);
        params.length = 0;
      }
    }
    for (let i = 0; i < params.length; i += 4) this.s.keyOne.run(params.slice(i, i + 4));
  }
}

type SearchKeyRow = ReturnType<typeof searchKeyRows>[number];

/**
 * The insert triggers of the stored reminders the writer stands in for (ImportWriter.stale):
 * a new person is named by no relation yet, so its own trigger would mark no one.
 */
const MARKED: MarkedTable[] = ['children', 'persons', 'child_relations', 'custody_records'];

/** Rows of a multi-row key insert, and keys between two steps (~100 ms at 100,000 children). */
const KEY_ROWS = 200;
const KEY_SLICE = 5_000;
const KEY_VALUES = Array(KEY_ROWS).fill('(?, ?, ?, ?)').join(', ');

/**
 * The key table's primary-key order. JS compares UTF-16 units, SQLite UTF-8 bytes: the same
 * order but for characters beyond the BMP, and only the locality of the inserts depends on it.
 */
function compareKeyRows(a: SearchKeyRow, b: SearchKeyRow): number {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** A reason as the skipped-rows report words it: the field, then what is wrong with it. */
export function reasonText(r: CellReason): string {
  return r.label && !r.message.startsWith(r.label) ? `${r.label}：${r.message}` : r.message;
}

/**
 * Applies a plan in the caller's transaction, in chunks between steps (the transaction stays
 * open across them). Every row ends imported, merged or skipped.
 */
export async function applyPlan(
  ctx: Ctx,
  plan: Plan,
  decisions: NonNullable<LedgerCommitInput['decisions']>,
  step?: Step,
): Promise<ApplyOutcome> {
  const out: ApplyOutcome = { imported: 0, merged: 0, skipped: [], childIds: [] };
  const writer = new ImportWriter(ctx);
  const skip = (row: PlannedRow, reason: string) => out.skipped.push({ row: row.row, reason });
  const total = plan.rows.length;
  const apply = (row: PlannedRow) => {
    if (row.status === 'ignored' || row.status === 'invalid' || !row.child) {
      skip(
        row,
        row.reasons
          .filter((r) => r.level === 'error')
          .map(reasonText)
          .join('；'),
      );
      return;
    }
    const decision = decisions[String(row.row)];
    if (row.status === 'match' && row.match) {
      const action = decision?.action ?? 'skip';
      if (action === 'merge' && decision?.fields?.length) {
        mergeInto(ctx, writer, row, decision.fields);
        out.merged++;
        out.childIds.push(row.match.childId);
        return;
      }
      if (action !== 'new' || row.match.byId) {
        skip(row, t('ledger.reason.matchSkipped', { name: row.match.name }));
        return;
      }
    }
    out.childIds.push(writer.createChild(row.child, row.relativesDraft, row.pinyin));
    out.imported++;
  };
  for (let from = 0; from < total; from += CHUNK_ROWS) {
    if (step && from > 0) {
      phase('marks', () => writer.flushMarks());
      await step(from, total);
    }
    phase('rows', () => {
      for (const row of plan.rows.slice(from, from + CHUNK_ROWS)) apply(row);
    });
  }
  phase('marks', () => writer.flushMarks());
  await phaseAsync('keys', () =>
    writer.flushKeys(async () => {
      if (step) await step(total, total);
    }),
  );
  phase('cells and triggers', () => writer.finish());
  phase('audit', () => writer.flushAudit());
  if (step) await step(total, total);
  return out;
}

function mergeInto(ctx: Ctx, writer: ImportWriter, row: PlannedRow, fields: MergeField[]): void {
  const match = row.match as MatchView;
  const draft = row.child as ChildDraft;
  const existing = loadChild(ctx, match.childId);
  const take = fields.filter((f) => row.differs.includes(f));
  const patch: Record<string, unknown> = {};
  for (const f of take) if (f !== 'relatives') patch[f] = draft[f];
  if (Object.keys(patch).length) {
    updateVersioned(ctx, children, existing.id, existing.version, {
      ...patch,
      namePinyin: pinyinKey(existing.name),
    });
    writeSearchKeys(ctx, { ...existing, ...patch });
  }
  let relatives = 0;
  if (take.includes('relatives'))
    relatives = writer.linkToExisting(existing.id, row.relativesDraft, linkedRelatives(ctx, existing.id));
  writer.audit({
    action: 'children.update',
    entity: 'child',
    entityId: existing.id,
    detail: { fields: take.filter((f) => f !== 'relatives'), relativesAdded: relatives, source: 'ledger' },
  });
}
