/**
 * The shared machinery behind availability, the write-time booking check and series proposals:
 * per date, the instants at which each resource could start the service (it works then, and it has
 * capacity left for the whole appointment plus buffers). All in epoch milliseconds, as intervals.
 * Internal to scheduling; the public entry points are `findAvailableSlots`, `checkBooking` and
 * `proposeSeries`.
 */
import type { LocalDate } from '../time/local-date.ts';
import { timeToMinutes } from '../time/local-time.ts';
import { zoneOffsetMinutes } from '../time/time-zone.ts';
import { parseInstant } from '../time/parse-instant.ts';
import { zonedToInstant } from '../time/zoned-to-instant.ts';
import { clinicDay, type ClinicCalendar, type ClinicDay, type Session } from './clinic-calendar.ts';
import type { ExistingBooking } from './booking.ts';
import { coveredAtLeast, intersectIntervals, intervalsContain, normalizeIntervals, subtractIntervals, type Interval } from './interval-set.ts';
import type { Resource, ResourceRole } from './resource.ts';
import type { Service } from './service.ts';

const MIN = 60_000;

/** Inputs shared by the scheduling entry points. */
export interface SlotEngineInput {
  readonly calendar: ClinicCalendar;
  readonly service: Service;
  readonly resources: ReadonlyArray<Resource>;
  readonly bookings: ReadonlyArray<ExistingBooking>;
  /** All services, to find the buffers of existing bookings. */
  readonly services?: ReadonlyArray<Service>;
  /** Epoch milliseconds. */
  readonly now: number;
  /** A booking to ignore (the one being changed). */
  readonly excludeBookingId?: string;
  /** Restrict a role to these resources (e.g. the patient's own doctor). Roles none of them has stay open. */
  readonly resourceIds?: ReadonlyArray<string>;
}

/** One resource assigned to a requirement of a slot. */
export interface SlotAssignment {
  readonly role: ResourceRole;
  readonly resourceId: string;
}

export interface PreparedQuery {
  readonly input: SlotEngineInput;
  readonly durationMs: number;
  readonly bufferBeforeMs: number;
  readonly bufferAfterMs: number;
  readonly requirements: ReadonlyArray<Requirement>;
  /** `requirements` with the fewest candidates first: the order in which {@link allocate} chooses. */
  readonly allocationOrder: ReadonlyArray<Requirement>;
  readonly busy: ReadonlyMap<string, ReadonlyArray<Interval>>;
}

interface Requirement {
  readonly role: ResourceRole;
  readonly count: number;
  readonly candidates: ReadonlyArray<Resource>;
  /** Position in `service.requires`, the order of a slot's assignments. */
  readonly rank: number;
}

export interface DayAnalysis {
  readonly day: ClinicDay;
  /** Open sessions as instants. */
  readonly sessions: ReadonlyArray<Interval>;
  /** Per resource: starts at which the appointment lies inside its working time. */
  readonly working: ReadonlyMap<string, ReadonlyArray<Interval>>;
  /** Per resource: working starts that also leave capacity for appointment and buffers. */
  readonly free: ReadonlyMap<string, ReadonlyArray<Interval>>;
  /** Starts at which every requirement can be met (before notice and the one-resource-one-role rule). */
  readonly starts: ReadonlyArray<Interval>;
}

const ms = (v: string | number, field: string): number => (typeof v === 'number' ? v : parseInstant(v, field));

function bookingBlocks(b: ExistingBooking, services: ReadonlyMap<string, Service>, now: number): Interval | undefined {
  if (b.status === 'cancelled') return undefined;
  if (b.status === 'hold' && b.holdExpiresAt !== undefined && ms(b.holdExpiresAt, 'holdExpiresAt') <= now) return undefined;
  const svc = b.serviceId !== undefined ? services.get(b.serviceId) : undefined;
  const before = (b.bufferBeforeMinutes ?? svc?.bufferBeforeMinutes ?? 0) * MIN;
  const after = (b.bufferAfterMinutes ?? svc?.bufferAfterMinutes ?? 0) * MIN;
  return [ms(b.start, 'start') - before, ms(b.end, 'end') + after];
}

/**
 * Precomputes busy intervals per resource (load ≥ capacity). Bookings wholly outside `window`
 * (epoch ms) are skipped, so a write-time check over a long list stays cheap.
 */
export function prepareQuery(input: SlotEngineInput, window?: Interval): PreparedQuery {
  const { service, resources } = input;
  const restrict = new Set(input.resourceIds ?? []);
  const roles = service.requires.map((req) => req.role);
  const requirements: Requirement[] = service.requires.map((req) => {
    const rank = roles.lastIndexOf(req.role);
    const all = resources.filter((r) => r.active !== false && r.roles.includes(req.role));
    const chosen = all.filter((r) => restrict.has(r.id));
    return { role: req.role, count: req.count ?? 1, candidates: chosen.length > 0 ? chosen : all, rank };
  });
  const used = new Set(requirements.flatMap((r) => r.candidates.map((c) => c.id)));
  // First service of an id wins, as `Array.find` did.
  const servicesById = new Map<string, Service>();
  for (const s of input.services ?? []) if (!servicesById.has(s.id)) servicesById.set(s.id, s);
  const loads = new Map<string, Interval[]>();
  for (const b of input.bookings) {
    if (b.id === input.excludeBookingId) continue;
    // Cheap test first: most bookings of a long list name none of the resources asked about.
    if (!b.resourceIds.some((id) => used.has(id))) continue;
    const iv = bookingBlocks(b, servicesById, input.now);
    if (!iv || (window && (iv[1] <= window[0] || iv[0] >= window[1]))) continue;
    for (const id of b.resourceIds) {
      if (!used.has(id)) continue;
      let l = loads.get(id);
      if (!l) loads.set(id, (l = []));
      l.push(iv);
    }
  }
  const busy = new Map<string, ReadonlyArray<Interval>>();
  for (const r of resources) {
    if (!used.has(r.id)) continue;
    busy.set(r.id, coveredAtLeast(loads.get(r.id) ?? [], Math.max(1, r.capacity ?? 1)));
  }
  return {
    input,
    durationMs: service.durationMinutes * MIN,
    bufferBeforeMs: (service.bufferBeforeMinutes ?? 0) * MIN,
    bufferAfterMs: (service.bufferAfterMinutes ?? 0) * MIN,
    requirements,
    // A stable sort, so equal counts keep the service's order.
    allocationOrder: [...requirements].sort((a, b) => a.candidates.length - b.candidates.length),
    busy,
  };
}

/**
 * Clinic wall-clock minutes of one date → instants. On a day without a daylight-saving change (every
 * day in Tokyo) that is local midnight plus the minutes, found with two zone lookups per day rather
 * than two per session and resource; otherwise each time goes through `zonedToInstant`.
 */
type DayClock = (minutes: number, time: string) => number;

function dayClock(date: LocalDate, zone: string): DayClock {
  const midnight = zonedToInstant({ date, time: '00:00', zone });
  const next = zonedToInstant({ date, time: '24:00', zone });
  if (next - midnight === 86_400_000 && zoneOffsetMinutes(midnight, zone) === zoneOffsetMinutes(next, zone)) {
    return (minutes) => midnight + minutes * MIN;
  }
  return (_minutes, time) => zonedToInstant({ date, time, zone });
}

function sessionsToInstants(clock: DayClock, sessions: ReadonlyArray<Session>): ReadonlyArray<Interval> {
  return normalizeIntervals(
    sessions.map((s) => [clock(timeToMinutes(s.start, 'start'), s.start), clock(timeToMinutes(s.end, 'end'), s.end)] as const),
  );
}

function absencesOn(r: Resource, date: LocalDate, clock: DayClock): ReadonlyArray<Interval> {
  if (!r.absences || r.absences.length === 0) return [];
  const out: Interval[] = [];
  for (const a of r.absences) {
    if (date < a.from || date > (a.to ?? a.from)) continue;
    const start = a.start ?? '00:00';
    const end = a.end ?? '24:00';
    out.push([clock(timeToMinutes(start, 'start'), start), clock(timeToMinutes(end, 'end'), end)]);
  }
  return normalizeIntervals(out);
}

// Busy intervals near one day, found by binary search so a long booking list costs little per day.
function sliceNear(list: ReadonlyArray<Interval>, lo: number, hi: number): ReadonlyArray<Interval> {
  let a = 0;
  let b = list.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (list[m][1] <= lo) a = m + 1;
    else b = m;
  }
  const out: Interval[] = [];
  for (let i = a; i < list.length && list[i][0] < hi; i++) out.push(list[i]);
  return out;
}

/** Start sets for `date`: see {@link DayAnalysis}. */
export function analyseDay(q: PreparedQuery, date: LocalDate): DayAnalysis {
  const { calendar } = q.input;
  const zone = calendar.zone;
  const day = clinicDay(calendar, date);
  if (day.sessions.length === 0) return { day, sessions: [], working: new Map(), free: new Map(), starts: [] };
  const clock = dayClock(date, zone);
  const sessions = sessionsToInstants(clock, day.sessions);
  const working = new Map<string, ReadonlyArray<Interval>>();
  const free = new Map<string, ReadonlyArray<Interval>>();
  const d = q.durationMs;
  const fit = (list: ReadonlyArray<Interval>): ReadonlyArray<Interval> =>
    list.map(([a, b]) => [a, b - d + 1] as const).filter(([a, b]) => b > a);

  if (sessions.length === 0) return { day, sessions, working, free, starts: [] };
  const lo = sessions[0][0] - q.durationMs - q.bufferAfterMs - q.bufferBeforeMs;
  const hi = sessions[sessions.length - 1][1] + q.durationMs + q.bufferAfterMs + q.bufferBeforeMs;

  for (const req of q.requirements) {
    for (const r of req.candidates) {
      if (working.has(r.id)) continue;
      let hours = sessions;
      if (r.weeklyHours) {
        const own = sessionsToInstants(clock, r.weeklyHours[day.weekday] ?? []);
        hours = intersectIntervals(sessions, own);
      }
      hours = subtractIntervals(hours, absencesOn(r, date, clock));
      const w = fit(hours);
      working.set(r.id, w);
      // A new appointment [t − before, t + d + after) must miss every busy [bs, be): t ∉ (bs − d − after, be + before).
      const busy = sliceNear(q.busy.get(r.id) ?? [], lo, hi);
      const blocked = normalizeIntervals(busy.map(([bs, be]) => [bs - d - q.bufferAfterMs + 1, be + q.bufferBeforeMs] as const));
      free.set(r.id, subtractIntervals(w, blocked));
    }
  }

  let starts: ReadonlyArray<Interval> = fit(sessions);
  for (const req of q.requirements) {
    const covered = coveredAtLeast(req.candidates.map((r) => free.get(r.id) ?? []).flat(), req.count);
    starts = intersectIntervals(starts, covered);
  }
  return { day, sessions, working, free, starts };
}

/**
 * Picks distinct resources for every requirement at start `t`, from `pool` (free or, for a
 * deliberate double booking, merely working). Requirements with fewer candidates choose first so
 * that a resource with two roles is not taken by the wrong one.
 */
export function allocate(
  q: PreparedQuery,
  pool: ReadonlyMap<string, ReadonlyArray<Interval>>,
  t: number,
): ReadonlyArray<SlotAssignment> | undefined {
  // The common case (one requirement, one resource) allocates nothing but the answer.
  const taken: string[] = [];
  const out: Array<SlotAssignment & { readonly rank: number }> = [];
  for (const req of q.allocationOrder) {
    let n = 0;
    for (const r of req.candidates) {
      if (n === req.count) break;
      if (taken.includes(r.id) || !intervalsContain(pool.get(r.id) ?? EMPTY, t)) continue;
      taken.push(r.id);
      out.push({ role: req.role, resourceId: r.id, rank: req.rank });
      n++;
    }
    if (n < req.count) return undefined;
  }
  if (out.length === 1) return [{ role: out[0].role, resourceId: out[0].resourceId }];
  return out.sort((a, b) => a.rank - b.rank).map(({ role, resourceId }) => ({ role, resourceId }));
}

const EMPTY: ReadonlyArray<Interval> = [];

/** Offered start instants of a day: each session's start plus whole steps, while the service fits. */
export function gridStarts(a: DayAnalysis, durationMs: number, stepMinutes: number): ReadonlyArray<number> {
  const step = Math.max(1, stepMinutes) * MIN;
  const out: number[] = [];
  for (const [s, e] of a.sessions) {
    for (let t = s; t + durationMs <= e; t += step) out.push(t);
  }
  return out;
}
