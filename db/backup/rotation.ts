// Which backups a folder keeps: grandfather-father-son by local calendar. The newest backup
// of each of the last `daily` days that have one, of each of the last `weekly` weeks
// (Monday to Sunday), and of each of the last `monthly` months; the newest of all always.
import { localDate } from '../common/dates';

export interface Retention {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: Retention = { daily: 7, weekly: 4, monthly: 12 };

/** The Monday of the local week of an instant, as YYYY-MM-DD. */
export function weekKey(epochMs: number): string {
  const d = new Date(epochMs);
  const back = (d.getDay() + 6) % 7;
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - back, 12);
  return localDate(monday.getTime());
}

export function monthKey(epochMs: number): string {
  return localDate(epochMs).slice(0, 7);
}

export function backupsToKeep<T extends { name: string; createdAt: number }>(
  items: readonly T[],
  keep: Retention,
): Set<string> {
  const newestFirst = [...items].sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1));
  const kept = new Set<string>();
  if (newestFirst[0]) kept.add(newestFirst[0].name);
  const bucket = (limit: number, key: (ms: number) => string) => {
    const seen = new Set<string>();
    for (const item of newestFirst) {
      const k = key(item.createdAt);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      kept.add(item.name);
    }
  };
  bucket(keep.daily, localDate);
  bucket(keep.weekly, weekKey);
  bucket(keep.monthly, monthKey);
  return kept;
}
