import { DEFAULT_CONSENT_POLICY_VERSION } from '@mimamori/core/intake/default-intake-definition';
import { exampleAdultIntakeAnswers } from '@mimamori/core/intake/example-intake-answers';
import { clinicDay, seedClinicCalendar } from '@mimamori/core/scheduling/index';
import { addDays } from '@mimamori/core/time/local-date';
import { zonedToInstant } from '@mimamori/core/time/zoned-to-instant';
import { appendAudit } from '../repos/audit-repo.ts';
import type { Db } from '../repos/db.ts';
import { insertIntake } from '../repos/intake/intake-repo.ts';
import { insertAppointment, insertUnits } from '../repos/scheduling/appointment-repo.ts';
import { getSchedulingConfig } from '../repos/scheduling/scheduling-config-repo.ts';
import { newId } from '../security/tokens.ts';

const MIN = 60_000;
const DAY = 86_400_000;

/**
 * A demo day's bookings with 森 医師: start, service, length in minutes — inside the seed clinic's
 * sessions; a day uses those that fit its hours (Saturdays end at 14:00).
 */
const DAY_PLAN: ReadonlyArray<readonly [string, 'saishin' | 'shoshin', number]> = [
  ['09:00', 'saishin', 15],
  ['09:15', 'saishin', 15],
  ['11:00', 'shoshin', 60],
  ['12:15', 'saishin', 15],
  ['17:00', 'saishin', 15],
  ['17:30', 'saishin', 15],
];

/** The register's patients the demo week is booked for (by kana): ones the browser tests leave alone. */
export const DEMO_WEEK_PATIENTS = ['ミホン ユミ', 'ミホン ヒナ', 'ミホン レン', 'ミホン アオイ'] as const;

export interface SeedDemoScheduleOptions {
  readonly clinicId: string;
  readonly now: Date;
  /** The clinic's date today (the demo's clock). */
  readonly today: string;
  readonly zone: string;
}

/**
 * The demo's working week, so that the day list, the week view and the patient pages show
 * something: bookings with 森 医師 on every open day from today for seven days (up to six a day, for
 * the patients of `DEMO_WEEK_PATIENTS`; today's finished ones checked in and completed, none in the
 * next three hours, one later booking cancelled), and two adults' submitted WEB問診 — one of whom
 * answered a different sex than the register holds, which the intake view flags. Dates are
 * relative to the server's clock at seed time (`now`, `today`).
 */
export async function seedDemoSchedule(db: Db, o: SeedDemoScheduleOptions): Promise<void> {
  const calendar = (await getSchedulingConfig(db, o.clinicId, o.zone))?.calendar ?? { ...seedClinicCalendar, zone: o.zone };
  const nowMs = o.now.getTime();
  const nowIso = o.now.toISOString();
  const people = await db.selectFrom('patients').select(['id', 'name_kanji', 'name_kana', 'birth_date', 'sex', 'phone'])
    .where('clinic_id', '=', o.clinicId).where('is_demo', '=', 1).where('name_kana', 'in', [...DEMO_WEEK_PATIENTS]).execute();
  people.sort((a, b) => DEMO_WEEK_PATIENTS.indexOf(a.name_kana as never) - DEMO_WEEK_PATIENTS.indexOf(b.name_kana as never));
  if (people.length === 0) return;
  let k = 0;
  let cancelledOne = false;
  for (let d = 0; d < 7; d++) {
    const date = addDays(o.today, d);
    const day = clinicDay(calendar, date);
    if (!day.open) continue;
    for (const [time, serviceId, minutes] of DAY_PLAN) {
      const startMs = zonedToInstant({ date, time, zone: o.zone });
      const endMs = startMs + minutes * MIN;
      const endMinute = Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + minutes;
      const endTime = `${String(Math.floor(endMinute / 60)).padStart(2, '0')}:${String(endMinute % 60).padStart(2, '0')}`;
      if (!day.sessions.some((sn) => sn.start <= time && endTime <= sn.end)) continue;
      const done = endMs <= nowMs;
      // Today: what is over, and what starts well after now (staff may still change today's hours).
      if (d === 0 && !done && startMs < nowMs + 3 * 60 * MIN) continue;
      const patientId = people[k++ % people.length]!.id;
      const cancel = !done && d > 0 && !cancelledOne && serviceId === 'saishin';
      if (cancel) cancelledOne = true;
      const id = newId();
      await insertAppointment(db, {
        id, clinic_id: o.clinicId, patient_id: patientId, service_id: serviceId, start_at: new Date(startMs).toISOString(), end_at: new Date(endMs).toISOString(),
        start_ms: startMs, end_ms: endMs, status: done ? 'completed' : cancel ? 'cancelled' : 'confirmed', hold_expires_at: null, channel: serviceId === 'saishin' && k % 2 === 0 ? 'patient' : 'staff',
        series_id: null, assignments_json: JSON.stringify([{ role: 'doctor', resourceId: 'dr-mori' }]), buffer_before_minutes: 0, buffer_after_minutes: 0, double_booked: 0,
        override_reason: null, override_approved_by: null, idempotency_key: null, request_hash: null, note: null,
        checked_in_at: done ? new Date(startMs - 5 * MIN).toISOString() : null, cancelled_at: cancel ? nowIso : null, cancel_reason: cancel ? 'デモ: 患者都合 / Demo: patient request' : null,
        move_reason: null, created_by: null, created_at: nowIso, updated_at: nowIso, version: 1,
      });
      if (!cancel) {
        await insertUnits(db, [{ id: newId(), appointment_id: id, clinic_id: o.clinicId, resource_id: 'dr-mori', unit_no: 1, unit_key: `${o.clinicId}:dr-mori:1`, start_ms: startMs, end_ms: endMs, active: 1, expires_ms: null }]);
      }
      await appendAudit(db, { at: nowIso, clinicId: o.clinicId, actorId: null, actorRole: 'demo-seed', action: 'appointment.book', resource: 'appointment', resourceId: id, patientId, outcome: 'success' });
    }
  }

  // Two adults' submitted WEB問診 (the example answers, without the scales, which are scored only on a real submission).
  const adults = people.slice(0, 2);
  for (const [i, p] of adults.entries()) {
    const { scale_phq9: _p, scale_gad7: _g, ...example } = exampleAdultIntakeAnswers().values;
    // 見本 由美 is registered as female; her intake says male — the view flags the difference.
    const sex = i === 0 ? (p.sex === 'female' ? 'male' : 'female') : p.sex;
    const values = { ...example, patient_name: p.name_kanji, patient_name_kana: p.name_kana, birth_date: p.birth_date, sex: { choice: sex }, patient_phone: p.phone ?? '' };
    const submittedMs = nowMs - (i + 1) * DAY;
    const iso = (ms: number) => new Date(ms).toISOString();
    const id = newId();
    await insertIntake(db, {
      id, clinic_id: o.clinicId, patient_id: p.id, appointment_id: null, form_id: 'default', definition_version: 1, audience: 'adult', respondent: 'patient',
      status: 'submitted', values_json: JSON.stringify(values), confirmed_groups_json: '[]', current_group_id: null, progress_completed: 1, progress_total: 1,
      scores_json: '[]', consent_policy_version: DEFAULT_CONSENT_POLICY_VERSION, consent_at: iso(submittedMs - 19 * MIN), revision: 3, expires_at: iso(submittedMs + 13 * DAY), sent_at: iso(submittedMs - DAY),
      started_at: iso(submittedMs - 20 * MIN), updated_at: iso(submittedMs), submitted_at: iso(submittedMs), created_by: null,
    });
    await appendAudit(db, { at: nowIso, clinicId: o.clinicId, actorId: null, actorRole: 'demo-seed', action: 'intake.submit', resource: 'intake', resourceId: id, patientId: p.id, outcome: 'success' });
  }
}
