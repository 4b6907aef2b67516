// Counts the valid 公民身份号码 consistent with what a view shows (issue 11, item 2): the
// region code, the birth date or the age, the gender, every visible character of the mask and
// the check character. Used by the unit test of the mask and by test/integration/access.test.ts,
// which feeds it the real API answers of every view that shows an ID number.
import { checkCharacter } from '../../../db/children/idNumber';
import { isRealDate } from '../../../db/common/dates';

export interface Shown {
  /** What stands for the number: the mask, or the number itself. */
  shownId: string;
  birthDate?: string | null;
  /** Whole years on `asOf`. */
  age?: number | null;
  gender?: 'male' | 'female' | null;
  /** The day the view was produced; bounds an unknown birth date. */
  asOf: string;
}

/** Every calendar date from `from` to `to`, YYYY-MM-DD. */
function* dates(from: string, to: string): Generator<string> {
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`).getTime();
  while (d.getTime() <= end) {
    yield d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ty, tm, td] = day.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * How many numbers fit, counted up to `cap` (the bound is all a test needs). The region code is
 * taken as known even where the mask hides it: the township shown beside it gives it away.
 */
export function countCandidates(trueId: string, shown: Shown, cap = 5000): number {
  const pattern = shown.shownId;
  if (pattern.length !== 18) throw new Error(`not an ID-shaped value: ${pattern}`);
  const visible = (i: number) => pattern[i] !== '*';
  const region = trueId.slice(0, 6);
  for (let i = 0; i < 6; i++) if (visible(i) && pattern[i] !== region[i]) return 0;
  const [y] = shown.asOf.split('-').map(Number);
  let births: Iterable<string>;
  if (shown.birthDate) births = [shown.birthDate];
  else births = dates(`${y - 120}-01-01`, shown.asOf);
  let n = 0;
  for (const birth of births) {
    if (!isRealDate(birth)) continue;
    if (shown.age != null && ageOn(birth, shown.asOf) !== shown.age) continue;
    const digits = birth.replaceAll('-', '');
    let ok = true;
    for (let i = 0; i < 8; i++) if (visible(6 + i) && pattern[6 + i] !== digits[i]) ok = false;
    if (!ok) continue;
    for (let seq = 0; seq < 1000; seq++) {
      const s = String(seq).padStart(3, '0');
      if (shown.gender && (Number(s[2]) % 2 === 1 ? 'male' : 'female') !== shown.gender) continue;
      if ((visible(14) && pattern[14] !== s[0]) || (visible(15) && pattern[15] !== s[1])) continue;
      if (visible(16) && pattern[16] !== s[2]) continue;
      const first17 = `${region}${digits}${s}`;
      if (visible(17) && pattern[17] !== checkCharacter(first17)) continue;
      if (++n >= cap) return n;
    }
  }
  return n;
}
