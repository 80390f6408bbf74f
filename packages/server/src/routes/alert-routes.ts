import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@mimamori/core';
import { acknowledgeAlert, getAlert, getClinic, listAlerts, updateClinicSettings } from '@mimamori/storage';
import { auditRequest } from '../audit/audit.ts';
import type { AppDeps } from '../context.ts';
import { idSchema, text } from './schemas.ts';

const alertSchema = z.object({
  id: z.string(), kind: z.string(), severity: z.string(), sourceType: z.string(), sourceId: z.string(),
  summary: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  createdAt: z.string(), acknowledgedAt: z.string().nullable(), acknowledgedBy: z.string().nullable(), ackNote: z.string().nullable(),
  patient: z.object({ id: z.string(), patientNumber: z.string(), nameKanji: z.string(), nameKana: z.string(), birthDate: z.string() }),
});

/** Default: an alert unacknowledged for an hour is highlighted, unless the clinic sets its own time. */
export const DEFAULT_ALERT_OVERDUE_MINUTES = 60;

export function alertOverdueMinutes(settings: Readonly<Record<string, unknown>> | undefined): number {
  const v = settings?.alertOverdueMinutes;
  return typeof v === 'number' && Number.isInteger(v) && v >= 5 ? v : DEFAULT_ALERT_OVERDUE_MINUTES;
}

/**
 * Safety alerts (a suicidal-ideation answer, a serious adverse event): on every clinician's dashboard
 * until a doctor acknowledges them with a note. Alerts older than `overdueMinutes` are flagged.
 */
export function registerAlertRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db.db;

  r.get('/api/alerts', {
    config: { access: 'alerts:read' },
    schema: {
      tags: ['alerts'],
      querystring: z.strictObject({ status: z.enum(['open', 'acknowledged', 'all']).default('open'), patientId: idSchema.optional(), kind: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }),
      response: { 200: z.object({ items: z.array(alertSchema.extend({ overdue: z.boolean() })), overdueMinutes: z.number() }) },
    },
  }, async (req) => {
    const a = req.staff!;
    const rows = await listAlerts(db, { clinicId: a.clinicId, open: req.query.status === 'all' ? undefined : req.query.status === 'open', patientId: req.query.patientId, kind: req.query.kind, limit: req.query.limit });
    const overdueMinutes = alertOverdueMinutes((await getClinic(db, a.clinicId))?.settings);
    const now = deps.clock().getTime();
    await db.transaction().execute((tx) => auditRequest(deps, tx, req, { action: 'alert.list', resource: 'alert', patientId: req.query.patientId ?? null, detail: `results=${rows.length}` }));
    return {
      overdueMinutes,
      items: rows.map((x) => ({
        id: x.id, kind: x.kind, severity: x.severity, sourceType: x.source_type, sourceId: x.source_id,
        summary: JSON.parse(x.summary_json) as { key: string; params?: Record<string, string | number> },
        createdAt: x.created_at, acknowledgedAt: x.acknowledged_at, acknowledgedBy: x.acknowledged_by_name ?? null, ackNote: x.ack_note,
        patient: { id: x.patient_id, patientNumber: x.patient_number, nameKanji: x.name_kanji, nameKana: x.name_kana, birthDate: x.birth_date },
        overdue: !x.acknowledged_at && now - Date.parse(x.created_at) > overdueMinutes * 60_000,
      })),
    };
  });

  // Reception and admin: which patients have an open urgent alert (to fetch a doctor when one is
  // at the desk or on the phone) — never the alert's kind or content.
  r.get('/api/alerts/urgent-patients', {
    config: { access: 'patients:read' },
    schema: { tags: ['alerts'], response: { 200: z.object({ patientIds: z.array(z.string()) }) } },
  }, async (req) => {
    const a = req.staff!;
    const rows = await db.selectFrom('alerts').select('patient_id').distinct()
      .where('clinic_id', '=', a.clinicId).where('acknowledged_at', 'is', null).where('severity', '=', 'urgent').execute();
    await db.transaction().execute((tx) => auditRequest(deps, tx, req, { action: 'alert.urgent_patients', resource: 'alert', detail: `results=${rows.length}` }));
    return { patientIds: rows.map((x) => x.patient_id).sort() };
  });

  r.put('/api/alerts/settings', {
    config: { access: 'alerts:acknowledge' },
    schema: {
      tags: ['alerts'],
      body: z.strictObject({ overdueMinutes: z.number().int().min(5).max(7 * 24 * 60) }),
      response: { 200: z.object({ overdueMinutes: z.number() }) },
    },
  }, async (req) => {
    await db.transaction().execute(async (tx) => {
      await updateClinicSettings(tx, req.staff!.clinicId, { alertOverdueMinutes: req.body.overdueMinutes });
      await auditRequest(deps, tx, req, { action: 'alert.settings', resource: 'clinic', resourceId: req.staff!.clinicId, detail: `overdue_minutes=${req.body.overdueMinutes}` });
    });
    return { overdueMinutes: req.body.overdueMinutes };
  });

  r.post('/api/alerts/:id/acknowledge', {
    config: { access: 'alerts:acknowledge' },
    schema: { tags: ['alerts'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ note: text(2000, { multiline: true, min: 1 }) }), response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => {
    const a = req.staff!;
    await db.transaction().execute(async (tx) => {
      const alert = await getAlert(tx, a.clinicId, req.params.id);
      if (!alert) throw new DomainError('not_found');
      if (!(await acknowledgeAlert(tx, { clinicId: a.clinicId, id: alert.id, staffId: a.staffId, note: req.body.note, now: deps.clock().toISOString() }))) {
        throw new DomainError('conflict', { key: 'alert_already_acknowledged' });
      }
      await auditRequest(deps, tx, req, { action: 'alert.acknowledge', resource: 'alert', resourceId: alert.id, patientId: alert.patient_id });
    });
    return { ok: true as const };
  });
}
