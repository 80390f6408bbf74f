import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sexes } from '@mimamori/core';
import { PATIENT_MESSAGES } from '@mimamori/core/patients/messages';
import type { AppDeps } from '../context.ts';
import { contextOf } from '../request-context.ts';
import { createPatient, duplicateCandidates, patientHistory, readPatient, searchPatientList, updatePatient } from '../services/patient-service.ts';
import { dateSchema, idSchema, text } from './schemas.ts';

const guardianSchema = z.strictObject({
  name: text(100, { min: 1 }),
  nameKana: text(100).nullish(),
  relation: text(30, { min: 1 }),
  phone: text(30).nullish(),
  email: text(254).nullish(),
});

const patientFields = {
  nameKanji: text(100, { min: 1 }),
  nameKana: text(100, { min: 1 }),
  birthDate: dateSchema,
  sex: z.enum(sexes),
  phone: text(30).nullish(),
  email: text(254).nullish(),
  postalCode: text(10).nullish(),
  address: text(300).nullish(),
  notes: text(4000, { multiline: true }).nullish(),
  guardians: z.array(guardianSchema).max(5).optional(),
};

const summary = z.object({
  id: z.string(), patientNumber: z.string(), nameKanji: z.string(), nameKana: z.string(), birthDate: z.string(), sex: z.string(), phone: z.string().nullable(), isDemo: z.boolean(),
});
const patient = summary.extend({
  email: z.string().nullable(), postalCode: z.string().nullable(), address: z.string().nullable(), notes: z.string().nullable(),
  guardians: z.array(z.object({ name: z.string(), nameKana: z.string().nullable(), relation: z.string(), phone: z.string().nullable(), email: z.string().nullable() })).readonly(),
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});

export function registerPatientRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(PATIENT_MESSAGES);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/patients', {
    config: { access: 'patients:read' },
    schema: {
      tags: ['patients'],
      querystring: z.strictObject({ q: text(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) }),
      response: { 200: z.object({ items: z.array(summary), total: z.number() }) },
    },
  }, async (req) => searchPatientList(contextOf(deps, req), req.query));

  r.get('/api/patients/duplicates', {
    config: { access: 'patients:read' },
    schema: {
      tags: ['patients'],
      querystring: z.strictObject({ nameKana: text(100).optional(), birthDate: dateSchema.optional(), phone: text(30).optional() }),
      response: { 200: z.object({ items: z.array(summary) }) },
    },
  }, async (req) => duplicateCandidates(contextOf(deps, req), req.query));

  r.post('/api/patients', {
    config: { access: 'patients:write' },
    schema: {
      tags: ['patients'],
      body: z.strictObject({ ...patientFields, acknowledgeDuplicates: z.boolean().optional() }),
      response: { 201: z.object({ patient }) },
    },
  }, async (req, reply) => {
    const p = await createPatient(contextOf(deps, req), req.body);
    return reply.code(201).send({ patient: p });
  });

  r.get('/api/patients/:id', {
    config: { access: 'patients:read' },
    schema: { tags: ['patients'], params: z.strictObject({ id: idSchema }), response: { 200: z.object({ patient }) } },
  }, async (req) => ({ patient: await readPatient(contextOf(deps, req), req.params.id) }));

  r.patch('/api/patients/:id', {
    config: { access: 'patients:write' },
    schema: {
      tags: ['patients'],
      params: z.strictObject({ id: idSchema }),
      body: z.strictObject({ ...z.object(patientFields).partial().shape, version: z.number().int().min(1) }),
      response: { 200: z.object({ patient }) },
    },
  }, async (req) => ({ patient: await updatePatient(contextOf(deps, req), req.params.id, req.body) }));

  r.get('/api/patients/:id/history', {
    config: { access: 'patients:read' },
    schema: {
      tags: ['patients'],
      params: z.strictObject({ id: idSchema }),
      response: {
        200: z.object({ items: z.array(z.object({ version: z.number(), changedAt: z.string(), changedBy: z.object({ id: z.string(), displayName: z.string() }), changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) })) }),
      },
    },
  }, async (req) => ({ items: await patientHistory(contextOf(deps, req), req.params.id) }));
}
