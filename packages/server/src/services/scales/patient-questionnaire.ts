import { DomainError } from '@mimamori/core';
import { answerIssues, evaluateSafety, type ScaleAnswers, type ScaleDefinition, scaleValidationError } from '@mimamori/core/scales/index';
import { getScaleInstance, getScaleScoreOfResponse, newId, raiseAlert, saveScaleDraft, type ScaleInstanceRow } from '@mimamori/storage';
import { requirePatient, type RequestContext } from '../../request-context.ts';
import { patientCrisisView } from '../safety/patient-crisis-view.ts';
import { writeTx } from '../write-tx.ts';
import { alertsOf, scaleAlertSummary, recordScaleResponse } from './record-scale-response.ts';
import { resolveScaleDefinition } from './resolve-scale-definition.ts';
import { QUESTIONNAIRE_PURPOSE } from './scale-link.ts';

/** What the patient's form needs: wording in both languages, options, no scoring rules. */
export function formOf(d: ScaleDefinition) {
  return {
    scaleId: d.id, version: d.version, name: d.name, shortName: d.shortName, instructions: d.instructions ?? null, recallPeriod: d.recallPeriod ?? null,
    copyright: d.licence.copyright ?? null, attribution: d.licence.attribution,
    items: d.items.map((i) => ({
      id: i.id, text: i.text ?? null, optional: i.optional ?? false, enableWhen: i.enableWhen ?? null,
      options: i.options.map((o) => ({ value: o.value, label: o.label ?? null })),
    })),
  };
}

/** The one questionnaire this patient session was opened for; any other is refused the same way. */
async function scopedInstance(ctx: RequestContext, id: string): Promise<ScaleInstanceRow> {
  const p = requirePatient(ctx, QUESTIONNAIRE_PURPOSE);
  if (p.resourceId !== id) throw new DomainError('forbidden');
  const inst = await getScaleInstance(ctx.db.db, p.clinicId, id);
  if (!inst || inst.patient_id !== p.patientId) throw new DomainError('forbidden');
  return inst;
}

function isClosed(inst: ScaleInstanceRow, now: string): boolean {
  return inst.status === 'cancelled' || (inst.status === 'open' && inst.closes_at <= now);
}

export async function patientQuestionnaire(ctx: RequestContext, id: string) {
  const inst = await scopedInstance(ctx, id);
  const now = ctx.clock().toISOString();
  if (isClosed(inst, now)) throw new DomainError('gone', { key: 'scale_instance_closed' });
  const definition = await resolveScaleDefinition(ctx.db.db, { clinicId: inst.clinic_id, scaleId: inst.scale_id });
  let safety = false;
  if (inst.status === 'submitted' && inst.response_id) {
    const score = await getScaleScoreOfResponse(ctx.db.db, inst.clinic_id, inst.response_id);
    safety = Boolean(score && (JSON.parse(score.flags_json) as unknown[]).length > 0);
  }
  return {
    id: inst.id, status: inst.status as 'open' | 'submitted', closesAt: inst.closes_at, informant: inst.informant,
    draft: JSON.parse(inst.draft_json) as Record<string, number>, draftUpdatedAt: inst.draft_updated_at,
    form: formOf(definition), safety,
    crisisContacts: safety ? (await patientCrisisView(ctx, { clinicId: inst.clinic_id, patientId: inst.patient_id })).contacts : [],
  };
}

function checkPartial(ctx: RequestContext, d: ScaleDefinition, answers: Record<string, number | null>): ScaleAnswers {
  const issues = answerIssues(d, answers);
  if (issues.length > 0) throw scaleValidationError('scale_answers_invalid', issues);
  return answers;
}

/**
 * Saves the answers so far (resume on another device). A saved answer that meets a safety rule
 * raises the alert at once, in the same transaction — a patient who sees the crisis contacts and
 * then closes the page without sending is still seen by a clinician.
 */
export async function savePatientDraft(ctx: RequestContext, input: { id: string; answers: Record<string, number | null> }) {
  const { id, answers } = input;
  const inst = await scopedInstance(ctx, id);
  const now = ctx.clock().toISOString();
  if (isClosed(inst, now)) throw new DomainError('gone', { key: 'scale_instance_closed' });
  if (inst.status !== 'open') throw new DomainError('conflict', { key: 'scale_already_submitted' });
  const d = await resolveScaleDefinition(ctx.db.db, { clinicId: inst.clinic_id, scaleId: inst.scale_id });
  checkPartial(ctx, d, answers);
  const clean = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null));
  const flags = evaluateSafety(d, clean);
  await writeTx(ctx, async (tx) => {
    if (!(await saveScaleDraft(tx, { clinicId: inst.clinic_id, id, draftJson: JSON.stringify(clean), now }))) {
      throw new DomainError('conflict', { key: 'scale_already_submitted' });
    }
    for (const a of alertsOf(flags)) {
      await raiseAlert(tx, {
        id: newId(), clinicId: inst.clinic_id, patientId: inst.patient_id, kind: a.kind, severity: a.severity, sourceType: 'scale_instance', sourceId: inst.id,
        summary: scaleAlertSummary(d, a.flags),
        now,
      });
    }
  });
  const safety = flags.length > 0;
  return { savedAt: now, safety, crisisContacts: safety ? (await patientCrisisView(ctx, { clinicId: inst.clinic_id, patientId: inst.patient_id })).contacts : [] };
}

/**
 * Submits the answers of the patient's questionnaire. A retried submit returns the first result;
 * when a safety threshold is met the response carries the clinic's crisis contacts at once.
 */
export async function submitPatientQuestionnaire(ctx: RequestContext, input: { id: string; answers: Record<string, number | null> }) {
  const { id, answers } = input;
  const inst = await scopedInstance(ctx, id);
  const r = await writeTx(ctx, (tx) =>
    recordScaleResponse(ctx, tx, {
      clinicId: inst.clinic_id, patientId: inst.patient_id, scaleId: inst.scale_id, answers, informant: inst.informant as 'self' | 'parent' | 'teacher',
      source: 'patient_link', instanceId: inst.id, actorRole: 'patient',
    }),
  );
  const safety = r.flags.length > 0;
  return {
    status: 'submitted' as const, duplicate: r.duplicate, safety,
    crisisContacts: safety ? (await patientCrisisView(ctx, { clinicId: inst.clinic_id, patientId: inst.patient_id })).contacts : [],
  };
}

/** Draft answers that already meet a safety rule, so the page can show help before submitting. */
export function draftSafety(d: ScaleDefinition, answers: ScaleAnswers): boolean {
  return evaluateSafety(d, answers).length > 0;
}
