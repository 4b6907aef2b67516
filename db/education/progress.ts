// A guidance plan's progress against its frequency, from its sessions. Pure, so the counts
// can be tested case by case.
import { addDays } from '../calendar/workdays';
import { addMonths } from '../children/guardianship';

export interface PlanTerms {
  startDate: string;
  endDate: string;
  sessionsPerMonth: number;
  minMinutes: number;
}

export interface PlanProgress {
  /** Monthly periods in the whole term. */
  periods: number;
  /** Sessions the whole term requires. */
  required: number;
  /** Sessions that count (at least the minimum minutes). */
  held: number;
  /** Sessions short in periods that have ended. */
  missed: number;
  /** Sessions required by the end of the current period, counting the periods before. */
  dueSoFar: number;
  /** Sessions still needed in the current period, and by when. */
  dueNow: number;
  dueBy: string | null;
  /** Sessions too short to count. */
  tooShort: number;
}

/**
 * The term is cut into months from the start date: [start, start+1m), [start+1m, start+2m)…
 * Each period requires `sessionsPerMonth` sessions of at least `minMinutes`. A period that has
 * ended with fewer counts as missed; the current one is due by its last day.
 */
export function planProgress(
  terms: PlanTerms,
  sessions: { date: string; minutes: number }[],
  today: string,
): PlanProgress {
  return progressFromCounts(terms.sessionsPerMonth, countSessions(terms, sessions), today);
}

/** A plan's sessions counted against its terms: what its progress is worked out from on any day. */
export interface SessionCounts {
  /** Each monthly period (`until` exclusive) with the sessions held in it that count. */
  periods: { from: string; until: string; held: number }[];
  /** Counting sessions within the term. */
  held: number;
  tooShort: number;
}

export function countSessions(
  terms: PlanTerms,
  sessions: { date: string; minutes: number }[],
): SessionCounts {
  const counting = sessions.filter((s) => s.minutes >= terms.minMinutes);
  return {
    periods: planPeriods(terms).map((p) => ({
      ...p,
      held: counting.filter((s) => s.date >= p.from && s.date < p.until).length,
    })),
    held: counting.filter((s) => s.date >= terms.startDate && s.date <= terms.endDate).length,
    tooShort: sessions.length - counting.length,
  };
}

/** The progress as of `today` from the counts (the register stores the counts, not the sessions). */
export function progressFromCounts(
  sessionsPerMonth: number,
  counts: SessionCounts,
  today: string,
): PlanProgress {
  let missed = 0;
  let dueSoFar = 0;
  let dueNow = 0;
  let dueBy: string | null = null;
  for (const p of counts.periods) {
    if (p.from > today) break;
    dueSoFar += sessionsPerMonth;
    const short = Math.max(0, sessionsPerMonth - p.held);
    if (p.until <= today) missed += short;
    else {
      dueNow = short;
      dueBy = short > 0 ? addDays(p.until, -1) : null;
    }
  }
  return {
    periods: counts.periods.length,
    required: counts.periods.length * sessionsPerMonth,
    held: counts.held,
    missed,
    dueSoFar,
    dueNow,
    dueBy,
    tooShort: counts.tooShort,
  };
}

/**
 * The term's monthly periods, `until` exclusive. Each period's start is the month after the start
 * date's i-th (not the previous period's end plus a month, which would drift from the 31st to the
 * 28th); the last one stops at the end date. The board's reminders cut the same periods.
 */
export function planPeriods(
  terms: Pick<PlanTerms, 'startDate' | 'endDate'>,
): { from: string; until: string }[] {
  const periods: { from: string; until: string }[] = [];
  let from = terms.startDate;
  for (let i = 1; from <= terms.endDate; i++) {
    const next = addMonths(terms.startDate, i);
    periods.push({ from, until: next > terms.endDate ? addDays(terms.endDate, 1) : next });
    from = next;
  }
  return periods;
}
