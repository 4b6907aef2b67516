// Money in this area is integer 分 everywhere below the form: amounts are parsed from the text
// the caseworker typed, summed in SQL as integers, and written back as 元 with two decimals.
// No float ever holds a sum.
import { CEILING_MONTHS } from './codes';

/** "12000", "12000.5", "12,000.50" → 1200050 (分); null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const s = text.trim().replace(/[,，\s]/g, '');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const yuan = Number(m[1]);
  const fen = Number((m[2] ?? '').padEnd(2, '0'));
  return yuan * 100 + fen;
}

/** 1200050 → "12,000.50" */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** The usual ceiling in 分 for a monthly wage in whole 元. */
export function ceilingFen(monthlyWageYuan: number): number {
  return monthlyWageYuan * 100 * CEILING_MONTHS;
}

export function overCeiling(amountFen: number, monthlyWageYuan: number): boolean {
  return amountFen > ceilingFen(monthlyWageYuan);
}
