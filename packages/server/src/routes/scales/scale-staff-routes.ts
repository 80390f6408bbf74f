import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf, requireStaff } from '../../request-context.ts';
import { assignScale, cancelAssignment, MAX_OCCURRENCES, reissueInstanceLink } from '../../services/scales/assign-scale.ts';
import { crisisContactsOf } from '../../services/safety/crisis-contacts.ts';
import { updateCrisisContacts } from '../../services/safety/update-crisis-contacts.ts';
import { resolveScaleDefinition } from '../../services/scales/resolve-scale-definition.ts';
import {
  deliveryView, enterClinicianRating, fhirObservation, fhirQuestionnaire, fhirQuestionnaireResponse, importScale, patientTimeline, scaleCatalogue,
} from '../../services/scales/staff-scales.ts';
import { dateSchema, idSchema, text } from '../schemas.ts';
import { answersSchema, crisisContactSchema, scaleIdSchema } from './scale-schemas.ts';

export function registerScaleStaffRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const fhirJson = 'application/fhir+json; charset=utf-8';

  r.get('/api/scales', {
    config: { access: 'authenticated' },
    schema: { tags: ['scales'] },
  }, async (req) => ({ items: await scaleCatalogue(contextOf(deps, req)) }));

  r.get('/api/scales/:scaleId', {
    config: { access: 'authenticated' },
    schema: { tags: ['scales'], params: z.strictObject({ scaleId: scaleIdSchema }) },
  }, async (req) => ({ definition: await resolveScaleDefinition(deps.db.db, { clinicId: requireStaff(contextOf(deps, req)).clinicId, scaleId: req.params.scaleId }) }));

  r.get('/api/scales/:scaleId/fhir', {
    config: { access: 'authenticated' },
    schema: { tags: ['scales', 'fhir'], params: z.strictObject({ scaleId: scaleIdSchema }) },
  }, async (req, reply) => reply.type(fhirJson).send(await fhirQuestionnaire(contextOf(deps, req), req.params.scaleId)));

  r.post('/api/scales/import', {
    config: { access: 'scales:admin' },
    bodyLimit: 1_000_000,
    schema: {
      tags: ['scales'],
      body: z.strictObject({ format: z.enum(['definition', 'fhir', 'text-pack']), scaleId: scaleIdSchema.optional(), content: z.union([z.string().max(900_000), z.record(z.string(), z.unknown())]) }),
    },
  }, async (req) => importScale(contextOf(deps, req), req.body));

  r.post('/api/patients/:id/scale-assignments', {
    config: { access: 'scales:assign' },
    schema: {
      tags: ['scales'],
      params: z.strictObject({ id: idSchema }),
      body: z.strictObject({
        scaleId: scaleIdSchema,
        informant: z.enum(['self', 'parent', 'teacher']),
        kind: z.enum(['once', 'recurring']),
        startDate: dateSchema,
        intervalDays: z.number().int().min(1).max(365).optional(),
        occurrences: z.number().int().min(1).max(MAX_OCCURRENCES).optional(),
        windowDays: z.number().int().min(1).max(60),
        email: z.string().email().max(254).nullable().optional(),
        note: text(500, { multiline: true }).nullable().optional(),
      }),
    },
  }, async (req) => assignScale(contextOf(deps, req), { ...req.body, patientId: req.params.id }));

  r.get('/api/patients/:id/scale-assignments', {
    config: { access: 'scales:deliver' },
    schema: { tags: ['scales'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => deliveryView(contextOf(deps, req), req.params.id));

  r.post('/api/scale-assignments/:id/cancel', {
    config: { access: 'scales:assign' },
    schema: { tags: ['scales'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => {
    await cancelAssignment(contextOf(deps, req), req.params.id);
    return { ok: true as const };
  });

  r.post('/api/scale-instances/:id/link', {
    config: { access: 'scales:deliver' },
    schema: { tags: ['scales'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => reissueInstanceLink(contextOf(deps, req), req.params.id));

  r.post('/api/patients/:id/scale-ratings', {
    config: { access: 'scales:rate' },
    schema: {
      tags: ['scales'],
      params: z.strictObject({ id: idSchema }),
      body: z.strictObject({ scaleId: scaleIdSchema, answers: answersSchema, idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional() }),
    },
  }, async (req) => enterClinicianRating(contextOf(deps, req), { ...(req.body as { scaleId: string; answers: Record<string, number | null>; idempotencyKey?: string }), patientId: req.params.id }));

  r.get('/api/patients/:id/scale-results', {
    config: { access: 'scales:read' },
    schema: { tags: ['scales'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => patientTimeline(contextOf(deps, req), req.params.id));

  r.get('/api/scale-responses/:id/fhir', {
    config: { access: 'scales:read' },
    schema: { tags: ['scales', 'fhir'], params: z.strictObject({ id: idSchema }) },
  }, async (req, reply) => reply.type(fhirJson).send(await fhirQuestionnaireResponse(contextOf(deps, req), req.params.id)));

  r.get('/api/scale-responses/:id/observation', {
    config: { access: 'scales:read' },
    schema: { tags: ['scales', 'fhir'], params: z.strictObject({ id: idSchema }) },
  }, async (req, reply) => reply.type(fhirJson).send(await fhirObservation(contextOf(deps, req), req.params.id)));

  r.get('/api/crisis-contacts', {
    config: { access: 'authenticated' },
    schema: { tags: ['scales'] },
  }, async (req) => crisisContactsOf(deps.db.db, requireStaff(contextOf(deps, req)).clinicId));

  r.put('/api/crisis-contacts', {
    config: { access: 'crisis:edit' },
    schema: { tags: ['scales'], body: z.strictObject({ contacts: z.array(crisisContactSchema).min(1).max(30) }) },
  }, async (req) => updateCrisisContacts(contextOf(deps, req), req.body.contacts));
}
