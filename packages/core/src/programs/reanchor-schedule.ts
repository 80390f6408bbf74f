import { addDays, daysBetween } from '../time/index.ts';
import type { AssessmentLink, CourseAnchor, EnrolmentSchedule, SessionAppointment } from './program-booking.ts';
import type { ProgramDefinition } from './program-definition.ts';
import type { ScheduledItem } from './propose-schedule.ts';

/** Appointment statuses that no longer hold a session (as `plannedSessions` counts them). */
const GONE = ['cancelled', 'late_cancel'];

/**
 * What the program's day 0 is now: the first session as given (recorded) if it was, else the
 * first session's appointment while it stands, else the date proposed at enrolment. The protocol
 * places every `first_session` visit from this date, so questionnaires follow the course as booked.
 *
 * @example
 * courseAnchor({ schedule, appointments: [{ id: 'a1', date: '2026-12-11', time: '10:00', status: 'confirmed' }], recorded: [] });
 * // { date: '2026-12-11', source: 'booked' } (when session 1 of schedule.booking is appointment a1)
 */
export function courseAnchor(o: {
  readonly schedule: EnrolmentSchedule;
  /** The booked series' appointments, any order. */
  readonly appointments: ReadonlyArray<SessionAppointment>;
  /** Sessions recorded, with the clinic date each was given. */
  readonly recorded: ReadonlyArray<{ readonly sessionNumber: number; readonly date: string }>;
}): CourseAnchor {
  const given = o.recorded.find((r) => r.sessionNumber === 1);
  if (given) return { date: given.date, source: 'given' };
  const first = bookedSessionDates(o.schedule, o.appointments).get(1);
  if (first !== undefined) return { date: first, source: 'booked' };
  return { date: o.schedule.proposedDay0 ?? o.schedule.day0, source: 'proposed' };
}

/**
 * The clinic date of every session whose appointment still stands (session number → date).
 *
 * @example
 * bookedSessionDates(schedule, appointments).get(2); // '2026-12-25'
 */
export function bookedSessionDates(schedule: EnrolmentSchedule, appointments: ReadonlyArray<SessionAppointment>): ReadonlyMap<number, string> {
  const byId = new Map(appointments.map((a) => [a.id, a]));
  const out = new Map<number, string>();
  for (const link of schedule.booking?.appointments ?? []) {
    const a = byId.get(link.appointmentId);
    if (a && !GONE.includes(a.status)) out.set(link.sessionNumber, a.date);
  }
  return out;
}

function byDate(a: ScheduledItem, b: ScheduledItem): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? 0 : a.kind === 'session' ? -1 : 1;
}

/**
 * Moves the schedule to a new day 0 (`courseAnchor`), as the program definition places things:
 * sessions and `first_session` visits get their nominal date and window from the anchor; sessions
 * take their booked date where one stands; an in-clinic visit goes on a session day inside its
 * window when there is one. What must not move stays exactly as it was: the screening visit, any
 * visit in `keep` (e.g. answered), and every visit whose window has already opened by `today` (its
 * link may have gone out; it is judged by the window the patient was given). Shifts and conflicts
 * keep describing the proposal.
 *
 * Applying it again with the same anchor changes nothing, so it can run at every booking and retry.
 *
 * @example
 * // Session 1 booked three days after the proposed date: the week-2 window moves three days.
 * const moved = reanchorSchedule({ program: EXOSOME_PROGRAM, schedule, anchor: { date: addDays(schedule.day0, 3), source: 'booked' }, today });
 */
export function reanchorSchedule(o: {
  readonly program: ProgramDefinition;
  readonly schedule: EnrolmentSchedule;
  readonly anchor: CourseAnchor;
  /** Clinic date today; windows opened on or before it stay. */
  readonly today: string;
  /** Session number → booked clinic date (`bookedSessionDates`). */
  readonly bookedDates?: ReadonlyMap<number, string>;
  /** Visit ids that must keep their window (answered or otherwise done). */
  readonly keep?: ReadonlyArray<string>;
}): EnrolmentSchedule {
  const { program, schedule, anchor } = o;
  const day0 = anchor.date;
  const delta = daysBetween(schedule.day0, day0);
  const s = program.sessions;
  const sessions = schedule.items.filter((i) => i.kind === 'session').map((i): ScheduledItem => {
    const n = i.sessionNumber ?? 1;
    const booked = o.bookedDates?.get(n);
    if (s.spacing === 'each_open_day') {
      const date = n === 1 ? day0 : (booked ?? addDays(i.date, delta));
      return { ...i, targetDate: date, date, windowStart: date, windowEnd: date };
    }
    const target = addDays(day0, (n - 1) * s.intervalDays);
    const date = n === 1 && anchor.source !== 'proposed' ? day0 : (booked ?? addDays(target, daysBetween(i.targetDate, i.date)));
    return { ...i, targetDate: target, date, windowStart: addDays(target, -s.windowBeforeDays), windowEnd: addDays(target, s.windowAfterDays) };
  });
  const sessionDates = sessions.map((i) => i.date);
  const keep = new Set(o.keep ?? []);
  const visits = schedule.items.filter((i) => i.kind === 'assessment').map((i): ScheduledItem => {
    const v = program.assessments.find((x) => x.id === i.visitId);
    if (!v || v.anchor === 'screening' || keep.has(v.id) || i.windowStart <= o.today) return i;
    const target = addDays(day0, v.dayOffset);
    const windowStart = addDays(target, -v.windowBeforeDays);
    const windowEnd = addDays(target, v.windowAfterDays);
    let date = addDays(target, daysBetween(i.targetDate, i.date));
    if (v.inClinic) {
      const onSession = sessionDates
        .filter((d) => d >= windowStart && d <= windowEnd)
        .sort((a, b) => Math.abs(daysBetween(target, a)) - Math.abs(daysBetween(target, b)) || (a < b ? 1 : -1))[0];
      if (onSession !== undefined) date = onSession;
    }
    return { ...i, targetDate: target, date, windowStart, windowEnd };
  });
  return {
    ...schedule,
    day0,
    proposedDay0: schedule.proposedDay0 ?? schedule.day0,
    anchor,
    items: [...sessions, ...visits].sort(byDate),
  };
}

/**
 * Which questionnaire links must be replaced after `reanchorSchedule`: a link whose window no
 * longer matches its visit's, that was not answered and whose window has not opened by `today`
 * (so no link has gone out). The rest are kept; `assessmentAssignmentPlan` with `existing: keep`
 * then makes the replacements.
 *
 * @example
 * const { keep, cancel } = assessmentRelinkPlan({ schedule: moved, links, answered: [], today });
 */
export function assessmentRelinkPlan(o: {
  readonly schedule: EnrolmentSchedule;
  readonly links: ReadonlyArray<AssessmentLink>;
  /** Assignment ids with an answer. */
  readonly answered: ReadonlyArray<string>;
  readonly today: string;
}): { readonly keep: ReadonlyArray<AssessmentLink>; readonly cancel: ReadonlyArray<AssessmentLink> } {
  const keep: AssessmentLink[] = [];
  const cancel: AssessmentLink[] = [];
  for (const link of o.links) {
    const item = o.schedule.items.find((i) => i.kind === 'assessment' && i.visitId === link.visitId);
    const moved = item !== undefined && (item.windowStart !== link.opensOn || item.windowEnd !== link.closesOn);
    if (moved && !o.answered.includes(link.assignmentId) && link.opensOn > o.today) cancel.push(link);
    else keep.push(link);
  }
  return { keep, cancel };
}
