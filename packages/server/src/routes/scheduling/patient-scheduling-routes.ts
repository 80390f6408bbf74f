import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setPatientCookie } from '../../auth/session-of.ts';
import type { AppDeps } from '../../context.ts';
import { contextOf, requirePatient } from '../../request-context.ts';
import { availabilityJson, myAppointments, patientServices } from '../../services/scheduling/availability-service.ts';
import { bookAppointment } from '../../services/scheduling/book-appointment.ts';
import { cancelAppointment } from '../../services/scheduling/cancel-appointment.ts';
import { changeAppointment } from '../../services/scheduling/change-appointment.ts';
import { confirmHold } from '../../services/scheduling/confirm-hold.ts';
import { APPOINTMENTS_PURPOSE, requestSignInCode, verifySignInCode } from '../../services/scheduling/patient-access-service.ts';
import { authRateLimit } from '../auth-routes.ts';
import { tokenSchema } from '../schemas.ts';
import { availabilityResponseSchema, dateSchema, idempotencyKeyOf, idSchema, instantSchema, resourceIdSchema, sendCachedJson, versionSchema } from './scheduling-schemas.ts';

/** Patient routes of reservations: code sign-in, own appointments, availability, book/change/cancel. */
export function registerPatientSchedulingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** The request's context, for the patient of an `appointments` session only (else `forbidden`). */
  const patientContext = (req: FastifyRequest) => {
    const ctx = contextOf(deps, req);
    requirePatient(ctx, APPOINTMENTS_PURPOSE);
    return ctx;
  };

  r.post('/api/p/appointments/sign-in/request', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: { tags: ['patient'], body: z.strictObject({ patientNumber: z.string().min(1).max(20), birthDate: dateSchema, clinicId: idSchema.optional() }) },
  }, async (req, reply) => reply.code(202).send(await requestSignInCode(contextOf(deps, req), req.body)));

  r.post('/api/p/appointments/sign-in/verify', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit, opensPatientSession: true },
    schema: { tags: ['patient'], body: z.strictObject({ challengeId: tokenSchema, code: z.string().regex(/^\d{6}$/, { message: 'invalid_type' }) }) },
  }, async (req, reply) => {
    const opened = await verifySignInCode(contextOf(deps, req), req.body);
    setPatientCookie(reply, opened.sessionToken);
    return opened.body;
  });

  r.get('/api/p/appointments', { config: { access: 'patient' }, schema: { tags: ['patient'] } }, async (req) => myAppointments(patientContext(req)));

  r.get('/api/p/appointments/services', { config: { access: 'patient' }, schema: { tags: ['patient'] } }, async (req) => patientServices(patientContext(req)));

  r.get('/api/p/appointments/availability', {
    config: { access: 'patient' },
    schema: {
      tags: ['patient'],
      querystring: z.strictObject({ serviceId: resourceIdSchema, from: dateSchema, to: dateSchema, excludeAppointmentId: idSchema.optional() }),
      response: { 200: availabilityResponseSchema },
    },
  }, async (req, reply) => {
    const q = req.query;
    const cached = await availabilityJson(patientContext(req), {
      serviceId: q.serviceId, from: q.from, to: q.to, ...(q.excludeAppointmentId ? { excludeAppointmentId: q.excludeAppointmentId } : {}),
    });
    return sendCachedJson(req, reply, cached);
  });

  r.post('/api/p/appointments', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], body: z.strictObject({ serviceId: resourceIdSchema, start: instantSchema, hold: z.boolean().optional() }) },
  }, async (req, reply) => {
    const ctx = patientContext(req);
    const { appointment } = await bookAppointment(ctx, { patientId: requirePatient(ctx).patientId, ...req.body }, idempotencyKeyOf(req));
    return reply.code(201).send({ appointment });
  });

  r.post('/api/p/appointments/:id/confirm', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ version: versionSchema }) },
  }, async (req) => ({ appointment: await confirmHold(patientContext(req), req.params.id, req.body.version) }));

  r.patch('/api/p/appointments/:id', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ start: instantSchema, version: versionSchema }) },
  }, async (req) => ({ appointment: await changeAppointment(patientContext(req), req.params.id, req.body) }));

  r.post('/api/p/appointments/:id/cancel', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ version: versionSchema }) },
  }, async (req) => ({ appointment: await cancelAppointment(patientContext(req), req.params.id, { version: req.body.version }) }));
}
