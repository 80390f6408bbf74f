import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXOSOME_PROGRAM } from '@mimamori/core/programs/example-programs';
import { insertApplication, newId, updateApplicationStatus } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

const day0 = Date.parse('2026-04-06T01:00:00Z');
const at = (d: number) => new Date(day0 + d * 86_400_000).toISOString();

for (const dialect of testDialects()) {
  describe(`outcome report from the database (${dialect})`, () => {
    let t: TestApp;
    let researcher: Session;
    let reception: Session;
    const people: Array<{ id: string; number: string; name: string }> = [];
    before(async () => {
      t = await createTestApp(dialect);
      researcher = await signedIn(t, 'researcher');
      reception = await signedIn(t, 'reception');
      const db = t.db.db;
      const now = '2026-06-01T00:00:00.000Z';
      await db.insertInto('program_definitions').values({ id: newId(), clinic_id: t.clinicId, program_id: EXOSOME_PROGRAM.id, version: EXOSOME_PROGRAM.version, definition_json: JSON.stringify(EXOSOME_PROGRAM), created_by: null, created_at: now }).execute();
      await db.insertInto('program_definitions').values({ id: newId(), clinic_id: t.clinicId, program_id: 'tms-empty', version: 1, definition_json: JSON.stringify({ ...EXOSOME_PROGRAM, id: 'tms-empty' }), created_by: null, created_at: now }).execute();
      for (let i = 0; i < 6; i++) {
        const p = (await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: `見守 太郎${'一二三四五六'[i]}`, nameKana: `ミマモリ ${['イチ', 'ニ', 'サン', 'ヨン', 'ゴ', 'ロク'][i]}`, phone: `090-0000-100${i}` }) })).json().patient;
        people.push({ id: p.id, number: p.patientNumber, name: `見守 太郎${'一二三四五六'[i]}` });
        const enrolmentId = newId();
        await db.insertInto('program_enrolments').values({
          id: enrolmentId, clinic_id: t.clinicId, patient_id: p.id, program_id: EXOSOME_PROGRAM.id, program_version: EXOSOME_PROGRAM.version, status: i < 4 ? 'completed' : 'active',
          history_json: '[]', eligibility_json: null, consent_state_json: JSON.stringify({ status: 'given', since: '2026-03-20', scopes: [] }), enrolment_date: '2026-03-30', schedule_json: null, created_at: now, updated_at: now, row_version: 1,
        }).execute();
        for (let s = 0; s < 3; s++) await db.insertInto('program_sessions').values({ id: newId(), clinic_id: t.clinicId, enrolment_id: enrolmentId, patient_id: p.id, kind: 'infusion', session_number: s + 1, lot_key: 'L', started_at: at(s * 14), record_json: '{}', created_by: null, created_at: now }).execute();
        const w = [[3, 1, 4], [1, 5, 9], [2, 6, 5], [3, 5, 8], [9, 7, 9], [3, 2, 3]][i];
        for (const [d, total] of [[-20, 17 + i], [-2, 16 + i], [14, 14 + i - w[0]], [28, 12 + i - w[1]], [56, 10 + i - w[2]]] as const) {
          const responseId = newId();
          await db.insertInto('scale_responses').values({ id: responseId, clinic_id: t.clinicId, patient_id: p.id, instance_id: null, scale_id: 'phq9', scale_version: '1.0.0', informant: 'self', source: 'staff', answers_json: '{}', idempotency_key: null, entered_by: null, submitted_at: at(d) }).execute();
          await db.insertInto('scale_scores').values({ id: newId(), clinic_id: t.clinicId, patient_id: p.id, response_id: responseId, scale_id: 'phq9', scale_version: '1.0.0', valid: 1, total, band: null, band_set: null, missing: 0, prorated: 0, subscales_json: '{}', flags_json: '[]', reason_json: null, scored_at: at(d) }).execute();
        }
      }
      // Applications from the program's recruitment page, one at each step of the queue (and one
      // of another program): their counts open the flow; nothing of the applicants reaches the report.
      const steps: Array<Array<'contacted' | 'screening_booked' | 'declined'>> = [[], [], ['contacted'], ['contacted', 'screening_booked'], ['screening_booked'], ['declined'], ['contacted', 'declined'], ['screening_booked', 'declined']];
      for (const [i, path] of steps.entries()) {
        const id = newId();
        await insertApplication(db, { id, clinicId: t.clinicId, programId: EXOSOME_PROGRAM.id, pageVersion: 1, data: { name: `応募 花子${i}`, phone: `080-1111-22${i}0`, email: null, age: 30, complaint: '眠れない', callTimes: null, guardian: null }, now: at(-40 + i) });
        let from = 'new';
        for (const to of path) {
          const booked = to === 'screening_booked' ? { appointmentId: newId(), patientId: people[0]!.id } : {};
          assert.ok(await updateApplicationStatus(db, { clinicId: t.clinicId, id, from, status: to, now: at(-30 + i), by: 'staff', ...booked }));
          from = to;
        }
      }
      await insertApplication(db, { id: newId(), clinicId: t.clinicId, programId: 'tms-empty', pageVersion: 1, data: { name: '別 太郎', phone: '080-9999-0000' }, now: at(-40) });
    });
    after(() => t.destroy());

    test('the researcher gets the report as JSON and as HTML in either language, without any identity', async () => {
      const j = await as(t, researcher, { url: `/api/programs/${EXOSOME_PROGRAM.id}/outcome-report` });
      assert.equal(j.statusCode, 200, j.body);
      const report = j.json();
      assert.equal(report.flow.dosed, 6);
      assert.equal(report.primary.visit, 'week8');
      assert.ok(report.primary.estimate < 0);
      const ja = await as(t, researcher, { url: `/api/programs/${EXOSOME_PROGRAM.id}/outcome-report?format=html` });
      assert.equal(ja.statusCode, 200);
      assert.match(String(ja.headers['content-type']), /text\/html/);
      assert.match(ja.body, /参加者の流れ/);
      const en = await as(t, researcher, { url: `/api/programs/${EXOSOME_PROGRAM.id}/outcome-report?format=html&lang=en` });
      assert.match(en.body, /Participant flow/);
      for (const body of [j.body, ja.body, en.body]) {
        for (const p of people) for (const secret of [p.id, p.number, p.name, 'ミマモリ']) assert.ok(!body.includes(secret), `the report shows ${secret}`);
      }
      const audit = await t.db.db.selectFrom('audit_log').select(['action', 'actor_role', 'detail']).where('action', '=', 'program.outcome_report').execute();
      assert.equal(audit.length, 3);
      assert.deepEqual(audit[0], { action: 'program.outcome_report', actor_role: 'researcher', detail: 'participants=6;excluded_no_data_use=0' });
    });

    test('reception may not see it; a program without data is a clear 400 in Japanese; an unknown program is 404', async () => {
      assert.equal((await as(t, reception, { url: `/api/programs/${EXOSOME_PROGRAM.id}/outcome-report` })).statusCode, 403);
      const empty = await as(t, researcher, { url: '/api/programs/tms-empty/outcome-report' });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().error.code, 'validation');
      assert.equal((await as(t, researcher, { url: '/api/programs/no-such-program/outcome-report' })).statusCode, 404);
      assert.equal((await as(t, researcher, { url: `/api/programs/${EXOSOME_PROGRAM.id}/outcome-report?format=pdfx` })).statusCode, 400);
    });

    test('applications from the recruitment page open the flow: applied → contacted → screening visit booked, then the screened', async () => {
      const j = await as(t, researcher, { url: `/api/programs/${EXOSOME_PROGRAM.id}/outcome-report` });
      assert.equal(j.statusCode, 200, j.body);
      assert.deepEqual(j.json().flow.recruitment, { applied: 8, contacted: 4, screeningBooked: 3, open: { new: 2, contacted: 1 }, declined: { beforeVisit: 2, afterBooking: 1 } });
      assert.equal(j.json().flow.screened, 6);
      const ja = await as(t, researcher, { url: `/api/programs/${EXOSOME_PROGRAM.id}/outcome-report?format=html` });
      assert.match(ja.body, /募集ページからの応募: n = 8/);
      assert.match(ja.body, /スクリーニング受診を予約: n = 3/);
      assert.match(ja.body, /予約前に辞退・連絡不能 2/);
      const en = await as(t, researcher, { url: `/api/programs/${EXOSOME_PROGRAM.id}/outcome-report?format=html&lang=en` });
      assert.match(en.body, /Applied \(recruitment page\): n = 8/);
      assert.match(en.body, /declined after booking 1/);
      for (const body of [j.body, ja.body, en.body]) for (const secret of ['応募 花子', '080-1111', '眠れない']) assert.ok(!body.includes(secret), `the report shows ${secret}`);
    });
  });
}
