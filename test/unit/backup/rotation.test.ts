import { describe, expect, it } from 'vitest';
import { backupsToKeep, weekKey } from '../../../db/backup/rotation';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
const item = (y: number, m: number, d: number, h = 12) => ({
  name: `${y}-${m}-${d}-${h}`,
  createdAt: at(y, m, d, h),
});

describe('backup rotation', () => {
  it('weeks start on Monday', () => {
    expect(weekKey(at(2026, 7, 12))).toBe('2026-07-06'); // Sunday
    expect(weekKey(at(2026, 7, 13))).toBe('2026-07-13'); // Monday
  });

  it('keeps the newest backup of each of the last days, weeks and months, and nothing else', () => {
    const items = [
      item(2026, 7, 15, 18),
      item(2026, 7, 15, 9),
      item(2026, 7, 14),
      item(2026, 7, 10),
      item(2026, 7, 8),
      item(2026, 6, 30),
      item(2026, 6, 2),
      item(2026, 5, 20),
    ];
    const keep = backupsToKeep(items, { daily: 2, weekly: 2, monthly: 2 });
    expect([...keep].sort()).toEqual(['2026-6-30-12', '2026-7-10-12', '2026-7-14-12', '2026-7-15-18']);
  });

  it('with the defaults keeps a week of days even when backups are sparse', () => {
    const items = Array.from({ length: 30 }, (_, i) => item(2026, 3, 1 + i));
    const keep = backupsToKeep(items, { daily: 7, weekly: 4, monthly: 12 });
    // The last 7 days (24–30 March); the newest of the 4 latest weeks (Monday 30 March: the
    // 30th; 23 March: the 29th; 16 March: the 22nd; 9 March: the 15th); the newest of March.
    const days = [15, 22, 24, 25, 26, 27, 28, 29, 30];
    expect([...keep].sort()).toEqual(days.map((d) => `2026-3-${d}-12`).sort());
  });

  it('always keeps the newest backup', () => {
    expect([...backupsToKeep([item(2026, 1, 1)], { daily: 1, weekly: 0, monthly: 0 })]).toEqual([
      '2026-1-1-12',
    ]);
  });
});
