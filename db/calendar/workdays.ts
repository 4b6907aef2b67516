// Working days (工作日): weekends and 法定节假日 off, 调休 weekends on. The calendar is data
// (holidays.json), so a new year's schedule is added without a code change.
import calendarFile from './holidays.json';

export interface HolidayCalendar {
  years: Record<string, { holidays: string[]; workdays: string[] }>;
}

export interface WorkdayCounter {
  isWorkday(ymd: string): boolean;
  /** The date `n` working days after `from` (from itself not counted). */
  addWorkdays(from: string, n: number): { date: string; approximate: boolean };
  /** Whether the calendar knows the year of `ymd`; outside it, plain weekdays are assumed. */
  knowsYear(ymd: string): boolean;
}

function weekday(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function addDays(ymd: string, n: number): string {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(5, 7));
  const day = Number(ymd.slice(8, 10)) + n;
  // Within the same month (most calls: a day before or after) by plain arithmetic: the
  // register's progress counts and the deadline counters call this thousands of times a page.
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const last = m === 2 && leap ? 29 : MONTH_DAYS[m - 1];
  if (day >= 1 && day <= last && ymd.length === 10 && y >= 1000)
    return `${ymd.slice(0, 8)}${day < 10 ? '0' : ''}${day}`;
  return new Date(Date.UTC(y, m - 1, day)).toISOString().slice(0, 10);
}

export function workdayCounter(calendar: HolidayCalendar = calendarFile as HolidayCalendar): WorkdayCounter {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const year of Object.values(calendar.years)) {
    for (const h of year.holidays) holidays.add(h);
    for (const w of year.workdays) workdays.add(w);
  }
  const knowsYear = (ymd: string) => Object.hasOwn(calendar.years, ymd.slice(0, 4));
  const isWorkday = (ymd: string) => {
    if (workdays.has(ymd)) return true;
    if (holidays.has(ymd)) return false;
    const wd = weekday(ymd);
    return wd !== 0 && wd !== 6;
  };
  return {
    isWorkday,
    knowsYear,
    addWorkdays(from, n) {
      let date = from;
      let approximate = false;
      for (let left = n; left > 0; ) {
        date = addDays(date, 1);
        if (!knowsYear(date)) approximate = true;
        if (isWorkday(date)) left--;
      }
      return { date, approximate };
    },
  };
}

export const workdays = workdayCounter();
