import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicDay, type ClinicCalendar } from '../scheduling/clinic-calendar.ts';
import { seedClinicCalendar } from '../scheduling/seed-clinic.ts';
import { addDays, datesBetween } from '../time/local-date.ts';
import { publicHours } from './public-hours.ts';

test('the weekly table is the calendar’s weekly hours, split into morning and afternoon', () => {
  const h = publicHours(seedClinicCalendar, { today: '2026-12-07', days: 14 });
  const mon = h.weekly.find((w) => w.weekday === 'mon')!;
  assert.deepEqual(mon.morning, seedClinicCalendar.weeklyHours.mon!.filter((s) => s.start < '12:00'));
  assert.deepEqual(mon.afternoon, seedClinicCalendar.weeklyHours.mon!.filter((s) => s.start >= '12:00'));
  for (const w of h.weekly) assert.equal(w.open, (seedClinicCalendar.weeklyHours[w.weekday] ?? []).length > 0, w.weekday);
  assert.equal(h.closedOnNationalHolidays, true);
  assert.deepEqual(h.annualClosures, [{ from: '12-29', to: '01-03', reason: '年末年始' }]);
});

test('the year-end closure is one run, and every date the page calls closed is closed for booking', () => {
  const h = publicHours(seedClinicCalendar, { today: '2026-12-21', days: 21 });
  const yearEnd = h.upcomingClosures.find((c) => c.kind === 'closure')!;
  assert.deepEqual([yearEnd.from, yearEnd.to, yearEnd.label], ['2026-12-29', '2027-01-03', '年末年始']);
  assertAgreesWithBooking(seedClinicCalendar, h.window.from, h.window.to, h.upcomingClosures);
});

test('a national holiday on an open weekday is listed with its name; one on a closed weekday is not', () => {
  // 2026-11-03 (Tue, 文化の日): Tuesday is closed anyway. 2026-11-23 (Mon, 勤労感謝の日): listed.
  const h = publicHours(seedClinicCalendar, { today: '2026-11-01', days: 30 });
  const labels = h.upcomingClosures.map((c) => [c.from, c.label]);
  assert.deepEqual(labels, [['2026-11-23', '勤労感謝の日']]);
  assert.equal(h.upcomingClosures[0]!.labelEn, 'Labor Thanksgiving Day');
  assertAgreesWithBooking(seedClinicCalendar, h.window.from, h.window.to, h.upcomingClosures);
});

test('one-day overrides: a closed day is a closure with its note, an opened day a special opening', () => {
  const calendar: ClinicCalendar = {
    ...seedClinicCalendar,
    overrides: [
      { kind: 'close', date: '2026-12-09', reason: '院内研修' },
      { kind: 'open', date: '2026-12-13', sessions: [{ start: '09:00', end: '12:00' }], reason: '臨時診療' },
    ],
  };
  const h = publicHours(calendar, { today: '2026-12-07', days: 14 });
  assert.deepEqual(h.upcomingClosures.map((c) => [c.from, c.kind, c.label]), [['2026-12-09', 'override', '院内研修']]);
  assert.deepEqual(h.specialOpenings, [{ date: '2026-12-13', sessions: [{ start: '09:00', end: '12:00' }], note: '臨時診療' }]);
  assertAgreesWithBooking(calendar, h.window.from, h.window.to, h.upcomingClosures);
});

/**
 * For each date of the window: what the page says (weekly table, minus the listed closures, plus
 * special openings) equals `clinicDay`, which booking reads.
 */
function assertAgreesWithBooking(calendar: ClinicCalendar, from: string, to: string, closures: ReadonlyArray<{ from: string; to: string }>) {
  const h = publicHours(calendar, { today: from, days: datesBetween(from, to).length });
  for (const date of datesBetween(from, to)) {
    const day = clinicDay(calendar, date);
    const listed = closures.some((c) => date >= c.from && date <= c.to);
    const special = h.specialOpenings.find((s) => s.date === date);
    const row = h.weekly.find((w) => w.weekday === day.weekday)!;
    const pageOpen = special ? true : row.open && !listed;
    assert.equal(pageOpen, day.open, `${date}: page ${pageOpen}, booking ${day.open}`);
    if (pageOpen) assert.deepEqual(special ? special.sessions : [...row.morning, ...row.afternoon], day.sessions, date);
  }
  assert.ok(addDays(from, 1) > from);
}
