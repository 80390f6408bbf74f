/**
 * The compact form of an availability answer, as the server sends it and the web app reads it:
 * per open day the free start times (`HH:MM`) and the day's UTC offset, and — for staff — which
 * resources each time would use, as an index into a short list of resource sets. Three months of
 * 再診 are about 20 kB in this form instead of some 350 kB as one object of six fields per slot.
 * {@link expandAvailability} turns it back into one plain object per slot.
 */
import { addDays, type LocalDate } from '../time/local-date.ts';
import type { LocalTime } from '../time/local-time.ts';
import type { AvailabilityResult, ClosedDate } from './find-available-slots.ts';

/** The free start times of one date. */
export interface AvailabilityDay {
  readonly date: LocalDate;
  /** The clinic's UTC offset for the day's times, e.g. `+09:00`. */
  readonly offset: string;
  /**
   * Start times on the clinic's wall clock, in order. A time whose offset differs from the day's
   * (only on a daylight-saving day) carries its own: `01:30-08:00`.
   */
  readonly times: ReadonlyArray<string>;
  /**
   * Staff answers only: the index in `resourceSets` of the resources every time of the day would
   * use, or one index per time when they differ.
   */
  readonly resources?: number | ReadonlyArray<number>;
}

/** What `GET /api/scheduling/availability` and `GET /api/p/appointments/availability` answer. */
export interface CompactAvailability {
  readonly durationMinutes: number;
  /** Resource ids used by the days' `resources`; empty in answers to patients. */
  readonly resourceSets: ReadonlyArray<ReadonlyArray<string>>;
  readonly days: ReadonlyArray<AvailabilityDay>;
  readonly closedDates: ReadonlyArray<ClosedDate>;
  /** The last date bookable through the channel asked about. */
  readonly lastBookableDate: LocalDate;
}

/** One free slot, expanded from the compact form. */
export interface ExpandedSlot {
  readonly date: LocalDate;
  readonly startTime: LocalTime;
  /** `24:00` when the slot ends at the following midnight. */
  readonly endTime: LocalTime;
  /** ISO 8601 with the clinic's offset, e.g. `2026-12-02T09:00:00+09:00` — what a booking sends. */
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Resources the slot would use (staff answers); empty for patients. */
  readonly resourceIds: ReadonlyArray<string>;
}

/** Options of {@link compactAvailability}. */
export interface CompactAvailabilityOptions {
  readonly durationMinutes: number;
  /** Whether to say which resources each time would use (staff yes, patients no). */
  readonly withResources: boolean;
}

const MIN = 60_000;

/**
 * The compact form of a {@link findAvailableSlots} result.
 *
 * @example
 * const c = compactAvailability(findAvailableSlots({ ...options, from: '2026-12-02', to: '2026-12-02' }), { durationMinutes: 15, withResources: true });
 * c.days[0]; // { date: '2026-12-02', offset: '+09:00', times: ['09:00', '09:15', …], resources: 0 }
 * c.resourceSets; // [['dr-mori']]
 */
export function compactAvailability(result: AvailabilityResult, options: CompactAvailabilityOptions): CompactAvailability {
  const resourceSets: Array<ReadonlyArray<string>> = [];
  const setIndex = new Map<string, number>();
  const indexOf = (ids: ReadonlyArray<string>): number => {
    const key = ids.join('\u0000');
    let i = setIndex.get(key);
    if (i === undefined) {
      i = resourceSets.length;
      resourceSets.push(ids);
      setIndex.set(key, i);
    }
    return i;
  };
  const days: AvailabilityDay[] = [];
  let i = 0;
  const slots = result.slots;
  while (i < slots.length) {
    const date = slots[i].date;
    const offset = slots[i].start.slice(19);
    const times: string[] = [];
    const sets: number[] = [];
    for (; i < slots.length && slots[i].date === date; i++) {
      const s = slots[i];
      const own = s.start.slice(19);
      times.push(own === offset ? s.startTime : `${s.startTime}${own}`);
      if (options.withResources) sets.push(indexOf(s.assignments.map((a) => a.resourceId)));
    }
    if (!options.withResources) days.push({ date, offset, times });
    else days.push({ date, offset, times, resources: sets.every((x) => x === sets[0]) ? sets[0] : sets });
  }
  return { durationMinutes: options.durationMinutes, resourceSets, days, closedDates: result.closedDates, lastBookableDate: result.lastBookableDate };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Every slot of a compact answer, in order, as plain objects (what the booking pages list).
 *
 * @example
 * expandAvailability({ durationMinutes: 15, resourceSets: [['dr-mori']], closedDates: [], lastBookableDate: '2027-12-01',
 *   days: [{ date: '2026-12-02', offset: '+09:00', times: ['09:00'], resources: 0 }] })[0];
 * // { date: '2026-12-02', startTime: '09:00', endTime: '09:15', start: '2026-12-02T09:00:00+09:00',
 * //   end: '2026-12-02T09:15:00+09:00', startMs: 1796169600000, endMs: 1796170500000, resourceIds: ['dr-mori'] }
 */
export function expandAvailability(answer: CompactAvailability): ReadonlyArray<ExpandedSlot> {
  const out: ExpandedSlot[] = [];
  const d = answer.durationMinutes;
  for (const day of answer.days) {
    day.times.forEach((entry, k) => {
      const startTime = entry.slice(0, 5);
      const offset = entry.length > 5 ? entry.slice(5) : day.offset;
      const start = `${day.date}T${startTime}:00${offset}`;
      const startMs = Date.parse(start);
      const m = Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5)) + d;
      const endDate = m >= 1440 ? addDays(day.date, Math.floor(m / 1440)) : day.date;
      const endClock = `${pad(Math.floor((m % 1440) / 60))}:${pad(m % 60)}`;
      const set = day.resources === undefined ? undefined : typeof day.resources === 'number' ? day.resources : day.resources[k];
      out.push({
        date: day.date,
        startTime,
        endTime: m >= 1440 ? '24:00' : endClock,
        start,
        end: `${endDate}T${endClock}:00${offset}`,
        startMs,
        endMs: startMs + d * MIN,
        resourceIds: set === undefined ? [] : (answer.resourceSets[set] ?? []),
      });
    });
  }
  return out;
}
