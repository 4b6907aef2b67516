// Reads the State Council notice (国务院办公厅关于部分节假日安排的通知) as a caseworker pastes it:
//   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//   二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
// Each festival's clause gives its ranges (至 may omit the month, or cross into the next month or year) and
// the weekends worked instead (上班). The weekday in brackets is checked against the date, which catches a
// notice pasted under the wrong year; 共N天 is checked against the range.
import { t } from '../i18n';
import { addDays } from './workdays';

export interface FestivalRange {
  from: string;
  to: string;
}

/** One festival as the notice lists it (国庆节、中秋节 may be one). */
export interface Festival {
  name: string;
  ranges: FestivalRange[];
  /** 调休上班日: the weekends worked to make the break longer. */
  workdays: string[];
}

export interface ParsedNotice {
  festivals: Festival[];
  /** In Chinese, one per problem; the dates are not to be saved while there is any. */
  problems: string[];
}

const WEEKDAY_CHARS = '日一二三四五六';
const CONNECTOR = /^\s*(?:至|到|—+|－|-|~|～)\s*$/;
// [year年][month月]day日[（农历…、周X）]. The year and month are optional after 至 and in a list.
const DATE_TOKEN = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*[（(]([^）)]*)[）)])?/g;
// A festival heading: optional 一、, then the name, then a colon. The name may join two (国庆节、中秋节).
const HEADING =
  /(?:^|[\s。；;])(?:[一二三四五六七八九十]+\s*[、.．]\s*)?([\p{Script=Han}]{2,6}(?:[、和与][\p{Script=Han}]{2,6})*)\s*[：:]/gu;

function toAscii(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function ymd(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function rangeDays({ from, to }: FestivalRange): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

interface Token {
  date: string | null;
  text: string;
  start: number;
  end: number;
}

/** The date tokens of one clause, each resolved against the one before it (至3日 keeps the month). */
function tokens(clause: string, year: number, problems: string[], weekdays: string[]): Token[] {
  const out: Token[] = [];
  let cur: { y: number; m: number | null } = { y: year, m: null };
  for (const match of clause.matchAll(DATE_TOKEN)) {
    const [text, ys, ms, ds, note] = match;
    let y = ys ? Number(ys) : cur.y;
    const m = ms ? Number(ms) : cur.m;
    if (m === null) {
      problems.push(t('calendar.parse.noMonth', { text }));
      out.push({ date: null, text, start: match.index, end: match.index + text.length });
      continue;
    }
    // 12月31日至1月2日: a later month smaller than the one before is the next year.
    if (!ys && ms && cur.m !== null && m < cur.m) y += 1;
    const date = ymd(y, m, Number(ds));
    if (!date) problems.push(t('calendar.parse.badDate', { text }));
    const written = note?.match(/(?:周|星期|礼拜)([一二三四五六日天])/)?.[1];
    if (date && written) {
      const actual = weekdayOf(date);
      const expected = WEEKDAY_CHARS.indexOf(written === '天' ? '日' : written);
      if (actual !== expected) {
        weekdays.push(
          t('calendar.parse.weekday', {
            date,
            actual: WEEKDAY_CHARS[actual],
            written: WEEKDAY_CHARS[expected],
          }),
        );
      }
    }
    cur = { y, m };
    out.push({ date, text, start: match.index, end: match.index + text.length });
  }
  return out;
}

function span(r: FestivalRange): number {
  return rangeDays(r).length;
}

/** Splits the notice into festivals at each heading; text before the first heading is the preamble. */
function sections(text: string): { name: string; body: string }[] {
  const heads = [...text.matchAll(HEADING)];
  if (heads.length === 0) return [{ name: '', body: text }];
  return heads.map((h, i) => ({
    name: h[1],
    body: text.slice(h.index + h[0].length, i + 1 < heads.length ? heads[i + 1].index : undefined),
  }));
}

export function parseNotice(raw: string, year: number): ParsedNotice {
  const text = toAscii(raw);
  const problems: string[] = [];
  // The title (关于2026年部分节假日安排), the preamble (现将2026年元旦、春节…) or a year alone on a line.
  const otherYear = [
    ...text.matchAll(/(\d{4})\s*年\s*(?:元旦|春节|清明|劳动|端午|中秋|国庆|部分节假日|节假日)/g),
    ...text.matchAll(/^\s*(\d{4})\s*年\s*$/gm),
  ]
    .map((m) => Number(m[1]))
    .find((y) => y !== year);
  if (otherYear) problems.push(t('calendar.parse.otherYear', { written: otherYear, year }));

  const festivals: Festival[] = [];
  const weekdays: string[] = [];
  for (const { name, body } of sections(text)) {
    const festival: Festival = { name, ranges: [], workdays: [] };
    let lastRange: FestivalRange | null = null;
    // A clause is one statement: "1月1日至3日放假", "共3天", "1月4日（周日）上班".
    for (const clause of body.split(/[，,。；;\n]/)) {
      if (!clause.trim()) continue;
      const found = tokens(clause, year, problems, weekdays);
      const count = clause.match(/共\s*(\d+)\s*天/) ?? clause.match(/放假\s*(\d+)\s*天/);
      const isWork = /上班/.test(clause);
      const isOff = /放假|休息|休假/.test(clause);
      if (found.length === 0) {
        if (count && lastRange) {
          const actual = span(lastRange);
          if (actual !== Number(count[1])) {
            problems.push(
              t('calendar.parse.count', {
                name,
                from: lastRange.from,
                to: lastRange.to,
                actual,
                written: count[1],
              }),
            );
          }
        }
        continue;
      }
      if (isWork && !isOff) {
        for (const tk of found) if (tk.date) festival.workdays.push(tk.date);
        continue;
      }
      const ranged = found.some((tk, i) => i > 0 && CONNECTOR.test(clause.slice(found[i - 1].end, tk.start)));
      if (!isOff && !ranged) {
        problems.push(t('calendar.parse.unclear', { text: clause.trim() }));
        continue;
      }
      for (let i = 0; i < found.length; i++) {
        const a = found[i];
        const b = found[i + 1];
        if (b && CONNECTOR.test(clause.slice(a.end, b.start))) {
          if (a.date && b.date) {
            lastRange = { from: a.date, to: b.date };
            festival.ranges.push(lastRange);
          }
          i++;
        } else if (a.date) {
          lastRange = { from: a.date, to: a.date };
          festival.ranges.push(lastRange);
        }
      }
      if (count && lastRange && span(lastRange) !== Number(count[1])) {
        problems.push(
          t('calendar.parse.count', {
            name,
            from: lastRange.from,
            to: lastRange.to,
            actual: span(lastRange),
            written: count[1],
          }),
        );
      }
    }
    if (festival.ranges.length > 0 || festival.workdays.length > 0) festivals.push(festival);
  }
  // Many weekdays wrong means another year's notice: one message says so, not one per date.
  if (otherYear === undefined) {
    if (weekdays.length > 2) problems.push(t('calendar.parse.weekdays', { count: weekdays.length, year }));
    else problems.push(...weekdays);
  }
  if (festivals.length === 0 && problems.length === 0) problems.push(t('calendar.parse.noDates'));
  return { festivals, problems };
}
