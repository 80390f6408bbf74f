import { clinicDate } from '@mimamori/core/time/clinic-date';

/**
 * Age in completed years on `today` for a birth date, both `YYYY-MM-DD`. A birthday on 29 February
 * counts as reached on 1 March in common years (as the Japanese age-counting law does).
 * Returns null for a malformed date or a birth date after today.
 *
 * @example ageOn('2010-04-02', '2026-04-01') // 15
 */
export function ageOn(birthDate: string, today: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!b || !t) return null;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [ty, tm, td] = [Number(t[1]), Number(t[2]), Number(t[3])];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age < 0 ? null : age;
}

/** Today's date as `YYYY-MM-DD` in the clinic's zone (Japan unless told otherwise). */
export function todayIn(now: Date, timeZone = 'Asia/Tokyo'): string {
  return clinicDate(now.getTime(), timeZone);
}

/** Under 18 on `today`: the register asks for a guardian. */
export function isMinor(birthDate: string, today: string): boolean {
  const age = ageOn(birthDate, today);
  return age !== null && age < 18;
}
