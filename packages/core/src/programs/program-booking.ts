import type { SeriesPattern } from '../scheduling/propose-series.ts';
import { daysBetween } from '../time/index.ts';
import type { ProgramDefinition } from './program-definition.ts';
import type { ScheduleProposal } from './propose-schedule.ts';

/**
 * The treatment course as booked: one reservations series, and which appointment holds which
 * session. Stored with the enrolment's schedule; the appointments' live status (moved, cancelled)
 * is read from the reservations feature.
 */
export type ProgramBooking = {
  readonly seriesId: string;
  readonly serviceId: string;
  readonly bookedAt: string;
  readonly bookedBy: string;
  readonly appointments: ReadonlyArray<{ readonly sessionNumber: number; readonly appointmentId: string }>;
};

/** A scale assignment made for one assessment visit (the scales feature sends its link when due). */
export type AssessmentLink = {
  readonly visitId: string;
  readonly scaleId: string;
  readonly assignmentId: string;
  /** First and last clinic date on which the questionnaire may be answered. */
  readonly opensOn: string;
  readonly closesOn: string;
};

/** The enrolment's schedule: the proposal, plus what was booked and assigned from it. */
export type EnrolmentSchedule = ScheduleProposal & {
  readonly booking?: ProgramBooking;
  readonly assessmentLinks?: ReadonlyArray<AssessmentLink>;
  /**
   * The first-session date proposed at enrolment. Once the course is booked, `day0` and the
   * windows follow the booked (or given) first session (`reanchorSchedule`); this keeps the proposal.
   */
  readonly proposedDay0?: string;
  /** What `day0` follows now: the proposal, the booked first session, or the session as given. */
  readonly anchor?: CourseAnchor;
};

/** The date the program's `first_session` visits are placed from, and where it comes from. */
export type CourseAnchor = { readonly date: string; readonly source: 'proposed' | 'booked' | 'given' };

/**
 * The reservations series pattern of a program's treatment course, for `proposeSeries`: a
 * fixed-interval course repeats every `intervalDays` with the smaller of its two windows as the
 * tolerance (so a moved session stays inside its window); a daily course takes every open day,
 * `openDaysPerWeek` a week, for as many weeks as the count needs.
 *
 * @example
 * sessionSeriesPattern(EXOSOME_PROGRAM, { openDaysPerWeek: 5 });
 * // { kind: 'interval', everyDays: 14, count: 5, toleranceDays: 2 }
 */
export function sessionSeriesPattern(program: ProgramDefinition, opts: { readonly openDaysPerWeek: number }): SeriesPattern {
  const s = program.sessions;
  if (s.spacing === 'fixed_interval') {
    return { kind: 'interval', everyDays: s.intervalDays, count: s.count, toleranceDays: Math.min(s.windowBeforeDays, s.windowAfterDays) };
  }
  const perWeek = Math.min(7, Math.max(1, Math.trunc(opts.openDaysPerWeek)));
  return { kind: 'weekly', perWeek, weeks: Math.ceil(s.count / perWeek) };
}

/** One questionnaire to assign for an assessment visit: the window is whole clinic days. */
export type AssessmentAssignmentPlan = {
  readonly visitId: string;
  readonly scaleId: string;
  readonly startDate: string;
  readonly endDate: string;
  /** Days the window stays open, counting the start day (`endDate` inclusive). */
  readonly windowDays: number;
};

/**
 * The scale assignments an enrolment needs: one per scale of every visit after screening whose
 * window has not closed by `today`, with the visit's window (relative to the first session, as
 * proposed). Pairs already assigned (`existing`) are left out, so the plan can be applied again
 * after a partial failure without sending anything twice.
 *
 * @example
 * assessmentAssignmentPlan({ program: EXOSOME_PROGRAM, schedule, today: '2026-12-01' })[0];
 * // { visitId: 'baseline', scaleId: 'phq9', startDate: '2026-12-01', endDate: '2026-12-08', windowDays: 8 }
 */
export function assessmentAssignmentPlan(o: {
  readonly program: ProgramDefinition;
  readonly schedule: ScheduleProposal;
  readonly today: string;
  readonly existing?: ReadonlyArray<{ readonly visitId: string; readonly scaleId: string }>;
}): ReadonlyArray<AssessmentAssignmentPlan> {
  const atScreening = new Set(o.program.assessments.filter((v) => v.anchor === 'screening').map((v) => v.id));
  const out: AssessmentAssignmentPlan[] = [];
  for (const item of o.schedule.items) {
    if (item.kind !== 'assessment' || item.visitId === undefined || atScreening.has(item.visitId)) continue;
    if (item.windowEnd < o.today) continue;
    for (const scaleId of item.scales) {
      if (o.existing?.some((e) => e.visitId === item.visitId && e.scaleId === scaleId)) continue;
      out.push({ visitId: item.visitId, scaleId, startDate: item.windowStart, endDate: item.windowEnd, windowDays: daysBetween(item.windowStart, item.windowEnd) + 1 });
    }
  }
  return out;
}

/** An appointment of the booked series, as the reservations feature reports it now. */
export type SessionAppointment = {
  readonly id: string;
  /** Clinic date and time of its start. */
  readonly date: string;
  readonly time: string;
  /** held | confirmed | cancelled | no_show | completed | late_cancel */
  readonly status: string;
};

/**
 * Where each planned session stands: `recorded` (the nurse recorded it), `booked` (an appointment
 * that still stands), `cancelled` (its appointment was cancelled and not replaced) or `not_booked`.
 */
export type PlannedSession = {
  readonly sessionNumber: number;
  /** The proposed date and the session's window. */
  readonly date: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly status: 'recorded' | 'booked' | 'cancelled' | 'not_booked';
  readonly appointment?: SessionAppointment;
  /** The booked date lies outside the session's window. */
  readonly outsideWindow: boolean;
};

const GONE = ['cancelled', 'late_cancel'];

/**
 * The treatment sessions of an enrolment with their booking: what the timeline and the dashboard
 * show as booked or not booked.
 *
 * @example
 * plannedSessions({ schedule, appointments: [{ id: 'a1', date: '2026-12-09', time: '10:00', status: 'confirmed' }], recorded: [] })[0].status; // 'booked'
 */
export function plannedSessions(o: {
  readonly schedule: EnrolmentSchedule;
  /** The series' appointments (any order). */
  readonly appointments: ReadonlyArray<SessionAppointment>;
  /** Session numbers already recorded. */
  readonly recorded: ReadonlyArray<number>;
}): ReadonlyArray<PlannedSession> {
  const byId = new Map(o.appointments.map((a) => [a.id, a]));
  return o.schedule.items.flatMap((item) => {
    if (item.kind !== 'session' || item.sessionNumber === undefined) return [];
    const n = item.sessionNumber;
    const link = o.schedule.booking?.appointments.find((a) => a.sessionNumber === n);
    const appointment = link ? byId.get(link.appointmentId) : undefined;
    const status: PlannedSession['status'] = o.recorded.includes(n)
      ? 'recorded'
      : appointment === undefined
        ? 'not_booked'
        : GONE.includes(appointment.status)
          ? 'cancelled'
          : 'booked';
    const outsideWindow = appointment !== undefined && (appointment.date < item.windowStart || appointment.date > item.windowEnd);
    return [{ sessionNumber: n, date: item.date, windowStart: item.windowStart, windowEnd: item.windowEnd, status, ...(appointment ? { appointment } : {}), outsideWindow }];
  });
}

/**
 * Counts for the dashboard: sessions planned, booked (including recorded ones that were booked),
 * and not booked.
 *
 * @example
 * bookingSummary(plannedSessions({ schedule, appointments, recorded: [] })); // { planned: 5, booked: 5, notBooked: 0 }
 */
export function bookingSummary(sessions: ReadonlyArray<PlannedSession>): { readonly planned: number; readonly booked: number; readonly notBooked: number } {
  const booked = sessions.filter((s) => s.status === 'booked' || (s.status === 'recorded' && s.appointment !== undefined)).length;
  const open = sessions.filter((s) => s.status === 'not_booked' || s.status === 'cancelled').length;
  return { planned: sessions.length, booked, notBooked: open };
}

