// The ledger as a table: one row per township or caseworker, then the studio's total and the
// same period last year. Pure, so the page, the print view and the Excel file lay out exactly
// the same cells.
import { t } from '../i18n';
import { type Breakdown, FIGURES, type FigureDef, NO_OWNER } from './codes';
import type { Ledger } from './model';
import type { Period } from './rules';

export interface LedgerRow {
  /** township name, account id, or 'total' / 'lastYear'. */
  key: string;
  kind: 'cell' | 'total' | 'lastYear';
  label: string;
  /** One per FIGURES entry; null where the figure has no such row (a referral in a township). */
  values: (number | null)[];
}

export function cellValue(def: FigureDef, counts: Record<string, number>, key: string, breakdown: Breakdown) {
  if (breakdown === 'township' && !def.byTownship) return null;
  return counts[key] ?? 0;
}

export function ledgerRows(ledger: Ledger, breakdown: Breakdown): LedgerRow[] {
  const byKey = new Map(ledger.figures.map((f) => [f.key, f]));
  const figures = FIGURES.map((d) => ({ def: d, f: byKey.get(d.key)! }));
  const heads =
    breakdown === 'township'
      ? ledger.townships.map((name) => ({ key: name, label: name }))
      : ledger.owners.map((o) => ({
          key: o.id,
          label: o.id === NO_OWNER ? t('stats.page.noOwner') : o.name,
        }));
  const rows: LedgerRow[] = heads.map((h) => ({
    key: h.key,
    kind: 'cell',
    label: h.label,
    values: figures.map(({ def, f }) =>
      cellValue(def, breakdown === 'township' ? f.byTownship : f.byOwner, h.key, breakdown),
    ),
  }));
  rows.push({
    key: 'total',
    kind: 'total',
    label: t('stats.page.total'),
    values: figures.map(({ f }) => f.total),
  });
  rows.push({
    key: 'lastYear',
    kind: 'lastYear',
    label: t('stats.period.lastYear'),
    values: figures.map(({ f }) => f.lastYear.total),
  });
  return rows;
}

function cnDay(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return t('documents.format.date', { y, m, d });
}

/** 2026年, 2026年第一季度, 2026年3月, 2026年1月5日至2026年6月30日. */
export function periodLabel(p: Period): string {
  const year = Number(p.from.slice(0, 4));
  const month = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case 'year':
      return t('stats.period.year', { year });
    case 'quarter':
      return t('stats.period.quarter', {
        year,
        q: t('documents.format.numerals').charAt((month + 2) / 3 - 1),
      });
    case 'month':
      return t('stats.period.month', { year, month });
    default:
      return t('stats.period.custom', { from: cnDay(p.from), to: cnDay(p.to) });
  }
}

/** The full range, always with both dates: what a reader upstream checks first. */
export function periodRange(p: Period): string {
  return t('stats.period.custom', { from: cnDay(p.from), to: cnDay(p.to) });
}

/** A figure's number as the page and the print view show it: 元 with its two decimals. */
export function figureText(def: Pick<FigureDef, 'unit'>, v: number): string {
  return def.unit === 'yuan' ? v.toFixed(2) : String(v);
}

/** 本期 against 去年同期, signed, in the figure's own unit. */
export function figureChange(def: Pick<FigureDef, 'unit'>, now: number, before: number): string {
  const d = def.unit === 'yuan' ? Math.round((now - before) * 100) / 100 : now - before;
  return d > 0 ? `+${figureText(def, d)}` : figureText(def, d);
}

export function figureHead(def: FigureDef): string {
  return t('stats.excel.head', {
    name: t(`stats.figures.${def.key}.name`),
    unit: t(`stats.units.${def.unit}`),
  });
}
