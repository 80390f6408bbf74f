import { bookedSessionDates, courseAnchor, reanchorSchedule, type EnrolmentSchedule, type ProgramDefinition } from '@mimamori/core/programs/index';
import { instantToZoned } from '@mimamori/core/time/instant-to-zoned';
import { listAppointments, listProgramSessions, type Db } from '@mimamori/storage';
import { clinicDate } from '@mimamori/core/time/clinic-date';

/** The series' appointments with their clinic date, time and status, for the timeline and dashboard. */
export async function seriesAppointments(db: Db, clinicId: string, zone: string, schedule: EnrolmentSchedule | null) {
  if (!schedule?.booking) return [];
  const rows = await listAppointments(db, { clinicId, seriesId: schedule.booking.seriesId });
  return rows.map((r) => {
    const z = instantToZoned(r.start_ms, zone);
    return { id: r.id, date: z.date, time: z.time, status: r.status };
  });
}

/**
 * The enrolment's schedule placed from its course as it stands now (`courseAnchor`: the first
 * session as given, else as booked, else as proposed) — what the questionnaire windows, the
 * timeline and the dashboard follow. `keep` names visits whose window must stay (answered).
 */
export async function anchoredSchedule(db: Db, o: {
  clinicId: string;
  zone: string;
  today: string;
  enrolmentId: string;
  program: ProgramDefinition;
  schedule: EnrolmentSchedule;
  keep?: ReadonlyArray<string>;
}): Promise<EnrolmentSchedule> {
  const [appointments, sessions] = await Promise.all([
    seriesAppointments(db, o.clinicId, o.zone, o.schedule),
    listProgramSessions(db, { clinicId: o.clinicId, enrolmentIds: [o.enrolmentId] }),
  ]);
  const recorded = sessions.map((s) => ({ sessionNumber: s.session_number, date: clinicDate(s.started_at, o.zone) }));
  const anchor = courseAnchor({ schedule: o.schedule, appointments, recorded });
  return reanchorSchedule({
    program: o.program, schedule: o.schedule, anchor, today: o.today, bookedDates: bookedSessionDates(o.schedule, appointments), ...(o.keep ? { keep: o.keep } : {}),
  });
}
