import { DomainError } from '@mimamori/core';
import { allocateUnit, bookingRejection, checkBooking, roleParams, occupiedSpan, type Service, type SlotAssignment } from '@mimamori/core/scheduling/index';
import { parseInstant } from '@mimamori/core/time/parse-instant';
import { listActiveUnits, listBlockingAppointments, lockResources, newId, releaseExpiredUnits, type AppointmentUnitRow, type Db } from '@mimamori/storage';
import type { AppDeps } from '../../context.ts';
import { findService, toExisting } from './find-service.ts';
import { bookingTags } from './patient-tags.ts';
import { channelOf, type BookingActor, type ClinicScheduling } from './scheduling-context.ts';

const DAY = 86_400_000;

/** Where a booking goes: its times, resources and the units it takes. */
export interface Placement {
  readonly startMs: number;
  readonly endMs: number;
  readonly assignments: ReadonlyArray<SlotAssignment>;
  readonly doubleBooked: boolean;
  readonly units: ReadonlyArray<Omit<AppointmentUnitRow, 'appointment_id' | 'id'>>;
  readonly service: Service;
  /** When a hold lapses (epoch ms); null for a booking. */
  readonly holdExpiresMs: number | null;
}

export interface PlaceInput {
  readonly cfg: ClinicScheduling;
  readonly actor: BookingActor;
  readonly serviceId: string;
  readonly patientId: string;
  readonly start: string;
  readonly resourceIds?: ReadonlyArray<string>;
  readonly allowDouble: boolean;
  readonly hold: boolean;
  /** The appointment being moved (its own units do not count as taken). */
  readonly excludeId?: string;
  readonly nowMs: number;
}

/**
 * The write-time check, inside the booking transaction: locks the candidate resources (PostgreSQL),
 * frees lapsed holds, re-runs core's `checkBooking` against what is committed now, and picks a free
 * unit of each assigned resource. The units' constraint is the last word if anything slips past.
 */
export async function place(deps: AppDeps, tx: Db, o: PlaceInput): Promise<Placement> {
  const { cfg, actor } = o;
  const channel = channelOf(actor);
  const service = findService(cfg, o.serviceId);
  for (const id of o.resourceIds ?? []) {
    if (!cfg.resources.some((r) => r.id === id)) throw new DomainError('validation', { key: 'booking.resource_unknown', issues: [{ path: 'resourceIds', key: 'booking.resource_unknown' }] });
  }
  const startMs = parseInstant(o.start, 'start');
  const roles = new Set(service.requires.map((r) => r.role));
  const candidates = cfg.resources.filter((r) => r.active !== false && r.roles.some((x) => roles.has(x))).map((r) => r.id);
  await lockResources(tx, { clinicId: cfg.clinicId, resourceIds: candidates });
  await releaseExpiredUnits(tx, { clinicId: cfg.clinicId, resourceIds: candidates, nowMs: o.nowMs });
  const nowIso = new Date(o.nowMs).toISOString();
  const existing = await listBlockingAppointments(tx, { clinicId: cfg.clinicId, fromMs: startMs - 2 * DAY, toMs: startMs + 2 * DAY, nowIso });
  const check = checkBooking({
    calendar: cfg.calendar,
    service,
    resources: cfg.resources,
    bookings: existing.map(toExisting),
    services: cfg.services,
    policy: cfg.policy,
    channel,
    now: o.nowMs,
    start: o.start,
    patientTags: await bookingTags(deps, tx, { actor, service, patientId: o.patientId }),
    ...(o.resourceIds && o.resourceIds.length ? { resourceIds: o.resourceIds } : {}),
    ...(o.excludeId ? { excludeBookingId: o.excludeId } : {}),
    allowDoubleBooking: o.allowDouble && channel === 'staff',
  });
  if (!check.ok) throw check.error;
  const { fromMs: from, toMs: to } = occupiedSpan(check.slot, service);
  const holdExpires = o.hold ? o.nowMs + cfg.policy.holdMinutes * 60_000 : null;
  const units: Array<Omit<AppointmentUnitRow, 'appointment_id' | 'id'>> = [];
  for (const a of check.slot.assignments) {
    const capacity = cfg.resources.find((r) => r.id === a.resourceId)?.capacity ?? 1;
    const taken = await listActiveUnits(tx, { clinicId: cfg.clinicId, resourceIds: [a.resourceId], fromMs: from, toMs: to, nowMs: o.nowMs });
    const n = allocateUnit({ capacity, taken: taken.map((u) => ({ unitNo: u.unit_no, appointmentId: u.appointment_id })), ...(o.excludeId ? { excludeAppointmentId: o.excludeId } : {}) });
    if (n === null) {
      // A deliberate double booking goes over capacity: it takes no unit of a full resource.
      if (check.doubleBooked) continue;
      throw bookingRejection('booking.over_capacity', roleParams(a.role));
    }
    units.push({ clinic_id: cfg.clinicId, resource_id: a.resourceId, unit_no: n, unit_key: `${cfg.clinicId}:${a.resourceId}:${n}`, start_ms: from, end_ms: to, active: 1, expires_ms: holdExpires });
  }
  return { startMs: check.slot.startMs, endMs: check.slot.endMs, assignments: check.slot.assignments, doubleBooked: check.doubleBooked, units, service, holdExpiresMs: holdExpires };
}

/** The placement's units as rows of one appointment. */
export function unitRows(appointmentId: string, p: Placement): AppointmentUnitRow[] {
  return p.units.map((u) => ({ ...u, id: newId(), appointment_id: appointmentId }));
}
