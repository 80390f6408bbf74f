import { createHash } from 'node:crypto';
import { checkPatientInput, formatPatientNumber } from '@mimamori/core';
import { demoProgramCohort, type DemoParticipant } from '@mimamori/core/demo/demo-program-cohort';
import { validateLabResult } from '@mimamori/core/labs/lab-result';
import { validateConcomitantMedication } from '@mimamori/core/medication/concomitant-medication';
import { validateCoIntervention } from '@mimamori/core/medication/co-intervention';
import { insertCoIntervention } from '../repos/clinical-records/clinical-records-repo.ts';
import { preparePlan } from '@mimamori/core/outcome/lock-analysis-plan';
import { consentStateFrom, withdrawConsent, type ConsentState } from '@mimamori/core/programs/consent-state';
import { evaluateConsent, validateConsentRecord } from '@mimamori/core/programs/consent-record';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { addDays } from '@mimamori/core/time/local-date';
import { evaluateEligibility } from '@mimamori/core/programs/eligibility';
import { startScreening, transition, type Enrolment, type EnrolmentTransition } from '@mimamori/core/programs/enrolment';
import { TMS_PROGRAM_INPUT } from '@mimamori/core/programs/example-programs';
import { defineProgram, type ProgramDefinition, type ProgramDefinitionInput } from '@mimamori/core/programs/program-definition';
import { proposeSchedule } from '@mimamori/core/programs/propose-schedule';
import { sha256Hex } from '@mimamori/core/programs/sha256';
import { saeSeverity, scaleAlertsOf } from '@mimamori/core/safety/alert-severity';
import { validateAdverseEvent } from '@mimamori/core/safety/adverse-event';
import { saeAlertFor } from '@mimamori/core/safety/sae-alert';
import { getBuiltinScale } from '@mimamori/core/scales/builtin/index';
import { scoreScale } from '@mimamori/core/scales/score-scale';
import { clinicDay, seedClinicCalendar } from '@mimamori/core/scheduling/index';
import { validateTmsRecord } from '@mimamori/core/treatment/tms-record';
import { acknowledgeAlert, raiseAlert } from '../repos/alert-repo.ts';
import { appendAudit } from '../repos/audit-repo.ts';
import { nextCounter } from '../repos/clinic-repo.ts';
import type { Db } from '../repos/db.ts';
import { insertAnalysisPlan } from '../repos/outcome/analysis-plan-repo.ts';
import { insertPatient, insertPatientVersion } from '../repos/patient-repo.ts';
import {
  insertAdverseEvent,
  insertConsent,
  insertEnrolment,
  insertEnrolmentEvent,
  insertLabResults,
  insertMedication,
  insertProgramDefinition,
  insertProgramSession,
  putConsentText,
} from '../repos/programs/program-repo.ts';
import { insertSaeReport } from '../repos/programs/sae-report-repo.ts';
import { saeReportingDeadlines } from '@mimamori/core/programs/sae-reporting-deadlines';
import { getSchedulingConfig } from '../repos/scheduling/scheduling-config-repo.ts';
import { insertScaleResponse, insertScaleScore } from '../repos/scales/scale-response-repo.ts';
import { newId } from '../security/tokens.ts';

const DEMO_DRUG_CLASS: Readonly<Record<string, string>> = { エスシタロプラムシュウ酸塩: 'ssri', セルトラリン塩酸塩: 'ssri', ミルタザピン: 'nassa', レンボレキサント: 'hypnotic' };

/** The seed of the demo program's participants: the same seed and day give the same data. */
export const DEMO_PROGRAM_SEED = 20261207;

/** The demo's analysis plan of the TMS program, locked before anyone was screened. */
export const DEMO_ANALYSIS_PLAN = {
  primary: { scale: 'phq9', visit: 'week6' },
  visits: ['week2', 'week4', 'week6', 'week12', 'week24'],
  alpha: 0.05,
  secondary: [{ scale: 'gad7', visit: 'week6' }, { scale: 'phq9', visit: 'week24' }],
  responder: { minReduction: 0.5, minBaseline: 10 },
  remission: { atMost: 4, sustained: false },
  severityBands: [
    { id: 'moderate', min: 10, max: 14 },
    { id: 'moderately_severe', min: 15, max: 19 },
    { id: 'severe', min: 20, max: 27 },
  ],
  sensitivity: ['completers', 'paired', 'locf', 'per_protocol', 'tipping_point'],
  // The 30-session course; the sessions run on open days, so no fixed interval is checked.
  perProtocol: { doses: 30 },
  biomarkers: [
    { id: 'bdnf_up', analyte: 'bdnf', sampleType: 'serum', direction: 'increase', visit: 'week6' },
    { id: 'cortisol_down', analyte: 'cortisol', sampleType: 'serum', direction: 'decrease', visit: 'week6' },
  ],
  design: { control: 'none', raterBlinded: false, selfPay: true },
} as const;

const DEMO_TEXT = {
  ja: '【見本】架空のクリニック（デモ）の説明文書です。実際のプログラムでは、倫理審査委員会で承認された文書に置き換えます。',
  en: '[Sample] An information sheet of a fictitious (demo) clinic. A real program replaces it with the document its ethics committee approved.',
} as const;

export interface SeedDemoProgramOptions {
  readonly clinicId: string;
  readonly now: Date;
  /** The clinic's date today (the demo's clock). */
  readonly today: string;
  readonly zone: string;
  /** Who did what in the story: the doctor screens and reviews, the nurse runs sessions, the researcher locks the plan. */
  readonly staff: { readonly doctorId: string; readonly nurseId: string; readonly researcherId: string };
  readonly seed?: number;
  /** People screened (default 52). */
  readonly participants?: number;
  /** Another TMS program than the example (the benchmark's, with more visits), and its plan. */
  readonly program?: ProgramDefinitionInput;
  readonly plan?: Readonly<Record<string, unknown>>;
}

/** A stable patient id for a demo participant, so study ids (keyed on it) repeat with the seed. */
const participantId = (seed: number, index: number) => createHash('sha256').update(`mimamori demo participant ${seed} ${index}`).digest('hex').slice(0, 32);

/**
 * Seeds the demo clinic's monitor program (the TMS example) as a program that has run: its
 * definition, an analysis plan locked before the first screening, and the fictitious participants
 * of `demoProgramCohort` (family name 見本, marked demo) with their screening, consent, enrolment,
 * sessions, scale answers, adverse events (serious ones with their alert, reviewed by the doctor),
 * medicines and lab results — every record built by the core's own validation. Writes are audited
 * (one row per participant with the counts, and the plan's creation and lock with its hash).
 */
export async function seedDemoProgram(db: Db, o: SeedDemoProgramOptions): Promise<{ readonly programId: string; readonly screened: number; readonly planSha256: string }> {
  const seed = o.seed ?? DEMO_PROGRAM_SEED;
  const { zone, clinicId, staff } = o;
  const now = o.now.toISOString();
  const calendar = (await getSchedulingConfig(db, clinicId, zone))?.calendar ?? { ...seedClinicCalendar, zone };
  const isOpenDay = (d: string) => clinicDay(calendar, d).open;
  const input = o.program ?? TMS_PROGRAM_INPUT;
  if (input.treatment !== 'tms') throw new Error('the demo program is a TMS program');
  const cohort = demoProgramCohort({ seed, today: o.today, zone, program: defineProgram(input), isOpenDay, ...(o.participants ? { participants: o.participants } : {}) });

  // The program, its consent documents in force from the day it was defined, and its governance
  // filled with fictitious values (a board of the demo clinic, a registry id no study carries).
  const texts = new Map<string, string>();
  const { plan, sha256 } = preparePlan({ plan: o.plan ?? DEMO_ANALYSIS_PLAN, version: 1, lockedAt: cohort.planLockedAt });
  const createdOn = clinicDate(cohort.programCreatedAt, zone);
  const program: ProgramDefinition = defineProgram({
    ...input,
    consentDocuments: (input.consentDocuments ?? []).map((d) => {
      const text = `${d.title}\n\n${DEMO_TEXT[d.language === 'en' ? 'en' : 'ja']}`;
      const contentHash = sha256Hex(text);
      texts.set(contentHash, text);
      return { ...d, contentHash, effectiveFrom: createdOn, sample: true };
    }),
    governance: {
      reviewBoard: { name: '見守りメンタルクリニック 倫理審査委員会（デモ・架空）', type: 'ethics_committee' },
      approval: { number: 'DEMO-2026-001', date: createdOn },
      registryId: 'UMIN000000000',
      protocol: { version: '1.0', sha256: sha256Hex('demo protocol (fictitious) v1.0') },
      sap: { version: '1', sha256 },
      approvedConsentDocuments: [...new Set((input.consentDocuments ?? []).map((d) => `${d.id}@${d.version}`))],
    },
  });
  for (const [contentHash, text] of texts) await putConsentText(db, { clinicId, contentHash, text, now: cohort.programCreatedAt });
  await insertProgramDefinition(db, {
    id: newId(), clinic_id: clinicId, program_id: program.id, version: program.version, definition_json: JSON.stringify(program), created_by: staff.doctorId, created_at: cohort.programCreatedAt,
  });
  await appendAudit(db, { at: now, clinicId, actorId: null, actorRole: 'demo-seed', action: 'program.create', resource: 'program', resourceId: program.id, outcome: 'success', detail: `v=${program.version}` });

  // The analysis plan, written and locked before the first participant was screened.
  await insertAnalysisPlan(db, {
    id: newId(), clinic_id: clinicId, program_id: program.id, version: 1, plan_json: JSON.stringify(plan), sha256, locked_at: cohort.planLockedAt, locked_by: staff.researcherId,
    amendment_reason: null, created_by: staff.researcherId, created_at: cohort.planCreatedAt,
  });
  await appendAudit(db, { at: now, clinicId, actorId: null, actorRole: 'demo-seed', action: 'analysis_plan.lock', resource: 'analysis_plan', resourceId: `${program.id}:1`, outcome: 'success', detail: `sha256=${sha256};locked_at=${cohort.planLockedAt}` });

  for (const p of cohort.participants) await seedParticipant(db, { ...o, seed, now, program, isOpenDay, participant: p });
  await seedDemoApplications(db, { clinicId, programId: program.id, from: cohort.programCreatedAt, now, nurseId: staff.nurseId, booked: cohort.participants.length + 4 });
  return { programId: program.id, screened: cohort.participants.length, planSha256: sha256 };
}

async function seedParticipant(db: Db, o: Omit<SeedDemoProgramOptions, 'now'> & { seed: number; now: string; program: ProgramDefinition; isOpenDay: (d: string) => boolean; participant: DemoParticipant }): Promise<void> {
  const { participant: p, program, clinicId, zone, staff } = o;
  const patientId = participantId(o.seed, p.index);
  const n = checkPatientInput(p.person, { today: o.today });
  const registeredAt = p.screeningAt;
  const notes = 'デモ用の架空の患者です（モニタープログラムの参加者）。 / Fictitious demo patient (a monitor program participant).';
  await insertPatient(db, {
    id: patientId, clinic_id: clinicId, patient_number: formatPatientNumber(await nextCounter(db, clinicId, 'patient_number')), name_kanji: n.nameKanji, name_kana: n.nameKana,
    name_kana_norm: n.nameKanaNorm, birth_date: n.birthDate, sex: n.sex, phone: n.phone, phone_norm: n.phoneNorm, email: n.email, postal_code: n.postalCode, address: n.address,
    notes, guardians_json: JSON.stringify(n.guardians), is_demo: 1, version: 1, created_at: registeredAt, created_by: null, updated_at: registeredAt, updated_by: null,
  });
  await insertPatientVersion(db, {
    clinicId, patientId, version: 1, changedAt: registeredAt, changedBy: null,
    data: { nameKanji: n.nameKanji, nameKana: n.nameKana, birthDate: n.birthDate, sex: n.sex, phone: n.phone, email: n.email, postalCode: n.postalCode, address: n.address, notes, guardians: n.guardians },
  });
  await appendAudit(db, { at: o.now, clinicId, actorId: null, actorRole: 'demo-seed', action: 'patient.create', resource: 'patient', resourceId: patientId, patientId, outcome: 'success' });

  // Scale answers (screening, baseline, visits): scored by the core, none owing a safety alert.
  let answered = 0;
  const screeningTotals: Record<string, number> = {};
  for (const s of p.scores) {
    const definition = getBuiltinScale(s.scaleId)!;
    const score = scoreScale(definition, s.answers);
    if (scaleAlertsOf(score.flags).length > 0) throw new Error('a demo answer would owe a safety alert');
    const responseId = newId();
    await insertScaleResponse(db, {
      id: responseId, clinic_id: clinicId, patient_id: patientId, instance_id: null, scale_id: definition.id, scale_version: definition.version, informant: 'self',
      source: s.source, answers_json: JSON.stringify(s.answers), idempotency_key: null, entered_by: s.source === 'staff' ? staff.nurseId : null, submitted_at: s.at,
    });
    await insertScaleScore(db, {
      id: newId(), clinic_id: clinicId, patient_id: patientId, response_id: responseId, scale_id: definition.id, scale_version: score.version,
      valid: score.valid ? 1 : 0, total: score.total, band: score.band, band_set: score.bandSet, missing: score.missing, prorated: score.prorated ? 1 : 0,
      subscales_json: JSON.stringify(score.subscales), flags_json: JSON.stringify(score.flags), reason_json: score.reason ? JSON.stringify(score.reason) : null, scored_at: s.at,
    });
    if (s.visitId === 'screening' && score.total !== null) screeningTotals[s.scaleId] = score.total;
    answered++;
  }

  // The enrolment's journey, each step through the core's state machine.
  const enrolmentId = newId();
  let enrolment: Enrolment = startScreening({ id: enrolmentId, patientId, program, at: p.screeningAt, by: staff.doctorId });
  const steps: EnrolmentTransition[] = [enrolment.history[0]!];
  await insertEnrolment(db, {
    id: enrolmentId, clinic_id: clinicId, patient_id: patientId, program_id: program.id, program_version: program.version, status: enrolment.status,
    history_json: JSON.stringify(enrolment.history), eligibility_json: null, consent_state_json: JSON.stringify({ status: 'not_given' }),
    enrolment_date: null, schedule_json: null, created_at: p.screeningAt, updated_at: p.screeningAt, row_version: 1,
  });
  const step = (opts: Parameters<typeof transition>[1]) => {
    const t = transition(enrolment, opts);
    enrolment = t.enrolment;
    steps.push(t.record);
  };
  const screeningDate = clinicDate(p.screeningAt, zone);
  const eligibility = evaluateEligibility(program, {
    screeningDate, birthDate: n.birthDate, diagnoses: p.diagnoses, scores: screeningTotals,
    exclusions: Object.fromEntries(program.eligibility.exclusions.filter((x) => !x.icd10).map((x) => [x.id, false])),
  });
  const screenedAt = new Date(Date.parse(p.screeningAt) + 20 * 60_000).toISOString();
  if (eligibility.outcome === 'ineligible') {
    step({ to: 'ineligible', at: screenedAt, by: staff.doctorId, eligibility, reason: `criteria_not_met:${eligibility.criteria.filter((c) => c.status === 'not_met').map((c) => c.id).join(',')}` });
  } else {
    if (eligibility.outcome !== 'eligible') throw new Error(`demo participant ${p.index}: eligibility ${eligibility.outcome}`);
    step({ to: 'eligible', at: screenedAt, by: staff.doctorId, eligibility });
  }
  if (p.fate === 'declined') step({ to: 'withdrawn', at: p.declinedAt!, by: staff.doctorId, reason: p.reason! });

  let consent: ConsentState = { status: 'not_given' };
  let schedule: unknown = null;
  const counts = { sessions: 0, adverseEvents: 0, medications: 0, labs: 0 };
  if (p.fate === 'treated') {
    const doc = program.consentDocuments.find((d) => d.role === 'participant' && d.language === 'ja')!;
    const consentId = newId();
    const record = validateConsentRecord({
      id: consentId, enrolmentId, role: 'participant', signer: { kind: 'self', name: n.nameKanji }, signature: { method: 'typed', typedName: n.nameKanji }, signedAt: p.consentAt,
      document: { id: doc.id, version: doc.version, language: doc.language, contentHash: doc.contentHash }, questions: [],
      identity: { confirmedBy: staff.nurseId, method: 'health_insurance_card', at: p.consentAt }, scopes: p.consentScopes,
    }, { program, zone });
    await insertConsent(db, { id: consentId, clinic_id: clinicId, enrolment_id: enrolmentId, patient_id: patientId, role: record.role, record_json: JSON.stringify(record), signature_png: null, signed_at: p.consentAt!, created_at: p.consentAt! });
    const evaluation = evaluateConsent({ program, birthDate: n.birthDate, records: [record], zone, on: clinicDate(p.consentAt!, zone) });
    step({ to: 'consented', at: p.consentAt!, by: staff.doctorId, consent: evaluation, evidence: { consentRecords: consentId } });
    consent = consentStateFrom(evaluation, [record]);
    step({ to: 'enrolled', at: p.enrolledAt!, by: staff.doctorId });
    schedule = proposeSchedule({ program, enrolmentDate: p.enrolmentDate!, isOpenDay: o.isOpenDay, screeningDate });

    // The resting motor threshold is measured by visible twitch at the first session; the seizure
    // screening is done at the screening visit and goes with the first session.
    const mtOn = p.sessions[0] ? clinicDate(p.sessions[0].startedAt, zone) : screeningDate;
    const motorThreshold = { kind: 'resting', method: 'visual', measuredOn: mtOn, percentMso: 50 + (p.index % 15) };
    for (const s of p.sessions) {
      const id = newId();
      const rec = validateTmsRecord({
        id, enrolmentId, sessionNumber: s.number, target: 'left_dlpfc', protocol: 'rtms_10hz', frequencyHz: 10, pulses: 3000, intensityPercentMt: 120,
        device: 'rTMS装置（デモ・架空）', coil: '8の字コイル（デモ）', motorThreshold, targeting: 'beam_f3', trains: 75, interTrainIntervalS: 26, sessionsPerDay: 1,
        ...(s.number === 1 ? { seizureScreening: { screenedOn: screeningDate, result: 'no_risk_found' } } : {}),
        startedAt: s.startedAt, endedAt: s.endedAt, operatorId: staff.nurseId,
      }, { enrolmentStatus: enrolment.status, zone });
      await insertProgramSession(db, { id, clinic_id: clinicId, enrolment_id: enrolmentId, patient_id: patientId, kind: rec.kind, session_number: rec.sessionNumber, lot_key: null, started_at: rec.startedAt, record_json: JSON.stringify(rec), created_by: staff.nurseId, created_at: s.endedAt });
      if (enrolment.status === 'enrolled') step({ to: 'active', at: s.startedAt, by: staff.nurseId, evidence: { firstSession: id } });
      counts.sessions++;
    }
    for (const a of p.adverseEvents) {
      const ae = validateAdverseEvent({ ...a, id: newId(), enrolmentId, reportedBy: staff.doctorId }, { zone });
      const alert = saeAlertFor(ae, { raisedAt: ae.reportedAt });
      await insertAdverseEvent(db, { id: ae.id, clinic_id: clinicId, enrolment_id: enrolmentId, patient_id: patientId, onset_date: ae.onsetDate, serious: alert ? 1 : 0, record_json: JSON.stringify({ ...ae, revision: 1 }), created_at: ae.reportedAt, updated_at: ae.reportedAt });
      if (alert) {
        // The serious event raised its alert when it was recorded; the doctor reviewed it that evening.
        const raised = await raiseAlert(db, {
          id: newId(), clinicId, patientId, kind: 'sae', severity: saeSeverity(alert.criteria), sourceType: 'program_adverse_event', sourceId: ae.id,
          summary: { key: alert.susar ? 'programs.alert_susar' : 'programs.alert_sae', params: alert.params }, now: ae.reportedAt,
        });
        await acknowledgeAlert(db, { clinicId, id: raised.id, staffId: staff.doctorId, note: '主治医が確認し、対応を記録済み（デモ）。', now: new Date(Date.parse(ae.reportedAt) + 2 * 3600_000).toISOString() });
        // …and reported it the next day to everyone the program's pathway names.
        const clock = saeReportingDeadlines({ ae, pathway: program.pathway, knownAt: ae.reportedAt, zone, clinicDays: program.safety?.saeReportDays });
        for (const d of clock.deadlines) {
          const on = addDays(clock.knownOn, 1);
          await insertSaeReport(db, {
            id: newId(), clinic_id: clinicId, adverse_event_id: ae.id, enrolment_id: enrolmentId, patient_id: patientId, recipient: d.recipient, reported_on: on,
            reported_to: 'みまもり研究倫理審査委員会（デモ・架空）', note: null, recorded_by: staff.doctorId, recorded_at: `${on}T18:00:00+09:00`,
          });
        }
      }
      counts.adverseEvents++;
    }
    for (const m of p.medications) {
      const id = newId();
      // Class and route of the cohort's medicines, so the demo shows them filled in.
      const med = validateConcomitantMedication({ ...m, id, patientId, route: 'oral', drugClass: DEMO_DRUG_CLASS[m.genericName] ?? 'other' });
      await insertMedication(db, { id, clinic_id: clinicId, patient_id: patientId, record_json: JSON.stringify(med), created_by: staff.doctorId, created_at: p.screeningAt, updated_at: p.screeningAt });
      counts.medications++;
    }
    // Pre-analytics as a lab sheet would have them: spun within the hour, one thaw, one plate per visit.
    const labs = p.labs.map((l) => validateLabResult({ ...l, patientId, fasting: false, enrolmentId, processingDelayMinutes: 40, freezeThawCount: 1, assayBatch: `PLATE-${l.visitId}` }));
    if (labs.length) {
      await insertLabResults(db, labs.map((lab) => ({
        id: newId(), clinic_id: clinicId, patient_id: patientId, enrolment_id: enrolmentId, analyte: lab.analyte, collected_at: new Date(Date.parse(lab.collectedAt)).toISOString(),
        record_json: JSON.stringify(lab), import_id: null, created_by: staff.nurseId, created_at: lab.collectedAt,
      })));
    }
    counts.labs = labs.length;
    // Every fourth participant is also in psychotherapy: a co-intervention, its own record.
    if (p.index % 4 === 0) {
      const id = newId();
      const co = validateCoIntervention({ id, patientId, kind: 'cbt', provider: '当院 公認心理師', sessionsPerMonth: 2, startDate: clinicDate(p.screeningAt, zone) });
      await insertCoIntervention(db, { id, clinic_id: clinicId, patient_id: patientId, record_json: JSON.stringify(co), created_by: staff.doctorId, created_at: p.screeningAt, updated_at: p.screeningAt });
    }
    const end = p.end!;
    if (end.kind === 'completed') step({ to: 'completed', at: end.at, by: staff.doctorId });
    if (end.kind === 'lost') step({ to: 'lost_to_follow_up', at: end.at, by: staff.doctorId, reason: end.reason });
    if (end.kind === 'withdrawn') {
      step({ to: 'withdrawn', at: end.at, by: staff.doctorId, reason: end.reason });
      if (consent.status === 'given') consent = withdrawConsent(consent, { at: end.at, zone, dataChoice: end.dataChoice, recordedBy: staff.doctorId, reason: end.reason });
    }
  }

  const lastAt = steps[steps.length - 1]!.at;
  await db.updateTable('program_enrolments').set({
    status: enrolment.status, history_json: JSON.stringify(enrolment.history), eligibility_json: JSON.stringify(eligibility), consent_state_json: JSON.stringify(consent),
    enrolment_date: p.enrolmentDate ?? null, schedule_json: schedule ? JSON.stringify(schedule) : null, updated_at: lastAt, row_version: steps.length,
  }).where('clinic_id', '=', clinicId).where('id', '=', enrolmentId).execute();
  for (const r of steps) {
    await insertEnrolmentEvent(db, {
      id: newId(), clinic_id: clinicId, enrolment_id: enrolmentId, from_status: r.from, to_status: r.to, at: r.at, by_staff: r.by, reason: r.reason ?? null, evidence_json: r.evidence ? JSON.stringify(r.evidence) : null,
    });
  }
  await appendAudit(db, {
    at: o.now, clinicId, actorId: null, actorRole: 'demo-seed', action: 'program_enrolment.demo_seed', resource: 'program_enrolment', resourceId: enrolmentId, patientId, outcome: 'success',
    detail: `program=${program.id};status=${enrolment.status};scores=${answered};sessions=${counts.sessions};adverse_events=${counts.adverseEvents};medications=${counts.medications};labs=${counts.labs}`,
  });
}

/**
 * Applications from the program's recruitment page (family name 見本, fictitious contacts): those
 * who went on to a booked screening visit (a few more than were screened: some did not come),
 * some declined or not reachable, and a few still in the queue — the recruitment stages of the
 * program's outcome report and the open entries of the queue.
 */
async function seedDemoApplications(db: Db, o: { clinicId: string; programId: string; from: string; now: string; nurseId: string; booked: number }): Promise<void> {
  const statuses = [...Array<string>(o.booked).fill('screening_booked'), ...Array<string>(9).fill('declined'), ...Array<string>(4).fill('contacted'), ...Array<string>(3).fill('new')];
  const start = Date.parse(o.from);
  const end = Date.parse(o.now);
  const open = statuses.length - 7;
  for (const [i, status] of statuses.entries()) {
    // Closed applications spread over the program's life; the open ones from the last week.
    const at = new Date(i < open ? start + ((end - 14 * 86_400_000 - start) * i) / open : end - (statuses.length - i) * 86_400_000).toISOString();
    const n = String(i + 1).padStart(3, '0');
    const data = { name: `見本 応募${n}`, phone: `090-0000-7${n}`, email: null, age: 20 + ((i * 7) % 45), complaint: '気分の落ち込みが続いています（デモ）', callTimes: i % 3 === 0 ? '平日の午後' : null, guardian: null };
    await db.insertInto('recruitment_applications').values({
      id: newId(), clinic_id: o.clinicId, program_id: o.programId, page_version: 1, data_json: JSON.stringify(data), status, patient_id: null, appointment_id: null,
      created_at: at, updated_at: at, updated_by: status === 'new' ? null : o.nurseId,
    }).execute();
  }
  await appendAudit(db, { at: o.now, clinicId: o.clinicId, actorId: null, actorRole: 'demo-seed', action: 'recruitment.demo_seed', resource: 'program', resourceId: o.programId, outcome: 'success', detail: `applications=${statuses.length}` });
}
