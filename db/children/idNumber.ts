// 公民身份号码 (GB 11643-1999). Pure functions: the forms use them too.

import { isRealDate } from '../common/dates';
import type { MessageKey } from '../i18n';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export interface IdNumberInfo {
  normalized: string;
  regionCode: string;
  birthDate: string;
  gender: 'male' | 'female';
}

export type IdNumberCheck = { ok: true; info: IdNumberInfo } | { ok: false; error: MessageKey };

/**
 * Validates an 18-character number: format, a real birth date not after `today`, and the
 * check character. Lower-case x is accepted and stored upper-case. Region codes are not
 * checked against a list, because retired codes (370125 for the former 济阳县) stay valid.
 */
export function checkIdNumber(input: string, today: string): IdNumberCheck {
  const s = input.trim().toUpperCase();
  if (s.length !== 18) return { ok: false, error: 'validation.idNumber.length' };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, error: 'validation.idNumber.format' };
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return { ok: false, error: 'validation.idNumber.birthDate' };
  if (birthDate > today) return { ok: false, error: 'validation.idNumber.birthInFuture' };
  if (checkCharacter(s.slice(0, 17)) !== s[17]) return { ok: false, error: 'validation.idNumber.checksum' };
  return {
    ok: true,
    info: {
      normalized: s,
      regionCode: s.slice(0, 6),
      birthDate,
      gender: Number(s[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/**
 * `370115************`: the region code (户籍地) only. Every screen that shows an ID number also
 * shows the birth date and gender (they are casework facts: age, 18th birthday, school stage),
 * and with those known only the 3-digit sequence is left: 500 numbers of the right parity, the
 * check character then fixed. Any visible character of the last four would cut that to 50 or
 * fewer (DOMAIN.md: never fewer than 500), so none is shown; a relative's number gets the same
 * mask. The full number is for those the access policy names, with a reason (policy.ts).
 * This is the one mask: the API, exports and every screen use it.
 */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  return `${id.slice(0, 6)}${'*'.repeat(Math.max(0, id.length - 6))}`;
}

/** Whole years between a YYYY-MM-DD birth date and `today`. */
export function ageOn(birthDate: string, today: string): number {
  // Both YYYY-MM-DD: the year apart, less one if the birthday (MM-DD, compared as text) is still
  // to come. A list computes fifty of these per page; splitting each date into arrays showed up.
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
