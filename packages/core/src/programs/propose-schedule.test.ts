import { test } from 'node:test';
import assert from 'node:assert/strict';
import holidayJp from '@holiday-jp/holiday_jp';
import { DomainError } from '../errors/domain-error.ts';
import { WEEKDAYS, weekdayOf } from '../time/index.ts';

const isoWeekday = (d: string): number => WEEKDAYS.indexOf(weekdayOf(d)) + 1;
import { EXOSOME_PROGRAM, TMS_PROGRAM } from './example-programs.ts';
import { proposeSchedule } from './propose-schedule.ts';
import { scheduleStatus, windowStatus } from './assessment-status.ts';

// The clinic: closed on Tuesdays, Sundays and national holidays (祝日).
const holidays: Readonly<Record<string, unknown>> = holidayJp.holidays;
const isOpenDay = (d: string): boolean => ![2, 7].includes(isoWeekday(d)) && holidays[d] === undefined;

const dates = (p: ReturnType<typeof proposeSchedule>, kind: 'session' | 'assessment') =>
  p.items.filter((i) => i.kind === kind).map((i) => i.date);

test('five infusions 14 days apart, the Golden Week holiday shifted by a day within ±2', () => {
  const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-04-01', isOpenDay, screeningDate: '2026-03-25' });
  assert.equal(p.day0, '2026-04-08');
  // 2026-05-06 is a substitute holiday (こどもの日 振替休日): session 3 moves to Thursday 7 May.
  assert.deepEqual(dates(p, 'session'), ['2026-04-08', '2026-04-22', '2026-05-07', '2026-05-20', '2026-06-03']);
  assert.deepEqual(p.shifts, [{ itemId: 'session-3', from: '2026-05-06', to: '2026-05-07', reason: 'closed' }]);
  assert.deepEqual(p.conflicts, []);
  const s3 = p.items.find((i) => i.id === 'session-3')!;
  assert.deepEqual([s3.targetDate, s3.windowStart, s3.windowEnd], ['2026-05-06', '2026-05-04', '2026-05-08']);
  for (const d of dates(p, 'session')) assert.ok(isOpenDay(d), d);
});

test('assessments: both baselines, weeks 2–24, blood at baseline and week 8 on infusion days', () => {
  const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-04-01', isOpenDay, screeningDate: '2026-03-25' });
  const visits = Object.fromEntries(p.items.filter((i) => i.kind === 'assessment').map((i) => [i.visitId, i]));
  assert.equal(visits.screening!.date, '2026-03-25');
  assert.equal(visits.baseline!.date, '2026-04-08');
  assert.equal(visits.week8!.date, '2026-06-03');
  assert.deepEqual(visits.week8!.biomarkers.length, 8);
  // Remote scale links keep the nominal date, even on a closed day.
  assert.equal(visits.week24!.date, '2026-09-23');
  assert.deepEqual([visits.week24!.windowStart, visits.week24!.windowEnd], ['2026-09-09', '2026-10-07']);
  // Sorted by date.
  const all = p.items.map((i) => i.date);
  assert.deepEqual(all, [...all].sort());
});

test('day 0 moves to the next open day and the first session records why', () => {
  // Enrolment 2026-04-28 + 7 = Tuesday 5 May, a holiday; Wed 6 May is a substitute holiday too.
  const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-04-28', isOpenDay });
  assert.equal(p.day0, '2026-05-07');
  assert.deepEqual(p.shifts[0], { itemId: 'session-1', from: '2026-05-05', to: '2026-05-07', reason: 'closed' });
  // Without a screening date the screening visit is not placed.
  assert.ok(!p.items.some((i) => i.visitId === 'screening'));
});

test('a window with no open day is a conflict, and the item keeps its nominal date', () => {
  const closedFromMay = (d: string): boolean => d < '2026-05-01';
  const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-04-01', isOpenDay: closedFromMay });
  const c = p.conflicts.filter((x) => x.kind === 'no_open_day_in_window').map((x) => x.itemId);
  assert.deepEqual(c, ['session-3', 'session-4', 'session-5', 'visit-week8']);
  assert.equal(p.items.find((i) => i.id === 'session-3')!.date, '2026-05-06');
});

test('an in-clinic visit with no session in its window goes to the nearest open day', () => {
  // Only Thursdays open: sessions drift inside their ±2 window; week-8 blood lands on a session day.
  const thursdays = (d: string): boolean => isoWeekday(d) === 4;
  const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-04-01', isOpenDay: thursdays });
  assert.equal(p.day0, '2026-04-09');
  for (const i of p.items) if (i.inClinic && i.visitId !== 'screening') assert.equal(isoWeekday(i.date), 4, i.id);
});

test('daily TMS takes 30 consecutive open days', () => {
  const p = proposeSchedule({ program: TMS_PROGRAM, enrolmentDate: '2026-04-27', isOpenDay });
  const s = dates(p, 'session');
  assert.equal(s.length, 30);
  assert.equal(s[0], '2026-04-30'); // 29 April is 昭和の日
  assert.ok(s.every(isOpenDay));
  assert.ok(!s.includes('2026-05-06'));
  assert.equal(new Set(s).size, 30);
  // 30 Apr–2 May and 7–9 May (6 sessions), then five open days a week (Mon, Wed–Sat): the 30th is Fri 12 June.
  assert.equal(s[29], '2026-06-12');
});

test('a malformed enrolment date is refused by field', () => {
  assert.throws(
    () => proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026/04/01', isOpenDay }),
    (e: unknown) => e instanceof DomainError && e.issues[0]?.path === 'enrolmentDate',
  );
});

test('window status: upcoming, due, overdue, missed, on track and out of window', () => {
  const w = { windowStart: '2026-04-12', targetDate: '2026-04-15', windowEnd: '2026-04-18' };
  assert.equal(windowStatus(w, { today: '2026-04-11' }), 'upcoming');
  assert.equal(windowStatus(w, { today: '2026-04-12' }), 'due');
  assert.equal(windowStatus(w, { today: '2026-04-15' }), 'due');
  assert.equal(windowStatus(w, { today: '2026-04-16' }), 'overdue');
  assert.equal(windowStatus(w, { today: '2026-04-18' }), 'overdue');
  assert.equal(windowStatus(w, { today: '2026-04-19' }), 'missed');
  assert.equal(windowStatus(w, { today: '2026-04-30', completedOn: '2026-04-18' }), 'on_track');
  assert.equal(windowStatus(w, { today: '2026-04-30', completedOn: '2026-04-19' }), 'out_of_window');
});

test('schedule status uses the clinic date of now, not the server date', () => {
  const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-04-01', isOpenDay });
  // 2026-04-24T15:30Z is already 25 April in Tokyo: week 2 (22 April ±3) is overdue but open until the 25th.
  const st = scheduleStatus({
    items: p.items,
    completions: { 'visit-baseline': '2026-04-08', 'session-1': '2026-04-08' },
    now: '2026-04-24T15:30:00Z',
    zone: 'Asia/Tokyo',
  });
  const by = Object.fromEntries(st.map((s) => [s.itemId, s.status]));
  assert.equal(by['visit-baseline'], 'on_track');
  assert.equal(by['visit-week2'], 'overdue');
  // Session 2 (22 April ±2) was not recorded and its window closed on the 24th.
  assert.equal(by['session-2'], 'missed');
  assert.equal(by['visit-week24'], 'upcoming');
  const utc = scheduleStatus({ items: p.items, completions: {}, now: '2026-04-25T15:30:00Z', zone: 'Asia/Tokyo' });
  assert.equal(utc.find((s) => s.itemId === 'visit-week2')!.status, 'missed');
});
