import { describe, expect, it } from 'vitest';
import { ledgerInput } from '../../../db/stats/inputs';
import { lastYear, monthPeriod, monthsOf, quarterPeriod, yearPeriod } from '../../../db/stats/rules';
import { periodLabel } from '../../../db/stats/table';

describe('统计期间', () => {
  it('resolves a month, a quarter and a year to whole calendar ranges', () => {
    expect(monthPeriod(2024, 2)).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(quarterPeriod(2026, 4)).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(yearPeriod(2026)).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });

  it('puts 同期 on the same dates a year earlier, a whole month staying whole', () => {
    expect(lastYear(monthPeriod(2024, 2))).toEqual({ kind: 'month', from: '2023-02-01', to: '2023-02-28' });
    expect(lastYear(monthPeriod(2025, 2))).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(lastYear({ kind: 'custom', from: '2024-02-29', to: '2024-03-15' })).toEqual({
      kind: 'custom',
      from: '2023-02-28',
      to: '2023-03-15',
    });
  });

  it('lists the months of a range across a new year', () => {
    expect(monthsOf({ kind: 'custom', from: '2025-11-20', to: '2026-02-03' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('names the period as the studio writes it', () => {
    expect(periodLabel(quarterPeriod(2026, 1))).toBe('2026年第一季度');
    expect(periodLabel(monthPeriod(2026, 3))).toBe('2026年3月');
    expect(periodLabel({ kind: 'custom', from: '2026-01-05', to: '2026-06-30' })).toBe(
      '2026年1月5日至2026年6月30日',
    );
  });

  it('refuses a reversed range, a month 13 and a range longer than five years, in Chinese', () => {
    const fields = (period: unknown) =>
      ledgerInput.safeParse({ period }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(fields({ kind: 'custom', from: '2026-05-01', to: '2026-04-30' })).toEqual([
      ['period.to', '结束日期不能早于开始日期'],
    ]);
    expect(fields({ kind: 'month', year: 2026, month: 13 })).toEqual([['period.month', '月份应为1—12月']]);
    expect(fields({ kind: 'custom', from: '2019-01-01', to: '2026-01-01' })).toEqual([
      ['period.to', '自定义期间不能超过五年'],
    ]);
    expect(fields({ kind: 'custom', from: '2026-02-30', to: '2026-03-01' })?.[0]?.[0]).toBe('period.from');
  });
});
