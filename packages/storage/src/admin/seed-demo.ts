import { checkPatientInput, formatPatientNumber, type PatientInput } from '@mimamori/core';
import { appendAudit } from '../repos/audit-repo.ts';
import { nextCounter, updateClinicSettings } from '../repos/clinic-repo.ts';
import { seedSchedulingConfig } from '../repos/scheduling/scheduling-config-repo.ts';
import type { Db } from '../repos/db.ts';
import { insertPatient, insertPatientVersion } from '../repos/patient-repo.ts';
import { newId } from '../security/tokens.ts';
import { addStaffUser, type NewStaffCredentials } from './add-staff-user.ts';
import { seedDemoBilling } from './seed-demo-billing.ts';
import { seedDemoProgram } from './seed-demo-program.ts';
import { seedDemoExosome } from './seed-demo-exosome.ts';
import { seedDemoPublicSite } from './seed-demo-public-site.ts';
import { seedDemoSchedule } from './seed-demo-schedule.ts';
import { insertAppointment } from '../repos/scheduling/appointment-repo.ts';
import { addDays } from '@mimamori/core/time/local-date';
import { seedClinicCalendar, seedClinicResources } from '@mimamori/core/scheduling/index';
import { zonedToInstant } from '@mimamori/core/time/zoned-to-instant';
import type { SecretBox } from '../security/secret-box.ts';

/** Demo patients: family name 見本 (ミホン) and the is_demo flag make them impossible to mistake for real ones. */
export const demoPatients: ReadonlyArray<PatientInput> = [
  { nameKanji: '見本 一郎', nameKana: 'ミホン イチロウ', birthDate: '1978-04-12', sex: 'male', phone: '090-1111-0001', email: 'ichiro@demo.invalid' },
  { nameKanji: '見本 花子', nameKana: 'ミホン ハナコ', birthDate: '1985-09-03', sex: 'female', phone: '090-1111-0002', email: 'hanako@demo.invalid' },
  { nameKanji: '見本 健太', nameKana: 'ミホン ケンタ', birthDate: '1992-01-25', sex: 'male', phone: '080-1111-0003' },
  { nameKanji: '見本 さくら', nameKana: 'ミホン サクラ', birthDate: '1999-03-30', sex: 'female', phone: '070-1111-0004', email: 'sakura@demo.invalid' },
  { nameKanji: '見本 誠', nameKana: 'ミホン マコト', birthDate: '1965-11-08', sex: 'male', phone: '03-1111-0005' },
  { nameKanji: '見本 由美', nameKana: 'ミホン ユミ', birthDate: '1971-07-19', sex: 'female', phone: '090-1111-0006' },
  { nameKanji: '見本 陽菜', nameKana: 'ミホン ヒナ', birthDate: '2003-05-05', sex: 'female', phone: '080-1111-0007' },
  { nameKanji: '見本 大翔', nameKana: 'ミホン ヒロト', birthDate: '1988-12-24', sex: 'male', phone: '090-1111-0008' },
  {
    nameKanji: '見本 蓮', nameKana: 'ミホン レン', birthDate: '2011-06-15', sex: 'male',
    guardians: [{ name: '見本 真理', nameKana: 'ミホン マリ', relation: '母', phone: '090-2222-0009', email: 'mari@demo.invalid' }],
  },
  {
    nameKanji: '見本 結衣', nameKana: 'ミホン ユイ', birthDate: '2013-02-11', sex: 'female',
    guardians: [{ name: '見本 浩', nameKana: 'ミホン ヒロシ', relation: '父', phone: '090-2222-0010' }],
  },
  {
    nameKanji: '見本 湊', nameKana: 'ミホン ミナト', birthDate: '2009-10-01', sex: 'male', phone: '070-1111-0011',
    guardians: [{ name: '見本 恵子', nameKana: 'ミホン ケイコ', relation: '母', phone: '090-2222-0011' }],
  },
  {
    nameKanji: '見本 葵', nameKana: 'ミホン アオイ', birthDate: '2015-08-20', sex: 'female',
    guardians: [{ name: '見本 和子', nameKana: 'ミホン カズコ', relation: '祖母', phone: '03-2222-0012' }],
  },
];

export const demoStaff = [
  { loginId: 'demo.admin', displayName: '管理者（デモ）', role: 'admin' },
  { loginId: 'demo.doctor', displayName: '医師 見守（デモ）', role: 'doctor' },
  { loginId: 'demo.nurse', displayName: '看護師 見守（デモ）', role: 'nurse' },
  { loginId: 'demo.reception', displayName: '受付 見守（デモ）', role: 'reception' },
  { loginId: 'demo.researcher', displayName: '研究担当 見守（デモ）', role: 'researcher' },
] as const;

/** Seeds the demo clinic into an empty database; returns the one-time credentials to print. */
export async function seedDemo(db: Db, o: { now: Date; today: string; secrets: SecretBox }): Promise<NewStaffCredentials[]> {
  const creds: NewStaffCredentials[] = [];
  for (const s of demoStaff) {
    creds.push(await addStaffUser(db, { ...s, now: o.now, secrets: o.secrets, clinicName: '見守りメンタルクリニック（デモ）', actor: 'demo-seed' }));
  }
  const clinicId = creds[0]!.clinicId;
  // The demo clinic may have its example programs' sample consent texts signed; no other clinic may.
  await updateClinicSettings(db, clinicId, { demo: true });
  const now = o.now.toISOString();
  const pastVisits: string[] = [];
  for (const input of demoPatients) {
    const n = checkPatientInput(input, { today: o.today });
    const id = newId();
    const number = await nextCounter(db, clinicId, 'patient_number');
    const row = {
      id, clinic_id: clinicId, patient_number: formatPatientNumber(number), name_kanji: n.nameKanji, name_kana: n.nameKana, name_kana_norm: n.nameKanaNorm,
      birth_date: n.birthDate, sex: n.sex, phone: n.phone, phone_norm: n.phoneNorm, email: n.email, postal_code: n.postalCode, address: n.address,
      notes: 'デモ用の架空の患者です。 / Fictitious demo patient.', guardians_json: JSON.stringify(n.guardians), is_demo: 1, version: 1,
      created_at: now, created_by: null, updated_at: now, updated_by: null,
    };
    await insertPatient(db, row);
    const { id: _i, ...data } = { id, nameKanji: n.nameKanji, nameKana: n.nameKana, birthDate: n.birthDate, sex: n.sex, phone: n.phone, email: n.email, postalCode: n.postalCode, address: n.address, notes: row.notes, guardians: n.guardians };
    await insertPatientVersion(db, { clinicId, patientId: id, version: 1, data, changedAt: now, changedBy: null });
    await appendAudit(db, { at: now, clinicId, actorId: null, actorRole: 'demo-seed', action: 'patient.create', resource: 'patient', resourceId: id, patientId: id, outcome: 'success' });
    pastVisits.push(id);
  }
  // The demo clinic's facts (its fictitious doctors, rooms and devices, a phone that is no real number)
  // are the demo's only; the demo doctor's and nurse's accounts are the bookable 森 医師 and 加藤 看護師.
  const linked: Readonly<Record<string, string>> = { 'dr-mori': 'doctor', 'ns-kato': 'nurse' };
  const resources = seedClinicResources.map((r) => (linked[r.id] ? { ...r, staffId: creds.find((c) => c.role === linked[r.id])!.staffId } : r));
  await seedSchedulingConfig(db, { clinicId, now, clinicPhone: '03-0000-0000', clinicAddress: '東京都千代田区（デモ）', calendar: seedClinicCalendar, resources });
  // Each demo patient had a first visit (初診, booked by phone) about five weeks ago, so they may book revisits online.
  for (const [i, patientId] of pastVisits.entries()) {
    const startMs = zonedToInstant({ date: addDays(o.today, -35 - Math.floor(i / 4)), time: `${String(9 + (i % 4)).padStart(2, '0')}:00`, zone: 'Asia/Tokyo' });
    const start = new Date(startMs).toISOString();
    const end = new Date(startMs + 60 * 60_000).toISOString();
    await insertAppointment(db, {
      id: newId(), clinic_id: clinicId, patient_id: patientId, service_id: 'shoshin', start_at: start, end_at: end, start_ms: startMs, end_ms: startMs + 60 * 60_000,
      status: 'completed', hold_expires_at: null, channel: 'staff', series_id: null, assignments_json: JSON.stringify([{ role: 'doctor', resourceId: 'dr-mori' }]),
      buffer_before_minutes: 0, buffer_after_minutes: 0, double_booked: 0, override_reason: null, override_approved_by: null, idempotency_key: null, request_hash: null,
      note: 'デモ用の過去の初診 / Demo past first visit', checked_in_at: start, cancelled_at: null, cancel_reason: null, move_reason: null, created_by: null, created_at: now, updated_at: now, version: 1,
    });
  }
  await seedDemoSchedule(db, { clinicId, now: o.now, today: o.today, zone: 'Asia/Tokyo' });
  const staffId = (role: string) => creds.find((c) => c.role === role)!.staffId;
  await seedDemoProgram(db, { clinicId, now: o.now, today: o.today, zone: 'Asia/Tokyo', staff: { doctorId: staffId('doctor'), nurseId: staffId('nurse'), researcherId: staffId('researcher') } });
  await seedDemoExosome(db, { clinicId, now: o.now, today: o.today, zone: 'Asia/Tokyo', staff: { doctorId: staffId('doctor'), nurseId: staffId('nurse'), nurseName: '看護師 見守（デモ）' } });
  await seedDemoBilling(db, { clinicId, now: o.now, today: o.today, zone: 'Asia/Tokyo', adminId: staffId('admin'), receptionId: staffId('reception') });
  await seedDemoPublicSite(db, { clinicId, now });
  return creds;
}
