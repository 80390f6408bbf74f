import { DomainError, isDomainError, type Issue } from '@mimamori/core';
import {
  sessionSeriesPattern,
  type EnrolmentSchedule,
  type EnrolmentStatus,
  type ProgramBooking,
  type ProgramDefinition,
} from '@mimamori/core/programs/index';
import { seedClinicServices, type SeriesPattern, type Service } from '@mimamori/core/scheduling/index';
import { WEEKDAYS } from '@mimamori/core/time/index';
import { zonedToInstant } from '@mimamori/core/time/zoned-to-instant';
import { getProgramDefinition, getSchedulingConfig, listAppointments, listEnrolments, listProgramSessions, updateEnrolmentIfVersion, type Db, type ProgramEnrolmentRow } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { proposeSeriesFor } from '../scheduling/availability-service.ts';
import { cancelAppointment } from '../scheduling/cancel-appointment.ts';
import { loadClinicScheduling } from '../scheduling/scheduling-context.ts';
import { bookSeries } from '../scheduling/series-service.ts';
import { assignProgramAssessments, reanchorAssessmentsInTx } from './program-assessment-service.ts';
import { clinicZone, loadEnrolment, loadProgram, nowIso, writeTx } from './program-context.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { enrolmentStatusKey } from '@mimamori/core/programs/state-labels';

/** Statuses in which the treatment course may be booked (never a withdrawn or finished patient). */
const BOOKABLE: ReadonlyArray<EnrolmentStatus> = ['enrolled', 'active'];
/** Statuses in which a patient carries the program's tag (may book its service online). */
const TAGGED: ReadonlyArray<EnrolmentStatus> = ['enrolled', 'active'];

function scheduleOf(row: ProgramEnrolmentRow): EnrolmentSchedule {
  if (!row.schedule_json) throw new DomainError('invalid_state', { key: 'programs.not_enrolled', issues: [{ path: 'enrolmentStatus', key: 'programs.not_enrolled' }] });
  return JSON.parse(row.schedule_json) as EnrolmentSchedule;
}

function requireBookable(row: ProgramEnrolmentRow): void {
  if (!BOOKABLE.includes(row.status as EnrolmentStatus)) {
    throw new DomainError('invalid_state', { key: 'programs.booking_not_allowed', params: { status: row.status, statusKey: enrolmentStatusKey(row.status) }, issues: [{ path: 'enrolmentStatus', key: 'programs.booking_not_allowed' }] });
  }
}

/** The reservations service the program's sessions are booked as; a clear 4xx naming the field when the clinic lacks it. */
function programService(program: ProgramDefinition, services: ReadonlyArray<Service>): Service {
  const id = program.sessions.serviceId;
  const service = id ? services.find((s) => s.id === id && s.active !== false) : undefined;
  if (!service) {
    throw new DomainError('validation', { key: 'programs.service_missing', params: { serviceId: id ?? '' }, issues: [{ path: 'sessions.serviceId', key: 'programs.service_missing' }] });
  }
  return service;
}

function openDaysPerWeek(weeklyHours: Readonly<Record<string, ReadonlyArray<unknown> | undefined>>): number {
  return WEEKDAYS.filter((d) => (weeklyHours[d]?.length ?? 0) > 0).length;
}

/** A booking that still stands: at least one of its appointments is not cancelled. */
async function standingBooking(db: Db, clinicId: string, booking: ProgramBooking | undefined): Promise<boolean> {
  if (!booking) return false;
  const rows = await listAppointments(db, { clinicId, seriesId: booking.seriesId });
  return rows.some((r) => r.status !== 'cancelled' && r.status !== 'late_cancel');
}

/**
 * The treatment course as a reservations series, for staff to review before booking: the
 * program's series pattern from its first session date, each occurrence with its date, the free
 * slot nearest `preferredTime`, and every date passed over (holidays, closures, full days), as
 * `proposeSeries` of the reservations feature reports them.
 */
export async function proposeProgramBooking(ctx: RequestContext, q: { readonly enrolmentId: string; readonly preferredTime?: string | undefined }) {
  const { enrolmentId } = q;
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const { row } = await loadEnrolment(db, actor.clinicId, enrolmentId);
  requireBookable(row);
  const schedule = scheduleOf(row);
  const program = await loadProgram(db, actor.clinicId, row.program_id, row.program_version);
  const cfg = await loadClinicScheduling(ctx, db, actor.clinicId);
  const service = programService(program, cfg.services);
  const pattern = sessionSeriesPattern(program, { openDaysPerWeek: openDaysPerWeek(cfg.calendar.weeklyHours) });
  const proposal = await proposeSeriesFor(ctx, {
    serviceId: service.id, startDate: schedule.proposedDay0 ?? schedule.day0, pattern, programCourse: true, ...(q.preferredTime ? { preferredTime: q.preferredTime } : {}),
  });
  // A weekly series fills whole weeks; the course needs `count` sessions.
  const occurrences = proposal.occurrences.slice(0, program.sessions.count);
  const sessions = schedule.items.filter((i) => i.kind === 'session');
  return {
    service: { id: service.id, name: service.name, nameEn: service.nameEn, durationMinutes: service.durationMinutes },
    pattern,
    startDate: schedule.proposedDay0 ?? schedule.day0,
    occurrences: occurrences.map((o) => {
      const item = sessions.find((s) => s.sessionNumber === o.index);
      return { ...o, sessionNumber: o.index, ...(item ? { windowStart: item.windowStart, windowEnd: item.windowEnd, programDate: item.date } : {}) };
    }),
    passedOver: proposal.passedOver.filter((p) => !occurrences.length || p.date <= (occurrences[occurrences.length - 1]?.date ?? p.date)),
    complete: occurrences.length === program.sessions.count && occurrences.every((o) => o.date !== null),
    booked: await standingBooking(db, actor.clinicId, schedule.booking),
  };
}

export interface BookProgramInput {
  readonly enrolmentId: string;
  readonly occurrences: ReadonlyArray<{ readonly sessionNumber: number; readonly date: string; readonly time: string }>;
}

/**
 * Books every treatment session of an enrolment as ONE reservations series (`bookSeries`: all or
 * nothing), then links the series to the enrolment so its timeline and the dashboard show which
 * sessions are booked. The course is booked whole, past the clinic's staff booking horizon (the
 * program sets its length). A session that cannot be booked stops everything with a 4xx naming its
 * number and date, and the reservations feature's reason.
 */
export async function bookProgramSessions(ctx: RequestContext, input: BookProgramInput) {
  const { enrolmentId } = input;
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const { row } = await loadEnrolment(db, actor.clinicId, enrolmentId);
  requireBookable(row);
  const schedule = scheduleOf(row);
  if (await standingBooking(db, actor.clinicId, schedule.booking)) {
    throw new DomainError('conflict', { key: 'programs.already_booked', issues: [{ path: 'occurrences', key: 'programs.already_booked' }] });
  }
  const program = await loadProgram(db, actor.clinicId, row.program_id, row.program_version);
  const cfg = await loadClinicScheduling(ctx, db, actor.clinicId);
  const service = programService(program, cfg.services);
  const count = program.sessions.count;
  const given = [...input.occurrences].sort((a, b) => a.sessionNumber - b.sessionNumber);
  const issues: Issue[] = [];
  if (given.length !== count || given.some((o, i) => o.sessionNumber !== i + 1)) {
    issues.push({ path: 'occurrences', key: 'programs.booking_sessions_incomplete', params: { count } });
  }
  const today = clinicDate(ctx.clock().getTime(), cfg.zone);
  given.forEach((o, i) => {
    if (o.date < today) issues.push({ path: `occurrences[${i}].date`, key: 'programs.booking_date_past', params: { date: o.date } });
    if (i > 0 && o.date <= given[i - 1]!.date) issues.push({ path: `occurrences[${i}].date`, key: 'programs.booking_dates_order', params: { date: o.date } });
    try {
      zonedToInstant({ date: o.date, time: o.time, zone: cfg.zone });
    } catch (err) {
      if (!isDomainError(err)) throw err;
      issues.push({ path: `occurrences[${i}].${err.issues[0]?.path === 'date' ? 'date' : 'time'}`, key: 'programs.booking_time_invalid', params: { date: o.date, time: o.time } });
    }
  });
  if (issues.length) throw new DomainError('validation', { key: 'programs.booking_invalid', params: { count: issues.length }, issues });

  const pattern: SeriesPattern = sessionSeriesPattern(program, { openDaysPerWeek: openDaysPerWeek(cfg.calendar.weeklyHours) });
  const occurrences = given.map((o) => ({ start: new Date(zonedToInstant({ date: o.date, time: o.time, zone: cfg.zone })).toISOString() }));
  let result: Awaited<ReturnType<typeof bookSeries>>;
  try {
    // The key makes a double click book once; the row version changes once the series is linked.
    result = await bookSeries(ctx, {
      input: { patientId: row.patient_id, serviceId: service.id, pattern, occurrences }, idempotencyKey: `program:${row.id}:${row.row_version}`, programCourse: true,
    });
  } catch (err) {
    if (!isDomainError(err)) throw err;
    const n = err.extra?.occurrence;
    const o = typeof n === 'number' ? given[n - 1] : undefined;
    if (!o) throw err;
    // The reservations feature's reason, named by its key: the error handler puts it into the message.
    const params = { ...err.params, date: o.date, time: o.time };
    throw new DomainError(err.code, {
      key: 'programs.booking_failed',
      params: { ...params, session: o.sessionNumber, reasonKey: err.key },
      issues: [{ path: `occurrences[${(n as number) - 1}].date`, key: err.key, params }],
    });
  }
  const appointments = [...result.appointments].sort((a, b) => (a.start < b.start ? -1 : 1));
  const booking: ProgramBooking = {
    seriesId: result.series.id, serviceId: service.id, bookedAt: nowIso(ctx), bookedBy: actor.staffId,
    appointments: appointments.map((a, i) => ({ sessionNumber: given[i]!.sessionNumber, appointmentId: a.id })),
  };
  const replaced = await linkBooking(ctx, { enrolmentId, booking });
  // The replacements of questionnaires whose window moved (their own transactions; retryable at
  // `POST /api/program-enrolments/:id/assessment-links`).
  const assessments = { ...(await assignProgramAssessments(ctx, enrolmentId)), replaced };
  return { booking, assessments, appointments: appointments.map((a, i) => ({ sessionNumber: given[i]!.sessionNumber, id: a.id, start: a.start })) };
}

/**
 * Stores the booking with the enrolment's schedule (compare-and-swap, retried if someone else wrote
 * meanwhile) and, in the same transaction, moves the assessment windows to the booked first
 * session, cancelling the questionnaire links that must be replaced. Returns how many were.
 */
async function linkBooking(ctx: RequestContext, o: { readonly enrolmentId: string; readonly booking: ProgramBooking }): Promise<number> {
  const { enrolmentId, booking } = o;
  const actor = requireStaff(ctx);
  for (let attempt = 0; attempt < 5; attempt++) {
    const ok = await writeTx(ctx, async (tx) => {
      const { row } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
      const program = await loadProgram(tx, actor.clinicId, row.program_id, row.program_version);
      const { schedule, cancelled } = await reanchorAssessmentsInTx(ctx, tx, { row, program, schedule: { ...scheduleOf(row), booking } });
      const done = await updateEnrolmentIfVersion(tx, actor.clinicId, row.id, row.row_version, { schedule_json: JSON.stringify(schedule), updated_at: nowIso(ctx) });
      if (!done) return null;
      await audit(ctx, tx, {
        action: 'program_enrolment.book', resource: 'program_enrolment', resourceId: row.id, patientId: row.patient_id,
        detail: `series=${booking.seriesId};service=${booking.serviceId};n=${booking.appointments.length};anchor=${schedule.anchor?.date ?? ''};replaced=${cancelled}`,
      });
      return cancelled;
    });
    if (ok !== null) return ok;
  }
  throw new DomainError('conflict', { key: 'programs.enrolment_changed' });
}

/**
 * After a withdrawal: cancels the course's appointments that have not happened yet, each through
 * the reservations feature (its audit row and the patient's cancellation mail). Returns how many
 * were cancelled and which could not be (they stay for staff to handle on the appointments pages).
 */
export async function cancelFutureSessions(ctx: RequestContext, row: ProgramEnrolmentRow) {
  const actor = requireStaff(ctx);
  const schedule = row.schedule_json ? (JSON.parse(row.schedule_json) as EnrolmentSchedule) : null;
  if (!schedule?.booking) return { cancelled: 0, failed: [] as string[] };
  const nowMs = ctx.clock().getTime();
  const rows = await listAppointments(ctx.db.db, { clinicId: actor.clinicId, seriesId: schedule.booking.seriesId });
  // A session already given keeps its appointment (it is the record of the visit).
  const given = new Set((await listProgramSessions(ctx.db.db, { clinicId: actor.clinicId, enrolmentIds: [row.id] })).map((x) => x.session_number));
  const keep = new Set(schedule.booking.appointments.filter((a) => given.has(a.sessionNumber)).map((a) => a.appointmentId));
  let cancelled = 0;
  const failed: string[] = [];
  for (const a of rows) {
    if ((a.status !== 'confirmed' && a.status !== 'held') || a.start_ms <= nowMs || keep.has(a.id)) continue;
    try {
      await cancelAppointment(ctx, a.id, { version: a.version, reason: 'program_withdrawal' });
      cancelled++;
    } catch (err) {
      if (!isDomainError(err)) throw err;
      failed.push(a.id);
    }
  }
  return { cancelled, failed };
}

export { seriesAppointments } from './program-anchor.ts';

/**
 * The program tags a patient carries for the reservations feature: the `eligibilityTag` of each
 * program service while the patient is enrolled or active in that program. Withdrawal, completion
 * or loss to follow-up takes it away, so the patient's online booking offers the service only
 * during the program.
 */
export async function programTagsOf(db: Db, clinicId: string, patientId: string): Promise<ReadonlyArray<string>> {
  const rows = (await listEnrolments(db, { clinicId, patientId })).filter((r) => TAGGED.includes(r.status as EnrolmentStatus));
  if (rows.length === 0) return [];
  const zone = await clinicZone(db, clinicId);
  const services = (await getSchedulingConfig(db, clinicId, zone))?.services ?? seedClinicServices;
  const tags = new Set<string>();
  for (const r of rows) {
    const def = await getProgramDefinition(db, clinicId, r.program_id, r.program_version);
    const serviceId = def ? (JSON.parse(def.definition_json) as ProgramDefinition).sessions.serviceId : undefined;
    const tag = services.find((s) => s.id === serviceId)?.eligibilityTag;
    if (tag) tags.add(tag);
  }
  return [...tags];
}

/**
 * A program's `sessions.serviceId` must be one of the clinic's reservations services (the seed
 * services until the clinic saves its own); refused with the field named otherwise.
 */
export async function checkProgramService(db: Db, clinicId: string, program: ProgramDefinition): Promise<void> {
  if (program.sessions.serviceId === undefined) return;
  const zone = await clinicZone(db, clinicId);
  const services = (await getSchedulingConfig(db, clinicId, zone))?.services ?? seedClinicServices;
  programService(program, services);
}

