/**
 * The shared machinery behind availability, the write-time booking check and series proposals:
 * per date, the instants at which each resource could start the service (it works then, and it has
 * capacity left for the whole appointment plus buffers). All in epoch milliseconds, as intervals.
 * Internal to scheduling; the public entry points are `findAvailableSlots`, `checkBooking` and
 * `proposeSeries`.
 */
import { weekdayOf, type LocalDate } from '../time/local-date.ts';
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
  readonly requirements: ReadonlyArray<{ readonly role: ResourceRole; readonly count: number; readonly candidates: ReadonlyArray<Resource> }>;
  readonly busy: ReadonlyMap<string, ReadonlyArray<Interval>>;
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

function bookingBlocks(b: ExistingBooking, services: ReadonlyArray<Service> | undefined, now: number): Interval | undefined {
  if (b.status === 'cancelled') return undefined;
  if (b.status === 'hold' && b.holdExpiresAt !== undefined && ms(b.holdExpiresAt, 'holdExpiresAt') <= now) return undefined;
  const svc = b.serviceId !== undefined ? services?.find((s) => s.id === b.serviceId) : undefined;
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
  const requirements = service.requires.map((req) => {
    const all = resources.filter((r) => r.active !== false && r.roles.includes(req.role));
    const chosen = all.filter((r) => restrict.has(r.id));
    return { role: req.role, count: req.count ?? 1, candidates: chosen.length > 0 ? chosen : all };
  });
  const used = new Set(requirements.flatMap((r) => r.candidates.map((c) => c.id)));
  const loads = new Map<string, Interval[]>();
  for (const b of input.bookings) {
    if (b.id === input.excludeBookingId) continue;
    const iv = bookingBlocks(b, input.services, input.now);
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
    busy,
  };
}

function sessionsToInstants(date: LocalDate, sessions: ReadonlyArray<Session>, zone: string): ReadonlyArray<Interval> {
  return normalizeIntervals(
    sessions.map((s) => [zonedToInstant({ date, time: s.start, zone }), zonedToInstant({ date, time: s.end, zone })] as const),
  );
}

function absencesOn(r: Resource, date: LocalDate, zone: string): ReadonlyArray<Interval> {
  const out: Interval[] = [];
  for (const a of r.absences ?? []) {
    if (date < a.from || date > (a.to ?? a.from)) continue;
    out.push([
      zonedToInstant({ date, time: a.start ?? '00:00', zone }),
      zonedToInstant({ date, time: a.end ?? '24:00', zone }),
    ]);
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
  const sessions = sessionsToInstants(date, day.sessions, zone);
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
        const own = sessionsToInstants(date, r.weeklyHours[weekdayOf(date)] ?? [], zone);
        hours = intersectIntervals(sessions, own);
      }
      hours = subtractIntervals(hours, absencesOn(r, date, zone));
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
  const order = [...q.requirements].sort((a, b) => a.candidates.length - b.candidates.length);
  const taken = new Set<string>();
  const out: SlotAssignment[] = [];
  for (const req of order) {
    let n = 0;
    for (const r of req.candidates) {
      if (n === req.count) break;
      if (taken.has(r.id) || !intervalsContain(pool.get(r.id) ?? [], t)) continue;
      taken.add(r.id);
      out.push({ role: req.role, resourceId: r.id });
      n++;
    }
    if (n < req.count) return undefined;
  }
  const rank = new Map(q.requirements.map((r, i) => [r.role, i]));
  return out.sort((a, b) => (rank.get(a.role) ?? 0) - (rank.get(b.role) ?? 0));
}

/** Offered start instants of a day: each session's start plus whole steps, while the service fits. */
export function gridStarts(a: DayAnalysis, durationMs: number, stepMinutes: number): ReadonlyArray<number> {
  const step = Math.max(1, stepMinutes) * MIN;
  const out: number[] = [];
  for (const [s, e] of a.sessions) {
    for (let t = s; t + durationMs <= e; t += step) out.push(t);
  }
  return out;
}
