import { describe, expect, it } from 'vitest';
import { workdayCounter, workdays } from '../../../db/calendar/workdays';

describe('working days (工作日)', () => {
  it('skips weekends', () => {
    // Friday 2026-11-27 + 1 working day = Monday 2026-11-30.
    expect(workdays.addWorkdays('2026-11-27', 1)).toEqual({ date: '2026-11-30', approximate: false });
  });

  it('skips the National Day holiday and counts the adjusted Saturday (调休)', () => {
    // 2026-09-30 (Wed) + 1 → 10-01…10-07 off → 10-08 (Thu); +2 → 10-09 (Fri); +3 → 10-10 (Sat, 调休 working day).
    expect(workdays.addWorkdays('2026-09-30', 1).date).toBe('2026-10-08');
    expect(workdays.addWorkdays('2026-09-30', 3).date).toBe('2026-10-10');
    expect(workdays.addWorkdays('2026-09-30', 4).date).toBe('2026-10-12');
    expect(workdays.isWorkday('2026-10-10')).toBe(true);
    expect(workdays.isWorkday('2026-10-01')).toBe(false);
  });

  it('counts the Sunday worked before the Spring Festival break', () => {
    // 2026-02-13 (Fri) → 02-14 Saturday is a 调休 working day.
    expect(workdays.addWorkdays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(workdays.addWorkdays('2026-02-14', 1).date).toBe('2026-02-24');
  });

  it('falls back to plain weekdays outside the known years, and says so', () => {
    const r = workdays.addWorkdays('2030-09-30', 1);
    expect(r).toEqual({ date: '2030-10-01', approximate: true });
    expect(workdays.knowsYear('2030-01-01')).toBe(false);
  });

  it('reads the calendar as data, so a new year needs no code change', () => {
    const custom = workdayCounter({
      years: { '2031': { holidays: ['2031-01-01'], workdays: ['2031-01-04'] } },
    });
    expect(custom.isWorkday('2031-01-01')).toBe(false);
    expect(custom.isWorkday('2031-01-04')).toBe(true);
    expect(custom.addWorkdays('2030-12-31', 1)).toEqual({ date: '2031-01-02', approximate: false });
  });
});
