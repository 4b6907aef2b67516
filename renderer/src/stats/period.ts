// The page's choice of period, as the API takes it and as the print route carries it.
import type { ApiInput } from '../api/client';

export type PeriodInput = ApiInput<'stats.ledger'>['period'];

export interface PeriodChoice {
  kind: 'year' | 'quarter' | 'month' | 'custom';
  year: number;
  quarter: number;
  month: number;
  from: string | null;
  to: string | null;
}

export function defaultChoice(now = new Date()): PeriodChoice {
  return {
    kind: 'year',
    year: now.getFullYear(),
    quarter: Math.floor(now.getMonth() / 3) + 1,
    month: now.getMonth() + 1,
    from: null,
    to: null,
  };
}

/** null while a custom range is still incomplete. */
export function toInput(c: PeriodChoice): PeriodInput | null {
  switch (c.kind) {
    case 'year':
      return { kind: 'year', year: c.year };
    case 'quarter':
      return { kind: 'quarter', year: c.year, quarter: c.quarter };
    case 'month':
      return { kind: 'month', year: c.year, month: c.month };
    default:
      return c.from && c.to ? { kind: 'custom', from: c.from, to: c.to } : null;
  }
}

export function toQuery(p: PeriodInput, breakdown: string): string {
  const q = new URLSearchParams();
  q.set('kind', p.kind);
  if ('year' in p) q.set('year', String(p.year));
  if ('quarter' in p) q.set('quarter', String(p.quarter));
  if ('month' in p) q.set('month', String(p.month));
  if ('from' in p) {
    q.set('from', p.from);
    q.set('to', p.to);
  }
  q.set('breakdown', breakdown);
  return q.toString();
}

export function fromQuery(search: string): { period: PeriodInput; breakdown: 'township' | 'caseworker' } {
  const q = new URLSearchParams(search);
  const n = (k: string) => Number(q.get(k));
  const kind = q.get('kind');
  const period: PeriodInput =
    kind === 'quarter'
      ? { kind, year: n('year'), quarter: n('quarter') }
      : kind === 'month'
        ? { kind, year: n('year'), month: n('month') }
        : kind === 'custom'
          ? { kind, from: q.get('from') ?? '', to: q.get('to') ?? '' }
          : { kind: 'year', year: n('year') };
  return { period, breakdown: q.get('breakdown') === 'caseworker' ? 'caseworker' : 'township' };
}
