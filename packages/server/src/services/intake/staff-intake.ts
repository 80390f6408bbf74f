import { DomainError } from '@mimamori/core';
import { hasPermission } from '@mimamori/core/auth/permissions';
import { diffIntakes } from '@mimamori/core/intake/diff-intakes';
import type { IntakeAnswers, IntakeDefinition, IntakeValues } from '@mimamori/core/intake/intake-definition';
import { intakeRegisterMismatches } from '@mimamori/core/intake/intake-register-mismatches';
import { renderIntakeAnswers } from '@mimamori/core/intake/render-intake-answers';
import { selectIntakeDefinition } from '@mimamori/core/intake/select-intake-definition';
import { summarizeIntake, type IntakeScaleScore } from '@mimamori/core/intake/summarize-intake';
import type { Sex } from '@mimamori/core/patients/patient';
import { instantToZoned } from '@mimamori/core/time/instant-to-zoned';
import { getClinic, getIntake, getPatient, listIntakeStatuses, listPatientIntakes, revokePatientLinks, type IntakeRow } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { clinicDate } from '../../core-imports.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { qrSvgDataUrl } from '../qr-svg-data-url.ts';
import { writeTx } from '../write-tx.ts';
import { intakeDefinitionVersions } from './intake-definitions.ts';
import { intakePartFor, respondentOf } from './intake-part.ts';
import type { StoredIntakeScore } from './score-intake-scales.ts';
import { sendAdolescentIntake } from './send-adolescent-intake.ts';
import { INTAKE_LINK_PURPOSE, sendIntake, type SendIntakeOptions } from './send-intake.ts';

/** Status only — what reception and the day list may see. */
export function intakeStatusOf(r: Pick<IntakeRow, 'id' | 'patient_id' | 'appointment_id' | 'status' | 'sent_at' | 'started_at' | 'submitted_at' | 'progress_completed' | 'progress_total' | 'audience' | 'respondent'>) {
  return {
    // Who answers it: the adult patient, a guardian, or the adolescent on their own link.
    id: r.id, patientId: r.patient_id, appointmentId: r.appointment_id, respondent: respondentOf(r), status: r.status, sentAt: r.sent_at, startedAt: r.started_at, submittedAt: r.submitted_at,
    progress: { completed: r.progress_completed, total: r.progress_total },
  };
}

/**
 * Staff send (or re-send) the intake from the patient page. Roles that may read intake answers get
 * the link to copy and a QR code; the others (reception, administrators) never see it — it is
 * mailed to the patient, since whoever holds the link can open the answers typed so far.
 */
export async function sendIntakeFromStaff(ctx: RequestContext, input: Omit<SendIntakeOptions, 'clinicId' | 'mailOnly'>) {
  const a = requireStaff(ctx);
  const shown = hasPermission(a.role, 'intake:read');
  const sent = await writeTx(ctx, (tx) => sendIntake(ctx, tx, { ...input, clinicId: a.clinicId, mailOnly: !shown }));
  if (!shown) return { ...sent, link: null, qr: null };
  return { ...sent, link: { url: sent.link.url, expiresAt: sent.link.expiresAt }, qr: await qrSvgDataUrl(sent.link.url) };
}

/**
 * Staff issue the adolescent's own link (patients 12–17): their own part of the intake on their
 * own session. As with the guardian's link, only roles that may read intakes see the link or QR
 * code (to hand over in person); for the others it goes to the adolescent's own address.
 */
export async function sendAdolescentIntakeFromStaff(ctx: RequestContext, input: { patientId: string; appointmentId?: string | null; expiresAt?: string; email?: boolean }) {
  const a = requireStaff(ctx);
  const shown = hasPermission(a.role, 'intake:read');
  const sent = await writeTx(ctx, (tx) => sendAdolescentIntake(ctx, tx, { ...input, clinicId: a.clinicId, mailOnly: !shown }));
  if (!shown) return { ...sent, link: null, qr: null };
  return { ...sent, link: { url: sent.link.url, expiresAt: sent.link.expiresAt }, qr: await qrSvgDataUrl(sent.link.url) };
}

export async function listIntakesOfPatient(ctx: RequestContext, patientId: string) {
  const a = requireStaff(ctx);
  if (!(await getPatient(ctx.db.db, a.clinicId, patientId))) throw new DomainError('not_found');
  const rows = await listPatientIntakes(ctx.db.db, a.clinicId, patientId);
  await auditAlone(ctx, { action: 'intake.list', resource: 'intake', patientId });
  return rows.map(intakeStatusOf);
}

/** Latest non-cancelled intake status per patient / appointment, for the day list. */
export async function intakeStatuses(ctx: RequestContext, q: { patientIds: string[]; appointmentIds: string[] }) {
  const a = requireStaff(ctx);
  const rows = await listIntakeStatuses(ctx.db.db, { clinicId: a.clinicId, patientIds: q.patientIds, appointmentIds: q.appointmentIds });
  const byPatient = new Map<string, ReturnType<typeof intakeStatusOf>>();
  const byAppointment = new Map<string, ReturnType<typeof intakeStatusOf>>();
  for (const r of rows) {
    // The day list follows the main intake (the patient's or the guardian's), not the adolescent's own part.
    if (respondentOf(r) === 'adolescent') continue;
    if (!byPatient.has(r.patient_id)) byPatient.set(r.patient_id, intakeStatusOf(r));
    if (r.appointment_id && !byAppointment.has(r.appointment_id)) byAppointment.set(r.appointment_id, intakeStatusOf(r));
  }
  return {
    patients: q.patientIds.flatMap((id) => (byPatient.has(id) ? [byPatient.get(id)!] : [])),
    appointments: q.appointmentIds.flatMap((id) => (byAppointment.has(id) ? [byAppointment.get(id)!] : [])),
  };
}

const answersOf = (r: IntakeRow): IntakeAnswers => ({
  definitionId: r.form_id, definitionVersion: r.definition_version, audience: r.audience as IntakeAnswers['audience'],
  values: JSON.parse(r.values_json) as IntakeValues, confirmedGroups: JSON.parse(r.confirmed_groups_json) as string[],
});

function summaryScores(scores: ReadonlyArray<StoredIntakeScore>, zone: string): IntakeScaleScore[] {
  const hm = (iso: string) => {
    const z = instantToZoned(Date.parse(iso), zone);
    return `${z.date} ${z.time}`;
  };
  return scores.map((s) => ({
    scaleId: s.scaleId, label: s.shortName, total: s.total, band: s.band ?? undefined,
    // The core puts the scale's name in front of each flag. Flags raised from the submitted answers
    // first, then safety answers given earlier and changed before submitting.
    flags: [
      ...s.flags.map((f) => ({ ja: `${f.itemText?.ja ?? f.item} = ${f.score}（${f.action.ja}）`, en: `${f.itemText?.en ?? f.item} = ${f.score} (${f.action.en})` })),
      ...(s.earlierAnswers ?? []).map((x) => ({
        ja: `${x.itemText.ja}: ${hm(x.at)} に ${x.value} と回答、その後 ${x.submitted ?? '未回答'} に変更して提出`,
        en: `${x.itemText.en}: answered ${x.value} at ${hm(x.at)}, later changed to ${x.submitted ?? 'unanswered'} before submitting`,
      })),
    ],
  }));
}

/**
 * The doctor's page: the clinical summary in Japanese and English, every answer, the scores with
 * bands and flags, and what changed since the patient's previous submitted intake. All text is
 * plain; the web app renders it as text.
 */
export async function readIntakeForStaff(ctx: RequestContext, intakeId: string) {
  const a = requireStaff(ctx);
  const db = ctx.db.db;
  const row = await getIntake(db, a.clinicId, intakeId);
  if (!row) throw new DomainError('not_found', { key: 'intake_not_found' });
  const clinic = await getClinic(db, a.clinicId);
  const zone = clinic?.timeZone ?? 'Asia/Tokyo';
  // The answers as the reader reads them (a document, in the reader's language; the summary comes in both).
  const lang = ctx.meta.lang;
  const versions: IntakeDefinition[] = await intakeDefinitionVersions(ctx, db, a.clinicId);
  const answers = answersOf(row);
  const on = clinicDate(Date.parse(row.submitted_at ?? row.updated_at), zone);
  const patient = await getPatient(db, a.clinicId, row.patient_id);
  // Read with the part its respondent answered (the adolescent's own screens, or the guardian's).
  const partOf = (r: IntakeRow, d: string) => intakePartFor(r, selectIntakeDefinition(versions, answersOf(r)), { birthDate: patient?.birth_date, today: d });
  const definition = partOf(row, on);
  const scores = row.scores_json ? (JSON.parse(row.scores_json) as StoredIntakeScore[]) : [];
  const sScores = summaryScores(scores, zone);
  const summary = {
    ja: summarizeIntake(definition, answers, { lang: 'ja', today: on, scores: sScores }),
    en: summarizeIntake(definition, answers, { lang: 'en', today: on, scores: sScores }),
  };
  const rendered = renderIntakeAnswers([definition], answers, { lang, today: on });
  const earlier = (await listPatientIntakes(db, a.clinicId, row.patient_id)).find((r) => r.id !== row.id && r.status === 'submitted' && respondentOf(r) === respondentOf(row) && (r.submitted_at ?? '') < (row.submitted_at ?? '\uffff'));
  let changes: { since: string; items: ReturnType<typeof diffIntakes> } | null = null;
  if (earlier && row.status === 'submitted') {
    const ea = answersOf(earlier);
    changes = {
      since: earlier.submitted_at!,
      items: diffIntakes(
        { definition: partOf(earlier, clinicDate(Date.parse(earlier.submitted_at!), zone)), answers: ea, submittedOn: clinicDate(Date.parse(earlier.submitted_at!), zone) },
        { definition, answers, submittedOn: on },
        { lang },
      ),
    };
  }
  await auditAlone(ctx, { action: 'intake.read', resource: 'intake', resourceId: row.id, patientId: row.patient_id });
  return {
    intake: { ...intakeStatusOf(row), audience: row.audience, definitionVersion: row.definition_version, consentPolicyVersion: row.consent_policy_version, consentAt: row.consent_at, expiresAt: row.expires_at },
    summary: { ja: { text: summary.ja.text, alerts: summary.ja.alerts, sections: summary.ja.sections }, en: { text: summary.en.text, alerts: summary.en.alerts, sections: summary.en.sections } },
    answers: rendered.sections,
    scores,
    changes,
    // The register and the intake disagree (sex, birth date): staff check which is right.
    mismatches: patient ? intakeRegisterMismatches({ sex: patient.sex as Sex, birthDate: patient.birth_date }, answers.values) : [],
  };
}

/** Cancels an unsubmitted intake (e.g. sent to the wrong person); its link stops working. */
export async function cancelIntake(ctx: RequestContext, intakeId: string) {
  const a = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    const row = await getIntake(tx, a.clinicId, intakeId);
    if (!row) throw new DomainError('not_found', { key: 'intake_not_found' });
    if (row.status === 'submitted') throw new DomainError('invalid_state', { key: 'intake_already_submitted' });
    const now = ctx.clock().toISOString();
    await tx.updateTable('intakes').set({ status: 'cancelled', updated_at: now }).where('clinic_id', '=', a.clinicId).where('id', '=', intakeId).execute();
    await revokePatientLinks(tx, { clinicId: a.clinicId, patientId: row.patient_id, purpose: INTAKE_LINK_PURPOSE, resourceId: intakeId, now });
    await audit(ctx, tx, { action: 'intake.cancel', resource: 'intake', resourceId: intakeId, patientId: row.patient_id });
  });
}
