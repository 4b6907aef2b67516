/**
 * A stored reminder shows on the days of its window, compared with the clock at read time; the
 * window must hold exactly the days the rule, asked day by day, would show it on.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../db/calendar/workdays';
import { addMonths, type ParentFacts, readGuardianship } from '../../../db/children/guardianship';
import { eligibleWindows, turning18Window } from '../../../db/reminders/rules';
import { Rng } from '../../fixtures/random';

function within(windows: [string, string][], day: string): boolean {
  return windows.some(([from, until]) => from <= day && day <= until);
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

function randomParent(rng: Rng): ParentFacts {
  // Month ends and 29 February, where six months later is not one plain date.
  const date = () =>
    rng.chance(0.3)
      ? rng.pick(['2025-08-31', '2025-08-29', '2024-02-29', '2025-12-31', '2026-03-31', '2026-05-31'])
      : addDays('2025-01-01', rng.int(0, 900));
  const custody: ParentFacts['custody'] = [];
  for (let i = rng.int(0, 2); i > 0; i--) {
    const startDate = date();
    custody.push({
      measure: rng.pick(['sentence', 'compulsoryRehab', 'detention', 'other'] as const),
      startDate,
      actualRelease: rng.chance(0.5) ? addDays(startDate, rng.int(1, 400)) : null,
    });
  }
  return {
    deceasedOn: rng.chance(0.2) ? date() : null,
    missingSince: rng.chance(0.3) ? date() : null,
    severeDisability: rng.chance(0.1),
    severeIllness: rng.chance(0.1),
    custody,
  };
}

describe('stored reminders’ windows', () => {
  it('hold exactly the days the 事实无人抚养 rule says eligible', () => {
    const rng = new Rng(0x5eed);
    const span = days('2024-12-01', '2028-06-30');
    let eligibleDays = 0;
    for (let n = 0; n < 100; n++) {
      const father = randomParent(rng);
      const mother = randomParent(rng);
      const windows = eligibleWindows(father, mother);
      for (const day of span) {
        const rule = readGuardianship(father, mother, day).eligibleDeFactoUnsupported;
        if (rule) eligibleDays++;
        expect(within(windows, day), `case ${n} on ${day}`).toBe(rule);
      }
    }
    // The cases are not all never-eligible.
    expect(eligibleDays).toBeGreaterThan(1000);
    // 130,000 days checked one by one: about a second alone, several on a loaded 2-core machine.
  }, 30_000);

  it('hold exactly the days an 18th birthday shows, month ends and 29 February too', () => {
    // Month ends and 29 February, and ordinary days (which take the short way, two guesses checked).
    const births = [
      '2008-02-29',
      '2008-08-31',
      '2008-12-31',
      '2009-03-31',
      '2008-11-30',
      '2009-01-15',
      '2008-05-10',
      '2009-09-09',
      '2008-03-01',
      '2009-12-28',
    ];
    for (const birth of births) {
      const [from, until] = turning18Window(birth);
      for (const day of days(addDays(addMonths(birth, 216), -120), addDays(addMonths(birth, 216), 30))) {
        const shows = birth > addMonths(day, -216) && birth <= addMonths(addDays(day, 90), -216);
        expect(from <= day && day <= until, `${birth} on ${day}`).toBe(shows);
      }
    }
  });
});
