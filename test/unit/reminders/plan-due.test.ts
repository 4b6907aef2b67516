// The board's guidance-session reminders cut the term into months (rules.ts planSessionWindows)
// and the plan's page counts every period (education/progress.ts). They must agree on every plan
// and day, month ends and 29 February included, and a session older than the month holding the
// day (31 days at most) must never change the answer.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../db/calendar/workdays';
import { planProgress } from '../../../db/education/progress';
import { planSessionDue } from '../../../db/reminders/rules';
import { Rng } from '../../fixtures/random';

describe("a plan's sessions due this month, as the board works it out", () => {
  it('agrees with the plan’s progress on random plans, sessions and days', () => {
    const rng = new Rng(41);
    const starts = ['2024-01-31', '2024-02-29', '2025-03-31', '2025-08-30', '2026-01-15', '2026-05-01'];
    let due = 0;
    for (let n = 0; n < 400; n++) {
      const startDate = rng.pick(starts);
      const endDate = addDays(startDate, rng.int(20, 800));
      const terms = { startDate, endDate, sessionsPerMonth: rng.int(1, 3), minMinutes: 30 };
      const sessions = Array.from({ length: rng.int(0, 40) }, () => ({
        date: addDays(startDate, rng.int(-10, 820)),
        minutes: rng.int(10, 90),
      }));
      for (let k = 0; k < 12; k++) {
        const today = addDays(startDate, rng.int(-5, 830));
        const p = planProgress(terms, sessions, today);
        const expected = today < startDate || today > endDate || p.dueNow === 0 ? null : p.dueBy;
        expect(planSessionDue(terms, sessions, today), `${JSON.stringify(terms)} ${today}`).toBe(expected);
        const recent = sessions.filter((s) => s.date >= addDays(today, -31));
        expect(planSessionDue(terms, recent, today)).toBe(expected);
        if (expected) due++;
      }
    }
    // Not every case trivially null.
    expect(due).toBeGreaterThan(100);
  });
});
