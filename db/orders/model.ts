// What other areas need of the orders (督促监护令): never reached through handlers.ts.
import { t } from '../i18n';

/** `{代字}〔{年}〕{序号}号`, e.g. 济阳检未督监〔2026〕3号. */
export function orderNumber(prefix: string, year: number, seq: number): string {
  return t('codes.orderNumber', { prefix, year, seq });
}
