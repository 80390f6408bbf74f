import { formatInstant, formatOffset } from '../time/format-instant.ts';
import { instantToZoned } from '../time/instant-to-zoned.ts';
import type { LocalDate } from '../time/local-date.ts';
import type { LocalTime } from '../time/local-time.ts';
import type { SlotAssignment } from './slot-engine.ts';

/** A free start time for a service, with the resources it would use. */
export interface AvailableSlot {
  readonly date: LocalDate;
  /** Start and end on the clinic's wall clock. */
  readonly startTime: LocalTime;
  readonly endTime: LocalTime;
  /** ISO 8601 with the clinic's offset, e.g. `2026-12-02T09:00:00+09:00`. */
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly assignments: ReadonlyArray<SlotAssignment>;
}

/**
 * The plain slot value of `[startMs, endMs)` read on the wall clock of `zone` (used by the
 * scheduling functions; not part of the package surface).
 *
 * @example
 * toSlot(Date.parse('2026-12-02T00:00:00Z'), Date.parse('2026-12-02T00:15:00Z'), 'Asia/Tokyo', []).start;
 * // '2026-12-02T09:00:00+09:00'
 */
export function toSlot(startMs: number, endMs: number, zone: string, assignments: ReadonlyArray<SlotAssignment>): AvailableSlot {
  const s = instantToZoned(startMs, zone);
  const e = instantToZoned(endMs, zone);
  return {
    date: s.date,
    startTime: s.time,
    endTime: e.date === s.date ? e.time : '24:00',
    start: startMs % 60_000 === 0 ? `${s.date}T${s.time}:00${formatOffset(s.offsetMinutes)}` : formatInstant(startMs, zone),
    end: endMs % 60_000 === 0 ? `${e.date}T${e.time}:00${formatOffset(e.offsetMinutes)}` : formatInstant(endMs, zone),
    startMs,
    endMs,
    assignments,
  };
}
