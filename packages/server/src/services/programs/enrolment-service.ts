import { createHash } from 'node:crypto';
import { DomainError } from '@mimamori/core';
import {
  consentStateFrom,
  currentConsentDocument,
  evaluateConsent,
  evaluateEligibility,
  fieldError,
  proposeSchedule,
  startScreening,
  transition,
  validateConsentRecord,
  withdrawConsent,
  type ConsentRecord,
  type ConsentState,
  type EnrolmentStatus,
  type WithdrawalDataChoice,
} from '@mimamori/core/programs/index';
import { addDays, daysBetween } from '@mimamori/core/time/index';
import {
  getPatient,
  insertConsent,
  insertEnrolment,
  latestScaleTotals,
  listConsents,
  listEnrolments,
  newId,
  type ProgramEnrolmentRow,
} from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { eligibilityFacts } from './eligibility-facts.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { latestClinicScales } from '../scales/resolve-scale-definition.ts';
import { assignProgramAssessments, cancelProgramAssessments } from './program-assessment-service.ts';
import { cancelFutureSessions } from './program-booking-service.ts';
import { assertMayTakeConsent } from './program-governance-service.ts';
import { reconsentOf } from './reconsent-service.ts';
import { clinicZone, loadEnrolment, loadProgram, nowIso, openDayFn, recordEvent, saveTransition, writeTx } from './program-context.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { assertTreatmentAge } from '@mimamori/core/treatment/tms-age';
import { consentLanguageKey, consentRoleKey, enrolmentStatusKey } from '@mimamori/core/programs/state-labels';

const CLOSED: ReadonlyArray<EnrolmentStatus> = ['completed', 'withdrawn', 'lost_to_follow_up', 'ineligible'];

/** Starts screening a patient for the latest version of a program. */
export async function startProgramScreening(ctx: RequestContext, o: { readonly programId: string; readonly patientId: string }): Promise<ProgramEnrolmentRow> {
  const { programId, patientId } = o;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const program = await loadProgram(tx, actor.clinicId, programId);
    const patient = await getPatient(tx, actor.clinicId, patientId);
    if (!patient) throw new DomainError('not_found');
    // A TMS program takes no one under 18 (JSPN rTMS guideline), refused before screening starts.
    assertTreatmentAge({ treatment: program.treatment, birthDate: patient.birth_date, on: clinicDate(nowIso(ctx), await clinicZone(tx, actor.clinicId)) });
    const open = (await listEnrolments(tx, { clinicId: actor.clinicId, programId, patientId })).filter((e) => !CLOSED.includes(e.status as EnrolmentStatus));
    if (open.length) throw new DomainError('conflict', { key: 'programs.enrolment_open_exists' });
    const now = nowIso(ctx);
    const enrolment = startScreening({ id: newId(), patientId, program, at: now, by: actor.staffId });
    const row: ProgramEnrolmentRow = {
      id: enrolment.id, clinic_id: actor.clinicId, patient_id: patientId, program_id: program.id, program_version: program.version,
      status: enrolment.status, history_json: JSON.stringify(enrolment.history), eligibility_json: null,
      consent_state_json: JSON.stringify({ status: 'not_given' } satisfies ConsentState), enrolment_date: null, schedule_json: null,
      created_at: now, updated_at: now, row_version: 1,
    };
    await insertEnrolment(tx, row);
    await recordEvent(tx, actor.clinicId, row.id, enrolment.history[0]!);
    await audit(ctx, tx, { action: 'program_enrolment.screening', resource: 'program_enrolment', resourceId: row.id, patientId, detail: `program=${program.id};v=${program.version}` });
    return row;
  });
}

export interface EligibilityInput {
  readonly diagnoses?: ReadonlyArray<string>;
  readonly exclusions?: Readonly<Record<string, boolean>>;
  readonly attestations?: ReadonlyArray<{ readonly criterionId: string; readonly met: boolean; readonly note?: string }>;
}

/**
 * The doctor's screening: eligibility from the data that exists (age from the register, the latest
 * scores of the program's severity scales from the scales feature) and the doctor's attestations
 * for the rest. An eligible or ineligible outcome moves the enrolment on; an incomplete one stays.
 */
export async function screenEligibility(ctx: RequestContext, o: { readonly enrolmentId: string; readonly input: EligibilityInput }) {
  const { enrolmentId, input } = o;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const { row, enrolment } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
    const program = await loadProgram(tx, actor.clinicId, row.program_id, row.program_version);
    const patient = await getPatient(tx, actor.clinicId, row.patient_id);
    if (!patient) throw new DomainError('not_found');
    const zone = await clinicZone(tx, actor.clinicId);
    const now = nowIso(ctx);
    const totals = await latestScaleTotals(tx, actor.clinicId, row.patient_id, program.eligibility.severity.map((s) => s.scaleId));
    const scores = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.total]));
    // Each severity scale's validated age range: a score outside it decides nothing (PHQ-9 is 13+).
    const severityScales = new Set(program.eligibility.severity.map((s) => s.scaleId));
    const scaleAgeRanges = Object.fromEntries(
      (await latestClinicScales(tx, actor.clinicId)).filter((d) => severityScales.has(d.id) && d.ageRange).map((d) => [d.id, d.ageRange!]),
    );
    // Open risk alerts and what the patient's WEB問診 reports (pregnancy, seizures, implants) decide too.
    const facts = await eligibilityFacts(tx, { clinicId: actor.clinicId, patientId: row.patient_id });
    const exclusions = { ...(input.exclusions ?? {}), ...facts.intakeFindings };
    const result = evaluateEligibility(program, {
      scaleAgeRanges,
      screeningDate: clinicDate(now, zone),
      birthDate: patient.birth_date,
      ...(input.diagnoses ? { diagnoses: input.diagnoses } : {}),
      scores,
      exclusions,
      openRiskAlerts: facts.openRiskAlerts,
      attestations: (input.attestations ?? []).map((a) => ({ ...a, by: actor.staffId, at: now })),
    });
    let current = row;
    const patch = { eligibility_json: JSON.stringify(result) };
    if (enrolment.status === 'screening' && result.outcome !== 'incomplete') {
      const to = result.outcome === 'eligible' ? 'eligible' : 'ineligible';
      const failed = result.criteria.filter((c) => c.status === 'not_met').map((c) => c.id);
      const t = transition(enrolment, {
        to, at: now, by: actor.staffId, eligibility: result,
        ...(to === 'ineligible' ? { reason: `criteria_not_met:${failed.join(',')}` } : {}),
      });
      await saveTransition(ctx, tx, { row, result: t, patch });
      current = { ...row, status: t.enrolment.status };
    } else {
      await tx.updateTable('program_enrolments').set(patch).where('clinic_id', '=', actor.clinicId).where('id', '=', row.id).execute();
      await audit(ctx, tx, { action: 'program_enrolment.eligibility', resource: 'program_enrolment', resourceId: row.id, patientId: row.patient_id, detail: `outcome=${result.outcome}` });
    }
    return { eligibility: result, status: current.status, scoreSources: totals };
  });
}

export interface ConsentInput {
  readonly role: string;
  readonly language: 'ja' | 'en';
  readonly signer: { readonly kind: string; readonly name: string; readonly relation?: string; readonly relationOther?: string };
  readonly signature: { readonly method: 'typed'; readonly typedName: string } | { readonly method: 'drawn'; readonly pngDataUrl: string };
  readonly questions: ReadonlyArray<{ readonly question: string; readonly answer: string }>;
  readonly identityMethod: string;
  readonly scopes: ReadonlyArray<string>;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngBytes(dataUrl: string): Buffer {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  const bytes = m ? Buffer.from(m[1]!, 'base64') : Buffer.alloc(0);
  if (bytes.length < 60 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) {
    throw new DomainError('validation', { key: 'programs.signature_image_invalid', issues: [{ path: 'signature.pngDataUrl', key: 'programs.signature_image_invalid' }] });
  }
  return bytes;
}

/**
 * One signature: the patient's consent, a guardian's consent or a child's assent, each its own
 * record, on the document version in force today in the chosen language (its hash is stored with
 * the record), with the staff member who checked the signer's identity. Refused while the program's
 * pathway lacks any of its requirements, and for a sample document outside the demo clinic. When the
 * records the patient's age requires are all there (`consentRolesForAge`), the enrolment moves to
 * `consented`.
 */
export async function signConsent(ctx: RequestContext, o: { readonly enrolmentId: string; readonly input: ConsentInput }) {
  const { enrolmentId, input } = o;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const { row, enrolment } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
    if (enrolment.status === 'screening' || enrolment.status === 'ineligible') {
      throw fieldError('invalid_state', 'enrolment.consent_before_eligibility', 'to', { from: enrolment.status, to: 'consented', fromKey: enrolmentStatusKey(enrolment.status), toKey: enrolmentStatusKey('consented') });
    }
    const zone = await clinicZone(tx, actor.clinicId);
    const now = nowIso(ctx);
    const today = clinicDate(now, zone);
    // Re-consent (docs/governance.md): a participant already in the program signs again when it is
    // due, on the latest approved documents; the status does not change.
    const reconsent = enrolment.status !== 'eligible' && (await reconsentOf(tx, { clinicId: actor.clinicId, row, zone, today })).items.length > 0;
    if (enrolment.status !== 'eligible' && !reconsent) throw fieldError('invalid_state', 'enrolment.transition_not_allowed', 'to', { from: enrolment.status, to: 'consented', fromKey: enrolmentStatusKey(enrolment.status), toKey: enrolmentStatusKey('consented') });
    const program = await loadProgram(tx, actor.clinicId, row.program_id, reconsent ? undefined : row.program_version);
    const patient = await getPatient(tx, actor.clinicId, row.patient_id);
    if (!patient) throw new DomainError('not_found');
    const role = input.role as ConsentRecord['role'];
    const doc = currentConsentDocument(program, { role, language: input.language, on: today });
    if (!doc) throw new DomainError('validation', { key: 'programs.no_document', params: { role: input.role, language: input.language, roleKey: consentRoleKey(input.role), languageKey: consentLanguageKey(input.language) }, issues: [{ path: 'role', key: 'programs.no_document' }] });
    await assertMayTakeConsent(tx, { clinicId: actor.clinicId, program, document: doc });
    const id = newId();
    let png: string | null = null;
    let signature: unknown;
    if (input.signature.method === 'drawn') {
      const bytes = pngBytes(input.signature.pngDataUrl);
      png = input.signature.pngDataUrl;
      signature = { method: 'drawn', imageRef: `program_consents/${id}`, imageHash: createHash('sha256').update(bytes).digest('hex') };
    } else signature = input.signature;
    const record = validateConsentRecord(
      {
        id, enrolmentId, role, signer: input.signer, signature, signedAt: now,
        document: { id: doc.id, version: doc.version, language: doc.language, contentHash: doc.contentHash },
        questions: input.questions, identity: { confirmedBy: actor.staffId, method: input.identityMethod, at: now }, scopes: input.scopes,
      },
      { program, zone },
    );
    await insertConsent(tx, {
      id, clinic_id: actor.clinicId, enrolment_id: enrolmentId, patient_id: row.patient_id, role: record.role, record_json: JSON.stringify(record),
      signature_png: png, signed_at: now, created_at: now,
    });
    await audit(ctx, tx, { action: reconsent ? 'program_consent.resign' : 'program_consent.sign', resource: 'program_consent', resourceId: id, patientId: row.patient_id, detail: `role=${record.role};doc=${doc.id}@${doc.version}/${doc.language}` });
    if (reconsent) return { consentId: id, record, evaluation: null, status: enrolment.status, reconsent: (await reconsentOf(tx, { clinicId: actor.clinicId, row, zone, today })) };
    const records = (await listConsents(tx, actor.clinicId, enrolmentId)).map((r) => JSON.parse(r.record_json) as ConsentRecord);
    const evaluation = evaluateConsent({ program, birthDate: patient.birth_date, records, zone, on: today });
    let status: EnrolmentStatus = enrolment.status;
    if (evaluation.complete) {
      const t = transition(enrolment, { to: 'consented', at: now, by: actor.staffId, consent: evaluation, evidence: { consentRecords: records.map((r) => r.id).join(',') } });
      await saveTransition(ctx, tx, { row, result: t, patch: { consent_state_json: JSON.stringify(consentStateFrom(evaluation, records)) } });
      status = t.enrolment.status;
    }
    return { consentId: id, record, evaluation, status };
  });
}

/**
 * Enrols a consented patient: proposes the dated schedule on the clinic's open days (from the
 * reservations feature's calendar) from the enrolment date, and stores it with its shifts and
 * conflicts for staff to book.
 */
export async function enrolPatient(ctx: RequestContext, o: { readonly enrolmentId: string; readonly enrolmentDate?: string | undefined }) {
  const { enrolmentId } = o;
  const actor = requireStaff(ctx);
  const enrolled = await writeTx(ctx, async (tx) => {
    const { row, enrolment } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
    const program = await loadProgram(tx, actor.clinicId, row.program_id, row.program_version);
    const zone = await clinicZone(tx, actor.clinicId);
    const now = nowIso(ctx);
    const today = clinicDate(now, zone);
    const enrolmentDate = o.enrolmentDate ?? today;
    if (daysBetween(today, enrolmentDate) < 0 || daysBetween(today, enrolmentDate) > 180) {
      const params = { min: today, max: addDays(today, 180), value: enrolmentDate, unit: '' };
      throw new DomainError('validation', { key: 'programs.field.out_of_range', params, issues: [{ path: 'enrolmentDate', key: 'programs.field.out_of_range', params }] });
    }
    const patient = await getPatient(tx, actor.clinicId, row.patient_id);
    assertTreatmentAge({ treatment: program.treatment, birthDate: patient?.birth_date, on: today });
    const t = transition(enrolment, { to: 'enrolled', at: now, by: actor.staffId });
    const { isOpenDay } = await openDayFn(tx, actor.clinicId, zone);
    const schedule = proposeSchedule({ program, enrolmentDate, isOpenDay, screeningDate: clinicDate(enrolment.history[0]!.at, zone) });
    await saveTransition(ctx, tx, { row, result: t, patch: { enrolment_date: enrolmentDate, schedule_json: JSON.stringify(schedule) } });
    return { status: t.enrolment.status, schedule };
  });
  // The questionnaires of the assessment schedule go to the patient as scale links when due. The
  // scales feature writes them in its own transactions; a failure is reported and can be retried.
  const assessments = await assignProgramAssessments(ctx, enrolmentId);
  return { ...enrolled, assessments };
}

/** Other steps: back to screening, active, completed, lost to follow-up (reason where it ends). */
export async function moveEnrolment(ctx: RequestContext, o: { readonly enrolmentId: string; readonly to: EnrolmentStatus; readonly reason?: string | undefined }) {
  const { enrolmentId, ...input } = o;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const { row, enrolment } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
    const t = transition(enrolment, { to: input.to, at: nowIso(ctx), by: actor.staffId, ...(input.reason ? { reason: input.reason } : {}) });
    await saveTransition(ctx, tx, { row, result: t });
    return { status: t.enrolment.status };
  });
}

/**
 * Withdrawal, at any time: the enrolment ends and the consent state keeps the patient's choice
 * about data already collected, which `mayExport` applies to every later export.
 */
export async function withdrawEnrolment(ctx: RequestContext, o: { readonly enrolmentId: string; readonly reason?: string | undefined; readonly dataChoice: WithdrawalDataChoice }) {
  const { enrolmentId, ...input } = o;
  const actor = requireStaff(ctx);
  const withdrawn = await writeTx(ctx, async (tx) => {
    const { row, enrolment } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
    const zone = await clinicZone(tx, actor.clinicId);
    const now = nowIso(ctx);
    const reason = input.reason?.trim() || 'consent_withdrawn';
    const t = transition(enrolment, { to: 'withdrawn', at: now, by: actor.staffId, reason });
    const state = JSON.parse(row.consent_state_json) as ConsentState;
    const next: ConsentState = state.status === 'given'
      ? withdrawConsent(state, { at: now, zone, dataChoice: input.dataChoice, recordedBy: actor.staffId, ...(input.reason ? { reason: input.reason } : {}) })
      : state;
    await saveTransition(ctx, tx, { row, result: t, patch: { consent_state_json: JSON.stringify(next) } });
    const cancelledAssessments = await cancelProgramAssessments(ctx, tx, row);
    return { status: t.enrolment.status, consent: next, cancelledAssessments, row };
  });
  // The course's future appointments go too: a withdrawn patient is not dosed. Each is cancelled by
  // the reservations feature in its own transaction, after the withdrawal is safely stored.
  const { row, ...result } = withdrawn;
  const appointments = await cancelFutureSessions(ctx, row);
  return { ...result, cancelledAppointments: appointments.cancelled, appointmentsNotCancelled: appointments.failed };
}

