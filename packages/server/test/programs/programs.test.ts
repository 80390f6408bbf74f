import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clinicDay, seedClinicCalendar } from '@mimamori/core/scheduling/index';
import { EXOSOME_PROGRAM, proposeSchedule, sha256Hex } from '@mimamori/core/programs/index';
import { addDays } from '@mimamori/core/time/index';
import { studyIdFor } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { recordScaleResponse } from '../../src/services/scales/record-scale-response.ts';
import { systemContext } from '../../src/request-context.ts';
import type { AppDeps } from '../../src/context.ts';
import { approvedProgram, fullGovernance } from './approved-program.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノ';
const kana = () => Array.from({ length: 6 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');
const phq9High = { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, q8: 2, q9: 0 }; // total 16
// A 1×1 PNG (any real PNG will do: the server checks the signature bytes and hashes them).
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const EXCLUSION_ATTESTATIONS = ['exclusion:pregnancy', 'exclusion:active_suicidal_intent', 'exclusion:product_allergy'].map((criterionId) => ({ criterionId, met: true }));

const infusion = (over: Record<string, unknown> = {}) => ({
  product: 'MSC-Exo 注', manufacturer: 'Example Bio', lot: 'EXO 2026041', expiryDate: '2027-06-30', volumeMl: 100, route: 'intravenous',
  startedAt: '2026-12-01T10:05:00+09:00', endedAt: '2026-12-01T10:50:00+09:00',
  vitalsBefore: { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 36.5, spo2Percent: 98 },
  vitalsAfter: { systolicMmHg: 121, diastolicMmHg: 78, heartRateBpm: 70, temperatureC: 36.6, spo2Percent: 99 },
  // Given on the day of enrolment, before the first session's window: confirmed with a reason.
  outsideWindowReason: 'テストのため登録日に投与',
  ...over,
});

const sae = (over: Record<string, unknown> = {}) => ({
  term: 'アナフィラキシー', onsetDate: '2026-12-01', grade: 3, seriousness: ['hospitalisation'], relatedness: 'probable', expectedness: 'unexpected',
  actionTaken: 'infusion_interrupted', outcome: 'recovering', ...over,
});

for (const dialect of testDialects()) {
  describe(`programs (${dialect})`, () => {
    let t: TestApp;
    let doctor: Session;
    let nurse: Session;
    let reception: Session;
    let researcher: Session;
    let deps: AppDeps;
    const programId = EXOSOME_PROGRAM.id;

    async function newPatient(over: Record<string, unknown> = {}): Promise<string> {
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKana: `テスト ${kana()}`, ...over }), acknowledgeDuplicates: true } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().patient.id;
    }

    async function screenEligible(patientId: string): Promise<string> {
      await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const s = await as(t, doctor, { method: 'POST', url: `/api/programs/${programId}/enrolments`, payload: { patientId } });
      assert.equal(s.statusCode, 201, s.body);
      const id = s.json().enrolment.id as string;
      const e = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: EXCLUSION_ATTESTATIONS } });
      assert.equal(e.statusCode, 200, e.body);
      assert.equal(e.json().status, 'eligible', e.body);
      return id;
    }

    before(async () => {
      t = await createTestApp(dialect);
      deps = { db: t.db, clock: t.clock.fn, config: t.config };
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
      researcher = await signedIn(t, 'researcher');
      const ex = await as(t, doctor, { method: 'GET', url: '/api/programs/examples' });
      const input = ex.json().items.find((p: { id: string }) => p.id === programId);
      const res = await as(t, doctor, { method: 'POST', url: '/api/programs', payload: { ...approvedProgram(input), ethicsApprovalId: 'IRB-2026-014', registryId: 'jRCTs031180032' } });
      assert.equal(res.statusCode, 201, res.body);
    });
    after(() => t.destroy());

    test('a program is stored per clinic and versioned, with the exact consent text behind each hash', async () => {
      const res = await as(t, nurse, { method: 'GET', url: `/api/programs/${programId}` });
      assert.equal(res.statusCode, 200);
      const { program, documentTexts } = res.json();
      assert.equal(program.version, 1);
      assert.equal(program.registryId, 'jRCTs031180032');
      for (const d of program.consentDocuments) assert.equal(sha256Hex(documentTexts[d.contentHash]), d.contentHash);
      const again = await as(t, doctor, { method: 'POST', url: '/api/programs', payload: { id: programId, title: { ja: 'x', en: 'x' } } });
      assert.equal(again.statusCode, 400); // the definition itself is refused before the clash is reached
      const rev = await as(t, doctor, { method: 'PUT', url: `/api/programs/${programId}`, payload: { ...program, consentDocuments: program.consentDocuments, price: { ...program.price, amountExclTaxYen: 320000 } } });
      assert.equal(rev.statusCode, 200, rev.body);
      assert.equal(rev.json().program.version, 2);
      const list = await as(t, researcher, { method: 'GET', url: '/api/programs' });
      assert.deepEqual(list.json().items.find((x: { program: { id: string } }) => x.program.id === programId).versions, [2, 1]);
    });

    test('reception sees none of the clinical data; the researcher reads the dashboard but records nothing', async () => {
      const pid = await newPatient();
      assert.equal((await as(t, reception, { method: 'GET', url: `/api/patients/${pid}/program-timeline` })).statusCode, 403);
      assert.equal((await as(t, reception, { method: 'GET', url: `/api/programs/${programId}/dashboard` })).statusCode, 403);
      assert.equal((await as(t, reception, { method: 'GET', url: `/api/programs/${programId}/enrolments` })).statusCode, 403);
      assert.equal((await as(t, researcher, { method: 'GET', url: `/api/programs/${programId}/dashboard` })).statusCode, 200);
      assert.equal((await as(t, researcher, { method: 'POST', url: `/api/programs/${programId}/enrolments`, payload: { patientId: pid } })).statusCode, 403);
    });

    test("the researcher's dashboard and export name participants by study id only; a doctor's dashboard still shows the patient number", async () => {
      const pid = await newPatient();
      const id = await screenEligible(pid);
      await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '山田 太郎' }, signature: { method: 'typed', typedName: '山田 太郎' }, identityMethod: 'passport' } });
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: {} })).statusCode, 200);
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: sae({ term: '頭痛', grade: 1, seriousness: [] }) })).statusCode, 201);
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: sae() })).statusCode, 201);
      const patient = (await as(t, reception, { method: 'GET', url: `/api/patients/${pid}` })).json().patient;
      const studyId = studyIdFor(t.db.secrets.key, programId, pid);
      const identity = [patient.patientNumber, patient.nameKanji, patient.nameKana, patient.birthDate, pid, id];

      const res = await as(t, researcher, { method: 'GET', url: `/api/programs/${programId}/dashboard` });
      assert.equal(res.statusCode, 200);
      for (const v of identity) assert.ok(!res.body.includes(v), `the researcher's dashboard holds ${v}`);
      assert.doesNotMatch(res.body, /"(patientNumber|nameKanji|nameKana|birthDate|patientId|enrolmentId)"/);
      const dash = res.json();
      assert.equal(dash.identified, false);
      assert.ok(dash.enrolments.some((e: { studyId: string }) => e.studyId === studyId));
      assert.deepEqual(Object.keys(dash.enrolments[0]).filter((k) => k === 'id'), []);
      assert.equal(dash.safety.open.filter((a: { studyId: string }) => a.studyId === studyId).length, 2);
      assert.ok(dash.safety.unreviewedAlerts.some((a: { studyId: string }) => a.studyId === studyId));
      // days from the first dose (none yet here: null), never a calendar date or instant
      assert.doesNotMatch(res.body, /\d{4}-\d{2}-\d{2}/);
      assert.doesNotMatch(res.body, /"(enrolmentDate|onsetDate|createdOn|createdAt)"/);
      const mine = dash.enrolments.find((e: { studyId: string }) => e.studyId === studyId);
      assert.ok('enrolmentDay' in mine && mine.enrolmentDay === null);
      assert.ok(dash.safety.open.every((a: { onsetDay: unknown }) => a.onsetDay === null));
      const exp = await as(t, researcher, { method: 'GET', url: `/api/programs/${programId}/export` });
      assert.equal(exp.statusCode, 200);
      for (const v of identity) assert.ok(!exp.body.includes(v), `the researcher's export holds ${v}`);
      assert.ok(exp.json().enrolments.some((e: { studyId: string }) => e.studyId === studyId));

      const doc = await as(t, doctor, { method: 'GET', url: `/api/programs/${programId}/dashboard` });
      assert.equal(doc.json().identified, true);
      // Participants by name as well as 診察券番号 (staff do not know patients by number).
      assert.ok(doc.json().enrolments.some((e: { id: string; patientNumber: string; nameKanji: string; nameKana: string }) => e.id === id && e.patientNumber === patient.patientNumber && e.nameKanji === patient.nameKanji && e.nameKana === patient.nameKana));
      assert.ok(doc.json().safety.open.some((a: { enrolmentId: string; patientNumber: string; nameKanji: string }) => a.enrolmentId === id && a.patientNumber === patient.patientNumber && a.nameKanji === patient.nameKanji));
      assert.ok(doc.json().safety.open.every((a: { onsetDate: string }) => /^\d{4}-\d{2}-\d{2}$/.test(a.onsetDate)));
      assert.ok(!doc.body.includes(studyId));
    });

    test('consent before eligibility is refused, naming the field, and nothing is stored', async () => {
      const pid = await newPatient();
      const s = await as(t, doctor, { method: 'POST', url: `/api/programs/${programId}/enrolments`, payload: { patientId: pid } });
      const id = s.json().enrolment.id;
      const c = await as(t, nurse, {
        method: 'POST', url: `/api/program-enrolments/${id}/consents`, headers: { 'accept-language': 'en' },
        payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '山田 太郎' }, signature: { method: 'typed', typedName: '山田 太郎' }, identityMethod: 'health_insurance_card' },
      });
      assert.equal(c.statusCode, 409, c.body);
      assert.equal(c.json().error.code, 'invalid_state');
      assert.equal(c.json().error.details[0].path, 'to');
      assert.match(c.json().error.message, /eligib/i);
      // States are named in words, never by their internal names (no 「screening」 in a message).
      assert.equal(c.json().error.message, 'Consent cannot be recorded before eligibility is confirmed (current status: screening).');
      const cJa = await as(t, nurse, {
        method: 'POST', url: `/api/program-enrolments/${id}/consents`, headers: { 'accept-language': 'ja' },
        payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '山田 太郎' }, signature: { method: 'typed', typedName: '山田 太郎' }, identityMethod: 'health_insurance_card' },
      });
      assert.equal(cJa.json().error.message, '適格性の確認前に同意を記録することはできません（現在: スクリーニング中）。');
      const jump = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/transition`, headers: { 'accept-language': 'ja' }, payload: { to: 'active' } });
      assert.equal(jump.statusCode, 409, jump.body);
      assert.equal(jump.json().error.message, '「スクリーニング中」から「実施中」には変更できません。');
      assert.doesNotMatch(JSON.stringify(jump.json().error.details), /screening|active/);
      const jumpEn = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/transition`, headers: { 'accept-language': 'en' }, payload: { to: 'lost_to_follow_up' } });
      assert.equal(jumpEn.json().error.message, 'Give a reason for moving to "lost to follow-up".');
      const n = await t.db.db.selectFrom('program_consents').select('id').where('enrolment_id', '=', id).execute();
      assert.equal(n.length, 0);
    });

    test("a 12-year-old's PHQ-9 (validated from 13) cannot make them eligible: the criterion says why in ja and en", async () => {
      // 12 on the test clock (2026-12-01 in Tokyo).
      const pid = await newPatient({ birthDate: '2014-06-01', guardians: [{ name: '見本 母', relation: '母' }] });
      await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId: pid, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const s = await as(t, doctor, { method: 'POST', url: `/api/programs/${programId}/enrolments`, payload: { patientId: pid } });
      assert.equal(s.statusCode, 201, s.body);
      const id = s.json().enrolment.id as string;
      const e = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: [...EXCLUSION_ATTESTATIONS, { criterionId: 'severity:gad7', met: false }] } });
      assert.equal(e.statusCode, 200, e.body);
      assert.equal(e.json().status, 'ineligible', 'PHQ-9 16 would otherwise satisfy the severity group');
      const sev = e.json().eligibility.criteria.find((c: { id: string }) => c.id === 'severity:phq9');
      assert.equal(sev.status, 'not_met');
      assert.equal(sev.reason, 'scale_age_out_of_range');
      assert.equal(sev.params.score, undefined, 'the score is not used');
      assert.match(sev.message.ja, /13歳以上.*この患者さんは12歳/);
      assert.match(sev.message.en, /ages 13 and over \(this patient is 12\)/);
    });

    test('an adult: eligibility from the stored PHQ-9, typed consent with the document hash, enrolment with a schedule on open days', async () => {
      const pid = await newPatient();
      const id = await screenEligible(pid);
      const detail = (await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json();
      const sev = detail.eligibility.criteria.find((c: { id: string }) => c.id === 'severity:phq9');
      assert.equal(sev.status, 'met');
      const c = await as(t, nurse, {
        method: 'POST', url: `/api/program-enrolments/${id}/consents`,
        payload: {
          role: 'participant', language: 'ja', signer: { kind: 'self', name: '山田 太郎' }, signature: { method: 'typed', typedName: '山田 太郎' },
          questions: [{ question: '点滴は何分かかりますか', answer: '約45分です' }], identityMethod: 'health_insurance_card', scopes: ['secondary_research'],
        },
      });
      assert.equal(c.statusCode, 201, c.body);
      assert.equal(c.json().status, 'consented');
      const rec = c.json().record;
      const texts = (await as(t, doctor, { method: 'GET', url: `/api/programs/${programId}?version=1` })).json().documentTexts;
      assert.equal(sha256Hex(texts[rec.document.contentHash]), rec.document.contentHash);
      assert.equal(rec.identity.method, 'health_insurance_card');
      assert.deepEqual(rec.questions, [{ question: '点滴は何分かかりますか', answer: '約45分です' }]);

      // An enrolment date whose first infusion would fall on a closed day, so the schedule must move it.
      const calendar = { ...seedClinicCalendar, zone: 'Asia/Tokyo' };
      const isOpenDay = (d: string) => clinicDay(calendar, d).open;
      let date = '2026-12-01';
      for (let k = 0; k < 60; k++) {
        const d = addDays('2026-12-01', k);
        if (proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: d, isOpenDay }).shifts.some((s) => s.reason === 'closed')) { date = d; break; }
      }
      const e = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: { enrolmentDate: date } });
      assert.equal(e.statusCode, 200, e.body);
      const schedule = e.json().schedule;
      assert.ok(schedule.shifts.some((s: { reason: string }) => s.reason === 'closed'), JSON.stringify(schedule.shifts));
      for (const item of schedule.items) if (item.inClinic && item.visitId !== 'screening' && !schedule.conflicts.some((x: { itemId: string }) => x.itemId === item.id)) assert.ok(isOpenDay(item.date), item.id);
      assert.equal(schedule.items.filter((i: { kind: string }) => i.kind === 'session').length, 5);

      const events = await t.db.db.selectFrom('program_enrolment_events').select(['to_status', 'at']).where('enrolment_id', '=', id).orderBy('at').execute();
      assert.deepEqual(events.map((x) => x.to_status), ['screening', 'eligible', 'consented', 'enrolled']);
      const audits = await t.db.db.selectFrom('audit_log').select('action').where('resource_id', '=', id).execute();
      for (const a of ['program_enrolment.screening', 'program_enrolment.eligible', 'program_enrolment.consented', 'program_enrolment.enrolled']) assert.ok(audits.some((x) => x.action === a), a);

      // PDF copy for the patient.
      const pdf = await as(t, nurse, { method: 'GET', url: `/api/program-enrolments/${id}/consents/${c.json().consentId}/pdf` });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    });

    async function screenFor(pid: string, program: string): Promise<string> {
      const s = await as(t, doctor, { method: 'POST', url: `/api/programs/${program}/enrolments`, payload: { patientId: pid } });
      assert.equal(s.statusCode, 201, s.body);
      const id = s.json().enrolment.id as string;
      const e = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: EXCLUSION_ATTESTATIONS } });
      assert.equal(e.json().status, 'eligible', e.body);
      return id;
    }
    const ownConsent = (name: string) => ({
      role: 'participant', language: 'ja', signer: { kind: 'self', name }, signature: { method: 'typed', typedName: name }, identityMethod: 'health_insurance_card', scopes: [],
    });

    test('enrolment cannot pass consented until the pathway\'s requirements are stored; each missing item is named in the user\'s language', async () => {
      const input = (await as(t, doctor, { method: 'GET', url: '/api/programs/examples' })).json().items.find((p: { id: string }) => p.id === programId);
      const gateId = 'exosome-gov-gate';
      const { governance: _g, ...noGovernance } = approvedProgram(input);
      void _g;
      assert.equal((await as(t, doctor, { method: 'POST', url: '/api/programs', payload: { ...noGovernance, id: gateId } })).statusCode, 201);
      const pid = await newPatient();
      await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId: pid, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const id = await screenFor(pid, gateId);
      const refused = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: ownConsent('山田 太郎') });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.match(refused.json().error.message, /研究の手続きがそろっていない/);
      assert.deepEqual(refused.json().error.details.map((d: { path: string }) => d.path), [
        'governance.review_board', 'governance.approval', 'governance.registry', 'governance.protocol', 'governance.sap',
        'governance.approved_consent_documents', 'governance.approved_consent_documents', 'governance.approved_consent_documents',
      ]);
      assert.ok(refused.json().error.details.some((d: { message: string }) => d.message === '同意文書 exosome-depression-anxiety-guardian@1 が承認済みとして登録されていません。'));
      const en = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, headers: { 'accept-language': 'en' }, payload: ownConsent('山田 太郎') });
      assert.equal(en.json().error.details[0].message, 'The review board’s name and type are missing.');
      // Nothing was written.
      assert.equal((await t.db.db.selectFrom('program_consents').select('id').where('enrolment_id', '=', id).execute()).length, 0);

      // The governance section: a malformed registry id is refused, field by field.
      const docs = (input.consentDocuments as Array<{ id: string; version: string }>);
      const bad = await as(t, doctor, { method: 'PUT', url: `/api/programs/${gateId}/governance`, payload: { pathway: 'specified_clinical_research', governance: { ...fullGovernance(docs), registryId: 'JRCT-123' } } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(bad.json().error.details.map((d: { path: string }) => d.path), ['governance.registryId']);
      // An ethics committee and a UMIN id are not enough for 特定臨床研究.
      const ec = await as(t, doctor, {
        method: 'PUT', url: `/api/programs/${gateId}/governance`,
        payload: { pathway: 'specified_clinical_research', governance: { ...fullGovernance(docs), reviewBoard: { name: '院内倫理審査委員会', type: 'ethics_committee' }, registryId: 'UMIN000012345' } },
      });
      assert.equal(ec.statusCode, 200, ec.body);
      assert.deepEqual(ec.json().missing.map((m: { item: string }) => m.item), ['certified_review_board', 'jrct_registry']);
      const still = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: ownConsent('山田 太郎') });
      assert.deepEqual(still.json().error.details.map((d: { path: string }) => d.path), ['governance.certified_review_board', 'governance.jrct_registry']);
      // A nurse may read what is missing but not change it.
      assert.equal((await as(t, nurse, { method: 'PUT', url: `/api/programs/${gateId}/governance`, payload: { pathway: 'guideline_research' } })).statusCode, 403);
      const full = await as(t, doctor, { method: 'PUT', url: `/api/programs/${gateId}/governance`, payload: { pathway: 'specified_clinical_research', governance: fullGovernance(docs) } });
      assert.equal(full.statusCode, 200, full.body);
      assert.deepEqual(full.json().missing, []);
      assert.equal(full.json().version, 3);
      const read = await as(t, nurse, { method: 'GET', url: `/api/programs/${gateId}/governance` });
      assert.deepEqual([read.json().pathway, read.json().governance.registryId, read.json().missing], ['specified_clinical_research', 'jRCTs031180032', []]);
      // The enrolment pinned to version 1 may now consent: approvals are read from the latest version.
      const ok = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: ownConsent('山田 太郎') });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().status, 'consented');
      const audits = await t.db.db.selectFrom('audit_log').select('action').where('resource_id', '=', gateId).execute();
      assert.equal(audits.filter((a) => a.action === 'program.governance').length, 2);
    });

    test('a sample consent document (【見本】) can never be signed outside the demo clinic', async () => {
      const input = (await as(t, doctor, { method: 'GET', url: '/api/programs/examples' })).json().items.find((p: { id: string }) => p.id === programId);
      const sampleId = 'exosome-sample-texts';
      const created = await as(t, doctor, { method: 'POST', url: '/api/programs', payload: { ...input, id: sampleId, governance: fullGovernance(input.consentDocuments) } });
      assert.equal(created.statusCode, 201, created.body);
      assert.ok(created.json().program.consentDocuments.every((d: { sample?: boolean }) => d.sample === true));
      const pid = await newPatient();
      await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId: pid, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const id = await screenFor(pid, sampleId);
      const refused = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: ownConsent('山田 太郎') });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.match(refused.json().error.message, /見本の同意文書/);
      // Dropping the flag in a revision does not help: the text decides.
      const program = created.json().program;
      const revised = await as(t, doctor, { method: 'PUT', url: `/api/programs/${sampleId}`, payload: { ...program, version: undefined, consentDocuments: program.consentDocuments.map((d: Record<string, unknown>) => ({ ...d, sample: false })) } });
      assert.equal(revised.statusCode, 200, revised.body);
      assert.ok(revised.json().program.consentDocuments.every((d: { sample?: boolean }) => d.sample === true));
    });

    test('16–17 need a guardian\'s consent and their own; from 18 their own is enough (ages on the clinic date)', async () => {
      // The clinic date is 2026-12-01 (fixed clock). Born 2008-12-02: 17 years 364 days. Born 2008-12-01: 18 years 0 days.
      const minor = await newPatient({ birthDate: '2008-12-02', guardians: [{ name: '山田 花子', relation: '母' }] });
      const id = await screenEligible(minor);
      const own = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: ownConsent('山田 太郎') });
      assert.equal(own.statusCode, 201, own.body);
      assert.deepEqual([own.json().status, own.json().evaluation.ageAtConsent, own.json().evaluation.missingRoles], ['eligible', 17, ['guardian']]);
      // An assent does not stand in for a 17-year-old's own consent.
      const g = await as(t, nurse, {
        method: 'POST', url: `/api/program-enrolments/${id}/consents`,
        payload: { role: 'guardian', language: 'ja', signer: { kind: 'guardian', name: '山田 花子', relation: 'mother' }, signature: { method: 'typed', typedName: '山田 花子' }, identityMethod: 'driving_licence' },
      });
      assert.equal(g.statusCode, 201, g.body);
      assert.equal(g.json().status, 'consented');
      assert.deepEqual(g.json().evaluation.requiredRoles, ['guardian', 'participant']);
      const roles = await t.db.db.selectFrom('program_consents').select('role').where('enrolment_id', '=', id).orderBy('signed_at').execute();
      assert.deepEqual(roles.map((r) => r.role).sort(), ['guardian', 'participant']);

      const adult = await newPatient({ birthDate: '2008-12-01' });
      const id18 = await screenEligible(adult);
      const alone = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id18}/consents`, payload: ownConsent('山田 太郎') });
      assert.equal(alone.statusCode, 201, alone.body);
      assert.deepEqual([alone.json().status, alone.json().evaluation.ageAtConsent], ['consented', 18]);
    });

    test('a minor needs a guardian consent and the child assent, as two records', async () => {
      const pid = await newPatient({ birthDate: '2012-05-01', guardians: [{ name: '山田 花子', relation: '母' }] });
      const id = await screenEligible(pid);
      const g = await as(t, nurse, {
        method: 'POST', url: `/api/program-enrolments/${id}/consents`,
        payload: { role: 'guardian', language: 'ja', signer: { kind: 'guardian', name: '山田 花子', relation: 'mother' }, signature: { method: 'drawn', pngDataUrl: PNG }, identityMethod: 'driving_licence' },
      });
      assert.equal(g.statusCode, 201, g.body);
      assert.equal(g.json().status, 'eligible');
      assert.deepEqual(g.json().evaluation.missingRoles, ['assent']);
      assert.match(g.json().record.signature.imageHash, /^[0-9a-f]{64}$/);
      const a = await as(t, nurse, {
        method: 'POST', url: `/api/program-enrolments/${id}/consents`,
        payload: { role: 'assent', language: 'ja', signer: { kind: 'self', name: '山田 太郎' }, signature: { method: 'typed', typedName: '山田 太郎' }, identityMethod: 'known_to_staff' },
      });
      assert.equal(a.statusCode, 201, a.body);
      assert.equal(a.json().status, 'consented');
      const rows = await t.db.db.selectFrom('program_consents').select(['role', 'signature_png']).where('enrolment_id', '=', id).orderBy('signed_at').execute();
      assert.deepEqual(rows.map((r) => r.role).sort(), ['assent', 'guardian']);
      assert.equal(rows.find((r) => r.role === 'guardian')!.signature_png, PNG);
    });

    test('infusions, lot search, an SAE alert that stays until acknowledged, no dosing after withdrawal, and the export honours the data choice', async () => {
      const pid = await newPatient();
      const id = await screenEligible(pid);
      await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '山田 太郎' }, signature: { method: 'typed', typedName: '山田 太郎' }, identityMethod: 'passport' } });
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: {} })).statusCode, 200);

      const bad = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, headers: { 'accept-language': 'en' }, payload: infusion({ vitalsBefore: { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 365, spo2Percent: 98 } }) });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().error.details.map((d: { path: string }) => d.path), ['vitalsBefore.temperatureC']);
      assert.match(bad.json().error.details[0].message, /30.*43/);
      assert.equal((await t.db.db.selectFrom('program_sessions').select('id').where('enrolment_id', '=', id).execute()).length, 0);

      const s1 = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: infusion() });
      assert.equal(s1.statusCode, 201, s1.body);
      assert.equal((await as(t, doctor, { method: 'GET', url: `/api/program-enrolments/${id}` })).json().enrolment.status, 'active');
      const lot = await as(t, doctor, { method: 'GET', url: `/api/program-lots?lot=${encodeURIComponent('ｅｘｏ２０２６０４１')}` });
      assert.ok(lot.json().items.some((x: { patient: { id: string } }) => x.patient.id === pid), lot.body);

      const noOnset = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: sae({ onsetDate: undefined }) });
      assert.equal(noOnset.statusCode, 400);
      assert.deepEqual(noOnset.json().error.details.map((d: { path: string }) => d.path), ['onsetDate']);
      assert.equal(noOnset.json().error.details[0].message, '入力してください。');
      const ae = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: sae() });
      assert.equal(ae.statusCode, 201, ae.body);
      assert.equal(ae.json().alertRaised, true);
      const alerts = (await as(t, doctor, { method: 'GET', url: `/api/alerts?patientId=${pid}` })).json().items;
      assert.equal(alerts.length, 1);
      assert.equal(alerts[0].kind, 'sae');
      let dash = (await as(t, researcher, { method: 'GET', url: `/api/programs/${programId}/dashboard` })).json();
      assert.ok(dash.safety.unreviewedAlerts.some((a: { alertId: string }) => a.alertId === alerts[0].id));
      assert.ok(dash.safety.open.some((a: { id: string; serious: boolean }) => a.id === ae.json().adverseEvent.id && a.serious));
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/alerts/${alerts[0].id}/acknowledge`, payload: { note: '救急搬送先に連絡済み' } })).statusCode, 200);
      dash = (await as(t, researcher, { method: 'GET', url: `/api/programs/${programId}/dashboard` })).json();
      assert.ok(!dash.safety.unreviewedAlerts.some((a: { alertId: string }) => a.alertId === alerts[0].id));
      assert.ok(dash.funnel.reached.active >= 1);

      const w = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/withdraw`, payload: { reason: '本人の申し出', dataChoice: 'delete_from_future_exports' } });
      assert.equal(w.statusCode, 200, w.body);
      assert.equal(w.json().consent.status, 'withdrawn');
      const dose = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: infusion({ sessionNumber: 2, startedAt: '2026-12-15T10:05:00+09:00', endedAt: '2026-12-15T10:50:00+09:00' }) });
      assert.equal(dose.statusCode, 409);
      assert.equal(dose.json().error.details[0].path, 'enrolmentStatus');
      const exp = (await as(t, researcher, { method: 'GET', url: `/api/programs/${programId}/export` })).json();
      assert.ok(exp.enrolments.length > 0);
      assert.ok(!exp.enrolments.some((e: { studyId: string }) => e.studyId === studyIdFor(t.db.secrets.key, programId, pid)));
    });

    test('labs: unknown unit and implausible values name the field; CSV imports are all or nothing with a per-row report', async () => {
      const pid = await newPatient();
      const number = (await as(t, reception, { method: 'GET', url: `/api/patients/${pid}` })).json().patient.patientNumber;
      const lab = { analyte: 'il6', value: 3.2, unit: 'mmol/L', sampleType: 'serum', collectedAt: '2026-12-01T09:30:00+09:00', fasting: true, assay: 'Elecsys IL-6' };
      const u = await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-labs`, payload: lab });
      assert.equal(u.statusCode, 400);
      assert.deepEqual(u.json().error.details.map((d: { path: string }) => d.path), ['unit']);
      const big = await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-labs`, payload: { ...lab, unit: 'pg/mL', value: 5e9 } });
      assert.equal(big.statusCode, 400);
      assert.deepEqual(big.json().error.details.map((d: { path: string }) => d.path), ['value']);
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-labs`, payload: { ...lab, unit: 'pg/mL' } })).statusCode, 201);
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-labs`, payload: { ...lab, unit: 'pg/mL', collectedAt: '2026-12-01T00:30:00Z' } })).statusCode, 409);

      const header = 'patient_id,analyte,value,unit,sample_type,collected_at,fasting,assay';
      const dup = [header, `${number},CRP,0.05,mg/dL,serum,2026-12-02 09:30,yes,JCCLS`, `${number},TNF-α,1.2,pg/mL,serum,2026-12-02 09:30,yes,kit`, `${number},crp,0.5,mg/L,血清,2026-12-02T09:30:00+09:00,はい,JCCLS`].join('\n');
      const r = await as(t, nurse, { method: 'POST', url: '/api/program-labs/import', payload: { csv: dup } });
      assert.equal(r.statusCode, 400, r.body);
      assert.ok(r.json().error.details.some((d: { path: string }) => d.path.startsWith('rows[4]')), r.body);
      assert.equal((await t.db.db.selectFrom('program_lab_results').select('id').where('patient_id', '=', pid).execute()).length, 1);
      const ok = await as(t, nurse, { method: 'POST', url: '/api/program-labs/import', payload: { csv: dup.split('\n').slice(0, 3).join('\n') } });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().imported, 2);
    });

    test('the timeline puts scores, sessions, AEs, medicines and labs on one axis and flags a dose change inside the program', async () => {
      const pid = await newPatient();
      const id = await screenEligible(pid);
      await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'participant', language: 'en', signer: { kind: 'self', name: 'Taro Yamada' }, signature: { method: 'typed', typedName: 'Taro Yamada' }, identityMethod: 'passport' } });
      await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: {} });
      await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: infusion() });
      await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/adverse-events`, payload: sae({ grade: 1, seriousness: [], term: '頭痛', relatedness: 'possible', expectedness: 'expected', actionTaken: 'none' }) });
      const m = await as(t, doctor, { method: 'POST', url: `/api/patients/${pid}/program-medications`, payload: { genericName: 'セルトラリン塩酸塩', dose: 50, unit: 'mg', frequency: 'once_daily', startDate: '2025-10-01', changes: [{ date: '2026-12-20', dose: 75 }] } });
      assert.equal(m.statusCode, 201, m.body);
      await as(t, nurse, { method: 'POST', url: `/api/patients/${pid}/program-labs`, payload: { analyte: 'crp', value: 0.08, unit: 'mg/dL', sampleType: 'serum', collectedAt: '2026-12-01T09:00:00+09:00', fasting: true, assay: 'JCCLS' } });
      const tl = await as(t, doctor, { method: 'GET', url: `/api/patients/${pid}/program-timeline` });
      assert.equal(tl.statusCode, 200);
      const kinds = new Set(tl.json().entries.map((e: { kind: string }) => e.kind));
      for (const k of ['enrolment', 'score', 'session', 'adverse_event', 'medication', 'lab']) assert.ok(kinds.has(k), k);
      assert.deepEqual(tl.json().confounders.map((f: { event: string; date: string }) => [f.event, f.date]), [['dose_changed', '2026-12-20']]);
    });
  });
}
