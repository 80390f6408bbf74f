import { DomainError, isDomainError } from '@mimamori/core';
import {
  assertNoConfigIssues, checkClinicFacts, validateBookingPolicy, validateClinicCalendar, validateResource, validateService,
  type BookingPolicy, type ClinicCalendar, type Resource, type Service,
} from '@mimamori/core/scheduling/index';
import { bumpSchedulingVersion, putResource, putService, saveCalendar, saveClinicContact, savePolicy, type Db } from '@mimamori/storage';
import { checkResourceChange } from './check-resource-change.ts';
import { audit } from '../../audit/audit.ts';
import { writeTx } from '../write-tx.ts';
import { settleClosedAppointments, type ClosedAppointment, type ClosedAppointmentsChoice } from './close-appointments.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { loadClinicScheduling, writeSchedulingTx, type ClinicScheduling } from './scheduling-context.ts';

export function configView(cfg: ClinicScheduling) {
  return {
    calendar: cfg.calendar,
    policy: cfg.policy,
    clinicPhone: cfg.clinicPhone,
    clinicAddress: cfg.clinicAddress,
    services: cfg.services,
    resources: cfg.resources,
    version: cfg.version,
  };
}

/** The clinic's scheduling configuration as the admin form edits it. */
export async function readConfig(ctx: RequestContext) {
  return configView(await loadClinicScheduling(ctx, ctx.db.db, requireStaff(ctx).clinicId));
}

/** Validates with core, bumps the version (compare-and-swap), writes, audits — one transaction. */
async function edit(
  ctx: RequestContext,
  o: { version: number; action: string; resourceId?: string; write: (tx: Db, cfg: ClinicScheduling) => Promise<void> },
) {
  const actor = requireStaff(ctx);
  const now = ctx.clock().toISOString();
  await writeSchedulingTx(ctx, async (tx) => {
    const cfg = await loadClinicScheduling(ctx, tx, actor.clinicId);
    if (!(await bumpSchedulingVersion(tx, { clinicId: actor.clinicId, expectedVersion: o.version, now, by: actor.staffId }))) throw new DomainError('conflict');
    await o.write(tx, cfg);
    await audit(ctx, tx, { action: o.action, resource: 'scheduling_config', resourceId: o.resourceId ?? actor.clinicId, clinicId: actor.clinicId });
  });
  return readConfig(ctx);
}

/**
 * Saves the clinic calendar. When the change closes times that have appointments, it refuses with
 * the list (412, `extra.closedAppointments`) until the admin chooses — `closedAppointments:
 * { action, ids }` — to cancel them (a notice to each patient) or keep them for reception to move;
 * that happens in the transaction that saves the calendar. Showing the list is audited per patient.
 * The answer says how many were cancelled or kept (`settled`).
 */
export async function updateCalendar(
  ctx: RequestContext,
  body: Omit<ClinicCalendar, 'zone'> & { version: number; closedAppointments?: ClosedAppointmentsChoice },
) {
  const { version, closedAppointments: choice, ...calendar } = body;
  const actor = requireStaff(ctx);
  let settled = 0;
  try {
    const view = await edit(ctx, {
      version,
      action: 'scheduling.calendar.update',
      write: async (tx, cfg) => {
        const after = { ...calendar, zone: cfg.zone };
        assertNoConfigIssues(validateClinicCalendar(after));
        settled = await settleClosedAppointments(ctx, tx, { cfg, after, actor, choice });
        await saveCalendar(tx, cfg.clinicId, calendar);
      },
    });
    // What happened to the appointments on the closed times, for the "saved" message.
    return { ...view, settled: settled > 0 && choice ? { action: choice.action, count: settled } : null };
  } catch (err) {
    const listed = isDomainError(err) ? (err.extra?.closedAppointments as ClosedAppointment[] | undefined) : undefined;
    if (listed) {
      const rows = await ctx.db.db.selectFrom('appointments').select(['id', 'patient_id']).where('clinic_id', '=', actor.clinicId).where('id', 'in', listed.map((a) => a.id)).execute();
      await writeTx(ctx, async (tx) => {
        for (const r of rows) {
          await audit(ctx, tx, { action: 'appointment.list', resource: 'appointment', resourceId: r.id, patientId: r.patient_id, clinicId: actor.clinicId, detail: 'closed_by_calendar_change' });
        }
      });
    }
    throw err;
  }
}

/**
 * Saves the booking rules. The clinic's phone and address, when sent (older clients), are saved
 * where the clinic facts keep them (`saveClinicContact`) when they changed, checked as the clinic
 * facts screen checks them.
 */
export function updatePolicy(ctx: RequestContext, body: { policy: BookingPolicy; clinicPhone?: string; clinicAddress?: string | null; version: number }) {
  return edit(ctx, {
    version: body.version,
    action: 'scheduling.policy.update',
    write: async (tx, cfg) => {
      assertNoConfigIssues(validateBookingPolicy(body.policy));
      await savePolicy(tx, cfg.clinicId, { policy: body.policy });
      const changed = (body.clinicPhone !== undefined && body.clinicPhone !== cfg.clinicPhone) || (body.clinicAddress !== undefined && body.clinicAddress !== cfg.clinicAddress);
      if (changed) {
        const facts = checkClinicFacts({ name: cfg.clinicName, phone: body.clinicPhone ?? cfg.clinicPhone, address: (body.clinicAddress === undefined ? cfg.clinicAddress : body.clinicAddress) ?? '' });
        await saveClinicContact(tx, { clinicId: cfg.clinicId, phone: facts.phone, address: facts.address });
      }
    },
  });
}

export function upsertService(ctx: RequestContext, id: string, body: { service: Service; version: number }) {
  if (body.service.id !== id) throw new DomainError('validation', { key: 'booking.service_id_mismatch', issues: [{ path: 'service.id', key: 'booking.service_id_mismatch' }] });
  return edit(ctx, {
    version: body.version,
    action: 'scheduling.service.put',
    resourceId: id,
    write: async (tx, cfg) => {
      // Whether a service sends the WEB問診 is the clinic's rule, not a form field: an existing
      // service keeps it, a new one does not send it.
      const stored = cfg.services.find((s) => s.id === id);
      const { sendsIntake: _sent, ...rest } = body.service;
      const service: Service = stored?.sendsIntake ? { ...rest, sendsIntake: true } : rest;
      assertNoConfigIssues(validateService(service));
      await putService(tx, { clinicId: cfg.clinicId, service, now: ctx.clock().toISOString() });
    },
  });
}

export function upsertResource(ctx: RequestContext, id: string, body: { resource: Resource; version: number }) {
  if (body.resource.id !== id) throw new DomainError('validation', { key: 'booking.service_id_mismatch', issues: [{ path: 'resource.id', key: 'booking.service_id_mismatch' }] });
  return edit(ctx, {
    version: body.version,
    action: 'scheduling.resource.put',
    resourceId: id,
    write: async (tx, cfg) => {
      assertNoConfigIssues(validateResource(body.resource));
      await checkResourceChange(ctx, tx, { cfg, resource: body.resource });
      await putResource(tx, { clinicId: cfg.clinicId, resource: body.resource, now: ctx.clock().toISOString() });
    },
  });
}
