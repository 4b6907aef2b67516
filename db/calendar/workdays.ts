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

export function addDays(ymd: string, n: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
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
