import { DomainError } from '@mimamori/core';
import { analyteCatalogue, validateCustomAnalyte, validateLabResult, type AnalyteCatalogue, type CustomAnalyte } from '@mimamori/core/labs/index';
import { validateCoIntervention, type CoIntervention } from '@mimamori/core/medication/index';
import { checkLabAgainstPlan } from '@mimamori/core/programs/lab-plan';
import {
  getPatient,
  insertCoIntervention,
  insertLabAnalyte,
  insertLabResults,
  isUniqueViolation,
  listCoInterventions,
  listLabAnalytes,
  newId,
  updateCoIntervention,
  type Db,
} from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { clinicZone, loadEnrolment, loadProgram, nowIso, writeTx } from './program-context.ts';

/** The clinic's analyte catalogue: the built-in panel and the analytes it added. */
export async function loadAnalyteCatalogue(db: Db, clinicId: string): Promise<AnalyteCatalogue> {
  const rows = await listLabAnalytes(db, clinicId);
  return analyteCatalogue(rows.map((r) => JSON.parse(r.definition_json) as CustomAnalyte));
}

/** Every analyte of the catalogue, with names, units and sample types, for forms and the timeline. */
export async function listAnalytes(ctx: RequestContext) {
  const actor = requireStaff(ctx);
  const c = await loadAnalyteCatalogue(ctx.db.db, actor.clinicId);
  return [...c.values()].map((a) => ({
    id: a.id, label: a.label, category: a.category, builtIn: a.builtIn, canonicalUnit: a.canonicalUnit, units: Object.keys(a.units), sampleTypes: a.sampleTypes,
  }));
}

/** Adds an analyte to the clinic's catalogue (audited); ids are never reused or changed. */
export async function addAnalyte(ctx: RequestContext, input: Record<string, unknown>) {
  const actor = requireStaff(ctx);
  try {
    return await writeTx(ctx, async (tx) => {
      const analyte = validateCustomAnalyte(input, { existing: await loadAnalyteCatalogue(tx, actor.clinicId) });
      await insertLabAnalyte(tx, { clinic_id: actor.clinicId, analyte_id: analyte.id, definition_json: JSON.stringify(analyte), created_by: actor.staffId, created_at: nowIso(ctx) });
      await audit(ctx, tx, { action: 'lab_analyte.create', resource: 'lab_analyte', resourceId: analyte.id });
      return analyte;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('conflict', { key: 'labs.analyte_id_taken', issues: [{ path: 'id', key: 'labs.analyte_id_taken' }] });
    throw err;
  }
}

/**
 * One lab result typed in by staff, checked against the clinic's catalogue and, when it belongs
 * to an enrolment, against that program's lab plan: the fixed sample type, and the collection
 * window (outside it only with a reason). The same sample (patient, analyte, time) is stored once.
 */
export async function recordLab(ctx: RequestContext, o: { readonly patientId: string; readonly input: Record<string, unknown> }) {
  const { patientId, input } = o;
  const actor = requireStaff(ctx);
  try {
    return await writeTx(ctx, async (tx) => {
      if (!(await getPatient(tx, actor.clinicId, patientId))) throw new DomainError('not_found');
      const catalogue = await loadAnalyteCatalogue(tx, actor.clinicId);
      const lab = validateLabResult({ ...input, patientId }, { catalogue });
      if (lab.enrolmentId) {
        const { row } = await loadEnrolment(tx, actor.clinicId, lab.enrolmentId);
        if (row.patient_id !== patientId) {
          throw new DomainError('validation', { key: 'labs.enrolment_other_patient', issues: [{ path: 'enrolmentId', key: 'labs.enrolment_other_patient' }] });
        }
        const program = await loadProgram(tx, actor.clinicId, row.program_id, row.program_version);
        checkLabAgainstPlan(lab, program.labPlan, { zone: await clinicZone(tx, actor.clinicId) });
      }
      const id = newId();
      const now = nowIso(ctx);
      await insertLabResults(tx, [{
        id, clinic_id: actor.clinicId, patient_id: patientId, enrolment_id: lab.enrolmentId ?? null, analyte: lab.analyte,
        collected_at: new Date(Date.parse(lab.collectedAt)).toISOString(), record_json: JSON.stringify(lab), import_id: null, created_by: actor.staffId, created_at: now,
      }]);
      await audit(ctx, tx, {
        action: 'program_lab.record', resource: 'program_lab_result', resourceId: id, patientId,
        detail: `analyte=${lab.analyte}${lab.windowOverrideReason ? ';window_override=1' : ''}`,
      });
      return { id, result: lab };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('conflict', { key: 'programs.lab_duplicate', issues: [{ path: 'collectedAt', key: 'programs.lab_duplicate' }] });
    throw err;
  }
}

/** Adds or replaces a co-intervention (psychotherapy, counselling …) of a patient, audited. */
export async function saveCoIntervention(ctx: RequestContext, o: { readonly patientId: string; readonly input: Record<string, unknown>; readonly coInterventionId?: string }) {
  const { patientId, input, coInterventionId } = o;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    if (!(await getPatient(tx, actor.clinicId, patientId))) throw new DomainError('not_found');
    const id = coInterventionId ?? newId();
    const record: CoIntervention = validateCoIntervention({ ...input, id, patientId });
    const now = nowIso(ctx);
    if (coInterventionId) {
      const existing = (await listCoInterventions(tx, actor.clinicId, patientId)).find((c) => c.id === coInterventionId);
      if (!existing) throw new DomainError('not_found');
      await updateCoIntervention(tx, { clinicId: actor.clinicId, id, recordJson: JSON.stringify(record), now });
    } else {
      await insertCoIntervention(tx, { id, clinic_id: actor.clinicId, patient_id: patientId, record_json: JSON.stringify(record), created_by: actor.staffId, created_at: now, updated_at: now });
    }
    await audit(ctx, tx, { action: coInterventionId ? 'co_intervention.update' : 'co_intervention.create', resource: 'co_intervention', resourceId: id, patientId });
    return record;
  });
}

/** A patient's co-interventions (the read is audited). */
export async function patientCoInterventions(ctx: RequestContext, patientId: string): Promise<CoIntervention[]> {
  const actor = requireStaff(ctx);
  if (!(await getPatient(ctx.db.db, actor.clinicId, patientId))) throw new DomainError('not_found');
  const rows = await listCoInterventions(ctx.db.db, actor.clinicId, patientId);
  await auditAlone(ctx, { action: 'co_intervention.read', resource: 'patient', resourceId: patientId, patientId });
  return rows.map((r) => JSON.parse(r.record_json) as CoIntervention);
}
