import { createDefaultIntakeDefinition } from '@mimamori/core/intake/default-intake-definition';
import { intakePartDefinition } from '@mimamori/core/intake/intake-part-definition';
import { intakeSafetyHits } from '@mimamori/core/intake/intake-safety-hits';
import { ageOn } from '@mimamori/core/patients/patient';
import { addAlertEvent } from '../repos/alert-repo.ts';
import { appendAudit } from '../repos/audit-repo.ts';
import type { Db } from '../repos/db.ts';
import { insertIntake } from '../repos/intake/intake-repo.ts';
import { enqueueMail } from '../repos/outbox-repo.ts';
import { insertOnCallShift, putStaffChannel } from '../repos/safety/on-call-repo.ts';
import { newId } from '../security/tokens.ts';

const MIN = 60_000;
const DAY = 86_400_000;

/**
 * The demo's safety data, so that a newcomer sees the on-call page and an alert's history working:
 * the demo doctor on call (position 1) and the administrator as the last escalation (position 2)
 * from the start of today for eight days, nights and closed days included; their mail channels;
 * and one open `urgent` alert from an adolescent's own WEB問診 (a recent attempt), sent to the
 * doctor 25 minutes ago, unacknowledged, escalated to the administrator 10 minutes ago. The
 * running server's dispatch job takes it on from there (its next step is due in 5 minutes).
 * Dates are Tokyo days (the demo clinic's zone). Runs after `seedDemo` (the server's `--demo`),
 * on its staff and patient 見本 湊 (17); it adds no patient.
 */
export async function seedDemoSafety(db: Db, options: { now: Date; today: string}): Promise<void> {
  const staff = await db.selectFrom('staff').select(['id', 'clinic_id', 'login_id']).where('login_id', 'in', ['demo.doctor', 'demo.admin']).execute();
  const doctor = staff.find((s) => s.login_id === 'demo.doctor');
  const admin = staff.find((s) => s.login_id === 'demo.admin');
  if (!doctor || !admin) throw new Error('seedDemoSafety: run seedDemo first');
  const clinicId = doctor.clinic_id!;
  const minato = await db.selectFrom('patients').select(['id', 'birth_date']).where('clinic_id', '=', clinicId).where('name_kanji', '=', '見本 湊').where('is_demo', '=', 1).executeTakeFirstOrThrow();
  const o = { ...options, clinicId, doctorId: doctor.id, adminId: admin.id, patient: { id: minato.id, birthDate: minato.birth_date } };
  const nowMs = o.now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const dayStart = Date.parse(`${o.today}T00:00:00+09:00`);
  for (let d = 0; d < 8; d++) {
    const shift = { startsAt: iso(dayStart + d * DAY), endsAt: iso(dayStart + (d + 1) * DAY) };
    await insertOnCallShift(db, { clinicId: o.clinicId, shift: { ...shift, staffId: o.doctorId, position: 1 }, now: iso(nowMs), by: null });
    await insertOnCallShift(db, { clinicId: o.clinicId, shift: { ...shift, staffId: o.adminId, position: 2 }, now: iso(nowMs), by: null });
  }
  await putStaffChannel(db, { clinicId: o.clinicId, staffId: o.doctorId, channel: 'mail', address: 'doctor@demo.invalid', now: iso(nowMs) });
  await putStaffChannel(db, { clinicId: o.clinicId, staffId: o.adminId, channel: 'mail', address: 'admin@demo.invalid', now: iso(nowMs) });

  // The adolescent's own part of the intake, submitted 30 minutes ago.
  const submittedMs = nowMs - 30 * MIN;
  const values = {
    self_worries: '学校に行けない。もう全部いやになった。',
    self_feelings: { choices: ['low_mood', 'school', 'suicidal_thoughts'] },
    self_attempt: true,
    self_attempt_when: { choice: 'within_month' },
  };
  const definition = createDefaultIntakeDefinition({ childScales: [] });
  const part = intakePartDefinition(definition, { respondent: 'adolescent', ageYears: ageOn(o.patient.birthDate, o.today) });
  const hits = part ? intakeSafetyHits(part, values, { audience: 'child', today: o.today }).filter((h) => h.kind === 'self_harm') : [];
  const intakeId = newId();
  await insertIntake(db, {
    id: intakeId, clinic_id: o.clinicId, patient_id: o.patient.id, appointment_id: null, form_id: definition.id, definition_version: 1, audience: 'child', respondent: 'adolescent',
    status: 'submitted', values_json: JSON.stringify(values), confirmed_groups_json: JSON.stringify(['self_feelings']), current_group_id: null, progress_completed: 1, progress_total: 1,
    scores_json: '[]', consent_policy_version: null, consent_at: null, revision: 2, expires_at: iso(nowMs + 13 * DAY), sent_at: iso(nowMs - DAY), started_at: iso(submittedMs - 5 * MIN),
    updated_at: iso(submittedMs), submitted_at: iso(submittedMs), created_by: null,
  });

  const alertId = newId();
  const summary = {
    key: 'alert_intake_safety',
    params: { answersJa: hits.map((h) => `${h.question.ja}: ${h.answer.ja}`).join(' / '), answersEn: hits.map((h) => `${h.question.en}: ${h.answer.en}`).join(' / ') },
  };
  await db.insertInto('alerts').values({
    id: alertId, clinic_id: o.clinicId, patient_id: o.patient.id, kind: 'self_harm', severity: 'urgent', source_type: 'intake', source_id: intakeId,
    summary_json: JSON.stringify(summary), created_at: iso(submittedMs), acknowledged_at: null, acknowledged_by: null, ack_note: null,
  }).execute();
  const event = (at: number, type: string, staffId: string | null, detail: Record<string, unknown>) => addAlertEvent(db, { clinicId: o.clinicId, alertId, at: iso(at), type, staffId, detail });
  // The audit rows are written now, by the seed (the chain runs forward in time).
  const audit = (_at: number, action: string, detail: string) => appendAudit(db, {
    at: iso(nowMs), clinicId: o.clinicId, actorId: null, actorRole: 'demo-seed', action, resource: 'alert', resourceId: alertId, patientId: o.patient.id, outcome: 'success', detail,
  });
  await event(submittedMs, 'raised', null, { severity: 'urgent', summary });
  for (const h of hits) await event(submittedMs, 'answer', null, { questionId: h.questionId, answer: h.answer.ja, severity: h.severity });
  await audit(submittedMs, 'alert.raise', 'source=intake kind=self_harm severity=urgent');

  // The mails the dispatch job queued (they wait in the outbox until SMTP is set).
  const send = async (at: number, staffId: string, to: string, level: number) => {
    const ref = newId();
    await enqueueMail(db, {
      id: ref, clinicId: o.clinicId, patientId: null, kind: 'staff_alert', to,
      subject: '【見守り】スタッフ画面でご確認ください / Please check the staff app',
      text: `スタッフ画面に、至急ご確認いただきたいお知らせがあります。\n/alerts/${alertId}\n\nA notice in the staff app needs your attention now.`,
      dedupeKey: `alert:${alertId}:${level}:${staffId}`, notBefore: iso(at), now: iso(at),
    });
    await event(at, 'sent', staffId, { channel: 'mail', ref, level });
    await audit(at, 'alert.send', `to=${staffId} channel=mail level=${level}`);
  };
  const sentMs = nowMs - 25 * MIN;
  const escalatedMs = nowMs - 10 * MIN;
  await send(sentMs, o.doctorId, 'doctor@demo.invalid', 0);
  await event(escalatedMs, 'escalated', o.adminId, { level: 1 });
  await audit(escalatedMs, 'alert.escalate', `to=${o.adminId} level=1`);
  await send(escalatedMs, o.adminId, 'admin@demo.invalid', 1);
  await db.insertInto('alert_dispatch').values({ alert_id: alertId, clinic_id: o.clinicId, level: 2, next_at: iso(escalatedMs + 15 * MIN), status: 'waiting', updated_at: iso(escalatedMs) }).execute();
}
