import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXOSOME_PROGRAM, TMS_PROGRAM } from '@mimamori/core/programs/index';
import { testDialects } from '../../../storage/test/test-db.ts';
import { recordScaleResponse } from '../../src/services/scales/record-scale-response.ts';
import { systemContext } from '../../src/request-context.ts';
import type { AppDeps } from '../../src/context.ts';
import { approvedProgram } from './approved-program.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

const phq9High = { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, q8: 2, q9: 0 };
const EXCLUSIONS = ['exclusion:pregnancy', 'exclusion:active_suicidal_intent', 'exclusion:product_allergy'].map((criterionId) => ({ criterionId, met: true }));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const vitals = { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 36.5, spo2Percent: 98, respiratoryRatePerMin: 16 };

const lotInput = (over: Record<string, unknown> = {}) => ({
  product: 'MSC-Exo 注', manufacturer: 'Example Bio', cellSource: 'umbilical_cord', donorRelation: 'allogeneic', acquisitionRoute: 'domestic_supplier',
  regulatoryStatus: 'unapproved_in_japan', lot: 'EXO-2026-041', expiryDate: '2027-06-30', receivedOn: '2026-11-20', particlesPerMl: 1e10, particleMethod: 'nta',
  volumePerVialMl: 2, storageTemperatureC: -80,
  coa: { testedOn: '2026-11-10', laboratory: '検査機関（例）', sterility: 'pass', endotoxinEuPerMl: 0.05, endotoxin: 'pass', mycoplasma: 'pass' },
  ...over,
});

for (const dialect of testDialects()) {
  describe(`treatment records: lots, certificates, out-of-window doses, TMS age (${dialect})`, () => {
    let t: TestApp;
    let doctor: Session;
    let nurse: Session;
    let reception: Session;
    let deps: AppDeps;
    let seq = 0;

    async function newPatient(over: Record<string, unknown> = {}): Promise<string> {
      seq++;
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKana: `テスト チリョウ${'アイウエオカキクケコ'[seq % 10]}`, email: `tr${seq}.${Date.now()}@example.test`, ...over }), acknowledgeDuplicates: true } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().patient.id;
    }

    async function enrolled(patientId: string, enrolmentDate: string): Promise<string> {
      await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const s = await as(t, doctor, { method: 'POST', url: `/api/programs/${EXOSOME_PROGRAM.id}/enrolments`, payload: { patientId } });
      assert.equal(s.statusCode, 201, s.body);
      const id = s.json().enrolment.id as string;
      const e = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: EXCLUSIONS } });
      assert.equal(e.json().status, 'eligible', e.body);
      await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '治療 太郎' }, signature: { method: 'typed', typedName: '治療 太郎' }, identityMethod: 'passport' } });
      const en = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: { enrolmentDate } });
      assert.equal(en.statusCode, 200, en.body);
      return id;
    }

    before(async () => {
      t = await createTestApp(dialect);
      deps = { db: t.db, clock: t.clock.fn, config: t.config };
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
      const ex = (await as(t, doctor, { method: 'GET', url: '/api/programs/examples' })).json().items as Array<{ id: string; consentDocuments: [] }>;
      for (const id of [EXOSOME_PROGRAM.id, TMS_PROGRAM.id]) {
        const res = await as(t, doctor, { method: 'POST', url: '/api/programs', payload: approvedProgram(ex.find((p) => p.id === id)!) });
        assert.equal(res.statusCode, 201, res.body);
      }
    });
    after(() => t.destroy());

    test('a lot with its certificate: the file type is judged from its bytes, a lot without it cannot be given, downloads are audited', async () => {
      const lots = `/api/programs/${EXOSOME_PROGRAM.id}/lots`;
      const bad = await as(t, nurse, { method: 'POST', url: lots, payload: lotInput({ particleMethod: 'guess', certificate: { fileName: 'coa.pdf', base64: Buffer.from('<html>').toString('base64') } }) });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(bad.json().error.details.map((d: { path: string }) => d.path), ['particleMethod']);
      const html = await as(t, nurse, { method: 'POST', url: lots, payload: lotInput({ certificate: { fileName: 'coa.pdf', base64: Buffer.from('<html>').toString('base64') } }) });
      assert.equal(html.statusCode, 400);
      assert.equal(html.json().error.details[0].path, 'certificate');
      assert.match(html.json().error.details[0].message, /PDF・PNG・JPEG/);
      assert.equal((await t.db.db.selectFrom('program_product_lots').select('id').execute()).length, 0, 'nothing half-written');

      const noFile = await as(t, nurse, { method: 'POST', url: lots, payload: lotInput({ lot: 'EXO-2026-040' }) });
      assert.equal(noFile.statusCode, 201, noFile.body);
      assert.deepEqual(noFile.json().releaseProblems, ['treatment.lot_certificate_missing']);
      const dup = await as(t, nurse, { method: 'POST', url: lots, payload: lotInput({ lot: 'exo-２０２６-０４０' }) });
      assert.equal(dup.statusCode, 409);

      const withFile = await as(t, nurse, { method: 'POST', url: lots, payload: lotInput({ certificate: { fileName: 'COA EXO-2026-041.pdf', base64: PDF.toString('base64') } }) });
      assert.equal(withFile.statusCode, 201, withFile.body);
      assert.deepEqual(withFile.json().releaseProblems, []);
      assert.equal(withFile.json().certificate.mediaType, 'application/pdf');
      const lotId = withFile.json().lot.id as string;

      const list = await as(t, doctor, { method: 'GET', url: lots });
      assert.deepEqual(list.json().items.map((x: { lot: { lot: string } }) => x.lot.lot).sort(), ['EXO-2026-040', 'EXO-2026-041']);
      const file = await as(t, doctor, { method: 'GET', url: `/api/program-lots/${lotId}/certificate` });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.match(String(file.headers['content-disposition']), /filename\*=UTF-8''COA%20EXO-2026-041\.pdf/);
      assert.deepEqual(file.rawPayload, PDF);
      const audits = await t.db.db.selectFrom('audit_log').select(['action']).where('resource_id', '=', lotId).execute();
      assert.deepEqual(audits.map((a) => a.action).sort(), ['program_lot.certificate_download', 'program_lot.create']);
      // The lot without its file can get one; a PNG is taken too.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
      const att = await as(t, nurse, { method: 'PUT', url: `/api/program-lots/${noFile.json().lot.id}/certificate`, payload: { fileName: 'scan.png', base64: png.toString('base64') } });
      assert.equal(att.statusCode, 200, att.body);
      assert.deepEqual(att.json().releaseProblems, []);
      assert.equal((await as(t, reception, { method: 'GET', url: `/api/program-lots/${lotId}/certificate` })).statusCode, 403);
    });

    test('an infusion on 12/07 before its window 12/12–16 needs a reason; confirmed, it is audited and the 12/14 booking is released', async () => {
      const pid = await newPatient();
      // Enrolled on Mon 7 Dec: the first infusion is proposed a week later, Mon 14 Dec (window 12–16).
      const id = await enrolled(pid, '2026-12-07');
      const prop = (await as(t, nurse, { method: 'GET', url: `/api/program-enrolments/${id}/booking-proposal?preferredTime=10:00` })).json();
      assert.equal(prop.occurrences[0].date, '2026-12-14');
      const occurrences = prop.occurrences.map((o: { sessionNumber: number; date: string; slot: { startTime: string } }) => ({ sessionNumber: o.sessionNumber, date: o.date, time: o.slot.startTime }));
      const booked = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } });
      assert.equal(booked.statusCode, 201, booked.body);
      // From the appointment to the enrolment's form.
      const first = booked.json().booking.appointments.find((a: { sessionNumber: number }) => a.sessionNumber === 1).appointmentId;
      const link = await as(t, nurse, { method: 'GET', url: `/api/appointments/${first}/program-session` });
      assert.equal(link.statusCode, 200, link.body);
      assert.deepEqual(link.json(), { enrolmentId: id, sessionNumber: 1, treatment: 'infusion', enrolmentStatus: 'enrolled' });
      const lotId = (await as(t, doctor, { method: 'GET', url: `/api/programs/${EXOSOME_PROGRAM.id}/lots` })).json().items.find((x: { lot: { lot: string } }) => x.lot.lot === 'EXO-2026-041').lot.id;

      t.clock.advance(Date.parse('2026-12-07T09:00:00+09:00') - t.clock.now.getTime());
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
      const dose = {
        lotId, dose: { value: 2e10, unit: 'particles' }, weightKg: 62.5, route: 'intravenous', thawedAt: '2026-12-07T09:30:00+09:00', diluent: '生理食塩水', diluentVolumeMl: 100, rateMlPerHour: 150, premedication: 'なし',
        startedAt: '2026-12-07T10:00:00+09:00', endedAt: '2026-12-07T10:45:00+09:00',
        vitalsBefore: { ...vitals, measuredAt: '2026-12-07T09:50:00+09:00' }, vitalsDuring: { ...vitals, respiratoryRatePerMin: 18, measuredAt: '2026-12-07T10:20:00+09:00' },
        vitalsAfter: { ...vitals, measuredAt: '2026-12-07T11:15:00+09:00' }, observation: { minutes: 30, observerName: '看護 花子' },
      };
      const refused = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: dose });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.message, '第1回の投与日 12月7日（月） は予定の範囲 12月12日（土）〜12月16日（水） の外です。この日に投与した理由を入力して確定してください。');
      assert.equal((await t.db.db.selectFrom('program_sessions').select('id').where('enrolment_id', '=', id).execute()).length, 0);
      const blank = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: { ...dose, outsideWindowReason: ' ' } });
      assert.equal(blank.statusCode, 400);
      assert.deepEqual(blank.json().error.details.map((d: { path: string }) => d.path), ['outsideWindowReason']);

      const ok = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: { ...dose, outsideWindowReason: '患者の海外渡航のため前倒し（医師了承）' } });
      assert.equal(ok.statusCode, 201, ok.body);
      const s = ok.json().session;
      assert.equal(s.product, 'MSC-Exo 注', 'the lot fills the product');
      assert.equal(s.storageTemperatureC, -80);
      assert.deepEqual(s.dosePerKg, { value: 3.2e8, unit: 'particles' });
      assert.equal(s.vitalsDuring.respiratoryRatePerMin, 18);
      assert.equal(s.observation.observerName, '看護 花子');
      assert.deepEqual(s.outsideWindow, { windowStart: '2026-12-12', windowEnd: '2026-12-16', reason: '患者の海外渡航のため前倒し（医師了承）' });
      assert.equal(s.appointment.status, 'cancelled');
      const appt = await t.db.db.selectFrom('appointments').select(['status']).where('id', '=', s.appointment.appointmentId).executeTakeFirstOrThrow();
      assert.equal(appt.status, 'cancelled');
      const units = await t.db.db.selectFrom('appointment_units').select(['active']).where('appointment_id', '=', s.appointment.appointmentId).execute();
      assert.ok(units.length > 0 && units.every((u) => Number(u.active) === 0), 'the chair and the nurse are free');
      const audits = (await t.db.db.selectFrom('audit_log').select(['action']).where('patient_id', '=', pid).execute()).map((a) => a.action);
      assert.ok(audits.includes('program_session.outside_window'), audits.join());
      assert.ok(audits.includes('appointment.cancelled'), audits.join());
      const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      assert.equal(detail.plannedSessions[0].status, 'recorded');
      assert.equal(detail.plannedSessions[0].appointment.status, 'cancelled');
      assert.equal(detail.plannedSessions.filter((p: { status: string; appointment?: { status: string } }) => p.appointment?.status === 'confirmed').length, 4);
    });

    test('a TMS program refuses a patient 17 years 364 days old and screens one who turned 18 today', async () => {
      // The clock reads 2026-12-07 in Tokyo after the previous test (or 12-01 when run alone): birthdays follow it.
      const today = new Date(t.clock.now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
      const y = Number(today.slice(0, 4)) - 18;
      const eighteenToday = `${y}${today.slice(4)}`;
      const d = new Date(`${eighteenToday}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      const oneDayShort = d.toISOString().slice(0, 10);
      const young = await newPatient({ birthDate: oneDayShort, guardians: [{ name: '治療 母', relation: '母' }] });
      const refused = await as(t, doctor, { method: 'POST', url: `/api/programs/${TMS_PROGRAM.id}/enrolments`, payload: { patientId: young } });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.match(refused.json().error.message, /18歳未満の方を登録できません（現在17歳）/);
      assert.equal((await t.db.db.selectFrom('program_enrolments').select('id').where('patient_id', '=', young).execute()).length, 0);
      const en = await as(t, doctor, { method: 'POST', url: `/api/programs/${TMS_PROGRAM.id}/enrolments`, headers: { 'accept-language': 'en' }, payload: { patientId: young } });
      assert.match(en.json().error.message, /cannot enrol anyone under 18 \(this patient is 17\)/);
      const adult = await newPatient({ birthDate: eighteenToday });
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/programs/${TMS_PROGRAM.id}/enrolments`, payload: { patientId: adult } })).statusCode, 201);
    });
  });
}
