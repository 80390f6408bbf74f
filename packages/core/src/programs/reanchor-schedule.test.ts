import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clinicDay, seedClinicCalendar } from '../scheduling/index.ts';
import { addDays } from '../time/index.ts';
import { EXOSOME_PROGRAM, TMS_PROGRAM } from './example-programs.ts';
import { assessmentAssignmentPlan, type AssessmentLink, type EnrolmentSchedule } from './program-booking.ts';
import { proposeSchedule } from './propose-schedule.ts';
import { assessmentRelinkPlan, bookedSessionDates, courseAnchor, reanchorSchedule } from './reanchor-schedule.ts';
import { windowStatus } from './assessment-status.ts';

const isOpenDay = (d: string): boolean => clinicDay(seedClinicCalendar, d).open;
const visit = (s: EnrolmentSchedule, id: string) => s.items.find((i) => i.visitId === id)!;
const session = (s: EnrolmentSchedule, n: number) => s.items.find((i) => i.sessionNumber === n)!;

// Enrolled Tuesday 1 December 2026; day 0 proposed Wednesday 9 December (the 8th is closed); the
// baseline window opens on 2 December; screening a week before enrolment.
const proposal = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-12-01', isOpenDay, screeningDate: '2026-11-24' });
const booked = (dates: ReadonlyArray<string>, status = 'confirmed'): { schedule: EnrolmentSchedule; appointments: Array<{ id: string; date: string; time: string; status: string }> } => ({
  schedule: {
    ...proposal,
    booking: { seriesId: 's1', serviceId: 'exosome-infusion', bookedAt: '2026-12-01T01:00:00Z', bookedBy: 'dr', appointments: dates.map((_, i) => ({ sessionNumber: i + 1, appointmentId: `a${i + 1}` })) },
  },
  appointments: dates.map((date, i) => ({ id: `a${i + 1}`, date, time: '10:00', status })),
});

test('the anchor is the session as given, else the booked first session while it stands, else the proposal', () => {
  assert.equal(proposal.day0, '2026-12-09');
  const { schedule, appointments } = booked(['2026-12-11', '2026-12-25']);
  assert.deepEqual(courseAnchor({ schedule, appointments, recorded: [] }), { date: '2026-12-11', source: 'booked' });
  assert.deepEqual(courseAnchor({ schedule, appointments, recorded: [{ sessionNumber: 1, date: '2026-12-12' }] }), { date: '2026-12-12', source: 'given' });
  const cancelled = booked(['2026-12-11', '2026-12-25'], 'cancelled');
  assert.deepEqual(courseAnchor({ ...cancelled, recorded: [] }), { date: '2026-12-09', source: 'proposed' });
  assert.deepEqual(courseAnchor({ schedule: proposal, appointments: [], recorded: [] }), { date: '2026-12-09', source: 'proposed' });
});

test('session 1 booked three days later: the week-2 window moves three days; screening and an opened baseline stay', () => {
  const { schedule, appointments } = booked(['2026-12-12', '2026-12-26', '2027-01-09', '2027-01-23', '2027-02-06']);
  const anchor = courseAnchor({ schedule, appointments, recorded: [] });
  const today = '2026-12-02';
  const moved = reanchorSchedule({ program: EXOSOME_PROGRAM, schedule, anchor, today, bookedDates: bookedSessionDates(schedule, appointments) });
  const w2 = visit(proposal, 'week2');
  assert.deepEqual(
    [visit(moved, 'week2').windowStart, visit(moved, 'week2').targetDate, visit(moved, 'week2').windowEnd],
    [addDays(w2.windowStart, 3), addDays(w2.targetDate, 3), addDays(w2.windowEnd, 3)],
  );
  assert.equal(visit(moved, 'week24').targetDate, addDays('2026-12-12', 168));
  // The baseline window opened today (day 0 − 7): its link may be out, so it stays.
  assert.deepEqual(visit(moved, 'baseline'), visit(proposal, 'baseline'));
  assert.deepEqual(visit(moved, 'screening'), visit(proposal, 'screening'));
  // Sessions carry their booked dates and windows from the new day 0.
  assert.equal(session(moved, 2).date, '2026-12-26');
  assert.deepEqual([session(moved, 2).windowStart, session(moved, 2).windowEnd], ['2026-12-24', '2026-12-28']);
  // The in-clinic week-8 blood draw goes on the booked session day inside its window.
  assert.equal(visit(moved, 'week8').date, '2027-02-06');
  assert.equal(moved.day0, '2026-12-12');
  assert.equal(moved.proposedDay0, '2026-12-09');
  // The same anchor again changes nothing.
  assert.deepEqual(reanchorSchedule({ program: EXOSOME_PROGRAM, schedule: moved, anchor, today, bookedDates: bookedSessionDates(schedule, appointments) }), moved);
  // A patient answering on the old week-2 target's first day would be judged against the new window.
  assert.equal(windowStatus(visit(moved, 'week2'), { today: w2.windowStart }), 'upcoming');
});

test('an answered baseline keeps its window even when it had not opened; a re-booked course moves the rest again', () => {
  const early = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-12-01', isOpenDay });
  const anchor = { date: addDays(early.day0, 3), source: 'booked' as const };
  // Today is before the baseline window (the window starts with the enrolment): nothing opened yet.
  const before = addDays(visit(early, 'baseline').windowStart, -1);
  const moved = reanchorSchedule({ program: EXOSOME_PROGRAM, schedule: early, anchor, today: before, keep: ['baseline'] });
  assert.deepEqual(visit(moved, 'baseline'), visit(early, 'baseline'));
  const free = reanchorSchedule({ program: EXOSOME_PROGRAM, schedule: early, anchor, today: before });
  assert.equal(visit(free, 'baseline').windowEnd, addDays(visit(early, 'baseline').windowEnd, 3));
  const rebooked = reanchorSchedule({ program: EXOSOME_PROGRAM, schedule: moved, anchor: { date: addDays(early.day0, 10), source: 'booked' }, today: before, keep: ['baseline'] });
  assert.equal(visit(rebooked, 'week4').targetDate, addDays(visit(early, 'week4').targetDate, 10));
  assert.equal(rebooked.proposedDay0, early.day0, 'the proposal is remembered through re-bookings');
});

test('a daily course follows its booked days', () => {
  const tms = proposeSchedule({ program: TMS_PROGRAM, enrolmentDate: '2026-12-01', isOpenDay });
  const moved = reanchorSchedule({ program: TMS_PROGRAM, schedule: tms, anchor: { date: '2026-12-07', source: 'booked' }, today: '2026-12-01', bookedDates: new Map([[1, '2026-12-07'], [2, '2026-12-08']]) });
  assert.deepEqual([session(moved, 1).date, session(moved, 1).windowEnd, session(moved, 2).date], ['2026-12-07', '2026-12-07', '2026-12-08']);
  assert.equal(visit(moved, 'week2').targetDate, '2026-12-21');
});

test('relinking: moved, unanswered links not yet open are replaced; answered or opened ones stay; the plan then fills in', () => {
  const today = '2026-12-02';
  const plan = assessmentAssignmentPlan({ program: EXOSOME_PROGRAM, schedule: proposal, today });
  const links: AssessmentLink[] = plan.map((p, i) => ({ visitId: p.visitId, scaleId: p.scaleId, assignmentId: `as${i}`, opensOn: p.startDate, closesOn: p.endDate }));
  const moved = reanchorSchedule({ program: EXOSOME_PROGRAM, schedule: proposal, anchor: { date: '2026-12-12', source: 'booked' }, today });
  const answeredWeek2 = links.find((l) => l.visitId === 'week2' && l.scaleId === 'phq9')!.assignmentId;
  const { keep, cancel } = assessmentRelinkPlan({ schedule: moved, links, answered: [answeredWeek2], today });
  assert.ok(keep.every((l) => l.visitId === 'baseline' || l.assignmentId === answeredWeek2), JSON.stringify(keep));
  assert.equal(keep.length, 3);
  assert.equal(cancel.length, 9);
  const again = assessmentAssignmentPlan({ program: EXOSOME_PROGRAM, schedule: moved, today, existing: keep });
  assert.equal(again.length, 9);
  assert.deepEqual(again.find((p) => p.visitId === 'week2')!, { visitId: 'week2', scaleId: 'gad7', startDate: visit(moved, 'week2').windowStart, endDate: visit(moved, 'week2').windowEnd, windowDays: 7 });
  // Nothing moved: nothing replaced.
  assert.equal(assessmentRelinkPlan({ schedule: proposal, links, answered: [], today }).cancel.length, 0);
});
