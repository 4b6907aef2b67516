import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, checkIdNumber, maskIdNumber } from '../../../db/children/idNumber';
import { t } from '../../../db/i18n';

const TODAY = '2026-11-27';

describe('公民身份号码 (GB 11643)', () => {
  it('computes the check character from the weights', () => {
    // Worked examples: sum mod 11 indexes "10X98765432".
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('37011520150307001')).toBe('4');
  });

  it('accepts a valid number and derives birth date and gender', () => {
    const r = checkIdNumber('370115201503070014', TODAY);
    expect(r).toEqual({
      ok: true,
      info: {
        normalized: '370115201503070014',
        regionCode: '370115',
        birthDate: '2015-03-07',
        gender: 'male',
      },
    });
  });

  it('accepts lower-case x and stores it upper-case', () => {
    const r = checkIdNumber('11010519491231002x', TODAY);
    expect(r.ok && r.info.normalized).toBe('11010519491231002X');
    expect(r.ok && r.info.gender).toBe('female');
  });

  it('accepts the retired 济阳县 region code 370125', () => {
    const first17 = '37012520120615002';
    expect(checkIdNumber(first17 + checkCharacter(first17), TODAY).ok).toBe(true);
  });

  it.each([
    ['37011520150307001', 'validation.idNumber.length'],
    ['37011520150307001A', 'validation.idNumber.format'],
    ['370115201502300014', 'validation.idNumber.birthDate'],
    ['370115202712010014', 'validation.idNumber.birthInFuture'],
    ['370115201503070015', 'validation.idNumber.checksum'],
  ] as const)('refuses %s with a Chinese reason', (id, key) => {
    const r = checkIdNumber(id, TODAY);
    expect(r).toEqual({ ok: false, error: key });
    expect(t(key)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('masks all but the region code (the bound is tested in test/unit/access/mask.test.ts)', () => {
    expect(maskIdNumber('37011520150307001X')).toBe('370115************');
    expect(maskIdNumber(null)).toBeNull();
  });

  it('counts whole years of age', () => {
    expect(ageOn('2008-11-28', TODAY)).toBe(17);
    expect(ageOn('2008-11-27', TODAY)).toBe(18);
  });
});
