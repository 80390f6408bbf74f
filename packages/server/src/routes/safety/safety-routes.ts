import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@mimamori/core';
import { escalationMinutesOf } from '@mimamori/core/safety/on-call';
import {
  deleteOnCallShift, getAlert, getClinic, getStaff, insertOnCallShift, listAlertEvents, listOnCallShifts, listStaff, listStaffChannels, putStaffChannel, updateClinicSettings,
} from '@mimamori/storage';
import { auditRequest } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { idSchema } from '../schemas.ts';

const instant = z.string().datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const shiftSchema = z.object({ id: z.string(), staffId: z.string(), startsAt: z.string(), endsAt: z.string(), position: z.number() });

/**
 * The on-call rota, staff alert channels, the escalation time (editors of the crisis contacts:
 * administrators and doctors), and an alert's history (whoever may read alerts).
 */
export function registerSafetyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db.db;

  r.get('/api/safety/oncall', {
    config: { access: 'crisis:edit' },
    schema: {
      tags: ['safety'], querystring: z.strictObject({ from: instant, to: instant }),
      response: { 200: z.object({ staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })), shifts: z.array(shiftSchema), escalationMinutes: z.number(), channels: z.array(z.object({ staffId: z.string(), channel: z.string(), address: z.string() })) }) },
    },
  }, async (req) => {
    const a = req.staff!;
    const shifts = await listOnCallShifts(db, { clinicId: a.clinicId, from: req.query.from, to: req.query.to });
    const channels = await listStaffChannels(db, { clinicId: a.clinicId });
    const clinic = await getClinic(db, a.clinicId);
    const staff = (await listStaff(db, a.clinicId)).filter((x) => x.status === 'active').map((x) => ({ id: x.id, name: x.display_name, role: x.role }));
    return { staff, shifts, escalationMinutes: escalationMinutesOf(clinic?.settings), channels: channels.map((c) => ({ staffId: c.staff_id, channel: c.channel, address: c.address })) };
  });

  r.post('/api/safety/oncall', {
    config: { access: 'crisis:edit' },
    schema: {
      tags: ['safety'], body: z.strictObject({ staffId: idSchema, startsAt: instant, endsAt: instant, position: z.number().int().min(1).max(9).default(1) }),
      response: { 201: z.object({ id: z.string() }) },
    },
  }, async (req, reply) => {
    const a = req.staff!;
    const b = req.body;
    const len = Date.parse(b.endsAt) - Date.parse(b.startsAt);
    if (!(len > 0 && len <= 14 * 86_400_000)) throw new DomainError('validation', { key: 'oncall_shift_invalid' });
    const id = await db.transaction().execute(async (tx) => {
      const s = await getStaff(tx, b.staffId);
      if (!s || s.clinic_id !== a.clinicId || s.status !== 'active') throw new DomainError('validation', { key: 'oncall_staff_unknown' });
      const id = await insertOnCallShift(tx, { clinicId: a.clinicId, shift: { staffId: b.staffId, startsAt: b.startsAt, endsAt: b.endsAt, position: b.position }, now: deps.clock().toISOString(), by: a.staffId });
      await auditRequest(deps, tx, req, { action: 'oncall.add', resource: 'oncall_shift', resourceId: id, detail: `staff=${b.staffId} ${b.startsAt}..${b.endsAt} pos=${b.position}` });
      return id;
    });
    return reply.code(201).send({ id });
  });

  r.delete('/api/safety/oncall/:id', {
    config: { access: 'crisis:edit' },
    schema: { tags: ['safety'], params: z.strictObject({ id: idSchema }), response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => {
    const a = req.staff!;
    await db.transaction().execute(async (tx) => {
      if (!(await deleteOnCallShift(tx, { clinicId: a.clinicId, id: req.params.id }))) throw new DomainError('not_found', { key: 'oncall_shift_not_found' });
      await auditRequest(deps, tx, req, { action: 'oncall.remove', resource: 'oncall_shift', resourceId: req.params.id });
    });
    return { ok: true as const };
  });

  r.put('/api/safety/channels/:staffId', {
    config: { access: 'crisis:edit' },
    schema: {
      tags: ['safety'], params: z.strictObject({ staffId: idSchema }), body: z.strictObject({ mail: z.string().trim().email().max(254).nullable() }),
      response: { 200: z.object({ ok: z.literal(true) }) },
    },
  }, async (req) => {
    const a = req.staff!;
    await db.transaction().execute(async (tx) => {
      const s = await getStaff(tx, req.params.staffId);
      if (!s || s.clinic_id !== a.clinicId) throw new DomainError('validation', { key: 'oncall_staff_unknown' });
      await putStaffChannel(tx, { clinicId: a.clinicId, staffId: s.id, channel: 'mail', address: req.body.mail, now: deps.clock().toISOString() });
      await auditRequest(deps, tx, req, { action: 'oncall.channel', resource: 'staff', resourceId: s.id, detail: `mail=${req.body.mail ? 'set' : 'removed'}` });
    });
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
    const a = req.staff!;
    const patch: Record<string, unknown> = {};
    if (req.body.escalationMinutes !== undefined) patch.escalationMinutes = req.body.escalationMinutes;
    if (req.body.psychiatricEmergencyCentre !== undefined) patch.psychiatricEmergencyCentre = req.body.psychiatricEmergencyCentre;
    await db.transaction().execute(async (tx) => {
      await updateClinicSettings(tx, a.clinicId, patch);
      await auditRequest(deps, tx, req, { action: 'oncall.settings', resource: 'clinic', resourceId: a.clinicId, detail: `fields=${Object.keys(patch).join(',')}` });
    });
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
  }, async (req) => {
    const a = req.staff!;
    const alert = await getAlert(db, a.clinicId, req.params.id);
    if (!alert) throw new DomainError('not_found', { key: 'alert_not_found' });
    const events = await listAlertEvents(db, a.clinicId, alert.id);
    await db.transaction().execute((tx) => auditRequest(deps, tx, req, { action: 'alert.history', resource: 'alert', resourceId: alert.id, patientId: alert.patient_id }));
    return {
      alert: { id: alert.id, kind: alert.kind, severity: alert.severity, createdAt: alert.created_at, acknowledgedAt: alert.acknowledged_at, patientId: alert.patient_id },
      events: events.map((e) => ({ at: e.at, type: e.type, staffId: e.staff_id, staffName: e.staff_name ?? null, detail: JSON.parse(e.detail_json) as Record<string, unknown> })),
    };
  });
}
