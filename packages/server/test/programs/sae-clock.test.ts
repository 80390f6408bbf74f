import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXOSOME_PROGRAM } from '@mimamori/core/programs/index';
import { addDays } from '@mimamori/core/time/index';
import { testDialects } from '../../../storage/test/test-db.ts';
import type { AppDeps } from '../../src/context.ts';
import { createMailWorker } from '../../src/mail/mail-worker.ts';
import { recordScaleResponse } from '../../src/services/scales/record-scale-response.ts';
import { queueSaeReminders } from '../../src/services/programs/sae-reminder-job.ts';
import { systemContext } from '../../src/request-context.ts';
import { approvedProgram } from './approved-program.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { startTestSmtp } from '../test-smtp.ts';

const phq9High = { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, q8: 2, q9: 0 };
const EXCLUSION_ATTESTATIONS = ['exclusion:pregnancy', 'exclusion:active_suicidal_intent', 'exclusion:product_allergy'].map((criterionId) => ({ criterionId, met: true }));
const DAY = 86_400_000;

const ae = (over: Record<string, unknown> = {}) => ({
  term: 'アナフィラキシー', onsetDate: '2026-12-01', grade: 4, seriousness: ['life_threatening'], relatedness: 'probable',
  actionTaken: 'infusion_interrupted', outcome: 'recovering', ...over,
});

for (const dialect of testDialects()) {
  describe(`SAE reporting clock and stopping the dose (${dialect})`, () => {
    let t: TestApp;
    let doctor: Session;
    let nurse: Session;
    let reception: Session;
    let deps: AppDeps;
    let seq = 0;
    const programId = EXOSOME_PROGRAM.id;

    async function enrolledPatient(): Promise<{ id: string; patientId: string; email: string }> {
      seq++;
      const email = `sae${seq}.${Date.now()}@example.test`;
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ email, nameKana: `テスト ユウガイ${'アイウエオ'[seq % 5]}` }), acknowledgeDuplicates: true } });
      assert.equal(res.statusCode, 201, res.body);
      const patientId = res.json().patient.id as string;
      await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const s = await as(t, doctor, { method: 'POST', url: `/api/programs/${programId}/enrolments`, payload: { patientId } });
      const id = s.json().enrolment.id as string;
      await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: EXCLUSION_ATTESTATIONS } });
      const c = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '有害 太郎' }, signature: { method: 'typed', typedName: '有害 太郎' }, identityMethod: 'passport' } });
      assert.equal(c.json().status, 'consented', c.body);
      const en = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: {} });
      assert.equal(en.statusCode, 200, en.body);
      return { id, patientId, email };
    }

    before(async () => {
      t = await createTestApp(dialect);
      deps = { db: t.db, clock: t.clock.fn, config: t.config };
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
      const ex = await as(t, doctor, { method: 'GET', url: '/api/programs/examples' });
      const input = ex.json().items.find((p: { id: string }) => p.id === programId);
      assert.ok(input.safety.expectedAdverseEvents.length > 0, 'the example lists its expected events');
      const res = await as(t, doctor, { method: 'POST', url: '/api/programs', payload: approvedProgram(input) });
      assert.equal(res.statusCode, 201, res.body);
    });
    after(() => t.destroy());

    test('expectedness comes from the program list: a free "expected" is ignored, a listed event is expected, an unlisted id is refused', async () => {
      const { id } = await enrolledPatient();
      const free = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: ae({ expectedness: 'expected' }) });
      assert.equal(free.statusCode, 201, free.body);
      assert.equal(free.json().adverseEvent.expectedness, 'unexpected');
      assert.equal(free.json().susar, true);
      const listed = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: ae({ term: '発熱', grade: 1, seriousness: [], expectedEventId: 'fever' }) });
      assert.equal(listed.json().adverseEvent.expectedness, 'expected');
      const bad = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: ae({ expectedEventId: 'no-such-event' }) });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(bad.json().error.details.map((d: { path: string }) => d.path), ['expectedEventId']);
      assert.match(bad.json().error.details[0].message, /予測される有害事象/);
    });

    test('an unexpected life-threatening SAE under 臨床研究法 is due in 7 days; the task turns overdue; a doctor records the reports (audited) and the task goes', async () => {
      const { id } = await enrolledPatient();
      const r = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: ae() });
      assert.equal(r.statusCode, 201, r.body);
      const aeId = r.json().adverseEvent.id as string;
      const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      const clock = detail.saeClocks[aeId];
      assert.equal(clock.knownOn, '2026-12-01');
      assert.deepEqual(clock.deadlines.map((d: { recipient: string; dueDate: string; state: string }) => `${d.recipient}:${d.dueDate}:${d.state}`),
        ['institution_head_and_board:2026-12-08:open', 'minister:2026-12-08:open']);

      const tasks = async () => (await as(t, doctor, { method: 'GET', url: `/api/program-sae-tasks?programId=${programId}` })).json().tasks.filter((x: { adverseEventId: string }) => x.adverseEventId === aeId);
      assert.equal((await tasks()).length, 2);
      assert.equal((await as(t, reception, { method: 'GET', url: '/api/program-sae-tasks' })).statusCode, 403);

      t.clock.advance(8 * DAY); // 2026-12-09 in Tokyo: one day late
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
      assert.deepEqual((await tasks()).map((x: { deadline: { state: string; daysLeft: number } }) => `${x.deadline.state}:${x.deadline.daysLeft}`), ['overdue:-1', 'overdue:-1']);

      // A nurse may not record the report; a bad one names its fields and writes nothing.
      const url = `/api/program-enrolments/${id}/adverse-events/${aeId}/reports`;
      assert.equal((await as(t, nurse, { method: 'POST', url, payload: { recipient: 'minister', reportedOn: '2026-12-08', reportedTo: 'jRCT' } })).statusCode, 403);
      const bad = await as(t, doctor, { method: 'POST', url, payload: { recipient: 'clinic_rule', reportedOn: '2026-12-31', reportedTo: ' ' } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(bad.json().error.details.map((d: { path: string }) => d.path).sort(), ['recipient', 'reportedOn', 'reportedTo']);
      const early = await as(t, doctor, { method: 'POST', url, headers: { 'accept-language': 'en' }, payload: { recipient: 'minister', reportedOn: '2026-11-30', reportedTo: 'jRCT' } });
      assert.match(early.json().error.details[0].message, /2026-12-01/);
      assert.equal((await t.db.db.selectFrom('program_sae_reports').select('id').where('adverse_event_id', '=', aeId).execute()).length, 0);

      const ok = await as(t, doctor, { method: 'POST', url, payload: { recipient: 'institution_head_and_board', reportedOn: '2026-12-08', reportedTo: 'テスト大学 認定臨床研究審査委員会' } });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual(ok.json().clock.deadlines.map((d: { state: string; late?: boolean }) => `${d.state}:${d.late ?? ''}`), ['reported:false', 'overdue:']);
      await as(t, doctor, { method: 'POST', url, payload: { recipient: 'minister', reportedOn: '2026-12-09', reportedTo: 'jRCT（厚生労働大臣）', note: '1日遅延。理由書を添付' } });
      assert.equal((await tasks()).length, 0);
      const late = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json().saeClocks[aeId];
      assert.deepEqual(late.deadlines.map((d: { late: boolean }) => d.late), [false, true]);
      assert.equal(late.reports.length, 2);
      const audits = await t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('resource_id', '=', aeId).where('action', '=', 'program_sae.report').execute();
      assert.equal(audits.length, 2);
    });

    test('reminders: a mail to each doctor once a day while a deadline is near or past, through the outbox and real SMTP; none once reported', async () => {
      const smtp = await startTestSmtp();
      try {
        const docMail = `doctor.sae.${Date.now()}@example.test`;
        const docs = await t.db.db.selectFrom('staff').select('id').where('clinic_id', '=', t.clinicId).where('role', '=', 'doctor').execute();
        await t.db.db.updateTable('staff').set({ email: docMail }).where('id', '=', docs[0]!.id).execute();
        // The other doctors have no address: nothing is queued for them.
        const { id } = await enrolledPatient();
        const r = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: ae({ term: '入院を要する肝障害', grade: 3, seriousness: ['hospitalisation'], onsetDate: undefined }) });
        assert.equal(r.statusCode, 400); // onset date is required
        const today = new Date(t.clock.now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
        const r2 = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: ae({ term: '入院を要する肝障害', grade: 3, seriousness: ['hospitalisation'], onsetDate: today }) });
        const aeId = r2.json().adverseEvent.id as string;
        const deliver = async () => {
          await queueSaeReminders(deps);
          const worker = createMailWorker(deps, smtp.config());
          await worker.runOnce();
          await worker.stop();
        };
        const mine = () => smtp.received.filter((m) => m.to.includes(docMail));
        await deliver();
        const first = mine().length; // earlier tests' overdue events may remind too; this one is 15 days away
        assert.equal((await t.db.db.selectFrom('outbox').select('id').where('dedupe_key', 'like', `sae-reminder:${aeId}:%`).execute()).length, 0, 'not yet: 15 days left');
        t.clock.advance(13 * DAY); // 2 days left
        doctor = await signedIn(t, 'doctor');
        await deliver();
        await deliver(); // the same day again: no second mail
        const sent = await t.db.db.selectFrom('outbox').select(['body_text', 'subject', 'status']).where('dedupe_key', 'like', `sae-reminder:${aeId}:%`).execute();
        assert.equal(sent.length, 2, 'head + CRB and the Minister, one mail each');
        assert.ok(sent.every((m) => m.status === 'sent' && !m.body_text.includes('肝障害') && /\/program-enrolments\//.test(m.body_text)));
        assert.ok(mine().length >= first + 2);
        const url = `/api/program-enrolments/${id}/adverse-events/${aeId}/reports`;
        const on = new Date(t.clock.now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
        for (const recipient of ['institution_head_and_board', 'minister']) {
          assert.equal((await as(t, doctor, { method: 'POST', url, payload: { recipient, reportedOn: on, reportedTo: 'x' } })).statusCode, 201);
        }
        t.clock.advance(DAY);
        await deliver();
        assert.equal((await t.db.db.selectFrom('outbox').select('id').where('dedupe_key', 'like', `sae-reminder:${aeId}:%`).execute()).length, 2, 'no reminder after the reports');
        doctor = await signedIn(t, 'doctor');
        nurse = await signedIn(t, 'nurse');
        reception = await signedIn(t, 'reception');
      } finally {
        await smtp.close();
      }
    });

    test('an AE with 「投与中止」 stops dosing: the participant leaves 実施中, a dose is refused, and staff confirm cancelling the booked sessions (patient told)', async () => {
      const { id, patientId } = await enrolledPatient();
      const prop = await as(t, nurse, { method: 'GET', url: `/api/program-enrolments/${id}/booking-proposal?preferredTime=10:00` });
      assert.equal(prop.statusCode, 200, prop.body);
      const occurrences = prop.json().occurrences.map((o: { sessionNumber: number; date: string; slot: { startTime: string } }) => ({ sessionNumber: o.sessionNumber, date: o.date, time: o.slot.startTime }));
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } })).statusCode, 201);
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/cancel-remaining-sessions` })).statusCode, 409, 'not before dosing stopped');

      const today = new Date(t.clock.now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
      const r = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: ae({ onsetDate: today, actionTaken: 'treatment_withdrawn' }) });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().dosingStopped, true);
      const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      assert.equal(detail.enrolment.status, 'dosing_stopped');
      assert.deepEqual(detail.plannedSessions.map((s: { status: string }) => s.status), ['booked', 'booked', 'booked', 'booked', 'booked'], 'kept until staff confirm');

      const dose = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: {
        product: 'MSC-Exo 注', manufacturer: 'Example Bio', lot: 'EXO 2026041', expiryDate: '2027-06-30', volumeMl: 100, route: 'intravenous',
        startedAt: `${today}T10:05:00+09:00`, endedAt: `${today}T10:50:00+09:00`,
        vitalsBefore: { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 36.5, spo2Percent: 98 },
      } });
      assert.equal(dose.statusCode, 409, dose.body);
      assert.match(dose.json().error.message, /投与を中止/);

      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/cancel-remaining-sessions` })).statusCode, 403, 'a doctor confirms');
      const c = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/cancel-remaining-sessions` });
      assert.equal(c.statusCode, 200, c.body);
      assert.equal(c.json().cancelledAppointments, 5);
      const rows = await t.db.db.selectFrom('appointments').select('status').where('patient_id', '=', patientId).execute();
      assert.ok(rows.every((x) => x.status === 'cancelled'));
      const notices = await t.db.db.selectFrom('outbox').select('kind').where('patient_id', '=', patientId).execute();
      assert.ok(notices.filter((n) => /cancel/.test(n.kind)).length >= 5, JSON.stringify(notices));
      // Follow-up goes on: the participant can still complete the program.
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/transition`, payload: { to: 'completed' } })).statusCode, 200);
    });

    test('re-consent at 16 with a fake clock: dosed at 15y364d, refused at 16y0d until a doctor overrides with a reason (audited) or the minor signs their own consent', async () => {
      const dose = (n: number, day: string) => ({
        sessionNumber: n, product: 'MSC-Exo 注', manufacturer: 'Example Bio', lot: 'EXO 2026041', expiryDate: '2027-06-30', volumeMl: 100, route: 'intravenous',
        startedAt: `${day}T10:05:00+09:00`, endedAt: `${day}T10:50:00+09:00`,
        vitalsBefore: { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 36.5, spo2Percent: 98 },
        vitalsAfter: { systolicMmHg: 121, diastolicMmHg: 78, heartRateBpm: 70, temperatureC: 36.6, spo2Percent: 99 },
        // The course was booked from next week; these doses come earlier, confirmed with a reason.
        outsideWindowReason: '本人の都合で予定より早く来院',
      });
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
      const today = () => new Date(t.clock.now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
      const d0 = today();
      const birthDate = addDays(`${Number(d0.slice(0, 4)) - 16}${d0.slice(4)}`, 1); // 15 years 364 days old today
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ birthDate, nameKana: 'テスト サイドウイ', guardians: [{ name: '再同 花子', relation: '母' }] }), acknowledgeDuplicates: true } });
      assert.equal(res.statusCode, 201, res.body);
      const patientId = res.json().patient.id as string;
      await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const id = (await as(t, doctor, { method: 'POST', url: `/api/programs/${programId}/enrolments`, payload: { patientId } })).json().enrolment.id as string;
      await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: EXCLUSION_ATTESTATIONS } });
      await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'guardian', language: 'ja', signer: { kind: 'guardian', name: '再同 花子', relation: 'mother' }, signature: { method: 'typed', typedName: '再同 花子' }, identityMethod: 'driving_licence' } });
      const a = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'assent', language: 'ja', signer: { kind: 'self', name: '再同 太郎' }, signature: { method: 'typed', typedName: '再同 太郎' }, identityMethod: 'known_to_staff' } });
      assert.equal(a.json().status, 'consented', a.body);
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: {} })).statusCode, 200);
      // 15y364d: dosed.
      const first = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: dose(1, d0) });
      assert.equal(first.statusCode, 201, first.body);
      // 16y0d: refused, naming what is due; the enrolment page and the task list show it.
      t.clock.advance(DAY);
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      const d1 = today();
      const refused = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: dose(2, d1) });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.details[0].path, 'reconsent');
      assert.match(refused.json().error.details[0].message, /16歳/);
      assert.equal(await t.db.db.selectFrom('program_sessions').select('id').where('enrolment_id', '=', id).execute().then((r) => r.length), 1, 'nothing written');
      const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      assert.deepEqual(detail.reconsent.items.map((i: { reason: string; dueDate: string; blocking: boolean }) => `${i.reason}:${i.dueDate}:${i.blocking}`), [`turned_16:${d1}:true`]);
      const tasks = (await as(t, doctor, { method: 'GET', url: '/api/program-reconsent-tasks' })).json().tasks;
      assert.ok(tasks.some((x: { enrolmentId: string; reason: string }) => x.enrolmentId === id && x.reason === 'turned_16'));
      // A nurse cannot override; a doctor must give a reason.
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/reconsent-override`, payload: { reason: '本人・保護者と来週面談予定' } })).statusCode, 403);
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/reconsent-override`, payload: { reason: ' ' } })).statusCode, 400);
      const ov = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/reconsent-override`, payload: { reason: '本人・保護者と来週面談予定。投与間隔を守るため続行' } });
      assert.equal(ov.statusCode, 200, ov.body);
      assert.equal(ov.json().reconsent.blocked, false);
      assert.equal((await t.db.db.selectFrom('audit_log').select('id').where('resource_id', '=', id).where('action', '=', 'program_enrolment.reconsent_override').execute()).length, 1);
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: dose(2, d1) })).statusCode, 201);
      // The minor then signs their own consent: nothing is due any more.
      const own = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '再同 太郎' }, signature: { method: 'typed', typedName: '再同 太郎' }, identityMethod: 'known_to_staff' } });
      assert.equal(own.statusCode, 201, own.body);
      assert.deepEqual(own.json().reconsent.items, []);
      assert.equal(own.json().status, 'active');
    });

    test('retention: each program states its period from its pathway; kept while the end is not recorded; the date once it is', async () => {
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      assert.equal((await as(t, nurse, { method: 'GET', url: '/api/program-retention' })).statusCode, 403);
      const before = (await as(t, doctor, { method: 'GET', url: '/api/program-retention' })).json().items.find((x: { programId: string }) => x.programId === programId);
      assert.deepEqual([before.rule, before.until, before.state, before.waitingFor], ['crr_53', null, 'end_not_recorded', 'endedOn']);
      const { program } = (await as(t, doctor, { method: 'GET', url: `/api/programs/${programId}` })).json();
      const bad = await as(t, doctor, { method: 'PUT', url: `/api/programs/${programId}`, payload: { ...program, closure: { endedOn: '2027-03-31', endReportedOn: '2027-01-01' } } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.ok(bad.json().error.details.some((d: { path: string }) => d.path === 'closure.endReportedOn'));
      const rev = await as(t, doctor, { method: 'PUT', url: `/api/programs/${programId}`, payload: { ...program, closure: { endedOn: '2027-03-31' } } });
      assert.equal(rev.statusCode, 200, rev.body);
      const after = (await as(t, doctor, { method: 'GET', url: '/api/program-retention' })).json().items.find((x: { programId: string }) => x.programId === programId);
      assert.deepEqual([after.until, after.state], ['2032-03-31', 'kept']);
      assert.ok(after.participants >= 5);
    });
  });
}
