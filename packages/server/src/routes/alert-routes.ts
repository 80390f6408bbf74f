import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../context.ts';
import { contextOf } from '../request-context.ts';
import { acknowledgeAlertWithNote, listAlertsView, setAlertOverdueMinutes, urgentAlertPatients } from '../services/safety/alerts-service.ts';
import { idSchema, text } from './schemas.ts';

const alertSchema = z.object({
  id: z.string(), kind: z.string(), severity: z.string(), sourceType: z.string(), sourceId: z.string(),
  summary: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  createdAt: z.string(), acknowledgedAt: z.string().nullable(), acknowledgedBy: z.string().nullable(), ackNote: z.string().nullable(),
  patient: z.object({ id: z.string(), patientNumber: z.string(), nameKanji: z.string(), nameKana: z.string(), birthDate: z.string() }),
});

/**
 * Safety alerts (a suicidal-ideation answer, a serious adverse event): on every clinician's dashboard
 * until a doctor acknowledges them with a note. Alerts older than `overdueMinutes` are flagged.
 */
export function registerAlertRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/alerts', {
    config: { access: 'alerts:read' },
    schema: {
      tags: ['alerts'],
      querystring: z.strictObject({ status: z.enum(['open', 'acknowledged', 'all']).default('open'), patientId: idSchema.optional(), kind: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }),
      response: { 200: z.object({ items: z.array(alertSchema.extend({ overdue: z.boolean() })), overdueMinutes: z.number() }) },
    },
  }, async (req) => listAlertsView(contextOf(deps, req), req.query));

  // Reception and admin: which patients have an open urgent alert (to fetch a doctor when one is
  // at the desk or on the phone) — never the alert's kind or content.
  r.get('/api/alerts/urgent-patients', {
    config: { access: 'patients:read' },
    schema: { tags: ['alerts'], response: { 200: z.object({ patientIds: z.array(z.string()) }) } },
  }, async (req) => urgentAlertPatients(contextOf(deps, req)));

  r.put('/api/alerts/settings', {
    config: { access: 'alerts:acknowledge' },
    schema: {
      tags: ['alerts'],
      body: z.strictObject({ overdueMinutes: z.number().int().min(5).max(7 * 24 * 60) }),
      response: { 200: z.object({ overdueMinutes: z.number() }) },
    },
  }, async (req) => {
    await setAlertOverdueMinutes(contextOf(deps, req), req.body.overdueMinutes);
    return { overdueMinutes: req.body.overdueMinutes };
  });

  r.post('/api/alerts/:id/acknowledge', {
    config: { access: 'alerts:acknowledge' },
    schema: { tags: ['alerts'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ note: text(2000, { multiline: true, min: 1 }) }), response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => {
    await acknowledgeAlertWithNote(contextOf(deps, req), { alertId: req.params.id, note: req.body.note });
    return { ok: true as const };
  });
}
