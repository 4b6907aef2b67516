// The one way to the working-day calendar: holidays.json overlaid with the years administrators
// entered. Deadlines are counted on every referral write and view, so the merged counter is built
// once per connection and dropped when a year is saved.
import { asc, eq } from 'drizzle-orm';
import type { ReadCtx } from '../api/define';
import { today } from '../children/model';
import { type CalendarSource, REMIND_FROM_DAY } from './codes';
import calendarFile from './holidays.json';
import { calendarYears, deadlineMoves } from './schema';
import { type HolidayCalendar, type WorkdayCounter, workdayCounter } from './workdays';

const SHIPPED = calendarFile as HolidayCalendar;

interface Cached {
  calendar: HolidayCalendar;
  sources: Record<string, CalendarSource>;
  counter: WorkdayCounter;
}

const cache = new WeakMap<object, Cached>();

function load(ctx: Pick<ReadCtx, 'db'>): Cached {
  const years: HolidayCalendar['years'] = { ...SHIPPED.years };
  const sources: Record<string, CalendarSource> = {};
  for (const y of Object.keys(years)) sources[y] = 'shipped';
  for (const row of ctx.db.select().from(calendarYears).orderBy(asc(calendarYears.year)).all()) {
    if (row.deletedAt !== null) continue;
    years[String(row.year)] = { holidays: row.holidays, workdays: row.workdays };
    sources[String(row.year)] = row.source;
  }
  const calendar = { years };
  return { calendar, sources, counter: workdayCounter(calendar) };
}

function cached(ctx: Pick<ReadCtx, 'db' | 'raw'>): Cached {
  let c = cache.get(ctx.raw);
  if (!c) {
    c = load(ctx);
    cache.set(ctx.raw, c);
  }
  return c;
}

/** The working-day counter every deadline is computed with. */
export function workdaysOf(ctx: Pick<ReadCtx, 'db' | 'raw'>): WorkdayCounter {
  return cached(ctx).counter;
}

/** The merged calendar (for the renderer's own previews) and where each year came from. */
export function calendarOf(ctx: Pick<ReadCtx, 'db' | 'raw'>): {
  calendar: HolidayCalendar;
  sources: Record<string, CalendarSource>;
} {
  const { calendar, sources } = cached(ctx);
  return { calendar, sources };
}

/**
 * Builds the counter from what the database says now, without caching it: a save counts the
 * deadlines it moves with this inside its transaction, and a rollback must not leave it behind.
 */
export function freshWorkdays(ctx: Pick<ReadCtx, 'db'>): WorkdayCounter {
  return load(ctx).counter;
}

/** Called by every write to calendar_years, so the next deadline is counted with it. */
export function invalidateCalendar(ctx: Pick<ReadCtx, 'raw'>): void {
  cache.delete(ctx.raw);
}

/** The shipped file's days of a year, or null when the app does not ship that year. */
export function shippedYear(year: number): { holidays: string[]; workdays: string[] } | null {
  return SHIPPED.years[String(year)] ?? null;
}

/** From 1 December, next year when the calendar lacks it: the reminder for administrators. */
export function missingNextYear(ctx: ReadCtx): number | null {
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  if (Number(day.slice(5, 7)) !== 12 || Number(day.slice(8, 10)) < REMIND_FROM_DAY) return null;
  return workdaysOf(ctx).knowsYear(`${year + 1}-01-01`) ? null : year + 1;
}

/** The years a span of dates touches that the calendar lacks (deadlines there count plain weekdays). */
export function missingYears(ctx: Pick<ReadCtx, 'db' | 'raw'>, ...dates: string[]): number[] {
  const counter = workdaysOf(ctx);
  const years = new Set<number>();
  const sorted = [...dates].sort();
  const from = Number(sorted[0]?.slice(0, 4));
  const to = Number(sorted[sorted.length - 1]?.slice(0, 4));
  for (let y = from; y <= to; y++) if (!counter.knowsYear(`${y}-01-01`)) years.add(y);
  return [...years];
}

export interface DeadlineMove {
  field: 'verifyDue' | 'replyDue';
  actionId: string | null;
  from: string;
  to: string;
  year: number;
  at: number;
}

/** What calendar changes did to a referral's deadlines, oldest first. */
export function deadlineMovesOf(ctx: ReadCtx, referralId: string): DeadlineMove[] {
  return ctx.db
    .select({
      field: deadlineMoves.field,
      actionId: deadlineMoves.actionId,
      from: deadlineMoves.fromDate,
      to: deadlineMoves.toDate,
      year: deadlineMoves.year,
      at: deadlineMoves.at,
    })
    .from(deadlineMoves)
    .where(eq(deadlineMoves.referralId, referralId))
    .orderBy(asc(deadlineMoves.at))
    .all();
}
