import { DomainError } from '@mimamori/core';
import { answerIssues, scoreScale, type Informant, type SafetyFlag, type ScaleAnswers, type ScaleDefinition, type ScoreResult, scaleValidationError } from '@mimamori/core/scales/index';
import {
  claimScaleInstanceSubmit, findScaleResponseByInstance, findScaleResponseByKey, getPatient, getScaleInstance, insertScaleResponse,
  insertScaleScore, newId, raiseAlert, type Db, type ScaleResponseRow,
} from '@mimamori/storage';
import { scaleAlertsOf } from '@mimamori/core/safety/alert-severity';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import { resolveScaleDefinition } from './resolve-scale-definition.ts';

/** Where a response came from. */
export type ScaleResponseSource = 'patient_link' | 'staff' | 'intake' | 'import';

export interface RecordScaleResponseInput {
  readonly clinicId: string;
  readonly patientId: string;
  readonly scaleId: string;
  /** Score with this definition version (default: the clinic's newest). */
  readonly scaleVersion?: string | null;
  /** Item id → chosen option value; `null`/absent = unanswered. Checked here, not trusted. */
  readonly answers: Readonly<Record<string, unknown>>;
  readonly informant: Informant;
  readonly source: ScaleResponseSource;
  /** The questionnaire instance this answers (assigned scales); at most one response per instance. */
  readonly instanceId?: string | null;
  /** A retried submit with the same key returns the stored response instead of storing another. */
  readonly idempotencyKey?: string | null;
  /** Staff member who entered it (clinician ratings, paper forms); null for patients. */
  readonly enteredBy?: string | null;
  /** For the audit row when no staff member acts (a patient, a job, an import); a staff member's own id and role otherwise. */
  readonly actorRole?: string | null;
  readonly bandSet?: string;
  /**
   * The source an alert is keyed by (default: the questionnaire instance or this response). An
   * intake keys its alerts by the intake, so the alert raised when a screen was saved and the one
   * from the submit are the same alert.
   */
  readonly alertSource?: { readonly type: string; readonly id: string };
}

export interface RecordedScaleResponse {
  readonly responseId: string;
  /** True when this call found an earlier submit of the same response and stored nothing. */
  readonly duplicate: boolean;
  readonly definition: ScaleDefinition;
  readonly score: ScoreResult;
  /** Safety flags that met their threshold; an alert was raised (or already existed) for them. */
  readonly flags: ReadonlyArray<SafetyFlag>;
  readonly alertRaised: boolean;
}

function checkAnswerShape(answers: Readonly<Record<string, unknown>>): ScaleAnswers {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw new DomainError('validation', { key: 'scale_answers_invalid' });
  return answers as ScaleAnswers;
}

/** The alerts of a response's flags (one per kind, at the highest severity); the rules are in the core. */
export const alertsOf = scaleAlertsOf;

/**
 * The dashboard text of a scale alert: the scale, the item's number and words, and the answer's
 * score (「PHQ-9 項目9「死んだ方がましだ…」= 2」, not an item id).
 */
export function scaleAlertSummary(def: ScaleDefinition, flags: ReadonlyArray<SafetyFlag>) {
  const first = flags[0]!;
  const i = def.items.findIndex((x) => x.id === first.item);
  const t = def.items[i]?.text;
  return {
    key: 'alert_scale_safety',
    params: {
      scale: def.shortName, item: first.item, itemNumber: i + 1, itemJa: t?.ja ?? t?.en ?? '', itemEn: t?.en ?? t?.ja ?? '', score: first.score,
      flags: flags.map((f) => f.id).join(','),
    },
  };
}

/** The stored response of an earlier submit, re-scored with the version it was stored under. */
async function existingResult(tx: Db, row: ScaleResponseRow, bandSet?: string): Promise<RecordedScaleResponse> {
  const definition = await resolveScaleDefinition(tx, { clinicId: row.clinic_id, scaleId: row.scale_id, version: row.scale_version });
  const score = scoreScale(definition, JSON.parse(row.answers_json) as ScaleAnswers, bandSet ? { bandSet } : {});
  return { responseId: row.id, duplicate: true, definition, score, flags: score.flags, alertRaised: score.flags.length > 0 };
}

/**
 * Scores a response with the core, stores it (immutable) with its score and the definition version,
 * and — when a safety threshold is met (PHQ-9 item 9 ≥ 1, …) — raises the alert in the same
 * transaction, so an answer is never stored without its alert. Pass the caller's transaction; mail
 * is never sent from here, so a mail failure cannot lose the alert.
 *
 * Idempotent: a second submit for the same instance, or with the same idempotency key, returns the
 * first response with `duplicate: true` and stores nothing. Bad answers (unknown items, wrong
 * types, out-of-range values) throw a `validation` DomainError (key `scale_answers_invalid`) with one
 * detail per problem in the request's language, before anything is written.
 */
export async function recordScaleResponse(ctx: RequestContext, tx: Db, input: RecordScaleResponseInput): Promise<RecordedScaleResponse> {
  const answers = checkAnswerShape(input.answers);
  const patient = await getPatient(tx, input.clinicId, input.patientId);
  if (!patient) throw new DomainError('not_found', { key: 'scale_patient_not_found' });

  if (input.idempotencyKey) {
    const prior = await findScaleResponseByKey(tx, input.clinicId, input.idempotencyKey);
    if (prior) {
      if (prior.patient_id !== input.patientId || prior.scale_id !== input.scaleId) throw new DomainError('conflict', { key: 'scale_idempotency_reused' });
      return existingResult(tx, prior, input.bandSet);
    }
  }

  let version = input.scaleVersion ?? null;
  if (input.instanceId) {
    const inst = await getScaleInstance(tx, input.clinicId, input.instanceId);
    if (!inst || inst.patient_id !== input.patientId || inst.scale_id !== input.scaleId) throw new DomainError('not_found', { key: 'scale_instance_not_found' });
    if (inst.status === 'submitted') {
      const prior = await findScaleResponseByInstance(tx, input.clinicId, inst.id);
      if (prior) return existingResult(tx, prior, input.bandSet);
    }
    if (inst.status === 'cancelled') throw new DomainError('gone', { key: 'scale_instance_closed' });
    const now = ctx.clock().toISOString();
    if (inst.closes_at <= now || inst.opens_at > now) throw new DomainError('gone', { key: 'scale_instance_closed' });
  }

  const definition = await resolveScaleDefinition(tx, { clinicId: input.clinicId, scaleId: input.scaleId, version });
  version = definition.version;
  if (!definition.informants.includes(input.informant)) {
    throw new DomainError('validation', { key: 'scale_informant_invalid', params: { scale: definition.shortName, informant: input.informant } });
  }
  const issues = answerIssues(definition, answers);
  if (issues.length > 0) throw scaleValidationError('scale_answers_invalid', issues);
  const score = scoreScale(definition, answers, input.bandSet ? { bandSet: input.bandSet } : {});

  const responseId = newId();
  if (input.instanceId) {
    // Compare-and-swap first: a concurrent second submit waits here, then finds the instance taken.
    if (!(await claimScaleInstanceSubmit(tx, { clinicId: input.clinicId, id: input.instanceId, responseId }))) {
      const prior = await findScaleResponseByInstance(tx, input.clinicId, input.instanceId);
      if (prior) return existingResult(tx, prior, input.bandSet);
      throw new DomainError('gone', { key: 'scale_instance_closed' });
    }
  }
  const now = ctx.clock().toISOString();
  const stored: Record<string, number> = {};
  for (const item of definition.items) {
    const v = answers[item.id];
    if (typeof v === 'number') stored[item.id] = v;
  }
  await insertScaleResponse(tx, {
    id: responseId, clinic_id: input.clinicId, patient_id: input.patientId, instance_id: input.instanceId ?? null, scale_id: definition.id,
    scale_version: definition.version, informant: input.informant, source: input.source, answers_json: JSON.stringify(stored),
    idempotency_key: input.idempotencyKey ?? null, entered_by: input.enteredBy ?? null, submitted_at: now,
  });
  await insertScaleScore(tx, {
    id: newId(), clinic_id: input.clinicId, patient_id: input.patientId, response_id: responseId, scale_id: definition.id, scale_version: score.version,
    valid: score.valid ? 1 : 0, total: score.total, band: score.band, band_set: score.bandSet, missing: score.missing, prorated: score.prorated ? 1 : 0,
    subscales_json: JSON.stringify(score.subscales), flags_json: JSON.stringify(score.flags), reason_json: score.reason ? JSON.stringify(score.reason) : null, scored_at: now,
  });
  const alerts = alertsOf(score.flags);
  for (const a of alerts) {
    // An assigned questionnaire keys its alert by the questionnaire, so the alert already raised
    // from a saved draft (see savePatientDraft) and the one from the submit are the same alert.
    await raiseAlert(tx, {
      id: newId(), clinicId: input.clinicId, patientId: input.patientId, kind: a.kind, severity: a.severity,
      sourceType: input.alertSource?.type ?? (input.instanceId ? 'scale_instance' : 'scale_response'), sourceId: input.alertSource?.id ?? input.instanceId ?? responseId,
      summary: scaleAlertSummary(definition, a.flags),
      now,
    });
  }
  // A staff member acting is audited as themselves; otherwise (a patient's link, a job, an import)
  // as who entered it, by default the patient.
  const actor = ctx.actor.kind === 'staff' ? {} : { actorId: input.enteredBy ?? null, actorRole: input.actorRole ?? (input.enteredBy ? null : 'patient') };
  await audit(ctx, tx, {
    action: 'scale_response.submit', resource: 'scale_response', resourceId: responseId, patientId: input.patientId, clinicId: input.clinicId, ...actor,
    detail: `scale=${definition.id}@${definition.version} source=${input.source}${alerts.length ? ` alerts=${alerts.map((a) => a.kind).join(',')}` : ''}`,
  });
  return { responseId, duplicate: false, definition, score, flags: score.flags, alertRaised: alerts.length > 0 };
}
