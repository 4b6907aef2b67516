// 监护情况 and 事实无人抚养儿童 eligibility (民发〔2019〕62号), derived from the parents'
// person records and custody records. Pure, so the rules are tested case by case.
import type { CustodyMeasure, GuardianshipSituation } from './codes';

export interface ParentFacts {
  deceasedOn: string | null;
  missingSince: string | null;
  severeDisability: boolean;
  severeIllness: boolean;
  custody: { measure: CustodyMeasure | string; startDate: string; actualRelease: string | null }[];
}

/** The same day six months later (the 31st falls back to the month's last day). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * YYYY-MM-DD plus whole months, the day kept or cut to the month's last. Plain arithmetic, no
 * Date: a register's progress counts call it a few thousand times per page.
 */
export function addMonths(ymd: string, months: number): string {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(5, 7));
  const d = Number(ymd.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  const day = Math.min(d, last);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function sixMonthsBy(since: string, today: string): boolean {
  return addMonths(since, 6) <= today;
}

function activeCustody(p: ParentFacts, today: string) {
  return p.custody.filter((c) => c.startDate <= today && (!c.actualRelease || c.actualRelease > today));
}

export interface ParentStatus {
  detained: boolean;
  dead: boolean;
  /** In the 62号文 set: 重残, 重病, 服刑在押, 强制隔离戒毒, 其他限制人身自由 or 失联 for six months. */
  unableToSupport: boolean;
}

export function parentStatus(p: ParentFacts, today: string): ParentStatus {
  const active = activeCustody(p, today);
  const dead = p.deceasedOn !== null && p.deceasedOn <= today;
  const missingLong = p.missingSince !== null && sixMonthsBy(p.missingSince, today);
  const restricted = active.some(
    (c) => c.measure === 'sentence' || c.measure === 'compulsoryRehab' || sixMonthsBy(c.startDate, today),
  );
  return {
    detained: active.length > 0,
    dead,
    unableToSupport: !dead && (p.severeDisability || p.severeIllness || restricted || missingLong),
  };
}

export interface GuardianshipReading {
  /** null when the records cannot decide; the caseworker's own reading applies then. */
  situation: GuardianshipSituation | null;
  eligibleDeFactoUnsupported: boolean;
}

/**
 * `father`/`mother` are null when the file holds no record of that parent: an unknown parent
 * is never assumed absent, so such a child is not flagged.
 */
export function readGuardianship(
  father: ParentFacts | null,
  mother: ParentFacts | null,
  today: string,
): GuardianshipReading {
  const f = father ? parentStatus(father, today) : null;
  const m = mother ? parentStatus(mother, today) : null;
  let situation: GuardianshipSituation | null = null;
  if (f?.detained && m?.detained) situation = 'bothRestricted';
  else if (f?.detained || m?.detained) {
    const other = f?.detained ? m : f;
    const otherAbsent = !!other && (other.dead || other.unableToSupport);
    situation = otherAbsent ? 'oneDetainedOtherAbsent' : 'oneDetained';
  }
  const eligible =
    !!f && !!m && !(f.dead && m.dead) && (f.dead || f.unableToSupport) && (m.dead || m.unableToSupport);
  return { situation, eligibleDeFactoUnsupported: eligible };
}
