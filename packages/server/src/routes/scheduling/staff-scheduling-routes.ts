import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { availabilityJson, calendarDays, listAppointmentViews, proposeSeriesFor, todayList } from '../../services/scheduling/availability-service.ts';
import { contextOf } from '../../request-context.ts';
import { listApprovingDoctors } from '../../services/scheduling/approving-doctors.ts';
import { bookAppointment } from '../../services/scheduling/book-appointment.ts';
import { readConfig, updateCalendar, updatePolicy, upsertResource, upsertService } from '../../services/scheduling/calendar-admin-service.ts';
import { cancelAppointment } from '../../services/scheduling/cancel-appointment.ts';
import { changeAppointment } from '../../services/scheduling/change-appointment.ts';
import { checkInAppointment } from '../../services/scheduling/check-in-appointment.ts';
import { confirmHold } from '../../services/scheduling/confirm-hold.ts';
import { markAppointment } from '../../services/scheduling/mark-appointment.ts';
import { patientAppointmentList } from '../../services/scheduling/patient-appointment-list.ts';
import { issueAppointmentsLink } from '../../services/scheduling/patient-access-service.ts';
import { readAppointment } from '../../services/scheduling/read-appointment.ts';
import { bookSeries, readSeries } from '../../services/scheduling/series-service.ts';
import { text } from '../schemas.ts';
import {
  availabilityResponseSchema, calendarBodySchema, dateSchema, doubleBookSchema, idempotencyKeyOf, idSchema, instantSchema, localTimeSchema, policySchema, resourceIdSchema,
  resourceSchema, sendCachedJson, seriesPatternSchema, serviceSchema, versionSchema,
} from './scheduling-schemas.ts';

const statuses = ['held', 'confirmed', 'cancelled', 'no_show', 'completed', 'late_cancel'] as const;

/** Staff routes of reservations: configuration, availability, appointments, series, patient links. */
export function registerStaffSchedulingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/scheduling/config', { config: { access: 'appointments:read' }, schema: { tags: ['scheduling'] } }, async (req) => readConfig(contextOf(deps, req)));

  r.put('/api/scheduling/calendar', { config: { access: 'scheduling:admin' }, schema: { tags: ['scheduling'], body: calendarBodySchema } }, async (req) =>
    updateCalendar(contextOf(deps, req), req.body));

  r.put('/api/scheduling/policy', {
    config: { access: 'scheduling:admin' },
    schema: { tags: ['scheduling'], body: z.strictObject({ policy: policySchema, clinicPhone: text(30).optional(), clinicAddress: text(200).nullable().optional(), version: versionSchema }) },
  }, async (req) => updatePolicy(contextOf(deps, req), req.body));

  r.put('/api/scheduling/services/:serviceId', {
    config: { access: 'scheduling:admin' },
    schema: { tags: ['scheduling'], params: z.strictObject({ serviceId: resourceIdSchema }), body: z.strictObject({ service: serviceSchema, version: versionSchema }) },
  }, async (req) => upsertService(contextOf(deps, req), req.params.serviceId, req.body));

  r.put('/api/scheduling/resources/:resourceId', {
    config: { access: 'scheduling:admin' },
    schema: { tags: ['scheduling'], params: z.strictObject({ resourceId: resourceIdSchema }), body: z.strictObject({ resource: resourceSchema, version: versionSchema }) },
  }, async (req) => upsertResource(contextOf(deps, req), req.params.resourceId, req.body));

  // Whom reception may name as the doctor approving a double booking.
  r.get('/api/scheduling/doctors', {
    config: { access: 'appointments:write' },
    schema: { tags: ['scheduling'], response: { 200: z.object({ doctors: z.array(z.object({ id: z.string(), displayName: z.string(), resourceName: z.string().nullable() })) }) } },
  }, async (req) => listApprovingDoctors(contextOf(deps, req)));

  r.get('/api/scheduling/days', {
    config: { access: 'appointments:read' },
    schema: { tags: ['scheduling'], querystring: z.strictObject({ from: dateSchema, to: dateSchema }) },
  }, async (req) => calendarDays(contextOf(deps, req), req.query));

  r.get('/api/scheduling/availability', {
    config: { access: 'appointments:read' },
    schema: {
      tags: ['scheduling'],
      querystring: z.strictObject({
        serviceId: resourceIdSchema, from: dateSchema, to: dateSchema, resourceId: resourceIdSchema.optional(), patientId: idSchema.optional(), excludeAppointmentId: idSchema.optional(),
      }),
      response: { 200: availabilityResponseSchema },
    },
  }, async (req, reply) => {
    const q = req.query;
    const cached = await availabilityJson(contextOf(deps, req), {
      serviceId: q.serviceId, from: q.from, to: q.to, ...(q.resourceId ? { resourceId: q.resourceId } : {}), ...(q.excludeAppointmentId ? { excludeAppointmentId: q.excludeAppointmentId } : {}),
    });
    return sendCachedJson(req, reply, cached);
  });

  r.get('/api/appointments', {
    config: { access: 'appointments:read' },
    schema: {
      tags: ['scheduling'],
      querystring: z.strictObject({
        from: dateSchema, to: dateSchema, resourceId: resourceIdSchema.optional(), patientId: idSchema.optional(),
        status: z.string().max(100).optional().transform((s, ctx) => {
          if (s === undefined) return undefined;
          const list = s.split(',').filter(Boolean);
          if (list.some((x) => !(statuses as ReadonlyArray<string>).includes(x))) ctx.addIssue({ code: 'custom', message: 'invalid_value' });
          return list;
        }),
      }),
    },
  }, async (req) => {
    const q = req.query;
    return {
      appointments: await listAppointmentViews(contextOf(deps, req), {
        from: q.from, to: q.to, ...(q.resourceId ? { resourceId: q.resourceId } : {}), ...(q.patientId ? { patientId: q.patientId } : {}), ...(q.status ? { statuses: q.status } : {}),
      }),
    };
  });

  // The patient page's list: upcoming and past appointments of one patient, with their status.
  r.get('/api/patients/:id/appointments', {
    config: { access: 'appointments:read' },
    schema: { tags: ['scheduling'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => patientAppointmentList(contextOf(deps, req), { patientId: req.params.id }));

  r.get('/api/appointments/today', {
    config: { access: 'appointments:read' },
    schema: { tags: ['scheduling'], querystring: z.strictObject({ resourceId: resourceIdSchema.optional() }) },
  }, async (req) => todayList(contextOf(deps, req), req.query));

  r.post('/api/appointments/series/propose', {
    config: { access: 'appointments:read' },
    schema: {
      tags: ['scheduling'],
      body: z.strictObject({
        patientId: idSchema.optional(), serviceId: resourceIdSchema, startDate: dateSchema, pattern: seriesPatternSchema,
        preferredTime: localTimeSchema.optional(), resourceIds: z.array(resourceIdSchema).max(5).optional(),
      }),
    },
  }, async (req) => {
    const b = req.body;
    return proposeSeriesFor(contextOf(deps, req), {
      serviceId: b.serviceId, startDate: b.startDate, pattern: b.pattern, ...(b.preferredTime ? { preferredTime: b.preferredTime } : {}), ...(b.resourceIds ? { resourceIds: b.resourceIds } : {}),
    });
  });

  r.post('/api/appointments/series', {
    config: { access: 'appointments:write' },
    schema: {
      tags: ['scheduling'],
      body: z.strictObject({
        patientId: idSchema, serviceId: resourceIdSchema, pattern: seriesPatternSchema,
        occurrences: z.array(z.strictObject({ start: instantSchema })).min(1).max(60), resourceIds: z.array(resourceIdSchema).max(5).optional(),
      }),
    },
  }, async (req, reply) => {
    const result = await bookSeries(contextOf(deps, req), { input: req.body, idempotencyKey: idempotencyKeyOf(req) });
    const { created: _created, ...body } = result;
    return reply.code(201).send(body);
  });

  r.get('/api/appointments/series/:id', {
    config: { access: 'appointments:read' },
    schema: { tags: ['scheduling'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => readSeries(contextOf(deps, req), req.params.id));

  r.post('/api/appointments/patient-link', {
    config: { access: 'appointments:write' },
    schema: { tags: ['scheduling'], body: z.strictObject({ patientId: idSchema, sendEmail: z.boolean() }) },
  }, async (req, reply) => reply.code(201).send(await issueAppointmentsLink(contextOf(deps, req), req.body)));

  r.post('/api/appointments', {
    config: { access: 'appointments:write' },
    schema: {
      tags: ['scheduling'],
      body: z.strictObject({
        patientId: idSchema, serviceId: resourceIdSchema, start: instantSchema, resourceIds: z.array(resourceIdSchema).max(5).optional(),
        hold: z.boolean().optional(), note: text(500, { multiline: true }).nullish(), doubleBook: doubleBookSchema.optional(),
      }),
    },
  }, async (req, reply) => {
    const { appointment } = await bookAppointment(contextOf(deps, req), req.body, idempotencyKeyOf(req));
    return reply.code(201).send({ appointment });
  });

  r.get('/api/appointments/:id', {
    config: { access: 'appointments:read' },
    schema: { tags: ['scheduling'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => ({ appointment: await readAppointment(contextOf(deps, req), req.params.id) }));

  r.post('/api/appointments/:id/confirm', {
    config: { access: 'appointments:write' },
    schema: { tags: ['scheduling'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ version: versionSchema }) },
  }, async (req) => ({ appointment: await confirmHold(contextOf(deps, req), req.params.id, req.body.version) }));

  r.patch('/api/appointments/:id', {
    config: { access: 'appointments:write' },
    schema: {
      tags: ['scheduling'],
      params: z.strictObject({ id: idSchema }),
      body: z.strictObject({ start: instantSchema, version: versionSchema, resourceIds: z.array(resourceIdSchema).max(5).optional(), doubleBook: doubleBookSchema.optional() }),
    },
  }, async (req) => ({ appointment: await changeAppointment(contextOf(deps, req), req.params.id, req.body) }));

  r.post('/api/appointments/:id/cancel', {
    config: { access: 'appointments:write' },
    schema: { tags: ['scheduling'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ version: versionSchema, reason: text(200).nullish(), late: z.boolean().optional() }) },
  }, async (req) => ({ appointment: await cancelAppointment(contextOf(deps, req), req.params.id, req.body) }));

  r.post('/api/appointments/:id/mark', {
    config: { access: 'appointments:write' },
    schema: { tags: ['scheduling'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ status: z.enum(['no_show', 'completed', 'late_cancel']), version: versionSchema }) },
  }, async (req) => ({ appointment: await markAppointment(contextOf(deps, req), req.params.id, req.body) }));

  r.post('/api/appointments/:id/check-in', {
    config: { access: 'appointments:write' },
    schema: { tags: ['scheduling'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ version: versionSchema }) },
  }, async (req) => ({ appointment: await checkInAppointment(contextOf(deps, req), req.params.id, req.body.version) }));
}
