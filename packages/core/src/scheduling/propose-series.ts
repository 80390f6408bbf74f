import { addDays, assertLocalDate, WEEKDAYS, weekdayOf, type LocalDate, type Weekday } from '../time/local-date.ts';
import { timeToMinutes, type LocalTime } from '../time/local-time.ts';
import { clinicDay, type ClinicCalendar, type ClosedReason } from './clinic-calendar.ts';
import type { AvailableSlot } from './available-slot.ts';
import { findAvailableSlots, type FindAvailableSlotsOptions } from './find-available-slots.ts';

/**
 * How a series repeats.
 * - `weekly`: `perWeek` sessions in each of `weeks` seven-day blocks counted from the start date
 *   (a TMS course: 5 a week for 6 weeks), on `weekdays` if given, else any open day.
 * - `interval`: `count` sessions `everyDays` apart from the start date, each allowed to move up to
 *   `toleranceDays` either way (an infusion every 14 days ± 2, 5 times).
 */
export type SeriesPattern =
  | {
      readonly kind: 'weekly';
      readonly perWeek: number;
      readonly weeks: number;
      readonly weekdays?: ReadonlyArray<Weekday>;
      /** Sessions a week could not hold are added in blocks after the last one (default true). */
      readonly makeUp?: boolean;
    }
  | { readonly kind: 'interval'; readonly everyDays: number; readonly count: number; readonly toleranceDays?: number };

/** Why a date of the course was not used. */
export type PassedOverReason = ClosedReason | 'no_free_slot';

/** A date the series could not use, and why. */
export interface PassedOverDate {
  readonly date: LocalDate;
  readonly reason: PassedOverReason;
  readonly holidayName?: string;
  /** The holiday's English name, for English pages. */
  readonly holidayNameEn?: string;
  readonly closureReason?: string;
}

/**
 * One proposed occurrence. `ok`: on its planned date. `shifted`: moved to another date because the
 * planned one was closed or full (`reason`). `skipped`: no open date was found (closures).
 * `conflict`: open dates existed but none had a free slot.
 */
export interface SeriesOccurrence {
  /** 1-based position in the series. */
  readonly index: number;
  /** The date the pattern asks for, before holidays, closures and bookings. */
  readonly targetDate: LocalDate;
  readonly date: LocalDate | null;
  readonly status: 'ok' | 'shifted' | 'skipped' | 'conflict';
  readonly reason?: PassedOverReason;
  readonly holidayName?: string;
  /** The holiday's English name, for English pages. */
  readonly holidayNameEn?: string;
  readonly closureReason?: string;
  /** With `booking` options: the slot proposed on `date`. */
  readonly slot?: AvailableSlot;
}

/** Options of {@link proposeSeries}. */
export interface ProposeSeriesOptions {
  readonly calendar: ClinicCalendar;
  readonly startDate: LocalDate;
  readonly pattern: SeriesPattern;
  /**
   * To also check bookings: the availability inputs (without dates), and the preferred start time.
   * Each occurrence then gets the free slot nearest `preferredTime` (the first one without it).
   */
  readonly booking?: Omit<FindAvailableSlotsOptions, 'calendar' | 'from' | 'to'> & { readonly preferredTime?: LocalTime };
}

/** Result of {@link proposeSeries}. */
export interface SeriesProposal {
  readonly occurrences: ReadonlyArray<SeriesOccurrence>;
  /** Every date considered and passed over, in date order. */
  readonly passedOver: ReadonlyArray<PassedOverDate>;
  /** Whether every occurrence has a date. */
  readonly complete: boolean;
}

type Probe = { readonly ok: true; readonly slot?: AvailableSlot } | ({ readonly ok: false } & PassedOverDate);

/**
 * Proposes the dates (and, given booking inputs, the slots) of a recurring series on the clinic's
 * open days, moving occurrences off holidays, closures and full days and reporting each move. It
 * books nothing: staff review the proposal, then storage books it as one series.
 *
 * @example
 * proposeSeries({
 *   calendar: seedClinicCalendar, startDate: '2026-09-09',
 *   pattern: { kind: 'interval', everyDays: 14, toleranceDays: 2, count: 5 },
 * }).occurrences[1];
 * // { index: 2, targetDate: '2026-09-23', date: '2026-09-24', status: 'shifted',
 * //   reason: 'national_holiday', holidayName: '秋分の日' }
 */
export function proposeSeries(options: ProposeSeriesOptions): SeriesProposal {
  const { calendar, pattern } = options;
  assertLocalDate(options.startDate, 'startDate');
  const passed = new Map<LocalDate, PassedOverDate>();
  const cache = new Map<LocalDate, Probe>();

  const probe = (date: LocalDate): Probe => {
    const hit = cache.get(date);
    if (hit) return hit;
    let result: Probe;
    const day = clinicDay(calendar, date);
    if (!day.open) {
      result = {
        ok: false,
        date,
        reason: day.closedReason ?? 'weekly',
        ...(day.holiday ? { holidayName: day.holiday.name, holidayNameEn: day.holiday.nameEn } : {}),
        ...(day.closure ? { closureReason: day.closure.reason } : {}),
      };
    } else if (options.booking) {
      const { preferredTime, ...rest } = options.booking;
      const slots = findAvailableSlots({ ...rest, calendar, from: date, to: date }).slots;
      const slot = pickSlot(slots, preferredTime);
      result = slot ? { ok: true, slot } : { ok: false, date, reason: 'no_free_slot' };
    } else {
      result = { ok: true };
    }
    cache.set(date, result);
    return result;
  };
  const reject = (p: Probe): void => {
    if (p.ok) return;
    // Days the clinic never opens (Tuesdays, Sundays — holiday or not) are not news unless the
    // series asked for those weekdays.
    const usuallyClosed = (calendar.weeklyHours[weekdayOf(p.date)]?.length ?? 0) === 0;
    const asked = pattern.kind === 'weekly' && pattern.weekdays?.includes(weekdayOf(p.date)) === true;
    if (!usuallyClosed || asked || p.reason === 'override') passed.set(p.date, stripOk(p));
  };

  const occurrences = pattern.kind === 'weekly' ? weekly(options, pattern, probe, reject) : interval(options, pattern, probe, reject);
  return {
    occurrences,
    passedOver: [...passed.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
    complete: occurrences.every((o) => o.date !== null),
  };
}

function stripOk(p: Probe & { readonly ok: false }): PassedOverDate {
  const { ok: _ok, ...rest } = p;
  return rest;
}

function pickSlot(slots: ReadonlyArray<AvailableSlot>, preferred: LocalTime | undefined): AvailableSlot | undefined {
  if (preferred === undefined) return slots[0];
  const want = timeToMinutes(preferred, 'preferredTime');
  let best: AvailableSlot | undefined;
  let bestGap = Infinity;
  for (const s of slots) {
    const gap = Math.abs(timeToMinutes(s.startTime) - want);
    if (gap < bestGap) {
      best = s;
      bestGap = gap;
    }
  }
  return best;
}

function unplaced(index: number, targetDate: LocalDate, why: PassedOverDate | undefined): SeriesOccurrence {
  return {
    index,
    targetDate,
    date: null,
    status: why?.reason === 'no_free_slot' ? 'conflict' : 'skipped',
    ...(why ? detail(why) : {}),
  };
}

function detail(why: PassedOverDate): Pick<SeriesOccurrence, 'reason' | 'holidayName' | 'holidayNameEn' | 'closureReason'> {
  return {
    reason: why.reason,
    ...(why.holidayName !== undefined ? { holidayName: why.holidayName } : {}),
    ...(why.holidayNameEn !== undefined ? { holidayNameEn: why.holidayNameEn } : {}),
    ...(why.closureReason !== undefined ? { closureReason: why.closureReason } : {}),
  };
}

function weekly(
  options: ProposeSeriesOptions,
  pattern: Extract<SeriesPattern, { kind: 'weekly' }>,
  probe: (d: LocalDate) => Probe,
  reject: (p: Probe) => void,
): SeriesOccurrence[] {
  const { calendar, startDate } = options;
  const allowed = new Set<Weekday>(pattern.weekdays ?? WEEKDAYS);
  const usual = (d: LocalDate): boolean => allowed.has(weekdayOf(d)) && (calendar.weeklyHours[weekdayOf(d)]?.length ?? 0) > 0;
  const placed: Array<{ targetDate: LocalDate; date: LocalDate | null; why?: PassedOverDate; slot?: AvailableSlot }> = [];
  const missing: Array<{ targetDate: LocalDate; why?: PassedOverDate }> = [];

  const tryDay = (d: LocalDate): Probe => {
    const p = probe(d);
    reject(p);
    return p;
  };
  // One seven-day block: planned days first, then the block's other open days for those that failed.
  // A make-up block has no planned days of its own: everything in it is a moved occurrence.
  const fillBlock = (blockStart: LocalDate, targets: ReadonlyArray<{ targetDate: LocalDate; why?: PassedOverDate }>, makeUp: boolean) => {
    const days = Array.from({ length: 7 }, (_, i) => addDays(blockStart, i)).filter((d) => allowed.has(weekdayOf(d)));
    const used = new Set<LocalDate>();
    const late: Array<{ targetDate: LocalDate; why?: PassedOverDate }> = [];
    for (const t of targets) {
      const p = makeUp ? undefined : tryDay(t.targetDate);
      if (p?.ok) {
        used.add(t.targetDate);
        placed.push({ targetDate: t.targetDate, date: t.targetDate, ...(p.slot ? { slot: p.slot } : {}) });
      } else {
        const why = t.why ?? (p && !p.ok ? stripOk(p) : undefined);
        late.push({ targetDate: t.targetDate, ...(why ? { why } : {}) });
      }
    }
    for (const t of late) {
      const alt = days.find((d) => !used.has(d) && tryDay(d).ok);
      if (alt === undefined) {
        missing.push(t);
        continue;
      }
      used.add(alt);
      const p = probe(alt);
      placed.push({ targetDate: t.targetDate, date: alt, ...(t.why ? { why: t.why } : {}), ...(p.ok && p.slot ? { slot: p.slot } : {}) });
    }
  };

  for (let w = 0; w < pattern.weeks; w++) {
    const blockStart = addDays(startDate, 7 * w);
    const planned = Array.from({ length: 7 }, (_, i) => addDays(blockStart, i)).filter(usual).slice(0, pattern.perWeek);
    fillBlock(blockStart, planned.map((targetDate) => ({ targetDate })), false);
  }
  if (pattern.makeUp !== false) {
    for (let extra = 0; extra < 8 && missing.length > 0; extra++) {
      const batch = missing.splice(0, pattern.perWeek);
      fillBlock(addDays(startDate, 7 * (pattern.weeks + extra)), batch, true);
    }
  }
  placed.sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1));
  const out: SeriesOccurrence[] = placed.map((p, i) => ({
    index: i + 1,
    targetDate: p.targetDate,
    date: p.date,
    status: p.date === p.targetDate ? 'ok' : 'shifted',
    ...(p.why ? detail(p.why) : {}),
    ...(p.slot ? { slot: p.slot } : {}),
  }));
  for (const m of missing) out.push(unplaced(out.length + 1, m.targetDate, m.why));
  return out;
}

function interval(
  options: ProposeSeriesOptions,
  pattern: Extract<SeriesPattern, { kind: 'interval' }>,
  probe: (d: LocalDate) => Probe,
  reject: (p: Probe) => void,
): SeriesOccurrence[] {
  const tol = pattern.toleranceDays ?? 0;
  // Nearest first; on equal distance the later day, so the interval never shrinks without need.
  const offsets = [0];
  for (let k = 1; k <= tol; k++) offsets.push(k, -k);
  const out: SeriesOccurrence[] = [];
  let previous: LocalDate | undefined;
  for (let i = 0; i < pattern.count; i++) {
    const target = addDays(options.startDate, i * pattern.everyDays);
    const first = probe(target);
    const why = first.ok ? undefined : stripOk(first);
    let chosen: LocalDate | undefined;
    for (const off of offsets) {
      const d = addDays(target, off);
      if (d < options.startDate || (previous !== undefined && d <= previous)) continue;
      const p = probe(d);
      if (p.ok) {
        chosen = d;
        break;
      }
      reject(p);
    }
    if (chosen === undefined) {
      out.push(unplaced(i + 1, target, why));
      continue;
    }
    previous = chosen;
    const p = probe(chosen);
    out.push({
      index: i + 1,
      targetDate: target,
      date: chosen,
      status: chosen === target ? 'ok' : 'shifted',
      ...(why ? detail(why) : {}),
      ...(p.ok && p.slot ? { slot: p.slot } : {}),
    });
  }
  return out;
}
