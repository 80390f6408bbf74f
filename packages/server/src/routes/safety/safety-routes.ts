import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { addOnCallShift, alertHistory, onCallView, removeOnCallShift, setStaffAlertMail, updateSafetySettings } from '../../services/safety/safety-settings.ts';
import { idSchema } from '../schemas.ts';

const instant = z.string().datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const shiftSchema = z.object({ id: z.string(), staffId: z.string(), startsAt: z.string(), endsAt: z.string(), position: z.number() });

/**
 * The on-call rota, staff alert channels, the escalation time (editors of the crisis contacts:
 * administrators and doctors), and an alert's history (whoever may read alerts).
 */
export function registerSafetyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/safety/oncall', {
    config: { access: 'crisis:edit' },
    schema: {
      tags: ['safety'], querystring: z.strictObject({ from: instant, to: instant }),
      response: { 200: z.object({ staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })), shifts: z.array(shiftSchema), escalationMinutes: z.number(), channels: z.array(z.object({ staffId: z.string(), channel: z.string(), address: z.string() })) }) },
    },
  }, async (req) => onCallView(contextOf(deps, req), req.query));

  r.post('/api/safety/oncall', {
    config: { access: 'crisis:edit' },
    schema: {
      tags: ['safety'], body: z.strictObject({ staffId: idSchema, startsAt: instant, endsAt: instant, position: z.number().int().min(1).max(9).default(1) }),
      response: { 201: z.object({ id: z.string() }) },
    },
  }, async (req, reply) => reply.code(201).send({ id: await addOnCallShift(contextOf(deps, req), req.body) }));

  r.delete('/api/safety/oncall/:id', {
    config: { access: 'crisis:edit' },
    schema: { tags: ['safety'], params: z.strictObject({ id: idSchema }), response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => {
    await removeOnCallShift(contextOf(deps, req), req.params.id);
    return { ok: true as const };
  });

  r.put('/api/safety/channels/:staffId', {
    config: { access: 'crisis:edit' },
    schema: {
      tags: ['safety'], params: z.strictObject({ staffId: idSchema }), body: z.strictObject({ mail: z.string().trim().email().max(254).nullable() }),
      response: { 200: z.object({ ok: z.literal(true) }) },
    },
  }, async (req) => {
    await setStaffAlertMail(contextOf(deps, req), { staffId: req.params.staffId, mail: req.body.mail });
    return { ok: true as const };
  });

  const centreSchema = z.strictObject({
    nameJa: z.string().trim().min(1).max(200), nameEn: z.string().trim().min(1).max(200),
    phone: z.string().regex(/^[0-9#+\-() ]{2,30}$/, { message: 'invalid_phone' }),
    hoursJa: z.string().max(300).nullable(), hoursEn: z.string().max(300).nullable(), source: z.string().max(500).nullable(),
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' }).nullable(),
  });

  // The escalation time, and the prefecture's psychiatric emergency centre (精神科救急情報センター)
  // shown to patients on the crisis panel.
  r.put('/api/safety/settings', {
    config: { access: 'crisis:edit' },
    schema: {
      tags: ['safety'],
      body: z.strictObject({ escalationMinutes: z.number().int().min(1).max(240).optional(), psychiatricEmergencyCentre: centreSchema.nullable().optional() }),
      response: { 200: z.object({ ok: z.literal(true) }) },
    },
  }, async (req) => {
    await updateSafetySettings(contextOf(deps, req), req.body);
    return { ok: true as const };
  });

  r.get('/api/alerts/:id/history', {
    config: { access: 'alerts:read' },
    schema: {
      tags: ['alerts'], params: z.strictObject({ id: idSchema }),
      response: {
        200: z.object({
          alert: z.object({ id: z.string(), kind: z.string(), severity: z.string(), createdAt: z.string(), acknowledgedAt: z.string().nullable(), patientId: z.string() }),
          events: z.array(z.object({ at: z.string(), type: z.string(), staffId: z.string().nullable(), staffName: z.string().nullable(), detail: z.record(z.string(), z.unknown()) })),
        }),
      },
    },
  }, async (req) => alertHistory(contextOf(deps, req), req.params.id));
}
