import { DomainError } from '@mimamori/core';
import { clinicDays, compactAvailability, findAvailableSlots, MAX_RANGE_DAYS, proposeSeries, type AvailableSlot, type SeriesPattern, type SlotAssignment } from '@mimamori/core/scheduling/index';
import { addDays, assertLocalDate, daysBetween } from '@mimamori/core/time/local-date';
import { zonedToInstant } from '@mimamori/core/time/zoned-to-instant';
import { listAppointments, listBlockingAppointments, type Db } from '@mimamori/storage';
import { auditAlone } from '../../audit/audit.ts';
import { appState } from '../../app-state.ts';
import { requirePatient, requireStaff, type RequestContext } from '../../request-context.ts';
import { appointmentViews, type AppointmentView } from './appointment-view.ts';
import type { CachedBody } from './availability-cache.ts';
import { findService, toExisting } from './find-service.ts';
import { patientTagsOf } from './patient-tags.ts';
import {
  APPOINTMENTS_PURPOSE, bookingActor, channelOf, loadClinicScheduling, loadClinicSchedulingForRead, withoutStaffHorizon, type ClinicScheduling,
} from './scheduling-context.ts';
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

function checkRange(o: { readonly from: string; readonly to: string; readonly maxDays: number; readonly key?: string }): void {
  const { from, to, maxDays, key = 'range_too_long' } = o;
  assertLocalDate(from, 'from');
  assertLocalDate(to, 'to');
  if (to < from) throw new DomainError('validation', { key: 'booking.range_reversed', issues: [{ path: 'to', key: 'booking.range_reversed' }] });
  if (daysBetween(from, to) + 1 > maxDays) throw new DomainError('validation', { key, params: { maxDays }, issues: [{ path: 'to', key }] });
}

/** Instants bounding clinic dates `from`–`to` (both included), with a day of margin for buffers. */
function rangeMs(cfg: ClinicScheduling, { from, to }: { readonly from: string; readonly to: string }): { fromMs: number; toMs: number } {
  return {
    fromMs: zonedToInstant({ date: from, time: '00:00', zone: cfg.zone }) - DAY,
    toMs: zonedToInstant({ date: addDays(to, 1), time: '00:00', zone: cfg.zone }) + DAY,
  };
}

async function bookingsFor(db: Db, o: { readonly cfg: ClinicScheduling; readonly from: string; readonly to: string; readonly nowMs: number }): Promise<ExistingBooking[]> {
  const r = rangeMs(o.cfg, o);
  const rows = await listBlockingAppointments(db, { clinicId: o.cfg.clinicId, ...r, nowIso: new Date(o.nowMs).toISOString() });
  return rows.map(toExisting);
}

export interface AvailabilityQuery {
  readonly serviceId: string;
  readonly from: string;
  readonly to: string;
  readonly resourceId?: string;
  readonly excludeAppointmentId?: string;
}

/**
 * Free slots of a service for staff or for the signed-in patient (checked against the patient's
 * program tags), in the compact per-day form of core's `compactAvailability` (staff answers say
 * which resources each time would use).
 */
export async function availability(ctx: RequestContext, q: AvailabilityQuery & { readonly patientTags?: ReadonlyArray<string> }) {
  checkRange({ from: q.from, to: q.to, maxDays: MAX_RANGE_DAYS });
  const actor = bookingActor(ctx);
  const channel = channelOf(actor);
  const db = ctx.db.db;
  const nowMs = ctx.clock().getTime();
  const cfg = await loadClinicSchedulingForRead(ctx, actor.clinicId);
  const service = findService(cfg, q.serviceId);
  const tags = channel === 'staff' && service.eligibilityTag ? [service.eligibilityTag] : (q.patientTags ?? []);
  const result = findAvailableSlots({
    calendar: cfg.calendar,
    service,
    resources: cfg.resources,
    bookings: await bookingsFor(db, { cfg, from: q.from, to: q.to, nowMs }),
    services: cfg.services,
    policy: cfg.policy,
    channel,
    now: nowMs,
    from: q.from,
    to: q.to,
    patientTags: tags,
    ...(q.resourceId ? { resourceIds: [q.resourceId] } : {}),
    ...(q.excludeAppointmentId ? { excludeBookingId: q.excludeAppointmentId } : {}),
  });
  return compactAvailability(result, { durationMinutes: service.durationMinutes, withResources: channel !== 'patient' });
}

/**
 * {@link availability} as JSON text with its entity tag, reused for a moment between writes (see
 * `availability-cache.ts`). The key holds everything the answer depends on besides the clock.
 */
export async function availabilityJson(ctx: RequestContext, query: AvailabilityQuery): Promise<CachedBody> {
  const actor = bookingActor(ctx);
  const q = actor.kind === 'patient' ? { ...query, patientTags: await patientTagsOf(ctx, { clinicId: actor.clinicId, patientId: actor.patientId }) } : query;
  const key = JSON.stringify([actor.clinicId, channelOf(actor), q.serviceId, q.from, q.to, q.resourceId ?? null, q.excludeAppointmentId ?? null, 'patientTags' in q ? q.patientTags : []]);
  return appState(ctx).scheduling.answers(key, ctx.clock().getTime(), () => availability(ctx, q));
}

/** The clinic's days (open sessions, closures, holidays) for calendar views. */
export async function calendarDays(ctx: RequestContext, q: { readonly from: string; readonly to: string }) {
  const { from, to } = q;
  checkRange({ from, to, maxDays: MAX_RANGE_DAYS });
  const cfg = await loadClinicScheduling(ctx, ctx.db.db, requireStaff(ctx).clinicId);
  return {
    days: clinicDays(cfg.calendar, from, to).map((d) => ({
      date: d.date, weekday: d.weekday, open: d.open, sessions: d.sessions,
      ...(d.closedReason ? { closedReason: d.closedReason } : {}),
      ...(d.holiday ? { holidayName: d.holiday.name, holidayNameEn: d.holiday.nameEn } : {}),
      ...(d.closure ? { closureReason: d.closure.reason } : {}),
      notes: d.notes,
    })),
  };
}

/** Staff lists for day/week views: by date range, optionally one resource or one patient (audited). */
export async function listAppointmentViews(
  ctx: RequestContext,
  q: { from: string; to: string; resourceId?: string; patientId?: string; statuses?: ReadonlyArray<string> },
): Promise<AppointmentView[]> {
  checkRange({ from: q.from, to: q.to, maxDays: 62, key: 'booking.range_too_long_list' });
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const cfg = await loadClinicScheduling(ctx, db, actor.clinicId);
  const fromMs = zonedToInstant({ date: q.from, time: '00:00', zone: cfg.zone });
  const toMs = zonedToInstant({ date: addDays(q.to, 1), time: '00:00', zone: cfg.zone });
  let rows = await listAppointments(db, { clinicId: actor.clinicId, fromMs, toMs, ...(q.patientId ? { patientId: q.patientId } : {}), ...(q.statuses ? { statuses: q.statuses } : {}) });
  if (q.resourceId) rows = rows.filter((r) => (JSON.parse(r.assignments_json) as SlotAssignment[]).some((a) => a.resourceId === q.resourceId));
  await auditAlone(ctx, { action: 'appointment.list', resource: 'appointment', clinicId: actor.clinicId, patientId: q.patientId ?? null, detail: `from=${q.from};to=${q.to};n=${rows.length}` });
  return appointmentViews(db, cfg, rows, { forPatient: false, nowMs: ctx.clock().getTime() });
}

/** Today's list (clinic date), cancelled ones included, for the desk. */
export async function todayList(ctx: RequestContext, q: { readonly resourceId?: string } = {}) {
  const cfg = await loadClinicScheduling(ctx, ctx.db.db, requireStaff(ctx).clinicId);
  const today = clinicDate(ctx.clock().getTime(), cfg.zone);
  return { date: today, appointments: await listAppointmentViews(ctx, { from: today, to: today, ...(q.resourceId ? { resourceId: q.resourceId } : {}) }) };
}

/** The patient's own appointments from now on (held and confirmed). */
export async function myAppointments(ctx: RequestContext) {
  const actor = requirePatient(ctx, APPOINTMENTS_PURPOSE);
  const db = ctx.db.db;
  const nowMs = ctx.clock().getTime();
  const cfg = await loadClinicScheduling(ctx, db, actor.clinicId);
  const rows = await listAppointments(db, { clinicId: actor.clinicId, patientId: actor.patientId, fromMs: nowMs, statuses: ['held', 'confirmed'] });
  await auditAlone(ctx, { action: 'appointment.list', resource: 'appointment', clinicId: actor.clinicId, patientId: actor.patientId });
  return {
    appointments: await appointmentViews(db, cfg, rows, { forPatient: true, nowMs }),
    clinicPhone: cfg.clinicPhone,
    changeCutoff: cfg.policy.changeCutoff,
  };
}

/** Services the patient may book online (those with an eligibility tag only for patients who carry it). */
export async function patientServices(ctx: RequestContext) {
  const actor = requirePatient(ctx, APPOINTMENTS_PURPOSE);
  const cfg = await loadClinicScheduling(ctx, ctx.db.db, actor.clinicId);
  const tags = await patientTagsOf(ctx, { clinicId: actor.clinicId, patientId: actor.patientId });
  return {
    services: cfg.services
      .filter((s) => s.active !== false && s.channel === 'patient_online' && (!s.eligibilityTag || tags.includes(s.eligibilityTag)))
      .map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, durationMinutes: s.durationMinutes })),
  };
}

/** A proposed series with conflicts and closures, for staff to check before booking it. */
export async function proposeSeriesFor(
  ctx: RequestContext,
  q: { serviceId: string; startDate: string; pattern: SeriesPattern; preferredTime?: string; resourceIds?: ReadonlyArray<string>; programCourse?: boolean },
) {
  assertLocalDate(q.startDate, 'startDate');
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const nowMs = ctx.clock().getTime();
  const loaded = await loadClinicScheduling(ctx, db, actor.clinicId);
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
      bookings: await bookingsFor(db, { cfg, from: q.startDate, to: last, nowMs }),
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
