import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../db/children/idNumber';
import { countCandidates } from './idCandidates';

describe('the ID mask', () => {
  it('shows the region code only', () => {
    expect(maskIdNumber('37011520150307001X')).toBe('370115************');
    expect(maskIdNumber(null)).toBeNull();
  });

  it('leaves at least 500 numbers beside the birth date and gender, as every child view shows them', () => {
    const id = '370115201503070014';
    const shown = {
      shownId: maskIdNumber(id)!,
      birthDate: '2015-03-07',
      gender: 'male' as const,
      asOf: '2026-11-27',
    };
    const n = countCandidates(id, shown);
    expect(n).toBeGreaterThanOrEqual(500);
    // The true number is among them: the count is of the right set.
    expect(countCandidates(id, { ...shown, shownId: id })).toBe(1);
  });

  it('would fail the bound with the old mask: region, last four and the birth date give the number away', () => {
    const id = '370115201503070014';
    const old = `${id.slice(0, 6)}********${id.slice(-4)}`;
    expect(
      countCandidates(id, { shownId: old, birthDate: '2015-03-07', gender: 'male', asOf: '2026-11-27' }),
    ).toBe(1);
    // Even one visible character next to the birth date is too many.
    const oneChar = `${id.slice(0, 6)}***********${id.slice(-1)}`;
    expect(
      countCandidates(id, { shownId: oneChar, birthDate: '2015-03-07', gender: 'male', asOf: '2026-11-27' }),
    ).toBeLessThan(500);
  });

  it("leaves a relative's number, shown with gender and no birth date, far above the bound", () => {
    const id = '370125198204110337';
    expect(
      countCandidates(id, { shownId: maskIdNumber(id)!, gender: 'male', asOf: '2026-11-27' }),
    ).toBeGreaterThanOrEqual(500);
  });
});
