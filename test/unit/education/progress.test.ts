import { describe, expect, it } from 'vitest';
import { planProgress } from '../../../db/education/progress';

const TERMS = { startDate: '2026-06-01', endDate: '2026-11-30', sessionsPerMonth: 1, minMinutes: 40 };

describe('guidance plan progress against its frequency', () => {
  it('counts due, held and missed sessions month by month', () => {
    const sessions = [
      { date: '2026-06-10', minutes: 45 }, // June: held
      // July: none → missed
      { date: '2026-08-05', minutes: 30 }, // August: too short → missed
      { date: '2026-09-20', minutes: 60 }, // September: held
      { date: '2026-10-02', minutes: 40 }, // October: held (exactly the minimum)
    ];
    expect(planProgress(TERMS, sessions, '2026-11-15')).toEqual({
      periods: 6,
      required: 6,
      held: 3,
      missed: 2,
      dueSoFar: 6,
      dueNow: 1,
      dueBy: '2026-11-30',
      tooShort: 1,
    });
  });

  it('asks for nothing before the plan starts and counts twice-monthly plans', () => {
    expect(planProgress(TERMS, [], '2026-05-20')).toMatchObject({
      dueSoFar: 0,
      missed: 0,
      dueNow: 0,
      dueBy: null,
    });
    const twice = { ...TERMS, sessionsPerMonth: 2 };
    expect(planProgress(twice, [{ date: '2026-06-03', minutes: 50 }], '2026-07-02')).toMatchObject({
      missed: 1,
      dueNow: 2,
      dueBy: '2026-07-31',
      required: 12,
    });
  });

  it('stops the last period at the end date', () => {
    const short = { ...TERMS, endDate: '2026-07-15' };
    expect(planProgress(short, [{ date: '2026-06-02', minutes: 40 }], '2026-07-16')).toMatchObject({
      periods: 2,
      missed: 1,
      dueNow: 0,
    });
  });
});
