import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { idSchema } from '../schemas.ts';
import { addAnalyte, listAnalytes, patientCoInterventions, recordLab, saveCoIntervention } from '../../services/programs/lab-record-service.ts';

/** Named fields whose values the core checks (every problem at once, named, in the user's language). */
function fields(names: ReadonlyArray<string>) {
  return z.strictObject(Object.fromEntries(names.map((n) => [n, z.unknown().optional()])) as Record<string, z.ZodOptional<z.ZodUnknown>>);
}

export const LAB_FIELDS = [
  'analyte', 'value', 'comparator', 'unit', 'sampleType', 'collectedAt', 'fasting', 'assay', 'assayLot', 'assayBatch',
  'processingDelayMinutes', 'freezeThawCount', 'windowOverrideReason', 'enrolmentId', 'visitId', 'notes',
];
const ANALYTE_FIELDS = ['id', 'label', 'unit', 'sampleTypes', 'category', 'plausibleMax'];
const CO_FIELDS = ['kind', 'description', 'provider', 'sessionsPerMonth', 'startDate', 'stopDate'];

/** The lab analyte catalogue, lab entry checked against the program's plan, and co-interventions. */
export function registerClinicalRecordRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['programs'];
  r.get('/api/lab-analytes', { config: { access: 'programs:read' }, schema: { tags } }, async (req) => ({ items: await listAnalytes(contextOf(deps, req)) }));
  r.post('/api/lab-analytes', { config: { access: 'programs:admin' }, schema: { tags, body: fields(ANALYTE_FIELDS) } }, async (req, reply) =>
    reply.code(201).send({ analyte: await addAnalyte(contextOf(deps, req), req.body as Record<string, unknown>) }));
  r.post('/api/patients/:id/program-labs', { config: { access: 'programs:record' }, schema: { tags, params: z.strictObject({ id: idSchema }), body: fields(LAB_FIELDS) } }, async (req, reply) =>
    reply.code(201).send(await recordLab(contextOf(deps, req), { patientId: req.params.id, input: req.body as Record<string, unknown> })));
  r.get('/api/patients/:id/co-interventions', { config: { access: 'programs:clinical_read' }, schema: { tags, params: z.strictObject({ id: idSchema }) } }, async (req) => ({
    items: await patientCoInterventions(contextOf(deps, req), req.params.id),
  }));
  r.post('/api/patients/:id/co-interventions', { config: { access: 'programs:record' }, schema: { tags, params: z.strictObject({ id: idSchema }), body: fields(CO_FIELDS) } }, async (req, reply) =>
    reply.code(201).send({ coIntervention: await saveCoIntervention(contextOf(deps, req), { patientId: req.params.id, input: req.body as Record<string, unknown> }) }));
  r.put('/api/patients/:id/co-interventions/:coInterventionId', {
    config: { access: 'programs:record' },
    schema: { tags, params: z.strictObject({ id: idSchema, coInterventionId: idSchema }), body: fields(CO_FIELDS) },
  }, async (req) => ({ coIntervention: await saveCoIntervention(contextOf(deps, req), { patientId: req.params.id, input: req.body as Record<string, unknown>, coInterventionId: req.params.coInterventionId }) }));
}
