import { describe, expect, it } from 'vitest';
import { addMonths, type ParentFacts, readGuardianship } from '../../../db/children/guardianship';

const TODAY = '2026-11-27';
const well: ParentFacts = {
  deceasedOn: null,
  missingSince: null,
  severeDisability: false,
  severeIllness: false,
  custody: [],
};
/** A parent otherwise well, in custody (`measure`) since `startDate`, out again on `actualRelease`. */
function heldSince(
  measure: ParentFacts['custody'][number]['measure'],
  startDate: string,
  actualRelease: string | null = null,
): ParentFacts {
  return { ...well, custody: [{ measure, startDate, actualRelease }] };
}
const sentenced = heldSince('sentence', '2025-03-01');
const arrestedRecently = heldSince('arrest', '2026-09-01');
const arrestedLong = heldSince('arrest', '2026-05-27');
const inRehab = heldSince('compulsoryRehab', '2026-10-01');
const released = heldSince('sentence', '2024-01-01', '2026-06-01');
const dead: ParentFacts = { ...well, deceasedOn: '2023-02-01' };
const missingLong: ParentFacts = { ...well, missingSince: '2026-04-01' };
const missingShort: ParentFacts = { ...well, missingSince: '2026-08-01' };
const severelyIll: ParentFacts = { ...well, severeIllness: true };
const severelyDisabled: ParentFacts = { ...well, severeDisability: true };

describe('监护情况 and 事实无人抚养儿童 eligibility (民发〔2019〕62号)', () => {
  it.each([
    // [case, father, mother, situation, eligible]
    ['one parent serving a sentence, the other at home', sentenced, well, 'oneDetained', false],
    ['both parents serving sentences', sentenced, sentenced, 'bothRestricted', true],
    ['one serving, the other dead', sentenced, dead, 'oneDetainedOtherAbsent', true],
    [
      'one serving, the other missing for more than six months',
      sentenced,
      missingLong,
      'oneDetainedOtherAbsent',
      true,
    ],
    ['one serving, the other missing for under six months', sentenced, missingShort, 'oneDetained', false],
    ['one serving, the other severely ill', sentenced, severelyIll, 'oneDetainedOtherAbsent', true],
    [
      'compulsory rehab and a severely disabled parent',
      inRehab,
      severelyDisabled,
      'oneDetainedOtherAbsent',
      true,
    ],
    [
      'arrested two months ago, the other dead: restriction too short',
      arrestedRecently,
      dead,
      'oneDetainedOtherAbsent',
      false,
    ],
    ['arrested six months ago, the other dead', arrestedLong, dead, 'oneDetainedOtherAbsent', true],
    ['released parent, the other dead: no longer detained', released, dead, null, false],
    ['both parents dead is an orphan, not this category', dead, dead, null, false],
  ] as const)('%s', (_case, father, mother, situation, eligible) => {
    expect(readGuardianship(father, mother, TODAY)).toEqual({
      situation,
      eligibleDeFactoUnsupported: eligible,
    });
    // The rule does not depend on which parent is which.
    expect(readGuardianship(mother, father, TODAY)).toEqual({
      situation,
      eligibleDeFactoUnsupported: eligible,
    });
  });

  it('never assumes an unrecorded parent is absent', () => {
    expect(readGuardianship(sentenced, null, TODAY)).toEqual({
      situation: 'oneDetained',
      eligibleDeFactoUnsupported: false,
    });
    expect(readGuardianship(null, null, TODAY)).toEqual({
      situation: null,
      eligibleDeFactoUnsupported: false,
    });
  });

  it('counts six months by the calendar', () => {
    expect(addMonths('2026-05-27', 6)).toBe('2026-11-27');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-27', -12 * 18)).toBe('2008-11-27');
  });
});
