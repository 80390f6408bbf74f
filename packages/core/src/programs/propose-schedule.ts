import type { AnalyteId } from '../labs/analytes.ts';
import { addDays, daysBetween } from '../time/index.ts';
import { checkDate } from '../fields/check-date.ts';
import { createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';
import type { ProgramDefinition } from './program-definition.ts';

/** One dated thing the program proposes: a treatment session or an assessment visit. */
export type ScheduledItem = {
  /** Stable id within the enrolment: `session-1` …, `visit-<visitId>`. */
  readonly id: string;
  readonly kind: 'session' | 'assessment';
  readonly sessionNumber?: number;
  readonly visitId?: string;
  /** The protocol's nominal date (before any shift). */
  readonly targetDate: string;
  /** The proposed date. */
  readonly date: string;
  /** Inclusive window in which the item still counts as on schedule. */
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly inClinic: boolean;
  readonly scales: ReadonlyArray<string>;
  readonly biomarkers: ReadonlyArray<AnalyteId>;
};

/**
 * Why a date moved: `closed` — the nominal date is not an open day, so the nearest open day in the
 * window was taken; `aligned_with_session` — an in-clinic visit was put on a session day inside its
 * window so the patient comes once.
 */
export type ScheduleShift = {
  readonly itemId: string;
  readonly from: string;
  readonly to: string;
  readonly reason: 'closed' | 'aligned_with_session';
};

/**
 * Something staff must resolve by hand: no open day inside the window (the item keeps its nominal
 * date), or a date before the enrolment date.
 */
export type ScheduleConflict = {
  readonly itemId: string;
  readonly date: string;
  readonly kind: 'no_open_day_in_window' | 'before_enrolment';
};

export type ScheduleProposal = {
  readonly enrolmentDate: string;
  /** Date of the first treatment session; every `first_session` visit is placed from it. */
  readonly day0: string;
  /** Sorted by date, sessions before assessments on the same day. */
  readonly items: ReadonlyArray<ScheduledItem>;
  readonly shifts: ReadonlyArray<ScheduleShift>;
  readonly conflicts: ReadonlyArray<ScheduleConflict>;
};

export type ProposeScheduleOptions = {
  readonly program: ProgramDefinition;
  /** Enrolment date in the clinic zone (`YYYY-MM-DD`). */
  readonly enrolmentDate: string;
  /**
   * Whether the clinic can see the patient on a date (hours, weekly closures, 祝日, one-off
   * closures). Supplied by the scheduling module; the core does not decide opening days here.
   */
  readonly isOpenDay: (date: string) => boolean;
  /** Date of the screening visit, which places the `screening`-anchored visit. Omit to leave it out. */
  readonly screeningDate?: string;
  /** How far past the earliest first-session date to look for an open day (default 60). */
  readonly maxSearchDays?: number;
};

/** Offsets tried around a nominal date: 0, +1, −1, +2, −2 … (later first, so intervals only grow on ties). */
function offsets(before: number, after: number): number[] {
  const out = [0];
  for (let k = 1; k <= Math.max(before, after); k++) {
    if (k <= after) out.push(k);
    if (k <= before) out.push(-k);
  }
  return out;
}

/**
 * Turns a program definition and an enrolment date into dated sessions and assessment visits on
 * open days, with their windows, every shift and why, and the conflicts left for staff.
 *
 * Rules:
 * - Day 0 (first session) is the first open day on or after enrolment + `firstSessionAfterEnrolmentDays`.
 * - `fixed_interval` sessions are planned from day 0 (not from the previous, possibly shifted
 *   session, so shifts do not accumulate) and moved to the nearest open day inside their window,
 *   never onto or before the previous session.
 * - `each_open_day` sessions take consecutive open days.
 * - In-clinic visits go on a session day inside their window when there is one, otherwise on the
 *   nearest open day in the window; remote visits (scale links) keep their nominal date.
 *
 * @example
 * const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-04-01', isOpenDay: (d) => !holidays.has(d) });
 * p.items.filter((i) => i.kind === 'session').map((i) => i.date); // five dates ~14 days apart
 */
export function proposeSchedule(opts: ProposeScheduleOptions): ScheduleProposal {
  const issues = createIssues();
  checkDate(issues, 'enrolmentDate', opts.enrolmentDate);
  checkDate(issues, 'screeningDate', opts.screeningDate, { required: false });
  throwIfIssues(issues, 'schedule.input_invalid');
  const { program, enrolmentDate, isOpenDay } = opts;
  const maxSearch = opts.maxSearchDays ?? 60;
  const s = program.sessions;
  const items: ScheduledItem[] = [];
  const shifts: ScheduleShift[] = [];
  const conflicts: ScheduleConflict[] = [];

  const earliest = addDays(enrolmentDate, s.firstSessionAfterEnrolmentDays);
  let day0 = earliest;
  let found = false;
  for (let k = 0; k <= maxSearch; k++) {
    if (isOpenDay(addDays(earliest, k))) {
      day0 = addDays(earliest, k);
      found = true;
      break;
    }
  }
  if (!found) conflicts.push({ itemId: 'session-1', date: earliest, kind: 'no_open_day_in_window' });
  else if (day0 !== earliest) shifts.push({ itemId: 'session-1', from: earliest, to: day0, reason: 'closed' });

  const session = (n: number, target: string, date: string, windowStart: string, windowEnd: string): ScheduledItem => ({
    id: `session-${n}`,
    kind: 'session',
    sessionNumber: n,
    targetDate: target,
    date,
    windowStart,
    windowEnd,
    inClinic: true,
    scales: [],
    biomarkers: [],
  });

  if (s.spacing === 'each_open_day') {
    let prev = day0;
    items.push(session(1, day0, day0, day0, day0));
    for (let n = 2; n <= s.count; n++) {
      let next: string | undefined;
      for (let k = 1; k <= maxSearch && next === undefined; k++) if (isOpenDay(addDays(prev, k))) next = addDays(prev, k);
      if (next === undefined) {
        next = addDays(prev, 1);
        conflicts.push({ itemId: `session-${n}`, date: next, kind: 'no_open_day_in_window' });
      }
      items.push(session(n, next, next, next, next));
      prev = next;
    }
  } else {
    let prev: string | undefined;
    for (let n = 1; n <= s.count; n++) {
      const target = addDays(day0, (n - 1) * s.intervalDays);
      const start = addDays(target, -s.windowBeforeDays);
      const end = addDays(target, s.windowAfterDays);
      let date: string | undefined;
      for (const k of offsets(s.windowBeforeDays, s.windowAfterDays)) {
        const d = addDays(target, k);
        if ((prev === undefined || d > prev) && isOpenDay(d)) {
          date = d;
          break;
        }
      }
      if (date === undefined) {
        date = target;
        conflicts.push({ itemId: `session-${n}`, date, kind: 'no_open_day_in_window' });
      } else if (date !== target) shifts.push({ itemId: `session-${n}`, from: target, to: date, reason: 'closed' });
      items.push(session(n, target, date, start, end));
      prev = date;
    }
  }
  const sessionDates = items.map((i) => i.date);

  for (const v of program.assessments) {
    const id = `visit-${v.id}`;
    const base = { id, kind: 'assessment' as const, visitId: v.id, inClinic: v.inClinic, scales: v.scales, biomarkers: v.biomarkers };
    if (v.anchor === 'screening') {
      if (opts.screeningDate !== undefined) {
        items.push({
          ...base,
          targetDate: opts.screeningDate,
          date: opts.screeningDate,
          windowStart: opts.screeningDate,
          windowEnd: opts.screeningDate,
        });
      }
      continue;
    }
    const target = addDays(day0, v.dayOffset);
    const windowStart = addDays(target, -v.windowBeforeDays);
    const windowEnd = addDays(target, v.windowAfterDays);
    let date = target;
    if (v.inClinic) {
      const onSession = sessionDates
        .filter((d) => d >= windowStart && d <= windowEnd && isOpenDay(d))
        .sort((a, b) => Math.abs(daysBetween(target, a)) - Math.abs(daysBetween(target, b)) || (a < b ? 1 : -1))[0];
      if (onSession !== undefined) {
        date = onSession;
        if (date !== target) shifts.push({ itemId: id, from: target, to: date, reason: 'aligned_with_session' });
      } else {
        const d = offsets(v.windowBeforeDays, v.windowAfterDays)
          .map((k) => addDays(target, k))
          .find((x) => isOpenDay(x));
        if (d === undefined) conflicts.push({ itemId: id, date: target, kind: 'no_open_day_in_window' });
        else {
          date = d;
          if (d !== target) shifts.push({ itemId: id, from: target, to: d, reason: 'closed' });
        }
      }
    }
    items.push({ ...base, targetDate: target, date, windowStart, windowEnd });
  }

  // The screening visit precedes enrolment by design; anything else before it cannot be booked.
  const screeningVisits = new Set(program.assessments.filter((v) => v.anchor === 'screening').map((v) => `visit-${v.id}`));
  for (const i of items) {
    if (!screeningVisits.has(i.id) && i.date < enrolmentDate) conflicts.push({ itemId: i.id, date: i.date, kind: 'before_enrolment' });
  }

  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? 0 : a.kind === 'session' ? -1 : 1));
  return deepFreeze({ enrolmentDate, day0, items, shifts, conflicts });
}
