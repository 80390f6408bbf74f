import { formatClinicDate } from '@mimamori/core/time/format-clinic-date';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clinicDay, seedClinicCalendar } from '@mimamori/core/scheduling/index';
import { EXOSOME_PROGRAM, proposeSchedule, TMS_PROGRAM } from '@mimamori/core/programs/index';
import { expandAvailability } from '@mimamori/core/scheduling/compact-availability';
import { addDays } from '@mimamori/core/time/index';
import { testDialects } from '../../../storage/test/test-db.ts';
import type { AppDeps } from '../../src/context.ts';
import { createMailWorker } from '../../src/mail/mail-worker.ts';
import { deliverDueQuestionnaires } from '../../src/services/scales/deliver-questionnaires.ts';
import { recordScaleResponse } from '../../src/services/scales/record-scale-response.ts';
import { systemContext } from '../../src/request-context.ts';
import { approvedProgram } from './approved-program.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { startTestSmtp } from '../test-smtp.ts';

const phq9High = { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, q8: 2, q9: 0 };
const phq9Low = { q1: 1, q2: 1, q3: 0, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 };
const EXCLUSION_ATTESTATIONS = ['exclusion:pregnancy', 'exclusion:active_suicidal_intent', 'exclusion:product_allergy'].map((criterionId) => ({ criterionId, met: true }));
const calendar = { ...seedClinicCalendar, zone: 'Asia/Tokyo' };
const isOpenDay = (d: string) => clinicDay(calendar, d).open;
/** Clinic dates across a year (year-end closure, Golden Week, days before national holidays, closed weekdays), shared with scripts/test-dates.mjs. */
const CALENDAR_DATES = (JSON.parse(readFileSync(new URL('../../../../scripts/calendar-dates.json', import.meta.url), 'utf8')) as { dates: Array<{ date: string; why: string }> }).dates;


/** An enrolment date (from `from`) whose infusion course has a session moved off a national holiday. */
function dateWithHolidayShift(from: string): { date: string; holiday: string; holidayName: string } {
  for (let k = 0; k < 120; k++) {
    const date = addDays(from, k);
    const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: date, isOpenDay });
    const shift = p.shifts.find((s) => s.itemId.startsWith('session-') && s.itemId !== 'session-1' && clinicDay(calendar, s.from).holiday);
    if (shift) return { date, holiday: shift.from, holidayName: clinicDay(calendar, shift.from).holiday!.name };
  }
  throw new Error('no holiday in reach');
}

const esc = (x: string) => x.replace(/[()（）]/g, (c) => `\\${c}`);

for (const dialect of testDialects()) {
  describe(`program booking, assessment links and adverse-event edits (${dialect})`, () => {
    let t: TestApp;
    let doctor: Session;
    let nurse: Session;
    let reception: Session;
    let deps: AppDeps;
    let seq = 0;
    const programId = EXOSOME_PROGRAM.id;

    /** The first date after today (Tokyo) whose proposed course `fits`: a stage for moving sessions. */
    function enrolmentDateWhere(fits: (s: ReturnType<typeof proposeSchedule>, sessions: ReturnType<typeof proposeSchedule>['items'], date: string) => boolean): string {
      const today = new Date(t.clock.now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
      for (let k = 1; k < 120; k++) {
        const date = addDays(today, k);
        const s = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: date, isOpenDay });
        if (fits(s, s.items.filter((i) => i.kind === 'session'), date)) return date;
      }
      throw new Error('no enrolment date in the next 120 days fits');
    }

    async function newPatient(): Promise<{ id: string; email: string }> {
      seq++;
      const email = `prog${seq}.${Date.now()}@example.test`;
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ email, nameKana: `テスト ヨヤク${'アイウエオ'[seq % 5]}${seq}`.replace(/\d/g, (d) => 'カキクケコサシスセソ'[Number(d)]!) }), acknowledgeDuplicates: true } });
      assert.equal(res.statusCode, 201, res.body);
      return { id: res.json().patient.id, email };
    }

    /** Screened, consented and enrolled on `enrolmentDate`; returns the enrolment id and the enrol response. */
    async function enrolled(patientId: string, enrolmentDate?: string) {
      await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const s = await as(t, doctor, { method: 'POST', url: `/api/programs/${programId}/enrolments`, payload: { patientId } });
      assert.equal(s.statusCode, 201, s.body);
      const id = s.json().enrolment.id as string;
      const e = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: EXCLUSION_ATTESTATIONS } });
      assert.equal(e.json().status, 'eligible', e.body);
      const c = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '予約 太郎' }, signature: { method: 'typed', typedName: '予約 太郎' }, identityMethod: 'passport' } });
      assert.equal(c.json().status, 'consented', c.body);
      const en = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: enrolmentDate ? { enrolmentDate } : {} });
      assert.equal(en.statusCode, 200, en.body);
      return { id, enrol: en.json() };
    }

    /** Sessions expire as earlier tests move the clock on. */
    async function signInAgain(): Promise<void> {
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
    }

    before(async () => {
      t = await createTestApp(dialect);
      deps = { db: t.db, clock: t.clock.fn, config: t.config };
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
      const ex = await as(t, doctor, { method: 'GET', url: '/api/programs/examples' });
      const input = ex.json().items.find((p: { id: string }) => p.id === programId);
      assert.equal(input.sessions.serviceId, 'exosome-infusion');
      // The service must be one the clinic books.
      const unknown = await as(t, doctor, { method: 'POST', url: '/api/programs', headers: { 'accept-language': 'en' }, payload: { ...input, sessions: { ...input.sessions, serviceId: 'no-such-service' } } });
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.deepEqual(unknown.json().error.details.map((d: { path: string }) => d.path), ['sessions.serviceId']);
      const res = await as(t, doctor, { method: 'POST', url: '/api/programs', payload: approvedProgram(input) });
      assert.equal(res.statusCode, 201, res.body);
    });
    after(() => t.destroy());

    test('the infusion course is proposed around the holiday and booked as one series the timeline and dashboard show', async () => {
      const p = await newPatient();
      const { date, holiday, holidayName } = dateWithHolidayShift('2026-12-02');
      const { id, enrol } = await enrolled(p.id, date);
      const sessionDates = enrol.schedule.items.filter((i: { kind: string }) => i.kind === 'session').map((i: { date: string }) => i.date);

      const before = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      assert.deepEqual(before.plannedSessions.map((s: { status: string }) => s.status), ['not_booked', 'not_booked', 'not_booked', 'not_booked', 'not_booked']);

      const prop = await as(t, nurse, { method: 'GET', url: `/api/program-enrolments/${id}/booking-proposal?preferredTime=10:00` });
      assert.equal(prop.statusCode, 200, prop.body);
      const proposal = prop.json();
      assert.equal(proposal.service.id, 'exosome-infusion');
      assert.equal(proposal.complete, true);
      assert.deepEqual(proposal.occurrences.map((o: { date: string }) => o.date), sessionDates, 'the series keeps the program\'s dates');
      assert.ok(proposal.passedOver.some((x: { date: string; holidayName?: string }) => x.date === holiday && x.holidayName === holidayName), JSON.stringify(proposal.passedOver));
      for (const o of proposal.occurrences) assert.equal(o.slot.startTime, '10:00');

      const occurrences = proposal.occurrences.map((o: { sessionNumber: number; date: string; slot: { startTime: string } }) => ({ sessionNumber: o.sessionNumber, date: o.date, time: o.slot.startTime }));
      const book = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } });
      assert.equal(book.statusCode, 201, book.body);
      const rows = await t.db.db.selectFrom('appointments').select(['series_id', 'status', 'service_id']).where('patient_id', '=', p.id).execute();
      assert.equal(rows.length, 5);
      assert.equal(new Set(rows.map((r) => r.series_id)).size, 1, 'one series');
      assert.ok(rows.every((r) => r.status === 'confirmed' && r.service_id === 'exosome-infusion'));
      assert.equal(rows[0]!.series_id, book.json().booking.seriesId);

      const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      assert.deepEqual(detail.plannedSessions.map((s: { status: string }) => s.status), ['booked', 'booked', 'booked', 'booked', 'booked']);
      assert.deepEqual(detail.plannedSessions.map((s: { appointment: { date: string; time: string } }) => s.appointment.date), sessionDates);
      const tl = (await as(t, doctor, { method: 'GET', url: `/api/patients/${p.id}/program-timeline` })).json();
      assert.equal(tl.enrolments[0].plannedSessions.filter((s: { status: string }) => s.status === 'booked').length, 5);
      const dash = (await as(t, doctor, { method: 'GET', url: `/api/programs/${programId}/dashboard` })).json();
      assert.deepEqual(dash.enrolments.find((e: { id: string }) => e.id === id).sessions, { planned: 5, booked: 5, notBooked: 0 });
      const audits = await t.db.db.selectFrom('audit_log').select('action').where('resource_id', '=', id).execute();
      assert.ok(audits.some((a) => a.action === 'program_enrolment.book'));

      const again = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } });
      assert.equal(again.statusCode, 409, again.body);
      assert.equal((await t.db.db.selectFrom('appointments').select('id').where('patient_id', '=', p.id).execute()).length, 5);

      // Withdrawal cancels the course's future appointments; the participant page shows them cancelled.
      const w = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/withdraw`, payload: { dataChoice: 'keep' } });
      assert.equal(w.statusCode, 200, w.body);
      assert.equal(w.json().cancelledAppointments, 5);
      const left = await t.db.db.selectFrom('appointments').select('status').where('patient_id', '=', p.id).execute();
      assert.ok(left.every((r) => r.status === 'cancelled'), JSON.stringify(left));
      const gone = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      assert.deepEqual(gone.plannedSessions.map((s: { status: string }) => s.status), ['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    });

    test('a session that cannot be booked names its date in Japanese and English, and nothing is booked', async () => {
      const p = await newPatient();
      const { id, enrol } = await enrolled(p.id, '2026-12-16');
      const sessions = enrol.schedule.items.filter((i: { kind: string }) => i.kind === 'session');
      const occurrences = sessions.map((s: { sessionNumber: number; date: string }) => ({ sessionNumber: s.sessionNumber, date: s.date, time: '11:00' }));
      // Both nurses and chairs are taken at 11:00 on the day of session 3.
      const third = occurrences[2];
      for (let k = 0; k < 2; k++) {
        const other = await newPatient();
        const r = await as(t, reception, { method: 'POST', url: '/api/appointments', payload: { patientId: other.id, serviceId: 'exosome-infusion', start: `${third.date}T11:00:00+09:00` } });
        assert.equal(r.statusCode, 201, r.body);
      }
      const ja = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } });
      assert.equal(ja.statusCode, 409, ja.body);
      assert.match(ja.json().error.message, new RegExp(`第3回（${esc(formatClinicDate(third.date, 'ja'))} 11:00）を予約できませんでした`));
      assert.equal(ja.json().error.details[0].path, 'occurrences[2].date');
      const en = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, headers: { 'accept-language': 'en' }, payload: { occurrences } });
      assert.equal(en.statusCode, 409);
      assert.match(en.json().error.message, new RegExp(`Session 3 \\(${formatClinicDate(third.date, 'en')} 11:00\\) could not be booked, so nothing was booked`));
      assert.equal((await t.db.db.selectFrom('appointments').select('id').where('patient_id', '=', p.id).execute()).length, 0, 'nothing half-booked');
      assert.equal((await t.db.db.selectFrom('appointment_series').select('id').where('patient_id', '=', p.id).execute()).length, 0);

      // A closed day (a Sunday) is refused the same way, naming that date.
      const sunday = Array.from({ length: 14 }, (_, k) => addDays(sessions[1].date, -k)).find((d) => clinicDay(calendar, d).open === false && d > sessions[0].date)!;
      const closed = occurrences.map((o: { sessionNumber: number }, i: number) => (i === 1 ? { ...o, date: sunday } : o));
      const c = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, headers: { 'accept-language': 'en' }, payload: { occurrences: closed } });
      assert.ok(c.statusCode >= 400 && c.statusCode < 500, c.body);
      assert.match(c.json().error.message, new RegExp(`Session 2 \\(${formatClinicDate(sunday, 'en')} 11:00\\)`));
      // Missing sessions and past dates name their fields before anything is tried.
      const partial = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, headers: { 'accept-language': 'en' }, payload: { occurrences: [{ ...occurrences[0], date: '2026-11-20' }] } });
      assert.equal(partial.statusCode, 400);
      assert.deepEqual(partial.json().error.details.map((d: { path: string }) => d.path), ['occurrences', 'occurrences[0].date']);
      assert.match(partial.json().error.details[1].message, /Fri 20 Nov is in the past/);
      const badTime = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences: occurrences.map((o: { time: string }, i: number) => (i === 4 ? { ...o, time: '25:70' } : o)) } });
      assert.equal(badTime.statusCode, 400, badTime.body);
      assert.deepEqual(badTime.json().error.details.map((d: { path: string }) => d.path), ['occurrences[4].time']);
      const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      assert.equal(detail.booking, null);
    });

    test('enrolled patients carry the program tag for online booking; withdrawal removes it; withdrawn patients cannot be booked', async () => {
      const p = await newPatient();
      assert.deepEqual(await t.app.appState.scheduling.patientTags(t.db.db, t.clinicId, p.id), []);
      const { id } = await enrolled(p.id);
      assert.deepEqual(await t.app.appState.scheduling.patientTags(t.db.db, t.clinicId, p.id), ['program:exosome']);
      const w = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/withdraw`, payload: { dataChoice: 'keep' } });
      assert.equal(w.statusCode, 200, w.body);
      assert.deepEqual(await t.app.appState.scheduling.patientTags(t.db.db, t.clinicId, p.id), []);
      const b = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences: [{ sessionNumber: 1, date: '2026-12-09', time: '10:00' }] } });
      assert.equal(b.statusCode, 409);
      assert.equal(b.json().error.details[0].path, 'enrolmentStatus');
    });

    test('a daily TMS course of 30 sessions is proposed on open days and booked as one weekly series', async () => {
      const ex = await as(t, doctor, { method: 'GET', url: '/api/programs/examples' });
      const input = ex.json().items.find((x: { id: string }) => x.id === TMS_PROGRAM.id);
      assert.equal((await as(t, doctor, { method: 'POST', url: '/api/programs', payload: approvedProgram(input) })).statusCode, 201);
      const p = await newPatient();
      await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId: p.id, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const id = (await as(t, doctor, { method: 'POST', url: `/api/programs/${TMS_PROGRAM.id}/enrolments`, payload: { patientId: p.id } })).json().enrolment.id as string;
      const attest = ['exclusion:metal_or_device', 'exclusion:pregnancy'].map((criterionId) => ({ criterionId, met: true }));
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: attest } })).json().status, 'eligible');
      await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '予約 太郎' }, signature: { method: 'typed', typedName: '予約 太郎' }, identityMethod: 'passport' } });
      const en = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: { enrolmentDate: '2027-03-01' } });
      assert.equal(en.statusCode, 200, en.body);
      const prop = (await as(t, nurse, { method: 'GET', url: `/api/program-enrolments/${id}/booking-proposal?preferredTime=16:00` })).json();
      assert.equal(prop.service.id, 'tms');
      assert.deepEqual(prop.pattern, { kind: 'weekly', perWeek: 5, weeks: 6 });
      assert.equal(prop.occurrences.length, 30);
      assert.equal(prop.complete, true, JSON.stringify(prop.occurrences.filter((o: { date: string | null }) => !o.date)));
      for (const o of prop.occurrences) assert.ok(isOpenDay(o.date), o.date);
      assert.equal(new Set(prop.occurrences.map((o: { date: string }) => o.date)).size, 30, 'one session a day');
      const occurrences = prop.occurrences.map((o: { sessionNumber: number; date: string; slot: { startTime: string } }) => ({ sessionNumber: o.sessionNumber, date: o.date, time: o.slot.startTime }));
      const book = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } });
      assert.equal(book.statusCode, 201, book.body);
      const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      assert.equal(detail.plannedSessions.filter((s: { status: string }) => s.status === 'booked').length, 30);
      assert.deepEqual(detail.plannedSessions.filter((s: { outsideWindow: boolean }) => s.outsideWindow), [], 'each on its planned day');
      assert.deepEqual(await t.app.appState.scheduling.patientTags(t.db.db, t.clinicId, p.id), ['program:tms']);
    });

    test('editing an adverse event: versioned and audited, field-named errors change nothing, becoming serious raises one SAE alert', async () => {
      const p = await newPatient();
      const { id } = await enrolled(p.id);
      const rec = await as(t, nurse, {
        method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`,
        payload: { term: '発熱', onsetDate: '2026-12-01', grade: 1, seriousness: [], relatedness: 'possible', expectedness: 'expected', actionTaken: 'none', outcome: 'recovering' },
      });
      assert.equal(rec.statusCode, 201, rec.body);
      const ae = rec.json().adverseEvent;
      assert.equal(ae.revision, 1);
      const url = `/api/program-enrolments/${id}/adverse-events/${ae.id}`;
      const stored = async () => JSON.parse((await t.db.db.selectFrom('program_adverse_events').select('record_json').where('id', '=', ae.id).executeTakeFirstOrThrow()).record_json);

      const bad = await as(t, nurse, { method: 'PUT', url, headers: { 'accept-language': 'en' }, payload: { revision: 1, grade: 7, outcome: 'recovered' } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(bad.json().error.details.map((d: { path: string }) => d.path).sort(), ['endDate', 'grade']);
      assert.deepEqual(await stored(), ae, 'nothing changed');

      const serious = await as(t, nurse, { method: 'PUT', url, payload: { revision: 1, grade: 3, seriousness: ['hospitalisation'], actionTaken: 'treatment_withdrawn' } });
      assert.equal(serious.statusCode, 200, serious.body);
      assert.equal(serious.json().alertRaised, true);
      const stale = await as(t, nurse, { method: 'PUT', url, payload: { revision: 1, outcome: 'recovered', endDate: '2026-12-01' } });
      assert.equal(stale.statusCode, 409);
      const closed = await as(t, doctor, { method: 'PUT', url, payload: { revision: 2, outcome: 'recovered', endDate: '2026-12-01' } });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().alertRaised, false);
      const now = await stored();
      assert.equal(now.revision, 3);
      assert.equal(now.reportedAt, ae.reportedAt, 'who reported it and when stay');
      assert.deepEqual(now.amendments.map((a: { changes: Array<{ field: string }> }) => a.changes.map((c) => c.field)), [['grade', 'seriousness', 'actionTaken'], ['endDate', 'outcome']]);
      assert.deepEqual(now.amendments[0].changes[0], { field: 'grade', from: 1, to: 3 });
      const alerts = (await as(t, doctor, { method: 'GET', url: `/api/alerts?patientId=${p.id}` })).json().items;
      assert.equal(alerts.length, 1);
      assert.equal(alerts[0].kind, 'sae');
      const row = await t.db.db.selectFrom('program_adverse_events').select('serious').where('id', '=', ae.id).executeTakeFirstOrThrow();
      assert.equal(Number(row.serious), 1);
      const audits = await t.db.db.selectFrom('audit_log').select('action').where('resource_id', '=', ae.id).execute();
      assert.equal(audits.filter((a) => a.action === 'program_adverse_event.update').length, 2);
    });

    test('assessment windows become scale assignments whose link is mailed once when due; answers count on the dashboard; a withdrawn patient gets nothing further', async () => {
      const smtp = await startTestSmtp();
      try {
        const p = await newPatient();
        const { id, enrol } = await enrolled(p.id);
        assert.equal(enrol.assessments.failed.length, 0, JSON.stringify(enrol.assessments));
        assert.equal(enrol.assessments.assigned, 12, 'PHQ-9 and GAD-7 at baseline and weeks 2, 4, 8, 12, 24');
        const week2 = enrol.schedule.items.find((i: { visitId?: string }) => i.visitId === 'week2');
        const week4 = enrol.schedule.items.find((i: { visitId?: string }) => i.visitId === 'week4');
        const assignments = await t.db.db.selectFrom('scale_assignments').select(['id', 'scale_id', 'start_date', 'window_days']).where('patient_id', '=', p.id).execute();
        assert.equal(assignments.filter((a) => a.start_date === week2.windowStart).length, 2);
        assert.ok(assignments.filter((a) => a.start_date === week2.windowStart).every((a) => a.window_days === 7));

        const cfg = smtp.config();
        const mine = () => smtp.received.filter((m) => m.to.includes(p.email));
        const deliver = async () => {
          await deliverDueQuestionnaires(deps);
          const worker = createMailWorker(deps, cfg);
          await worker.runOnce();
          await worker.stop();
        };
        // Week 2's window opens: its two questionnaires are mailed, once however often the job runs.
        const start = t.clock.now.getTime();
        const week2Opens = Date.parse(`${week2.windowStart}T10:00:00+09:00`);
        t.clock.advance(week2Opens - start);
        await deliver();
        const afterWeek2 = mine().length;
        assert.equal(afterWeek2, 2, 'PHQ-9 and GAD-7 of week 2');
        await deliver();
        assert.equal(mine().length, afterWeek2, 'no second mail for the same questionnaire');
        const invites = await t.db.db.selectFrom('outbox').select(['kind', 'dedupe_key']).where('patient_id', '=', p.id).where('kind', '=', 'questionnaire_invite').execute();
        const week2Instances = await t.db.db.selectFrom('scale_instances').select('id').where('patient_id', '=', p.id).where('opens_at', '=', new Date(Date.parse(`${week2.windowStart}T00:00:00+09:00`)).toISOString()).execute();
        assert.equal(week2Instances.length, 2);
        for (const inst of week2Instances) assert.equal(invites.filter((i) => i.dedupe_key === `questionnaire-invite:${inst.id}`).length, 1);
        assert.ok(mine().some((m) => /\/p\/l\//.test(m.raw)), 'the mail carries the questionnaire link');

        // The patient answers week 2's PHQ-9: the visit is on track on the dashboard.
        await t.db.db.transaction().execute((tx) =>
          recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId: p.id, scaleId: 'phq9', answers: phq9Low, informant: 'self', source: 'patient_link' }));
        const doc = await signedIn(t, 'doctor');
        const detail = (await as(t, doc, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
        assert.equal(detail.scheduleStatus.find((s: { itemId: string }) => s.itemId === 'visit-week2').status, 'on_track');

        const w = await as(t, doc, { method: 'POST', url: `/api/program-enrolments/${id}/withdraw`, payload: { reason: '本人の申し出', dataChoice: 'keep' } });
        assert.equal(w.statusCode, 200, w.body);
        assert.ok(w.json().cancelledAssessments >= 8, w.body);
        const sentBefore = mine().length;
        t.clock.advance(Date.parse(`${week4.windowStart}T10:00:00+09:00`) - t.clock.now.getTime());
        await deliver();
        assert.equal(mine().length, sentBefore, 'nothing further after withdrawal');
        const open = await t.db.db.selectFrom('scale_instances').select('id').where('patient_id', '=', p.id).where('status', '=', 'open').execute();
        assert.equal(open.length, 0);
      } finally {
        await smtp.close();
      }
    });

    test('booking session 1 three days later moves the questionnaire windows not yet open by three days; an answered baseline stays; each link is mailed once', async () => {
      const smtp = await startTestSmtp();
      try {
        await signInAgain();
        const p = await newPatient();
        // An enrolment date whose course, moved three days, still falls on open days; day 0 is a
        // week after it, so the baseline window opens on the enrolment day.
        const date = enrolmentDateWhere((s, sessions, d) => s.day0 === addDays(d, 7) && s.shifts.length === 0 && sessions.every((i) => isOpenDay(addDays(i.date, 3))));
        const { id, enrol } = await enrolled(p.id, date);
        assert.equal(enrol.assessments.assigned, 12, JSON.stringify(enrol.assessments));
        const visit = (sched: { items: Array<{ visitId?: string; windowStart: string; windowEnd: string; targetDate: string }> }, v: string) => sched.items.find((i) => i.visitId === v)!;
        const baseline = visit(enrol.schedule, 'baseline');
        const week2 = visit(enrol.schedule, 'week2');
        assert.equal(baseline.windowStart, date);

        const cfg = smtp.config();
        // Questionnaire mails carry a patient link (the booking confirmation does not).
        const mine = () => smtp.received.filter((m) => m.to.includes(p.email) && /\/p\/l\//.test(m.raw));
        const deliver = async () => {
          await deliverDueQuestionnaires(deps);
          const worker = createMailWorker(deps, cfg);
          await worker.runOnce();
          await worker.stop();
        };
        const at = async (d: string) => {
          t.clock.advance(Date.parse(`${d}T10:00:00+09:00`) - t.clock.now.getTime());
          await signInAgain();
        };

        // The baseline window opens: its two links go out; the patient answers the PHQ-9 through its link.
        await at(baseline.windowStart);
        await deliver();
        assert.equal(mine().length, 2, 'PHQ-9 and GAD-7 of the baseline');
        const baselineAssignments = await t.db.db.selectFrom('scale_assignments').select(['id', 'scale_id', 'start_date']).where('patient_id', '=', p.id).where('start_date', '=', baseline.windowStart).execute();
        const phq9Baseline = baselineAssignments.find((a) => a.scale_id === 'phq9')!;
        const inst = await t.db.db.selectFrom('scale_instances').select('id').where('assignment_id', '=', phq9Baseline.id).executeTakeFirstOrThrow();
        await t.db.db.transaction().execute((tx) =>
          recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId: p.id, scaleId: 'phq9', answers: phq9Low, informant: 'self', source: 'patient_link', instanceId: inst.id }));

        // Staff book the course three days later than proposed.
        const proposal = (await as(t, nurse, { method: 'GET', url: `/api/program-enrolments/${id}/booking-proposal?preferredTime=11:00` })).json();
        const occurrences = proposal.occurrences.map((o: { sessionNumber: number; date: string }) => ({ sessionNumber: o.sessionNumber, date: addDays(o.date, 3), time: '11:00' }));
        const book = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } });
        assert.equal(book.statusCode, 201, book.body);
        assert.deepEqual(book.json().assessments, { assigned: 10, failed: [], replaced: 10 }, 'weeks 2 to 24 re-assigned; the opened baseline kept');

        const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
        const moved = visit(detail.schedule, 'week2');
        assert.deepEqual([moved.windowStart, moved.targetDate, moved.windowEnd], [addDays(week2.windowStart, 3), addDays(week2.targetDate, 3), addDays(week2.windowEnd, 3)]);
        assert.deepEqual(visit(detail.schedule, 'baseline'), baseline, 'the answered baseline keeps its window');
        assert.equal(detail.schedule.anchor.date, occurrences[0].date);
        assert.equal(detail.assessmentLinksStale, false);
        assert.deepEqual(detail.plannedSessions.map((s: { outsideWindow: boolean }) => s.outsideWindow), [false, false, false, false, false], 'session windows follow the booked course');
        assert.equal(detail.scheduleStatus.find((s: { itemId: string }) => s.itemId === 'visit-baseline').status, 'on_track');

        const live = await t.db.db.selectFrom('scale_assignments').select(['id', 'scale_id', 'start_date', 'window_days']).where('patient_id', '=', p.id).where('cancelled_at', 'is', null).execute();
        assert.equal(live.length, 12);
        assert.deepEqual(live.filter((a) => a.start_date === addDays(week2.windowStart, 3)).map((a) => [a.scale_id, a.window_days]).sort(), [['gad7', 7], ['phq9', 7]]);
        assert.equal(live.filter((a) => a.start_date === week2.windowStart).length, 0, 'the old week-2 assignments are cancelled');
        assert.deepEqual(live.filter((a) => a.start_date === baseline.windowStart).map((a) => a.id).sort(), baselineAssignments.map((a) => a.id).sort());
        const audits = await t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'scale_assignment.cancel').where('patient_id', '=', p.id).execute();
        assert.equal(audits.filter((a) => a.detail?.startsWith(`program_window_moved=${id}`)).length, 10);

        // Asking again changes nothing.
        const retry = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/assessment-links` });
        assert.equal(retry.statusCode, 200, retry.body);
        assert.deepEqual(retry.json(), { assigned: 0, failed: [], replaced: 0 });

        // The old week-2 start: nothing is sent and the visit is not yet due on the dashboard.
        await at(week2.windowStart);
        await deliver();
        assert.equal(mine().length, 2, 'no link on the window proposed before the booking');
        const early = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
        assert.equal(early.scheduleStatus.find((s: { itemId: string }) => s.itemId === 'visit-week2').status, 'upcoming');
        const dash = (await as(t, doctor, { method: 'GET', url: `/api/programs/${programId}/dashboard` })).json();
        assert.equal(dash.enrolments.find((e: { id: string }) => e.id === id).due, 0);
        // The moved window opens: its two links go out, once however often the job runs.
        await at(moved.windowStart);
        await deliver();
        await deliver();
        assert.equal(mine().length, 4, 'PHQ-9 and GAD-7 of week 2, once each');
        const invites = await t.db.db.selectFrom('outbox').select('dedupe_key').where('patient_id', '=', p.id).where('kind', '=', 'questionnaire_invite').execute();
        assert.equal(new Set(invites.map((i) => i.dedupe_key)).size, invites.length);
        assert.equal(invites.length, 4);
      } finally {
        await smtp.close();
      }
    });

    test('a cancelled course puts the windows back on the proposal until it is re-booked; re-booked, they follow the new first session', async () => {
      await signInAgain();
      const p = await newPatient();
      const date = enrolmentDateWhere((s, sessions) => s.shifts.length === 0 && sessions.every((i) => isOpenDay(addDays(i.date, 3)) && isOpenDay(addDays(i.date, 7))));
      const { id, enrol } = await enrolled(p.id, date);
      const week4 = enrol.schedule.items.find((i: { visitId?: string }) => i.visitId === 'week4');
      const book = async (shift: number) => {
        // The dates proposed at enrolment, moved by `shift` days.
        const occurrences = enrol.schedule.items.filter((i: { kind: string }) => i.kind === 'session')
          .map((i: { sessionNumber: number; date: string }) => ({ sessionNumber: i.sessionNumber, date: addDays(i.date, shift), time: '11:00' }));
        const res = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } });
        assert.equal(res.statusCode, 201, res.body);
        return res.json();
      };
      const week4Of = async () => {
        const d = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
        return { start: d.schedule.items.find((i: { visitId?: string }) => i.visitId === 'week4').windowStart as string, stale: d.assessmentLinksStale as boolean };
      };
      await book(3);
      assert.deepEqual(await week4Of(), { start: addDays(week4.windowStart, 3), stale: false });

      // Reception cancels the whole course on the appointments pages.
      const appts = await t.db.db.selectFrom('appointments').select(['id', 'version']).where('patient_id', '=', p.id).execute();
      for (const a of appts) {
        const c = await as(t, reception, { method: 'POST', url: `/api/appointments/${a.id}/cancel`, payload: { version: Number(a.version), reason: '都合' } });
        assert.equal(c.statusCode, 200, c.body);
      }
      // The page judges by the proposal again and says the links lag until they are re-planned.
      assert.deepEqual(await week4Of(), { start: week4.windowStart, stale: true });

      // Re-booked a week after the proposal: the windows move again and the links follow.
      const again = await book(7);
      // The enrolment lies ahead, so not even the baseline window has opened: all twelve move.
      assert.deepEqual(again.assessments, { assigned: 12, failed: [], replaced: 12 });
      assert.deepEqual(await week4Of(), { start: addDays(week4.windowStart, 7), stale: false });
      const live = await t.db.db.selectFrom('scale_assignments').select('start_date').where('patient_id', '=', p.id).where('cancelled_at', 'is', null).where('scale_id', '=', 'phq9').execute();
      assert.ok(live.some((a) => a.start_date === addDays(week4.windowStart, 7)), JSON.stringify(live));
      assert.ok(!live.some((a) => a.start_date === addDays(week4.windowStart, 3) || a.start_date === week4.windowStart), JSON.stringify(live));
    });
    test('staff book the whole course the program defines even when it reaches past the clinic\'s booking horizon', async () => {
      await signInAgain();
      const admin = await signedIn(t, 'admin');
      const cfg = (await as(t, admin, { method: 'GET', url: '/api/scheduling/config' })).json();
      const short = { ...cfg.policy, limits: { patient: { ...cfg.policy.limits.patient, horizonDays: 14 }, staff: { ...cfg.policy.limits.staff, horizonDays: 21 } } };
      const setPolicy = async (policy: unknown, version: number) => {
        const r = await as(t, admin, { method: 'PUT', url: '/api/scheduling/policy', payload: { policy, clinicPhone: cfg.clinicPhone ?? '03-0000-0000', clinicAddress: cfg.clinicAddress ?? null, version } });
        assert.equal(r.statusCode, 200, r.body);
        return (await as(t, admin, { method: 'GET', url: '/api/scheduling/config' })).json().version as number;
      };
      let version = await setPolicy(short, cfg.version);
      try {
        const p = await newPatient();
        const date = enrolmentDateWhere((s) => s.conflicts.length === 0 && s.shifts.length === 0);
        const { id, enrol } = await enrolled(p.id, date);
        const sessions = enrol.schedule.items.filter((i: { kind: string }) => i.kind === 'session');
        const today = new Date(t.clock.now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
        assert.ok(sessions[4].date > addDays(today, 21), 'the last session lies past the staff horizon');

        // Ordinary bookings keep the horizon …
        const other = await newPatient();
        const single = await as(t, reception, { method: 'POST', url: '/api/appointments', payload: { patientId: other.id, serviceId: 'exosome-infusion', start: `${sessions[4].date}T15:00:00+09:00` } });
        assert.equal(single.statusCode, 409, single.body);
        assert.match(single.json().error.message, /までです（21日先まで）/);
        // … the program's course is proposed and booked whole.
        const proposal = (await as(t, nurse, { method: 'GET', url: `/api/program-enrolments/${id}/booking-proposal?preferredTime=15:00` })).json();
        assert.equal(proposal.complete, true, JSON.stringify(proposal.occurrences));
        assert.deepEqual(proposal.occurrences.map((o: { date: string }) => o.date), sessions.map((s: { date: string }) => s.date));
        const occurrences = proposal.occurrences.map((o: { sessionNumber: number; date: string; slot: { startTime: string } }) => ({ sessionNumber: o.sessionNumber, date: o.date, time: o.slot.startTime }));
        const book = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } });
        assert.equal(book.statusCode, 201, book.body);
        const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
        assert.deepEqual(detail.plannedSessions.map((s: { status: string }) => s.status), ['booked', 'booked', 'booked', 'booked', 'booked']);
      } finally {
        version = await setPolicy(cfg.policy, version);
      }
    });

    for (const { date: today, why } of CALENDAR_DATES) {
      test(`enrolled on ${today} (${why}): the course is proposed with a reason for every session it cannot place, and staff book all five`, async () => {
        t.clock.now = new Date(`${today}T10:00:00+09:00`);
        await signInAgain();
        const p = await newPatient();
        const { id } = await enrolled(p.id);
        const proposal = (await as(t, nurse, { method: 'GET', url: `/api/program-enrolments/${id}/booking-proposal?preferredTime=15:00` })).json();
        assert.equal(proposal.occurrences.length, 5, JSON.stringify(proposal));
        const occurrences: Array<{ sessionNumber: number; date: string; time: string }> = [];
        for (const o of proposal.occurrences as Array<{ sessionNumber: number; date: string | null; status: string; reason?: string; windowEnd: string; slot?: { startTime: string } }>) {
          if (o.date && o.slot) {
            occurrences.push({ sessionNumber: o.sessionNumber, date: o.date, time: o.slot.startTime });
            continue;
          }
          // Not placed: the proposal says why, and staff choose the first free slot after its window.
          assert.ok(o.reason, `session ${o.sessionNumber} says why it has no date: ${JSON.stringify(o)}`);
          const after = [o.windowEnd, occurrences.at(-1)?.date ?? today].sort().at(-1)!;
          const avail = await as(t, nurse, { method: 'GET', url: `/api/scheduling/availability?serviceId=exosome-infusion&from=${addDays(after, 1)}&to=${addDays(after, 21)}` });
          assert.equal(avail.statusCode, 200, avail.body);
          const slot = expandAvailability(avail.json())[0];
          assert.ok(slot, `a free slot within three weeks after session ${o.sessionNumber}'s window`);
          occurrences.push({ sessionNumber: o.sessionNumber, date: slot.date, time: slot.startTime });
        }
        const book = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/booking`, payload: { occurrences } });
        assert.equal(book.statusCode, 201, book.body);
        const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
        assert.deepEqual(detail.plannedSessions.map((s: { appointment: { date: string } | null }) => s.appointment?.date), occurrences.map((o) => o.date));
        assert.ok(occurrences.every((o) => isOpenDay(o.date)), JSON.stringify(occurrences));
      });
    }
  });
}
