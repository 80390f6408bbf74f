import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clinicDay, proposeSeries, seedClinicCalendar } from '../scheduling/index.ts';
import { addDays } from '../time/index.ts';
import { EXOSOME_PROGRAM, EXOSOME_PROGRAM_INPUT, TMS_PROGRAM } from './example-programs.ts';
import { assessmentAssignmentPlan, bookingSummary, plannedSessions, sessionSeriesPattern, type EnrolmentSchedule } from './program-booking.ts';
import { defineProgram } from './program-definition.ts';
import { proposeSchedule } from './propose-schedule.ts';
import { DomainError } from '../errors/domain-error.ts';

const calendar = seedClinicCalendar;
const isOpenDay = (d: string): boolean => clinicDay(calendar, d).open;

test('the infusion course becomes an interval series whose proposal keeps the program dates, the holiday skipped', () => {
  // Enrolled 2026-09-02: day 0 is 9 September; session 2 falls on 秋分の日 (23 September).
  const schedule = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-09-02', isOpenDay });
  const pattern = sessionSeriesPattern(EXOSOME_PROGRAM, { openDaysPerWeek: 5 });
  assert.deepEqual(pattern, { kind: 'interval', everyDays: 14, count: 5, toleranceDays: 2 });
  const series = proposeSeries({ calendar, startDate: schedule.day0, pattern });
  const sessions = schedule.items.filter((i) => i.kind === 'session').map((i) => i.date);
  assert.deepEqual(series.occurrences.map((o) => o.date), sessions);
  assert.ok(series.passedOver.some((p) => p.date === '2026-09-23' && p.holidayName === '秋分の日'), JSON.stringify(series.passedOver));
});

test('a daily course becomes a weekly series of the clinic\'s open days, enough weeks for the count', () => {
  assert.deepEqual(sessionSeriesPattern(TMS_PROGRAM, { openDaysPerWeek: 5 }), { kind: 'weekly', perWeek: 5, weeks: 6 });
  assert.deepEqual(sessionSeriesPattern(TMS_PROGRAM, { openDaysPerWeek: 4 }), { kind: 'weekly', perWeek: 4, weeks: 8 });
  assert.deepEqual(sessionSeriesPattern(TMS_PROGRAM, { openDaysPerWeek: 0 }), { kind: 'weekly', perWeek: 1, weeks: 30 });
});

test('the service a session is booked as is part of the definition and checked', () => {
  assert.equal(EXOSOME_PROGRAM.sessions.serviceId, 'exosome-infusion');
  assert.equal(TMS_PROGRAM.sessions.serviceId, 'tms');
  assert.throws(
    () => defineProgram({ ...EXOSOME_PROGRAM_INPUT, sessions: { ...EXOSOME_PROGRAM_INPUT.sessions, serviceId: 'エクソソーム' } }),
    (e: unknown) => e instanceof DomainError && e.issues.some((d) => d.path === 'sessions.serviceId'),
  );
  const { serviceId: _s, ...withoutService } = EXOSOME_PROGRAM_INPUT.sessions!;
  assert.equal(defineProgram({ ...EXOSOME_PROGRAM_INPUT, sessions: withoutService }).sessions.serviceId, undefined);
});

test('assessment assignments: every scale of every visit after screening whose window is still open, none twice', () => {
  const schedule = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-12-01', isOpenDay, screeningDate: '2026-11-24' });
  const plan = assessmentAssignmentPlan({ program: EXOSOME_PROGRAM, schedule, today: '2026-12-01' });
  assert.ok(!plan.some((p) => p.visitId === 'screening'), 'the screening scores exist already');
  assert.deepEqual([...new Set(plan.map((p) => p.visitId))], ['baseline', 'week2', 'week4', 'week8', 'week12', 'week24']);
  assert.equal(plan.length, 12);
  const week2 = schedule.items.find((i) => i.visitId === 'week2')!;
  const p2 = plan.find((p) => p.visitId === 'week2' && p.scaleId === 'phq9')!;
  assert.deepEqual([p2.startDate, p2.endDate, p2.windowDays], [week2.windowStart, week2.windowEnd, 7]);
  // Applied again after a partial failure: only what is missing.
  const again = assessmentAssignmentPlan({ program: EXOSOME_PROGRAM, schedule, today: '2026-12-01', existing: plan.slice(0, 11) });
  assert.deepEqual(again, [plan[11]]);
  // Later, windows that have closed are not assigned.
  const late = assessmentAssignmentPlan({ program: EXOSOME_PROGRAM, schedule, today: addDays(week2.windowEnd, 1) });
  assert.ok(!late.some((p) => p.visitId === 'baseline' || p.visitId === 'week2'));
});

test('planned sessions: recorded, booked, cancelled and not booked, with the dashboard counts', () => {
  const proposal = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-12-01', isOpenDay });
  const s = proposal.items.filter((i) => i.kind === 'session');
  const schedule: EnrolmentSchedule = {
    ...proposal,
    booking: {
      seriesId: 'ser1', serviceId: 'exosome-infusion', bookedAt: '2026-12-01T01:00:00Z', bookedBy: 'dr',
      appointments: [1, 2, 3, 4].map((n) => ({ sessionNumber: n, appointmentId: `a${n}` })),
    },
  };
  const appointments = [
    { id: 'a1', date: s[0]!.date, time: '10:00', status: 'completed' },
    { id: 'a2', date: s[1]!.date, time: '10:00', status: 'confirmed' },
    { id: 'a3', date: s[2]!.date, time: '10:00', status: 'cancelled' },
    { id: 'a4', date: addDays(s[3]!.windowEnd, 3), time: '10:00', status: 'confirmed' },
  ];
  const planned = plannedSessions({ schedule, appointments, recorded: [1] });
  assert.deepEqual(planned.map((p) => p.status), ['recorded', 'booked', 'cancelled', 'booked', 'not_booked']);
  assert.deepEqual(planned.map((p) => p.outsideWindow), [false, false, false, true, false]);
  assert.deepEqual(bookingSummary(planned), { planned: 5, booked: 3, notBooked: 2 });
  assert.deepEqual(bookingSummary(plannedSessions({ schedule: proposal, appointments: [], recorded: [] })), { planned: 5, booked: 0, notBooked: 5 });
});
