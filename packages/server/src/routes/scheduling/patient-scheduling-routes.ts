import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { requirePatientScope } from '../../services/patient-link-service.ts';
import { availabilityJson, myAppointments, patientServices } from '../../services/scheduling/availability-service.ts';
import { bookAppointment, cancelAppointment, changeAppointment, confirmHold, patientTagsOf } from '../../services/scheduling/booking-service.ts';
import { APPOINTMENTS_PURPOSE, requestSignInCode, verifySignInCode } from '../../services/scheduling/patient-access-service.ts';
import { patientActor } from '../../services/scheduling/scheduling-context.ts';
import { authRateLimit } from '../auth-routes.ts';
import { tokenSchema } from '../schemas.ts';
import { availabilityResponseSchema, dateSchema, idempotencyKeyOf, idSchema, instantSchema, resourceIdSchema, sendCachedJson, versionSchema } from './scheduling-schemas.ts';

/** Patient routes of reservations: code sign-in, own appointments, availability, book/change/cancel. */
export function registerPatientSchedulingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (req: Parameters<typeof patientActor>[0]) => {
    requirePatientScope(req, APPOINTMENTS_PURPOSE);
    return patientActor(req);
  };

  r.post('/api/p/appointments/sign-in/request', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: { tags: ['patient'], body: z.strictObject({ patientNumber: z.string().min(1).max(20), birthDate: dateSchema, clinicId: idSchema.optional() }) },
  }, async (req, reply) => reply.code(202).send(await requestSignInCode(deps, req, req.body)));

  r.post('/api/p/appointments/sign-in/verify', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit, opensPatientSession: true },
    schema: { tags: ['patient'], body: z.strictObject({ challengeId: tokenSchema, code: z.string().regex(/^\d{6}$/, { message: 'invalid_type' }) }) },
  }, async (req, reply) => verifySignInCode(deps, req, reply, req.body));

  r.get('/api/p/appointments', { config: { access: 'patient' }, schema: { tags: ['patient'] } }, async (req) => myAppointments(deps, req, actorOf(req)));

  r.get('/api/p/appointments/services', { config: { access: 'patient' }, schema: { tags: ['patient'] } }, async (req) => {
    const actor = actorOf(req);
    return patientServices(deps, actor, await patientTagsOf(deps, { clinicId: actor.clinicId, patientId: actor.patientId! }));
  });

  r.get('/api/p/appointments/availability', {
    config: { access: 'patient' },
    schema: {
      tags: ['patient'],
      querystring: z.strictObject({ serviceId: resourceIdSchema, from: dateSchema, to: dateSchema, excludeAppointmentId: idSchema.optional() }),
      response: { 200: availabilityResponseSchema },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const q = req.query;
    const cached = await availabilityJson(deps, actor, {
      serviceId: q.serviceId, from: q.from, to: q.to, patientTags: await patientTagsOf(deps, { clinicId: actor.clinicId, patientId: actor.patientId! }),
      ...(q.excludeAppointmentId ? { excludeAppointmentId: q.excludeAppointmentId } : {}),
    });
    return sendCachedJson(req, reply, cached);
  });

  r.post('/api/p/appointments', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], body: z.strictObject({ serviceId: resourceIdSchema, start: instantSchema, hold: z.boolean().optional() }) },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { appointment } = await bookAppointment(deps, req, actor, { patientId: actor.patientId!, ...req.body }, idempotencyKeyOf(req));
    return reply.code(201).send({ appointment });
  });

  r.post('/api/p/appointments/:id/confirm', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ version: versionSchema }) },
  }, async (req) => ({ appointment: await confirmHold(deps, req, actorOf(req), req.params.id, req.body.version) }));

  r.patch('/api/p/appointments/:id', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ start: instantSchema, version: versionSchema }) },
  }, async (req) => ({ appointment: await changeAppointment(deps, req, actorOf(req), req.params.id, req.body) }));

  r.post('/api/p/appointments/:id/cancel', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ version: versionSchema }) },
  }, async (req) => ({ appointment: await cancelAppointment(deps, req, actorOf(req), req.params.id, { version: req.body.version }) }));
}
