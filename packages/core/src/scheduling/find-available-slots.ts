import { DomainError } from '../errors/domain-error.ts';
import { addDays, assertLocalDate, datesBetween, daysBetween, type LocalDate } from '../time/local-date.ts';
import { formatOffset } from '../time/format-instant.ts';
import { instantToZoned } from '../time/instant-to-zoned.ts';
import { clinicDate } from '../time/clinic-date.ts';
import { zoneOffsetMinutes } from '../time/time-zone.ts';
import { parseInstant } from '../time/parse-instant.ts';
import { zonedToInstant } from '../time/zoned-to-instant.ts';
import { assertTimeZone } from '../time/time-zone.ts';
import type { BookingPolicy } from './booking-policy.ts';
import { serviceBookingError } from './booking-rejection.ts';
import type { ClosedReason } from './clinic-calendar.ts';
import { intervalsContain } from './interval-set.ts';
import { allocate, analyseDay, prepareQuery, type SlotAssignment, type SlotEngineInput } from './slot-engine.ts';
import { toSlot, type AvailableSlot } from './available-slot.ts';
import type { BookingChannel } from './service.ts';
import type { ExistingBooking } from './booking.ts';
import type { ClinicCalendar } from './clinic-calendar.ts';
import type { Resource } from './resource.ts';
import type { Service } from './service.ts';

const MIN = 60_000;

/** The longest range one availability query may cover, in days. */
export const MAX_RANGE_DAYS = 400;

/** A date in the range on which the clinic is closed all day, with why — for calendar views. */
export interface ClosedDate {
  readonly date: LocalDate;
  readonly reason: ClosedReason;
  readonly holidayName?: string;
  /** The holiday's English name (the holiday table's), for English pages. */
  readonly holidayNameEn?: string;
  readonly closureReason?: string;
}

/** Options of {@link findAvailableSlots}. */
export interface FindAvailableSlotsOptions {
  readonly calendar: ClinicCalendar;
  readonly service: Service;
  readonly resources: ReadonlyArray<Resource>;
  /** Bookings overlapping the range (others are harmless). Holds count until `holdExpiresAt`. */
  readonly bookings: ReadonlyArray<ExistingBooking>;
  /** All services, for the buffers of existing bookings. */
  readonly services?: ReadonlyArray<Service>;
  readonly policy: BookingPolicy;
  readonly channel: BookingChannel;
  /** ISO instant with offset, or epoch milliseconds. */
  readonly now: string | number;
  /** First and last clinic date to search, both included. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly patientTags?: ReadonlyArray<string>;
  /** Only these staff/resources for their roles (e.g. the patient's doctor). */
  readonly resourceIds?: ReadonlyArray<string>;
  /** Ignore this booking (when proposing new times for it). */
  readonly excludeBookingId?: string;
}

/** Result of {@link findAvailableSlots}. */
export interface AvailabilityResult {
  readonly slots: ReadonlyArray<AvailableSlot>;
  readonly closedDates: ReadonlyArray<ClosedDate>;
  /** The last date bookable through this channel (today + horizon). */
  readonly lastBookableDate: LocalDate;
}

/**
 * The free start times of a service from `from` to `to`, honouring opening hours, holidays,
 * closures, overrides, staff schedules and leave, resource capacity, existing bookings and unexpired
 * holds, buffers, minimum notice and booking horizon. The service must fit entirely inside one
 * session. Start times step by the service's (or policy's) step from each session's start.
 *
 * Throws a DomainError when the channel may not book the service at all (`booking.staff_only`,
 * `booking.not_eligible`), the inputs are malformed, or the range is longer than
 * {@link MAX_RANGE_DAYS} (`range_too_long`).
 *
 * @example
 * const { slots } = findAvailableSlots({
 *   calendar: seedClinicCalendar, service: saishin, resources: seedClinicResources, bookings: [],
 *   policy: seedBookingPolicy, channel: 'patient', now: '2026-11-30T10:00:00+09:00',
 *   from: '2026-12-02', to: '2026-12-02',
 * });
 * slots[0].start; // '2026-12-02T09:00:00+09:00'
 */
export function findAvailableSlots(options: FindAvailableSlotsOptions): AvailabilityResult {
  const { calendar, service, policy, channel } = options;
  assertTimeZone(calendar.zone, 'calendar.zone');
  assertLocalDate(options.from, 'from');
  assertLocalDate(options.to, 'to');
  // One request may not make the server walk years of calendar.
  if (daysBetween(options.from, options.to) > MAX_RANGE_DAYS) {
    throw new DomainError('validation', { key: 'range_too_long', params: { maxDays: MAX_RANGE_DAYS }, issues: [{ path: 'to', key: 'range_too_long' }] });
  }
  const denied = serviceBookingError(service, channel, options.patientTags);
  if (denied) throw denied;
  const now = typeof options.now === 'number' ? options.now : parseInstant(options.now, 'now');
  const limits = policy.limits[channel];
  const today = clinicDate(now, calendar.zone);
  const lastBookableDate = addDays(today, limits.horizonDays);
  const earliest = Math.max(now, now + limits.minNoticeMinutes * 60_000);
  const from = options.from > today ? options.from : today;
  const to = options.to < lastBookableDate ? options.to : lastBookableDate;

  const input: SlotEngineInput = {
    calendar,
    service,
    resources: options.resources,
    bookings: options.bookings,
    now,
    ...(options.services ? { services: options.services } : {}),
    ...(options.excludeBookingId ? { excludeBookingId: options.excludeBookingId } : {}),
    ...(options.resourceIds ? { resourceIds: options.resourceIds } : {}),
  };
  const q = prepareQuery(input, [zonedToInstant({ date: addDays(from, -1), time: '00:00', zone: calendar.zone }), zonedToInstant({ date: addDays(to, 2), time: '00:00', zone: calendar.zone })]);
  const stepMs = Math.max(1, service.slotStepMinutes ?? policy.slotStepMinutes) * MIN;
  const slots: AvailableSlot[] = [];
  const closedDates: ClosedDate[] = [];
  for (const date of datesBetween(options.from, options.to)) {
    if (date < from || date > to) continue;
    const a = analyseDay(q, date);
    if (!a.day.open) {
      closedDates.push({
        date,
        reason: a.day.closedReason ?? 'weekly',
        ...(a.day.holiday ? { holidayName: a.day.holiday.name, holidayNameEn: a.day.holiday.nameEn } : {}),
        ...(a.day.closure ? { closureReason: a.day.closure.reason } : {}),
      });
      continue;
    }
    if (a.starts.length === 0 || a.starts[a.starts.length - 1][1] <= earliest) continue;
    // Offered starts: each session's start plus whole steps, while the service fits (see gridStarts).
    for (const [s, e] of a.sessions) {
      let wall: SessionClock | undefined;
      for (let t = s; t + q.durationMs <= e; t += stepMs) {
        if (t < earliest || !intervalsContain(a.starts, t)) continue;
        const assignments = allocate(q, a.free, t);
        if (!assignments) continue;
        wall ??= sessionClock(s, e, calendar.zone);
        slots.push(wall ? wall.slot(t, t + q.durationMs, assignments) : toSlot(t, t + q.durationMs, calendar.zone, assignments));
      }
    }
  }
  return { slots, closedDates, lastBookableDate };
}

// `HH:MM` of every minute of a day, built once: slots are formatted by table lookup.
const TIMES: ReadonlyArray<string> = Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

interface SessionClock {
  slot(startMs: number, endMs: number, assignments: ReadonlyArray<SlotAssignment>): AvailableSlot;
}

/**
 * Formats the slots of one session from its start's wall clock, without a zone lookup per slot:
 * valid when the zone's offset is the same at both ends of the session (no daylight-saving change
 * inside it — at most one change a day, and the session is hours long). Otherwise `undefined`, and
 * the caller reads each slot's wall clock through the zone (`toSlot`), as before.
 */
function sessionClock(s: number, e: number, zone: string): SessionClock | undefined {
  const z = instantToZoned(s, zone);
  if (s % MIN !== 0 || zoneOffsetMinutes(e, zone) !== z.offsetMinutes) return undefined;
  const offset = formatOffset(z.offsetMinutes);
  const base = z.minuteOfDay;
  return {
    slot(startMs, endMs, assignments) {
      const m0 = base + (startMs - s) / MIN;
      const m1 = base + (endMs - s) / MIN;
      // Past midnight or off the minute: leave it to the general path.
      if (!Number.isInteger(m0) || !Number.isInteger(m1) || m1 >= 1440) return toSlot(startMs, endMs, zone, assignments);
      const startTime = TIMES[m0];
      const endTime = TIMES[m1];
      return {
        date: z.date,
        startTime,
        endTime,
        start: `${z.date}T${startTime}:00${offset}`,
        end: `${z.date}T${endTime}:00${offset}`,
        startMs,
        endMs,
        assignments,
      };
    },
  };
}
