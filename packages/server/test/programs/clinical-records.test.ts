import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXOSOME_PROGRAM } from '@mimamori/core/programs/index';
import { testDialects } from '../../../storage/test/test-db.ts';
import { approvedProgram } from './approved-program.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノ';
const kana = () => Array.from({ length: 6 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');
const cortisol = { analyte: 'cortisol', value: 12.1, unit: 'μg/dL', sampleType: 'serum', collectedAt: '2026-12-01T08:40:00+09:00', fasting: true, assay: 'Elecsys Cortisol II', processingDelayMinutes: 30, freezeThawCount: 0, assayBatch: 'B-01' };

for (const dialect of testDialects()) {
  describe(`lab catalogue, lab plan, medicines and co-interventions (${dialect})`, () => {
    let t: TestApp;
    let doctor: Session;
    let nurse: Session;
    let reception: Session;

    async function newPatient(): Promise<string> {
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKana: `テスト ${kana()}` }), acknowledgeDuplicates: true } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().patient.id;
    }

    before(async () => {
      t = await createTestApp(dialect);
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
      const ex = await as(t, doctor, { method: 'GET', url: '/api/programs/examples' });
      const input = ex.json().items.find((p: { id: string }) => p.id === EXOSOME_PROGRAM.id);
      const res = await as(t, doctor, { method: 'POST', url: '/api/programs', payload: { ...approvedProgram(input), ethicsApprovalId: 'IRB-2026-014', registryId: 'jRCTs031180032' } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().program.labPlan.find((e: { analyte: string }) => e.analyte === 'bdnf').sampleType, 'serum');
    });
    after(() => t.destroy());

    test('a lab result for an enrolment is held to the program: plasma BDNF refused, cortisol outside 07:00–10:00 only with a reason', async () => {
      const pid = await newPatient();
      const s = await as(t, doctor, { method: 'POST', url: `/api/programs/${EXOSOME_PROGRAM.id}/enrolments`, payload: { patientId: pid } });
      const enrolmentId = s.json().enrolment.id as string;
      const post = (payload: Record<string, unknown>) => as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-labs`, payload: { ...payload, enrolmentId } });

      const plasma = await post({ ...cortisol, analyte: 'bdnf', value: 25, unit: 'ng/mL', sampleType: 'plasma' });
      assert.equal(plasma.statusCode, 400, plasma.body);
      assert.deepEqual(plasma.json().error.details.map((d: { path: string }) => d.path), ['sampleType']);
      assert.match(plasma.json().error.details[0].message, /検体の種類が決められています/);

      const late = await post({ ...cortisol, collectedAt: '2026-12-01T15:00:00+09:00' });
      assert.equal(late.statusCode, 400, late.body);
      assert.equal(late.json().error.needsConfirmation, true);
      assert.match(late.json().error.details[0].message, /15:00.*07:00〜10:00/);
      assert.equal((await t.db.db.selectFrom('program_lab_results').select('id').where('patient_id', '=', pid).execute()).length, 0, 'nothing stored');

      const confirmed = await post({ ...cortisol, collectedAt: '2026-12-01T15:00:00+09:00', windowOverrideReason: '午前の採血ができなかったため' });
      assert.equal(confirmed.statusCode, 201, confirmed.body);
      assert.equal(confirmed.json().result.windowOverrideReason, '午前の採血ができなかったため');
      const inWindow = await post({ ...cortisol, collectedAt: '2026-12-02T08:40:00+09:00' });
      assert.equal(inWindow.statusCode, 201, inWindow.body);
      assert.equal(inWindow.json().result.processingDelayMinutes, 30);

      const audit = await t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'program_lab.record').where('patient_id', '=', pid).execute();
      assert.deepEqual(audit.map((a) => a.detail).sort(), ['analyte=cortisol', 'analyte=cortisol;window_override=1']);
    });

    test('the clinic extends its catalogue (doctor only); the new analyte is recorded and named on the timeline', async () => {
      const body = { id: 'mir124', label: { ja: 'miR-124（マイクロRNA）', en: 'miR-124 (microRNA)' }, unit: 'copies/μL', sampleTypes: ['plasma'], category: 'biomarker' };
      assert.equal((await as(t, nurse, { method: 'POST', url: '/api/lab-analytes', payload: body })).statusCode, 403);
      const bad = await as(t, doctor, { method: 'POST', url: '/api/lab-analytes', payload: { ...body, id: 'BDNF' } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().error.details.map((d: { path: string }) => d.path), ['id']);
      const ok = await as(t, doctor, { method: 'POST', url: '/api/lab-analytes', payload: body });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal((await as(t, doctor, { method: 'POST', url: '/api/lab-analytes', payload: body })).statusCode, 400, 'an id is used once');
      const list = (await as(t, nurse, { method: 'GET', url: '/api/lab-analytes' })).json().items as Array<{ id: string; builtIn: boolean; label: { ja: string } }>;
      assert.ok(list.some((a) => a.id === 'mir21' && a.builtIn));
      assert.ok(list.some((a) => a.id === 'mir124' && !a.builtIn));

      const pid = await newPatient();
      const lab = await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-labs`, payload: { ...cortisol, analyte: 'mir124', value: 800, unit: 'copies/μL', sampleType: 'plasma' } });
      assert.equal(lab.statusCode, 201, lab.body);
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-labs`, payload: { ...cortisol, analyte: 'il6', value: 2, unit: 'pg/mL' } })).statusCode, 201);
      const tl = (await as(t, doctor, { method: 'GET', url: `/api/patients/${pid}/program-timeline` })).json();
      assert.deepEqual(tl.analytes.mir124, body.label);
      assert.equal(tl.analytes.il6.ja, 'IL-6（インターロイキン6）');
    });

    test('medicines carry YJ code, class and route; co-interventions are their own record, on the timeline, audited', async () => {
      const pid = await newPatient();
      const bad = await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-medications`, payload: { genericName: 'セルトラリン', dose: 50, unit: 'mg', frequency: 'once_daily', yjCode: 'abc', route: 'mouth' } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().error.details.map((d: { path: string }) => d.path).sort(), ['route', 'yjCode']);
      assert.match(bad.json().error.details.find((d: { path: string }) => d.path === 'yjCode').message, /YJコードは12桁/);
      const med = await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-medications`, payload: { genericName: 'セルトラリン塩酸塩', yjCode: '1179041F1025', drugClass: 'ssri', dose: 50, unit: 'mg', frequency: 'once_daily', route: 'oral', startDate: '2026-10-01' } });
      assert.equal(med.statusCode, 201, med.body);
      assert.equal(med.json().medication.drugClass, 'ssri');

      const coBad = await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/co-interventions`, payload: { kind: 'other', startDate: '2026-11-01', stopDate: '2026-10-01' } });
      assert.equal(coBad.statusCode, 400);
      assert.deepEqual(coBad.json().error.details.map((d: { path: string }) => d.path).sort(), ['description', 'stopDate']);
      const co = await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/co-interventions`, payload: { kind: 'cbt', provider: '当院 心理士', sessionsPerMonth: 4, startDate: '2026-11-01' } });
      assert.equal(co.statusCode, 201, co.body);
      const id = co.json().coIntervention.id as string;
      const stop = await as(t, nurse, { method: 'PUT', url: `/api/patients/${pid}/co-interventions/${id}`, payload: { kind: 'cbt', provider: '当院 心理士', sessionsPerMonth: 4, startDate: '2026-11-01', stopDate: '2026-12-20' } });
      assert.equal(stop.statusCode, 200, stop.body);
      assert.equal((await as(t, reception, { method: 'GET', url: `/api/patients/${pid}/co-interventions` })).statusCode, 403);
      const list = await as(t, doctor, { method: 'GET', url: `/api/patients/${pid}/co-interventions` });
      assert.deepEqual(list.json().items.map((c: { kind: string; stopDate?: string }) => [c.kind, c.stopDate]), [['cbt', '2026-12-20']]);
      const tl = (await as(t, doctor, { method: 'GET', url: `/api/patients/${pid}/program-timeline` })).json();
      assert.deepEqual(tl.entries.filter((e: { kind: string }) => e.kind === 'co_intervention').map((e: { event: string; date: string }) => [e.event, e.date]), [['started', '2026-11-01'], ['stopped', '2026-12-20']]);
      const actions = (await t.db.db.selectFrom('audit_log').select('action').where('patient_id', '=', pid).execute()).map((a) => a.action);
      for (const a of ['program_medication.create', 'co_intervention.create', 'co_intervention.update', 'co_intervention.read']) assert.ok(actions.includes(a), a);
    });
  });
}
