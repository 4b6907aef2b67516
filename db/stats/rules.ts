// Periods of the 台账: pure calendar rules, shared by the core and the page.
import type { PeriodKind } from './codes';

export interface Period {
  kind: PeriodKind;
  /** YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
  };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
  };
}

/**
 * The same period one year earlier (同期). 29 February becomes 28 February; a month, quarter
 * or year stays whole.
 */
export function lastYear(p: Period): Period {
  const shift = (ymd: string, end: boolean) => {
    const [y, m, d] = ymd.split('-').map(Number);
    const day = end && d === lastDay(y, m) ? lastDay(y - 1, m) : Math.min(d, lastDay(y - 1, m));
    return `${y - 1}-${pad(m)}-${pad(day)}`;
  };
  return { kind: p.kind, from: shift(p.from, false), to: shift(p.to, true) };
}

/** The months a period touches, as YYYY-MM, for the monthly trend. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.from.split('-').map(Number);
  const [ty, tm] = p.to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${pad(m)}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Local-time instants bounding the period: [start of its first day, start of the day after its last). */
export function periodInstants(p: Period): { fromMs: number; endMs: number } {
  const [fy, fm, fd] = p.from.split('-').map(Number);
  const [ty, tm, td] = p.to.split('-').map(Number);
  return { fromMs: new Date(fy, fm - 1, fd).getTime(), endMs: new Date(ty, tm - 1, td + 1).getTime() };
}
