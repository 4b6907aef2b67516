// The print routes' addresses, built by the app and read back by the print pages, and the
// small formatting rules the documents share.
import { SUMMARY_SECTIONS, type SummarySection } from '../../../db/documents/inputs';
import { t } from '../../../db/i18n';
import { PRINT_WINDOW_QUERY } from '../../../electron/print-contract';

/**
 * Only a window the shell opened for printing has the print query (the app's own window is
 * never navigated to another query), so a reload of the app window can never land on a
 * print page and skip the sign-in that a reload demands.
 */
export function isPrintWindow(): boolean {
  const query = new URLSearchParams(window.location.search);
  const [key, value] = PRINT_WINDOW_QUERY.split('=');
  return query.get(key) === value && window.location.hash.startsWith('#/print/');
}

export interface SummaryOptions {
  sections: SummarySection[];
  from: string | null;
  to: string | null;
  partner: string;
  /** The reason for showing the full ID number; null keeps it masked. */
  fullIdReason: string | null;
  includeCharge: boolean;
  /** 附上附件原件: the listed PDFs and images follow the summary's pages in the exported file. */
  appendFiles?: boolean;
}

export function orderRoute(orderId: string): string {
  return `/print/order/${encodeURIComponent(orderId)}`;
}

export function reliefRoute(id: string): string {
  return `/print/relief/${encodeURIComponent(id)}`;
}

export function suitRoute(id: string): string {
  return `/print/suit/${encodeURIComponent(id)}`;
}

export function summaryRoute(childId: string, o: SummaryOptions): string {
  const q = new URLSearchParams();
  q.set('sections', o.sections.join(','));
  if (o.from) q.set('from', o.from);
  if (o.to) q.set('to', o.to);
  q.set('partner', o.partner);
  q.set('fullId', o.fullIdReason ? '1' : '0');
  if (o.fullIdReason) q.set('reason', o.fullIdReason);
  q.set('charge', o.includeCharge ? '1' : '0');
  if (o.appendFiles) q.set('append', '1');
  return `/print/child/${encodeURIComponent(childId)}?${q.toString()}`;
}

export function parseSummaryQuery(search: string): SummaryOptions {
  const q = new URLSearchParams(search);
  const sections = (q.get('sections') ?? '')
    .split(',')
    .filter((s): s is SummarySection => (SUMMARY_SECTIONS as readonly string[]).includes(s));
  const reason = q.get('fullId') === '1' ? q.get('reason') : null;
  return {
    sections,
    from: q.get('from') || null,
    to: q.get('to') || null,
    partner: q.get('partner') ?? '',
    fullIdReason: reason || null,
    includeCharge: q.get('charge') === '1',
    appendFiles: q.get('append') === '1',
  };
}

/** 2026年3月2日: official documents write dates in Arabic numerals without leading zeros. */
export function cnDate(ymd: string | null | undefined): string {
  if (!ymd) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) return ymd;
  return t('documents.format.date', { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
}

/** YYYY-MM-DD HH:mm in local time. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function compactDate(ms: number): string {
  return localDateTime(ms).slice(0, 10).replace(/-/g, '');
}

/**
 * 张某: a file name is seen in folders, mail attachments and USB sticks, so it never carries
 * a child's full name (未成年人保护法 art. 103).
 */
export function anonymousName(name: string): string {
  const surname = Array.from(name.trim())[0] ?? '';
  return t('documents.summary.anonymous', { surname });
}

export function summaryFileName(childName: string, at: number = Date.now()): string {
  return `${t('documents.summary.fileName', { who: anonymousName(childName), date: compactDate(at) })}.pdf`;
}

export function orderFileName(number: string | null, at: number = Date.now()): string {
  return number
    ? `${t('documents.order.fileName', { number })}.pdf`
    : `${t('documents.order.fileNameDraft', { date: compactDate(at) })}.pdf`;
}

/** 国家司法救助审批表_张某_20260302.pdf: never the child's full name. */
export function reliefFileName(childName: string, at: number = Date.now()): string {
  return `${t('relief.document.fileName', { who: anonymousName(childName), date: compactDate(at) })}.pdf`;
}

export function suitFileName(number: string | null, at: number = Date.now()): string {
  return number
    ? `${t('suits.document.fileName', { number })}.pdf`
    : `${t('suits.document.fileNameDraft', { date: compactDate(at) })}.pdf`;
}
