import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf, requireStaff } from '../../request-context.ts';
import { childScreenStatus, currentIntakeDefinition, listIntakeVersions, publishIntakeDefinition } from '../../services/intake/intake-definitions.ts';
import { cancelIntake, intakeStatuses, listIntakesOfPatient, readIntakeForStaff, sendAdolescentIntakeFromStaff, sendIntakeFromStaff } from '../../services/intake/staff-intake.ts';
import { idSchema } from '../schemas.ts';

const statusSchema = z.object({
  id: z.string(), patientId: z.string(), appointmentId: z.string().nullable(), respondent: z.enum(['patient', 'guardian', 'adolescent']), status: z.string(), sentAt: z.string(), startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(), progress: z.object({ completed: z.number(), total: z.number() }),
});
const idList = z.string().max(33 * 200).optional().transform((s) => (s ? s.split(',').filter(Boolean) : []))
  .pipe(z.array(idSchema).max(200));

export function registerIntakeStaffRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/intake/definition', {
    config: { access: 'intake:admin' },
    schema: { tags: ['intake'], response: { 200: z.object({ definition: z.unknown(), versions: z.array(z.object({ version: z.number(), createdAt: z.string(), createdBy: z.string().nullable() })) }) } },
  }, async (req) => {
    const ctx = contextOf(deps, req);
    return { definition: await currentIntakeDefinition(ctx, ctx.db.db, requireStaff(ctx).clinicId), versions: await listIntakeVersions(ctx) };
  });

  // The body is the whole edited definition; the core validator checks it (zod only bounds the size).
  r.post('/api/intake/definition', {
    config: { access: 'intake:admin' },
    schema: {
      tags: ['intake'],
      body: z.strictObject({ definition: z.record(z.string(), z.unknown()), noScreenConfirmation: z.string().max(2000).optional() }),
      response: { 201: z.object({ version: z.number() }) },
    },
  }, async (req, reply) => {
    const def = await publishIntakeDefinition(contextOf(deps, req), {
      definition: req.body.definition, ...(req.body.noScreenConfirmation !== undefined ? { noScreenConfirmation: req.body.noScreenConfirmation } : {}),
    });
    return reply.code(201).send({ version: def.version });
  });

  // Whether the child form has a scored youth self-harm screen (the administrator's home and the editor say so loudly).
  r.get('/api/intake/child-screen', {
    config: { access: 'intake:admin' },
    schema: {
      tags: ['intake'],
      response: {
        200: z.object({
          version: z.number(), missing: z.boolean(),
          confirmation: z.object({ text: z.string(), at: z.string(), by: z.string().nullable(), byName: z.string().nullable() }).nullable(),
        }),
      },
    },
  }, async (req) => childScreenStatus(contextOf(deps, req)));

  r.post('/api/patients/:id/intakes', {
    config: { access: 'intake:send' },
    schema: {
      tags: ['intake'],
      params: z.strictObject({ id: idSchema }),
      body: z.strictObject({
        audience: z.enum(['adult', 'child']).optional(),
        appointmentId: idSchema.nullish(),
        expiresAt: z.iso.datetime().optional(),
        email: z.boolean().optional(),
      }),
      response: {
        201: z.object({
          intakeId: z.string(), reused: z.boolean(), answersKept: z.boolean(), status: z.string(), mailQueued: z.boolean(),
          // Only for roles that may read the answers; for the others the link is mailed to the patient.
          qr: z.string().nullable(),
          link: z.object({ url: z.string(), expiresAt: z.string() }).nullable(),
        }),
      },
    },
  }, async (req, reply) => {
    const s = await sendIntakeFromStaff(contextOf(deps, req), { ...req.body, patientId: req.params.id });
    return reply.code(201).send({ intakeId: s.intakeId, reused: s.reused, answersKept: s.answersKept, status: s.status, mailQueued: s.mailQueued, qr: s.qr, link: s.link });
  });

  // The adolescent's own part (12–17), on its own link and session, never through the guardian's.
  r.post('/api/patients/:id/intakes/adolescent', {
    config: { access: 'intake:send' },
    schema: {
      tags: ['intake'],
      params: z.strictObject({ id: idSchema }),
      body: z.strictObject({ appointmentId: idSchema.nullish(), expiresAt: z.iso.datetime().optional(), email: z.boolean().optional() }),
      response: {
        201: z.object({
          intakeId: z.string(), reused: z.boolean(), answersKept: z.boolean(), status: z.string(), mailQueued: z.boolean(),
          qr: z.string().nullable(), link: z.object({ url: z.string(), expiresAt: z.string() }).nullable(),
        }),
      },
    },
  }, async (req, reply) => {
    const s = await sendAdolescentIntakeFromStaff(contextOf(deps, req), { ...req.body, patientId: req.params.id });
    return reply.code(201).send({ intakeId: s.intakeId, reused: s.reused, answersKept: s.answersKept, status: s.status, mailQueued: s.mailQueued, qr: s.qr, link: s.link });
  });

  r.get('/api/patients/:id/intakes', {
    config: { access: 'intake:status' },
    schema: { tags: ['intake'], params: z.strictObject({ id: idSchema }), response: { 200: z.object({ items: z.array(statusSchema) }) } },
  }, async (req) => ({ items: await listIntakesOfPatient(contextOf(deps, req), req.params.id) }));

  r.get('/api/intake/status', {
    config: { access: 'intake:status' },
    schema: {
      tags: ['intake'],
      querystring: z.strictObject({ patientIds: idList, appointmentIds: idList }),
      response: { 200: z.object({ patients: z.array(statusSchema), appointments: z.array(statusSchema) }) },
    },
  }, async (req) => intakeStatuses(contextOf(deps, req), { patientIds: req.query.patientIds, appointmentIds: req.query.appointmentIds }));

  r.get('/api/intakes/:id', {
    config: { access: 'intake:read' },
    schema: { tags: ['intake'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => readIntakeForStaff(contextOf(deps, req), req.params.id));

  r.post('/api/intakes/:id/cancel', {
    config: { access: 'intake:send' },
    schema: { tags: ['intake'], params: z.strictObject({ id: idSchema }) },
  }, async (req, reply) => {
    await cancelIntake(contextOf(deps, req), req.params.id);
    return reply.code(204).send();
  });
}
