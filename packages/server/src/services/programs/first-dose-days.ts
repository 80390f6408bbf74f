import { clinicDate } from '@mimamori/core/time/clinic-date';
import { daysBetween } from '@mimamori/core/time/local-date';
import { listProgramSessions, type Db } from '@mimamori/storage';

/**
 * Each enrolment's first dose as a clinic date: day 0 of the pseudonymised views (a researcher sees
 * days from it, never calendar dates, as in the data cut). Enrolments without a dose are absent.
 */
export async function firstDoseDates(db: Db, o: { readonly clinicId: string; readonly enrolmentIds: ReadonlyArray<string>; readonly zone: string }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (o.enrolmentIds.length === 0) return out;
  for (const s of await listProgramSessions(db, { clinicId: o.clinicId, enrolmentIds: o.enrolmentIds })) {
    const d = clinicDate(s.started_at, o.zone);
    const seen = out.get(s.enrolment_id);
    if (seen === undefined || d < seen) out.set(s.enrolment_id, d);
  }
  return out;
}

/** The day of a clinic date counted from the first dose (day 0; negative before it); null without a dose or a date. */
export function dayFromFirstDose(date: string | null, firstDose: string | undefined): number | null {
  return date === null || firstDose === undefined ? null : daysBetween(firstDose, date);
}
