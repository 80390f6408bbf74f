import type { FastifyRequest } from 'fastify';
import { DomainError } from '@mimamori/core';
import { clinicDays, compactAvailability, findAvailableSlots, MAX_RANGE_DAYS, proposeSeries, type AvailableSlot, type SeriesPattern, type SlotAssignment } from '@mimamori/core/scheduling/index';
import { addDays, assertLocalDate, daysBetween } from '@mimamori/core/time/local-date';
import { zonedToInstant } from '@mimamori/core/time/zoned-to-instant';
import { listAppointments, listBlockingAppointments, type Db } from '@mimamori/storage';
import { auditAloneRequest } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { appointmentViews, type AppointmentView } from './appointment-view.ts';
import { appState } from '../../app-state.ts';
import type { CachedBody } from './availability-cache.ts';
import { findService, toExisting } from './booking-service.ts';
import { loadClinicScheduling, loadClinicSchedulingForRead, withoutStaffHorizon, type ClinicScheduling, type SchedulingActor } from './scheduling-context.ts';
import type { ExistingBooking } from '@mimamori/core/scheduling/index';
import { clinicDate } from '@mimamori/core/time/clinic-date';

const DAY = 86_400_000;

export interface SlotView {
  readonly start: string;
  readonly end: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly resourceIds: ReadonlyArray<string>;
}

export function slotView(s: AvailableSlot, forPatient: boolean): SlotView {
  return { start: s.start, end: s.end, date: s.date, startTime: s.startTime, endTime: s.endTime, resourceIds: forPatient ? [] : s.assignments.map((a) => a.resourceId) };
}

function checkRange(from: string, to: string, maxDays: number, key = 'range_too_long'): void {
  assertLocalDate(from, 'from');
  assertLocalDate(to, 'to');
  if (to < from) throw new DomainError('validation', { key: 'booking.range_reversed', details: [{ path: 'to', message: 'booking.range_reversed' }] });
  if (daysBetween(from, to) + 1 > maxDays) throw new DomainError('validation', { key, params: { maxDays }, details: [{ path: 'to', message: key }] });
}

/** Instants bounding clinic dates `from`–`to` (both included), with a day of margin for buffers. */
function rangeMs(cfg: ClinicScheduling, from: string, to: string): { fromMs: number; toMs: number } {
  return {
    fromMs: zonedToInstant({ date: from, time: '00:00', zone: cfg.zone }) - DAY,
    toMs: zonedToInstant({ date: addDays(to, 1), time: '00:00', zone: cfg.zone }) + DAY,
  };
}

async function bookingsFor(db: Db, cfg: ClinicScheduling, from: string, to: string, nowMs: number): Promise<ExistingBooking[]> {
  const r = rangeMs(cfg, from, to);
  const rows = await listBlockingAppointments(db, { clinicId: cfg.clinicId, ...r, nowIso: new Date(nowMs).toISOString() });
  return rows.map(toExisting);
}

/**
 * Free slots of a service for staff or for the signed-in patient, in the compact per-day form of
 * core's `compactAvailability` (staff answers say which resources each time would use).
 */
export async function availability(
  deps: AppDeps,
  actor: SchedulingActor,
  q: { serviceId: string; from: string; to: string; resourceId?: string; patientTags?: ReadonlyArray<string>; excludeAppointmentId?: string },
) {
  checkRange(q.from, q.to, MAX_RANGE_DAYS);
  const db = deps.db.db;
  const nowMs = deps.clock().getTime();
  const cfg = await loadClinicSchedulingForRead(deps, actor.clinicId);
  const service = findService(cfg, q.serviceId);
  const tags = actor.channel === 'staff' && service.eligibilityTag ? [service.eligibilityTag] : (q.patientTags ?? []);
  const result = findAvailableSlots({
    calendar: cfg.calendar,
    service,
    resources: cfg.resources,
    bookings: await bookingsFor(db, cfg, q.from, q.to, nowMs),
    services: cfg.services,
    policy: cfg.policy,
    channel: actor.channel,
    now: nowMs,
    from: q.from,
    to: q.to,
    patientTags: tags,
    ...(q.resourceId ? { resourceIds: [q.resourceId] } : {}),
    ...(q.excludeAppointmentId ? { excludeBookingId: q.excludeAppointmentId } : {}),
  });
  return compactAvailability(result, { durationMinutes: service.durationMinutes, withResources: actor.channel !== 'patient' });
}

/**
 * {@link availability} as JSON text with its entity tag, reused for a moment between writes (see
 * `availability-cache.ts`). The key holds everything the answer depends on besides the clock.
 */
export function availabilityJson(deps: AppDeps, actor: SchedulingActor, q: Parameters<typeof availability>[2]): Promise<CachedBody> {
  const key = JSON.stringify([actor.clinicId, actor.channel, q.serviceId, q.from, q.to, q.resourceId ?? null, q.excludeAppointmentId ?? null, q.patientTags ?? []]);
  return appState(deps).scheduling.answers(key, deps.clock().getTime(), () => availability(deps, actor, q));
}

/** The clinic's days (open sessions, closures, holidays) for calendar views. */
export async function calendarDays(deps: AppDeps, actor: SchedulingActor, from: string, to: string) {
  checkRange(from, to, MAX_RANGE_DAYS);
  const cfg = await loadClinicScheduling(deps, deps.db.db, actor.clinicId);
  return {
    days: clinicDays(cfg.calendar, from, to).map((d) => ({
      date: d.date, weekday: d.weekday, open: d.open, sessions: d.sessions,
      ...(d.closedReason ? { closedReason: d.closedReason } : {}),
      ...(d.holiday ? { holidayName: d.holiday.name } : {}),
      ...(d.closure ? { closureReason: d.closure.reason } : {}),
      notes: d.notes,
    })),
  };
}

/** Staff lists for day/week views: by date range, optionally one resource or one patient. */
export async function listAppointmentViews(
  deps: AppDeps,
  req: FastifyRequest,
  actor: SchedulingActor,
  q: { from: string; to: string; resourceId?: string; patientId?: string; statuses?: ReadonlyArray<string> },
): Promise<AppointmentView[]> {
  checkRange(q.from, q.to, 62, 'booking.range_too_long_list');
  const db = deps.db.db;
  const cfg = await loadClinicScheduling(deps, db, actor.clinicId);
  const fromMs = zonedToInstant({ date: q.from, time: '00:00', zone: cfg.zone });
  const toMs = zonedToInstant({ date: addDays(q.to, 1), time: '00:00', zone: cfg.zone });
  let rows = await listAppointments(db, { clinicId: actor.clinicId, fromMs, toMs, ...(q.patientId ? { patientId: q.patientId } : {}), ...(q.statuses ? { statuses: q.statuses } : {}) });
  if (q.resourceId) rows = rows.filter((r) => (JSON.parse(r.assignments_json) as SlotAssignment[]).some((a) => a.resourceId === q.resourceId));
  await auditAloneRequest(deps, req, { action: 'appointment.list', resource: 'appointment', clinicId: actor.clinicId, patientId: q.patientId ?? null, detail: `from=${q.from};to=${q.to};n=${rows.length}` });
  return appointmentViews(db, cfg, rows, { forPatient: false, nowMs: deps.clock().getTime() });
}

/** Today's list (clinic date), cancelled ones included, for the desk. */
export async function todayList(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, resourceId?: string) {
  const cfg = await loadClinicScheduling(deps, deps.db.db, actor.clinicId);
  const today = clinicDate(deps.clock().getTime(), cfg.zone);
  return { date: today, appointments: await listAppointmentViews(deps, req, actor, { from: today, to: today, ...(resourceId ? { resourceId } : {}) }) };
}

/** The patient's own appointments from now on (held and confirmed). */
export async function myAppointments(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor) {
  const db = deps.db.db;
  const nowMs = deps.clock().getTime();
  const cfg = await loadClinicScheduling(deps, db, actor.clinicId);
  const rows = await listAppointments(db, { clinicId: actor.clinicId, patientId: actor.patientId!, fromMs: nowMs, statuses: ['held', 'confirmed'] });
  await auditAloneRequest(deps, req, { action: 'appointment.list', resource: 'appointment', clinicId: actor.clinicId, patientId: actor.patientId, actorId: null, actorRole: 'patient' });
  return {
    appointments: await appointmentViews(db, cfg, rows, { forPatient: true, nowMs }),
    clinicPhone: cfg.clinicPhone,
    changeCutoff: cfg.policy.changeCutoff,
  };
}

/** Services the patient may book online. */
export async function patientServices(deps: AppDeps, actor: SchedulingActor, tags: ReadonlyArray<string>) {
  const cfg = await loadClinicScheduling(deps, deps.db.db, actor.clinicId);
  return {
    services: cfg.services
      .filter((s) => s.active !== false && s.channel === 'patient_online' && (!s.eligibilityTag || tags.includes(s.eligibilityTag)))
      .map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, durationMinutes: s.durationMinutes })),
  };
}

/** A proposed series with conflicts and closures, for staff to check before booking it. */
export async function proposeSeriesFor(
  deps: AppDeps,
  actor: SchedulingActor,
  q: { serviceId: string; startDate: string; pattern: SeriesPattern; preferredTime?: string; resourceIds?: ReadonlyArray<string>; programCourse?: boolean },
) {
  assertLocalDate(q.startDate, 'startDate');
  const db = deps.db.db;
  const nowMs = deps.clock().getTime();
  const loaded = await loadClinicScheduling(deps, db, actor.clinicId);
  // A program's course is proposed (and booked) whole, past the staff horizon: see withoutStaffHorizon.
  const cfg = q.programCourse ? withoutStaffHorizon(loaded) : loaded;
  const service = findService(cfg, q.serviceId);
  const last = addDays(q.startDate, MAX_RANGE_DAYS - 1);
  const proposal = proposeSeries({
    calendar: cfg.calendar,
    startDate: q.startDate,
    pattern: q.pattern,
    booking: {
      service,
      resources: cfg.resources,
      bookings: await bookingsFor(db, cfg, q.startDate, last, nowMs),
      services: cfg.services,
      policy: cfg.policy,
      channel: 'staff',
      now: nowMs,
      patientTags: service.eligibilityTag ? [service.eligibilityTag] : [],
      ...(q.resourceIds && q.resourceIds.length ? { resourceIds: q.resourceIds } : {}),
      ...(q.preferredTime ? { preferredTime: q.preferredTime } : {}),
    },
  });
  return {
    occurrences: proposal.occurrences.map((o) => ({ ...o, ...(o.slot ? { slot: slotView(o.slot, false) } : {}) })),
    passedOver: proposal.passedOver,
    complete: proposal.complete,
  };
}
