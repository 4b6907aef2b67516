// What a year's 节假日安排 must satisfy before it is saved. The State Council's notices follow
// 《全国年节及纪念日放假办法》: each festival has its statutory days off (法定假日); a statutory day on a
// weekend is made up on a weekday (补休), and any further weekday off is paid back by working a
// weekend (调休上班). So, per festival: weekdays off = statutory days + weekends worked. A weekend
// inside a range is normal (清明 4月4日（周六）至6日（周一）); what is wrong is a weekday off that no
// 调休 pays for, a statutory day lost to a weekend without 补休, or a "调休" that is not a weekend.
import { t } from '../i18n';
import { type Festival, rangeDays, weekdayOf } from './notice';

export interface RuleProblem {
  /** The input path the message belongs beside: `festivals.1.workdays`, `year`. */
  path: string;
  message: string;
}

const WEEKDAY_CHARS = '日一二三四五六';

/** 法定假日 per festival; the 2024 revision (in force 2025-01-01) added a day to 春节 and 劳动节. */
const STATUTORY: { key: string; before2025: number; from2025: number }[] = [
  { key: '元旦', before2025: 1, from2025: 1 },
  { key: '春节', before2025: 3, from2025: 4 },
  { key: '清明', before2025: 1, from2025: 1 },
  { key: '劳动', before2025: 1, from2025: 2 },
  { key: '端午', before2025: 1, from2025: 1 },
  { key: '中秋', before2025: 1, from2025: 1 },
  { key: '国庆', before2025: 3, from2025: 3 },
];

/** The statutory days of a festival by its name (国庆节、中秋节 counts both); null for a name we do not know. */
export function statutoryDays(name: string, year: number): number | null {
  const hits = STATUTORY.filter((s) => name.includes(s.key));
  if (hits.length === 0) return null;
  return hits.reduce((sum, s) => sum + (year >= 2025 ? s.from2025 : s.before2025), 0);
}

const isWeekend = (d: string) => {
  const wd = weekdayOf(d);
  return wd === 0 || wd === 6;
};

/** Whether a date may be in `year`'s notice: the year itself, or the December before (元旦 from 12月31日). */
function inNoticeYear(date: string, year: number): boolean {
  return date.startsWith(`${year}-`) || date.startsWith(`${year - 1}-12-`);
}

export function checkYear(year: number, festivals: Festival[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (festivals.every((f) => f.ranges.length === 0)) add('festivals', t('calendar.rules.empty'));

  const offBy = new Map<string, number>();
  const onDays = new Set(festivals.flatMap((f) => f.workdays));
  festivals.forEach((f, i) => {
    const at = `festivals.${i}`;
    let badRange = false;
    for (const r of f.ranges) {
      if (r.from > r.to) {
        add(`${at}.ranges`, t('calendar.rules.reversed', { from: r.from, to: r.to }));
        badRange = true;
      }
      for (const d of [r.from, r.to]) {
        if (!inNoticeYear(d, year)) {
          add(`${at}.ranges`, t('calendar.rules.outOfYear', { date: d, year }));
          badRange = true;
        }
      }
    }
    for (const d of f.workdays) {
      if (!inNoticeYear(d, year)) add(`${at}.workdays`, t('calendar.rules.outOfYear', { date: d, year }));
      else if (!isWeekend(d))
        add(
          `${at}.workdays`,
          t('calendar.rules.workdayNotWeekend', { date: d, weekday: WEEKDAY_CHARS[weekdayOf(d)] }),
        );
    }
    if (badRange) return;

    const days = [...new Set(f.ranges.flatMap(rangeDays))];
    for (const d of days) {
      const other = offBy.get(d);
      if (other !== undefined && other !== i) {
        add(
          `${at}.ranges`,
          t('calendar.rules.overlap', { name: f.name, other: festivals[other].name, date: d }),
        );
        break;
      }
      offBy.set(d, i);
    }
    // Two ranges of the same festival that share a day are an overlap too.
    const all = f.ranges.flatMap(rangeDays);
    if (all.length !== days.length) {
      const seen = new Set<string>();
      const dup = all.find((d) => seen.has(d) || !seen.add(d));
      add(`${at}.ranges`, t('calendar.rules.overlap', { name: f.name, other: f.name, date: dup ?? '' }));
    }
    for (const d of days) {
      if (onDays.has(d)) add(`${at}.ranges`, t('calendar.rules.offAndOn', { date: d }));
    }

    const off = days.filter((d) => !isWeekend(d)).length;
    const swap = f.workdays.length;
    const legal = statutoryDays(f.name, year);
    if (legal === null) {
      if (swap > 0 && off === 0) add(`${at}.workdays`, t('calendar.rules.swapWithoutOff', { name: f.name }));
    } else if (off < legal + swap) {
      add(`${at}.ranges`, t('calendar.rules.tooFewOff', { name: f.name, off, legal, swap }));
    } else if (off > legal + swap) {
      add(`${at}.workdays`, t('calendar.rules.tooManyOff', { name: f.name, off, legal, swap }));
    }
  });
  return problems;
}

/** The flat sets a year contributes to the working-day counter. */
export function flattenFestivals(festivals: Festival[]): { holidays: string[]; workdays: string[] } {
  return {
    holidays: [...new Set(festivals.flatMap((f) => f.ranges.flatMap(rangeDays)))].sort(),
    workdays: [...new Set(festivals.flatMap((f) => f.workdays))].sort(),
  };
}
