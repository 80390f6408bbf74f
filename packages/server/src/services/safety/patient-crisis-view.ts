import { ageOn } from '@mimamori/core/patients/patient';
import { crisisContactsFor } from '@mimamori/core/safety/crisis-contacts-for';
import { nextClinicOpening, onCallAt } from '@mimamori/core/safety/on-call';
import { getClinic, getPatient, getSchedulingConfig, listOnCallShifts, type Db } from '@mimamori/storage';
import { clinicDate } from '../../core-imports.ts';
import type { AppDeps } from '../../context.ts';
import { crisisContactsOf } from './crisis-contacts.ts';

/** The prefecture's psychiatric emergency information centre (精神科救急情報センター), set per clinic. */
export interface PsychiatricEmergencyCentre {
  readonly nameJa: string;
  readonly nameEn: string;
  readonly phone: string;
  readonly hoursJa: string | null;
  readonly hoursEn: string | null;
  readonly source: string | null;
  readonly checkedOn: string | null;
}

function centreOf(settings: Readonly<Record<string, unknown>> | undefined): PsychiatricEmergencyCentre | null {
  const c = settings?.psychiatricEmergencyCentre as Partial<PsychiatricEmergencyCentre> | undefined;
  return c && typeof c.nameJa === 'string' && typeof c.phone === 'string' ? (c as PsychiatricEmergencyCentre) : null;
}

/**
 * What the crisis panel shows a patient: the clinic's contacts for the patient's age (child lines
 * under 18), the prefecture's psychiatric emergency centre when the clinic set it, and — when
 * nobody is on call and the clinic is closed — when the clinic will next read the answers.
 */
export async function patientCrisisView(deps: AppDeps, o: { clinicId: string; patientId: string; db?: Db }) {
  const db = o.db ?? deps.db.db;
  const nowMs = deps.clock().getTime();
  const now = new Date(nowMs).toISOString();
  const clinic = await getClinic(db, o.clinicId);
  const zone = clinic?.timeZone ?? 'Asia/Tokyo';
  const patient = await getPatient(db, o.clinicId, o.patientId);
  const age = patient?.birth_date ? ageOn(patient.birth_date, clinicDate(nowMs, zone)) : null;
  const { contacts, isDefault } = await crisisContactsOf(db, o.clinicId);
  const onCall = onCallAt(await listOnCallShifts(db, { clinicId: o.clinicId, from: now, to: new Date(nowMs + 1).toISOString() }), now);
  const calendar = (await getSchedulingConfig(db, o.clinicId, zone))?.calendar;
  const opening = calendar ? nextClinicOpening(calendar, nowMs) : nowMs;
  const readNow = onCall.length > 0 || opening === nowMs;
  return {
    contacts: crisisContactsFor(contacts, age),
    isDefault,
    audience: age === null ? ('all' as const) : age < 18 ? ('child' as const) : ('adult' as const),
    psychiatricEmergencyCentre: centreOf(clinic?.settings),
    availability: { readNow, onCallNow: onCall.length > 0, nextReadAt: readNow || opening === null ? null : new Date(opening).toISOString() },
  };
}
