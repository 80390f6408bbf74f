import type { DomainError } from '../errors/domain-error.ts';
import { addDays } from '../time/local-date.ts';
import { instantToZoned } from '../time/instant-to-zoned.ts';
import { clinicDate } from '../time/clinic-date.ts';
import { parseInstant } from '../time/parse-instant.ts';
import { assertTimeZone } from '../time/time-zone.ts';
import type { BookingPolicy } from './booking-policy.ts';
import { bookingRejection, roleParams, serviceBookingError } from './booking-rejection.ts';
import type { ExistingBooking } from './booking.ts';
import type { ClinicCalendar } from './clinic-calendar.ts';
import { toSlot, type AvailableSlot } from './available-slot.ts';
import { intervalsContain } from './interval-set.ts';
import type { Resource } from './resource.ts';
import { allocate, analyseDay, prepareQuery } from './slot-engine.ts';
import type { BookingChannel, Service } from './service.ts';

const DAY = 86_400_000;

/** Options of {@link checkBooking}: the proposed booking and the same inputs as availability. */
export interface CheckBookingOptions {
  readonly calendar: ClinicCalendar;
  readonly service: Service;
  readonly resources: ReadonlyArray<Resource>;
  readonly bookings: ReadonlyArray<ExistingBooking>;
  readonly services?: ReadonlyArray<Service>;
  readonly policy: BookingPolicy;
  readonly channel: BookingChannel;
  /** ISO instant with offset, or epoch milliseconds. */
  readonly now: string | number;
  /** Proposed start, ISO instant with offset. The end follows from the service's duration. */
  readonly start: string;
  readonly patientTags?: ReadonlyArray<string>;
  /** Resources asked for (e.g. a named doctor); other roles are assigned automatically. */
  readonly resourceIds?: ReadonlyArray<string>;
  /** The booking being changed, so it does not collide with itself. */
  readonly excludeBookingId?: string;
  /**
   * Staff only: book although the resources are at capacity (a doctor allowed a double booking).
   * Hours, holidays and closures still apply. The result says `doubleBooked` so the server audits it.
   */
  readonly allowDoubleBooking?: boolean;
}

/** Outcome of {@link checkBooking}. */
export type BookingCheck =
  | { readonly ok: true; readonly slot: AvailableSlot; readonly doubleBooked: boolean }
  | { readonly ok: false; readonly error: DomainError };

/**
 * Whether a booking may be written, checked at write time with the same rules as
 * `findAvailableSlots`. On refusal the DomainError's `key` says why (a `BookingRejectionKey`:
 * `booking.in_past`, `booking.national_holiday`, `booking.clinic_closure`, `booking.closed_day`,
 * `booking.outside_hours`, `booking.exceeds_session`, `booking.too_short_notice`,
 * `booking.beyond_horizon`, `booking.resource_unavailable`, `booking.over_capacity`,
 * `booking.staff_only`, `booking.not_eligible`, `booking.service_inactive`) and `params` carry what
 * the message needs (holiday name, session end, horizon date …). Malformed input throws instead.
 *
 * This does not replace the database constraint: run it inside the writing transaction, with the
 * bookings read in that transaction.
 *
 * @example
 * const r = checkBooking({ ...inputs, channel: 'patient', now: '2026-11-01T10:00:00+09:00', start: '2026-11-03T10:00:00+09:00' });
 * r.ok === false && r.error.key; // 'booking.national_holiday' (文化の日)
 */
export function checkBooking(options: CheckBookingOptions): BookingCheck {
  const { calendar, service, policy, channel } = options;
  assertTimeZone(calendar.zone, 'calendar.zone');
  const now = typeof options.now === 'number' ? options.now : parseInstant(options.now, 'now');
  const start = parseInstant(options.start, 'start');
  const fail = (error: DomainError): BookingCheck => ({ ok: false, error });

  const denied = serviceBookingError(service, channel, options.patientTags);
  if (denied) return fail(denied);
  if (start < now) return fail(bookingRejection('booking.in_past'));

  const zoned = instantToZoned(start, calendar.zone);
  const q = prepareQuery({
    calendar,
    service,
    resources: options.resources,
    bookings: options.bookings,
    now,
    ...(options.services ? { services: options.services } : {}),
    ...(options.excludeBookingId ? { excludeBookingId: options.excludeBookingId } : {}),
    ...(options.resourceIds ? { resourceIds: options.resourceIds } : {}),
  }, [start - 2 * DAY, start + 2 * DAY]);
  const a = analyseDay(q, zoned.date);
  const day = a.day;
  if (!day.open) {
    if (day.closedReason === 'national_holiday') return fail(bookingRejection('booking.national_holiday', { date: day.date, holidayName: day.holiday?.name ?? '', holidayNameEn: day.holiday?.nameEn ?? '' }));
    if (day.closedReason === 'closure') return fail(bookingRejection('booking.clinic_closure', { date: day.date, reason: day.closure?.reason ?? '' }));
    return fail(bookingRejection('booking.closed_day', { date: day.date, weekday: day.weekday }));
  }

  const limits = policy.limits[channel];
  const today = clinicDate(now, calendar.zone);
  const lastDate = addDays(today, limits.horizonDays);
  if (zoned.date > lastDate) return fail(bookingRejection('booking.beyond_horizon', { horizonDays: limits.horizonDays, lastDate }));
  if (start < now + limits.minNoticeMinutes * 60_000) {
    return fail(bookingRejection('booking.too_short_notice', { minNoticeMinutes: limits.minNoticeMinutes }));
  }

  const end = start + q.durationMs;
  const session = a.sessions.find(([s, e]) => start >= s && start < e);
  if (!session) return fail(bookingRejection('booking.outside_hours', { date: day.date, time: zoned.time }));
  if (end > session[1]) {
    const sessionEnd = instantToZoned(session[1], calendar.zone).time;
    return fail(bookingRejection('booking.exceeds_session', { sessionEnd, durationMinutes: service.durationMinutes }));
  }

  for (const req of q.requirements) {
    const working = req.candidates.filter((r) => intervalsContain(a.working.get(r.id) ?? [], start));
    if (working.length < req.count) return fail(bookingRejection('booking.resource_unavailable', roleParams(req.role)));
  }
  const assignments = allocate(q, a.free, start);
  if (assignments) return { ok: true, slot: toSlot(start, end, calendar.zone, assignments), doubleBooked: false };
  if (options.allowDoubleBooking === true && channel === 'staff') {
    const forced = allocate(q, a.working, start);
    if (forced) return { ok: true, slot: toSlot(start, end, calendar.zone, forced), doubleBooked: true };
  }
  const short = q.requirements.find(
    (req) => req.candidates.filter((r) => intervalsContain(a.free.get(r.id) ?? [], start)).length < req.count,
  );
  return fail(bookingRejection('booking.over_capacity', roleParams(short?.role ?? '')));
}
