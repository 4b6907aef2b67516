// Reading a messy ledger's cells: pure functions, no database. Each returns either a value or
// the catalog key of what is wrong, so the preview can word every reason per cell.

import type { CustodyMeasure, Relation } from '../children/codes';
import { addMonths } from '../children/guardianship';
import { checkCharacter } from '../children/idNumber';
import { TOWNSHIPS } from '../children/inputs';
import { isRealDate } from '../common/dates';
import type { MessageKey } from '../i18n';
import { EMPTY_MARKS, HEADER_NAMES, LEDGER_FIELDS, type LedgerField } from './codes';

/** One cell as the file holds it: what Excel shows, and what kind of value is behind it. */
export interface SourceCell {
  text: string;
  kind: 'empty' | 'text' | 'number' | 'date';
  /** The number for `number`, epoch ms (UTC midnight) for `date`. */
  num?: number;
}

export type Read<T> =
  | { ok: true; value: T }
  | { ok: false; error: MessageKey; params?: Record<string, string> };

const EMPTY = new Set(EMPTY_MARKS);

/** Full-width digits, letters and spaces to half-width (NFKC), trimmed. */
export function halfWidth(s: string): string {
  // Most cells are printable ASCII and CJK unified ideographs only, which NFKC leaves as they
  // are (no space either): the cell as it is, without normalizing every cell of a large ledger.
  if (PLAIN.test(s)) return s;
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const PLAIN = /^[!-~\u4e00-\u9fff]*$/;

/** The cell's text, or null where the ledger says "nothing" (blank, 无, -, /). */
export function cellText(cell: SourceCell | undefined): string | null {
  if (!cell || cell.kind === 'empty') return null;
  const s = halfWidth(cell.text);
  if (!s || EMPTY.has(s.toLowerCase())) return null;
  return s;
}

/** A header as compared with the known names: half-width, no spaces, brackets or colons. */
export function headerKey(s: string): string {
  return halfWidth(s)
    .replace(/[\s()（）:：*＊]/g, '')
    .replace(/[（]/g, '(');
}

const HEADER_INDEX = new Map<string, LedgerField>();
for (const field of LEDGER_FIELDS)
  for (const name of HEADER_NAMES[field]) HEADER_INDEX.set(headerKey(name), field);

/** The field a header names, if it is one the studio's ledgers have used. */
export function fieldForHeader(header: string): LedgerField | null {
  const key = headerKey(header);
  if (!key) return null;
  return HEADER_INDEX.get(key) ?? HEADER_INDEX.get(key.replace(/\(.*$/, '')) ?? null;
}

/**
 * The header row among the first rows: the one naming the most known fields (at least two).
 * A merged title row repeats one text across its cells and so names at most one.
 */
export function detectHeaderRow(rows: SourceCell[][], scan = 30): number | null {
  let best: number | null = null;
  let bestScore = 1;
  for (let i = 0; i < Math.min(rows.length, scan); i++) {
    const score = headerScore(rows[i]);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

export function headerScore(row: SourceCell[]): number {
  const seen = new Set<LedgerField>();
  for (const cell of row) {
    const field = cell.kind === 'text' ? fieldForHeader(cell.text) : null;
    if (field) seen.add(field);
  }
  return seen.size;
}

/** Column → field, from the header names; a field is suggested for its first column only. */
export function suggestMapping(header: SourceCell[]): (LedgerField | null)[] {
  const used = new Set<LedgerField>();
  return header.map((cell) => {
    const field = cell.kind === 'empty' ? null : fieldForHeader(cell.text);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function ymd(y: number, m: number, d: number): Read<string> {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return isRealDate(s) ? { ok: true, value: s } : { ok: false, error: 'ledger.reason.dateInvalid' };
}

/**
 * A date in any form the ledgers use: a date cell, an Excel serial number (42067), 2015.3.4,
 * 2015/3/4, 2015-3-4, 2015年3月4日, 20150304. Anything else (2015.3, 15/3/4) is an error,
 * never a guess.
 */
export function readDate(cell: SourceCell): Read<string> {
  if (cell.kind === 'date' && cell.num !== undefined) {
    const d = new Date(cell.num);
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (cell.kind === 'number' && cell.num !== undefined) {
    const n = cell.num;
    if (Number.isInteger(n) && n >= 19000101 && n <= 21001231)
      return ymd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
    if (n >= 1 && n < 80000) {
      const d = new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000);
      return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
    return { ok: false, error: 'ledger.reason.dateUnreadable' };
  }
  const s = halfWidth(cell.text).replace(/\s/g, '');
  let m = /^(\d{4})[./\-年](\d{1,2})[./\-月](\d{1,2})日?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  return { ok: false, error: 'ledger.reason.dateUnreadable' };
}

/**
 * An ID number as typed. A number cell of 16+ digits has lost its last digits to Excel's 15
 * significant ones, and so has text in Excel's scientific form (3.70115E+17) or 18 digits
 * ending in 000 that fail the check: DAMAGED, never repaired and never stored. The rest is
 * cleaned (spaces, full-width digits, lower-case x) and left to the children area's check.
 */
export function readIdText(cell: SourceCell): { damaged: true } | { damaged: false; text: string } {
  if (cell.kind === 'number' && cell.num !== undefined && Math.abs(cell.num) >= 1e15)
    return { damaged: true };
  const s = halfWidth(cell.text).replace(/[\s-]/g, '').toUpperCase();
  if (/^\d(\.\d+)?E\+?\d+$/.test(s)) return { damaged: true };
  if (/^\d{15}000$/.test(s) && checkCharacter(s.slice(0, 17)) !== s[17]) return { damaged: true };
  return { damaged: false, text: s };
}

export function readGender(text: string): 'male' | 'female' | null {
  const s = text.replace(/性$/, '');
  if (s === '男' || s.toUpperCase() === 'M') return 'male';
  if (s === '女' || s.toUpperCase() === 'F') return 'female';
  return null;
}

const stem = (s: string) => s.replace(/(街道办事处|办事处|街道|镇|乡)$/, '');
const TOWNSHIP_BY_STEM = new Map<string, (typeof TOWNSHIPS)[number]>(TOWNSHIPS.map((t) => [stem(t), t]));

/** 仁风 / 仁风镇 / 济阳街道办事处 → the app's township name; null when it is none of 济阳区's. */
export function readTownship(text: string): (typeof TOWNSHIPS)[number] | null {
  const s = text.replace(/\s/g, '').replace(/^(济南市)?济阳(区|县)(?=.)/, '');
  return (TOWNSHIPS as readonly string[]).includes(s)
    ? (s as (typeof TOWNSHIPS)[number])
    : (TOWNSHIP_BY_STEM.get(stem(s)) ?? null);
}

const RELATION_WORDS: [RegExp, Relation, 'male' | 'female' | null][] = [
  [/^(父亲|父|爸爸)$/, 'father', 'male'],
  [/^(母亲|母|妈妈)$/, 'mother', 'female'],
  [/^(外祖父|外公|姥爷)$/, 'maternalGrandparent', 'male'],
  [/^(外祖母|外婆|姥姥)$/, 'maternalGrandparent', 'female'],
  [/^(祖父|爷爷)$/, 'grandparent', 'male'],
  [/^(祖母|奶奶)$/, 'grandparent', 'female'],
  [/^(祖父母|爷爷奶奶)$/, 'grandparent', null],
  [/^(外祖父母|姥姥姥爷)$/, 'maternalGrandparent', null],
  [/^(哥哥|兄|兄长)$/, 'sibling', 'male'],
  [/^(姐姐|姐)$/, 'sibling', 'female'],
  [/^(叔叔|伯父|伯伯|舅舅|姑父|姨父|叔父)$/, 'otherRelative', 'male'],
  [/^(婶婶|伯母|舅妈|姑姑|姨妈|小姨|大姨|姑妈)$/, 'otherRelative', 'female'],
];

/** 爷爷 → grandparent (male); anything unknown is 其他 so nothing typed is dropped. */
export function readRelation(text: string): { relation: Relation; gender: 'male' | 'female' | null } {
  for (const [re, relation, gender] of RELATION_WORDS) if (re.test(text)) return { relation, gender };
  return { relation: 'other', gender: null };
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
  return s.length === 1 && s in CN_DIGITS ? CN_DIGITS[s] : null;
}

/** 有期徒刑3年6个月 / 三年 / 8个月 → months; null for 无期 or anything else. */
export function readTermMonths(text: string): number | null {
  const s = text.replace(/\s/g, '').replace(/^(有期徒刑|拘役|判处|刑期)/, '');
  const m = /^(?:([\d一二两三四五六七八九十]+)年)?(?:([\d一二两三四五六七八九十]+)个?月)?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const years = m[1] ? cnNumber(m[1]) : 0;
  const months = m[2] ? cnNumber(m[2]) : 0;
  if (years === null || months === null) return null;
  const total = years * 12 + months;
  return total > 0 ? total : null;
}

/** The measure a ledger's words imply: a term or a prison is a sentence being served. */
export function readMeasure(facility: string | null, hasTerm: boolean): CustodyMeasure {
  if (facility && /戒毒/.test(facility)) return 'compulsoryRehab';
  if (hasTerm || (facility && /监狱/.test(facility))) return 'sentence';
  return 'otherRestriction';
}

/** The start of a sentence from its term and expected release: release minus the term. */
export function startFromTerm(release: string, months: number): string {
  return addMonths(release, -months);
}
