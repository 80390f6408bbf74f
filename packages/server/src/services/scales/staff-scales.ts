import { DomainError } from '@mimamori/core';
import { scaleToQuestionnaire, scoreToObservation, toQuestionnaireResponse, scaleFromQuestionnaire } from '@mimamori/core/fhir/index';
import {
  applyTextPack, assessSeries, checkDefinitionImport, scaleValidationError, scoreScale, validateScaleDefinition, type ScaleAnswers, type ScaleDefinition, type ValidationResult,
} from '@mimamori/core/scales/index';
import {
  getPatient, getScaleResponse, insertScaleDefinition, listPatientScaleResults, listProgramSessions, listScaleAssignments, listScaleInstances, newId,
  replaceScaleDefinitionText,
} from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { clinicScaleDefinitions, latestClinicScales, resolveScaleDefinition } from './resolve-scale-definition.ts';
import { recordScaleResponse } from './record-scale-response.ts';

/** The list staff choose from: no scoring internals, just what identifies and describes a scale. */
export async function scaleCatalogue(ctx: RequestContext) {
  return (await latestClinicScales(ctx.db.db, requireStaff(ctx).clinicId)).map((d) => ({
    id: d.id, version: d.version, name: d.name, shortName: d.shortName, informants: d.informants, items: d.items.length,
    licenceClass: d.licence.class, textIncluded: d.licence.textIncluded && d.items.every((i) => Boolean(i.text)), textSource: d.textSource.kind,
  }));
}

/** Assignments and their instances — windows and status only, what reception may see. */
export async function deliveryView(ctx: RequestContext, patientId: string) {
  const a = requireStaff(ctx);
  const db = ctx.db.db;
  if (!(await getPatient(db, a.clinicId, patientId))) throw new DomainError('not_found');
  const [assignments, instances, defs] = await Promise.all([
    listScaleAssignments(db, { clinicId: a.clinicId, patientId }), listScaleInstances(db, { clinicId: a.clinicId, patientId }), latestClinicScales(db, a.clinicId),
  ]);
  await auditAlone(ctx, { action: 'scale_assignment.list', resource: 'scale_assignment', patientId });
  const now = ctx.clock().toISOString();
  return {
    assignments: assignments.map((x) => ({
      id: x.id, scaleId: x.scale_id, shortName: defs.find((d) => d.id === x.scale_id)?.shortName ?? x.scale_id, informant: x.informant, kind: x.kind,
      startDate: x.start_date, intervalDays: x.interval_days, occurrences: x.occurrences, windowDays: x.window_days, createdAt: x.created_at, cancelledAt: x.cancelled_at,
      instances: instances.filter((i) => i.assignment_id === x.id).map((i) => ({
        id: i.id, seq: i.seq, opensAt: i.opens_at, closesAt: i.closes_at, linkSentAt: i.link_sent_at,
        status: i.status === 'open' ? (i.closes_at <= now ? 'expired' : i.opens_at > now ? 'scheduled' : i.draft_updated_at ? 'started' : 'open') : i.status,
      })),
    })),
  };
}

/** A doctor enters a clinician-rated scale (HAM-D17, MADRS) for a patient. */
export async function enterClinicianRating(ctx: RequestContext, input: { patientId: string; scaleId: string; answers: Record<string, number | null>; idempotencyKey?: string }) {
  const a = requireStaff(ctx);
  const { patientId, ...body } = input;
  const d = await resolveScaleDefinition(ctx.db.db, { clinicId: a.clinicId, scaleId: body.scaleId });
  if (!d.informants.includes('clinician')) throw new DomainError('validation', { key: 'scale_not_clinician', issues: [{ path: 'scaleId', key: 'scale_not_clinician' }] });
  const r = await writeTx(ctx, (tx) =>
    recordScaleResponse(ctx, tx, {
      clinicId: a.clinicId, patientId, scaleId: d.id, answers: body.answers, informant: 'clinician', source: 'staff', enteredBy: a.staffId,
      idempotencyKey: body.idempotencyKey ? `staff:${body.idempotencyKey}` : null,
    }),
  );
  return { responseId: r.responseId, duplicate: r.duplicate, total: r.score.total, band: r.score.band, valid: r.score.valid, flags: r.flags.map((f) => f.id), alertRaised: r.alertRaised };
}

/**
 * The patient's timeline: for every scale answered, the points of each informant with band,
 * response, remission and reliable change against that informant's own baseline (in a program,
 * the last score before the first dose), plus the item-level answers.
 */
export async function patientTimeline(ctx: RequestContext, patientId: string) {
  const a = requireStaff(ctx);
  const db = ctx.db.db;
  if (!(await getPatient(db, a.clinicId, patientId))) throw new DomainError('not_found');
  const rows = await listPatientScaleResults(db, { clinicId: a.clinicId, patientId });
  // In a program, change is measured from the pre-treatment baseline (the last score before the
  // first dose), not from the first score ever recorded.
  const firstDose = (await listProgramSessions(db, { clinicId: a.clinicId, patientId })).map((s) => s.started_at).sort()[0];
  const all = await clinicScaleDefinitions(db, a.clinicId);
  const latest = await latestClinicScales(db, a.clinicId);
  const scaleIds = [...new Set(rows.map((r) => r.scale_id))];
  const scales = scaleIds.map((scaleId) => {
    const def = latest.find((d) => d.id === scaleId) ?? all.find((d) => d.id === scaleId)!;
    const mine = rows.filter((r) => r.scale_id === scaleId);
    const informants = [...new Set(mine.map((r) => r.informant))];
    const series = informants.map((informant) => {
      const pts = mine.filter((r) => r.informant === informant);
      const assessed = assessSeries({ definition: def, points: pts.map((p) => ({ at: p.submitted_at, total: p.valid ? p.total : null })), ...(firstDose ? { treatmentStartAt: firstDose } : {}) });
      return {
        informant,
        points: pts.map((p, i) => {
          const x = assessed[i]!;
          return {
            responseId: p.response_id, at: p.submitted_at, total: p.total, valid: p.valid === 1, band: p.band, version: p.scale_version, source: p.source,
            isBaseline: x.isBaseline, flags: (JSON.parse(p.flags_json) as Array<{ id: string }>).map((f) => f.id),
            response: x.change?.response ?? null, remission: x.change?.remission ?? null,
            reliableChange: x.change?.reliableChange ? { category: x.change.reliableChange.category, rci: x.change.reliableChange.rci, threshold: x.change.reliableChange.threshold } : null,
            answers: JSON.parse(p.answers_json) as Record<string, number>,
            reason: p.reason_json ? (JSON.parse(p.reason_json) as { message: { ja?: string; en?: string } }).message : null,
          };
        }),
      };
    });
    const bandSet = def.bandSets.find((b) => b.id === def.defaultBandSet) ?? def.bandSets[0];
    const range = def.scoring.method === 'sum' ? def.scoring.range : null;
    return {
      scaleId, shortName: def.shortName, name: def.name, direction: def.direction, range,
      bands: bandSet ? bandSet.bands.map((b) => ({ id: b.id, label: b.label, min: b.min ?? null, max: b.max ?? null })) : [],
      remission: def.remission ? { atMost: def.remission.atMost ?? null, atLeast: def.remission.atLeast ?? null } : null,
      responseReduction: def.response?.minReduction ?? null,
      items: def.items.map((i) => ({ id: i.id, text: i.text ?? null })),
      series,
    };
  });
  await auditAlone(ctx, { action: 'scale_result.list', resource: 'scale_response', patientId, detail: `results=${rows.length}` });
  return { scales };
}

async function responseWithDefinition(ctx: RequestContext, responseId: string) {
  const a = requireStaff(ctx);
  const row = await getScaleResponse(ctx.db.db, a.clinicId, responseId);
  if (!row) throw new DomainError('not_found');
  const definition = await resolveScaleDefinition(ctx.db.db, { clinicId: a.clinicId, scaleId: row.scale_id, version: row.scale_version });
  const authored = new Date(row.submitted_at).toISOString();
  return { row, definition, authored };
}

/** FHIR R4 exports (core mapping). */
export async function fhirQuestionnaire(ctx: RequestContext, scaleId: string) {
  const d = await resolveScaleDefinition(ctx.db.db, { clinicId: requireStaff(ctx).clinicId, scaleId });
  // A document in the reader's language (the item texts are the scale's own, not messages).
  return scaleToQuestionnaire(d, { lang: ctx.meta.lang });
}

export async function fhirQuestionnaireResponse(ctx: RequestContext, responseId: string) {
  const { row, definition, authored } = await responseWithDefinition(ctx, responseId);
  await auditAlone(ctx, { action: 'scale_response.export', resource: 'scale_response', resourceId: row.id, patientId: row.patient_id, detail: 'fhir=QuestionnaireResponse' });
  return toQuestionnaireResponse({ definition, answers: JSON.parse(row.answers_json) as ScaleAnswers, authored, subject: { reference: `Patient/${row.patient_id}` }, id: row.id });
}

export async function fhirObservation(ctx: RequestContext, responseId: string) {
  const { row, definition, authored } = await responseWithDefinition(ctx, responseId);
  const result = scoreScale(definition, JSON.parse(row.answers_json) as ScaleAnswers);
  await auditAlone(ctx, { action: 'scale_response.export', resource: 'scale_response', resourceId: row.id, patientId: row.patient_id, detail: 'fhir=Observation' });
  return scoreToObservation({ definition, result, effective: authored, subject: { reference: `Patient/${row.patient_id}` }, derivedFrom: { reference: `QuestionnaireResponse/${row.id}` }, id: `${row.id}-score` });
}

export type ImportFormat = 'definition' | 'fhir' | 'text-pack';

/**
 * Imports a clinic's scale: its own definition (JSON), a FHIR R4 Questionnaire, or a licensed
 * text pack for a metadata-only scale. Validated by the core; every problem is reported and nothing
 * is stored unless all is well. A version's scoring can never change (edit → new version).
 */
export async function importScale(ctx: RequestContext, body: { format: ImportFormat; scaleId?: string; content: unknown }) {
  const a = requireStaff(ctx);
  let content = body.content;
  if (typeof content === 'string') {
    try {
      content = JSON.parse(content) as unknown;
    } catch {
      throw new DomainError('validation', { key: 'scale_import_malformed', issues: [{ path: 'content', key: 'scale_import_malformed' }] });
    }
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new DomainError('validation', { key: 'scale_import_malformed', issues: [{ path: 'content', key: 'scale_import_malformed' }] });
  }
  const db = ctx.db.db;
  const existing = await clinicScaleDefinitions(db, a.clinicId);
  let result: ValidationResult;
  if (body.format === 'definition') result = validateScaleDefinition(content);
  else if (body.format === 'fhir') result = scaleFromQuestionnaire(content);
  else {
    if (!body.scaleId) throw new DomainError('validation', { issues: [{ path: 'scaleId', key: 'required' }] });
    const base: ScaleDefinition = await resolveScaleDefinition(db, { clinicId: a.clinicId, scaleId: body.scaleId });
    result = applyTextPack(base, content);
  }
  if (!result.ok) throw scaleValidationError('scale_definition_invalid', result.issues);
  const candidate = result.definition;
  const check = checkDefinitionImport({ candidate, existing });
  if (!check.ok) throw scaleValidationError('scale_definition_conflict', check.issues);
  const now = ctx.clock().toISOString();
  await writeTx(ctx, async (tx) => {
    if (check.decision === 'unchanged') return;
    const json = JSON.stringify(candidate);
    const stored = check.decision === 'text-update'
      && (await replaceScaleDefinitionText(tx, { clinicId: a.clinicId, scaleId: candidate.id, version: candidate.version, definitionJson: json, importedBy: a.staffId, now }));
    if (!stored) {
      await insertScaleDefinition(tx, { id: newId(), clinic_id: a.clinicId, scale_id: candidate.id, version: candidate.version, definition_json: json, imported_by: a.staffId, imported_at: now });
    }
    await audit(ctx, tx, { action: 'scale_definition.import', resource: 'scale_definition', resourceId: `${candidate.id}@${candidate.version}`, detail: `decision=${check.decision}` });
  });
  return { scaleId: candidate.id, version: candidate.version, decision: check.decision };
}
