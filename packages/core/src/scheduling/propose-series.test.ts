import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proposeSeries } from './propose-series.ts';
import { calendar, policy, resources, service, services, tokyo } from './test-fixtures.ts';

const brief = (r: ReturnType<typeof proposeSeries>) =>
  r.occurrences.map((o) => [o.targetDate, o.date, o.status, o.reason ?? null, o.holidayName ?? o.closureReason ?? null]);

test('TMS 5 a week for 6 weeks over Golden Week: holidays skipped and made up after the course', () => {
  const r = proposeSeries({ calendar, startDate: '2027-04-26', pattern: { kind: 'weekly', perWeek: 5, weeks: 6 } });
  assert.equal(r.occurrences.length, 30);
  assert.ok(r.complete);
  const dates = r.occurrences.map((o) => o.date);
  for (const holiday of ['2027-04-29', '2027-05-03', '2027-05-04', '2027-05-05']) assert.ok(!dates.includes(holiday), holiday);
  assert.deepEqual(dates.slice(0, 6), ['2027-04-26', '2027-04-28', '2027-04-30', '2027-05-01', '2027-05-06', '2027-05-07']);
  // The three lost sessions come back in the seventh block (from Mon 2027-06-07), marked as moved.
  assert.deepEqual(brief(r).filter((o) => o[2] === 'shifted'), [
    ['2027-04-29', '2027-06-07', 'shifted', 'national_holiday', '昭和の日'],
    ['2027-05-03', '2027-06-09', 'shifted', 'national_holiday', '憲法記念日'],
    ['2027-05-05', '2027-06-10', 'shifted', 'national_holiday', 'こどもの日'],
  ]);
  assert.deepEqual(
    r.passedOver.map((p) => p.date),
    ['2027-04-29', '2027-05-03', '2027-05-05'], // 5/4 is a Tuesday: closed anyway, not news
  );
  assert.deepEqual(r.occurrences.map((o) => o.index), Array.from({ length: 30 }, (_, i) => i + 1));
});

test('without make-up the lost sessions are reported as skipped', () => {
  const r = proposeSeries({ calendar, startDate: '2027-04-26', pattern: { kind: 'weekly', perWeek: 5, weeks: 2, makeUp: false } });
  assert.equal(r.complete, false);
  assert.deepEqual(brief(r).filter((o) => o[2] !== 'ok'), [
    ['2027-04-29', null, 'skipped', 'national_holiday', '昭和の日'],
    ['2027-05-03', null, 'skipped', 'national_holiday', '憲法記念日'],
    ['2027-05-05', null, 'skipped', 'national_holiday', 'こどもの日'],
  ]);
});

test('fewer sessions a week move within the week: 3 a week, Monday a holiday', () => {
  // 2026-09-21 (Mon) 敬老の日, 09-22 国民の休日, 09-23 (Wed) 秋分の日.
  const r = proposeSeries({ calendar, startDate: '2026-09-14', pattern: { kind: 'weekly', perWeek: 3, weeks: 2 } });
  assert.deepEqual(r.occurrences.map((o) => o.date), ['2026-09-14', '2026-09-16', '2026-09-17', '2026-09-24', '2026-09-25', '2026-09-26']);
  assert.deepEqual(brief(r).filter((o) => o[2] === 'shifted'), [
    ['2026-09-21', '2026-09-25', 'shifted', 'national_holiday', '敬老の日'],
    ['2026-09-23', '2026-09-26', 'shifted', 'national_holiday', '秋分の日'],
  ]);
  assert.ok(r.complete);
});

test('infusion every 14 days ±2, five times: moved off a holiday and out of 年末年始', () => {
  const autumn = proposeSeries({ calendar, startDate: '2026-09-09', pattern: { kind: 'interval', everyDays: 14, toleranceDays: 2, count: 5 } });
  assert.deepEqual(brief(autumn), [
    ['2026-09-09', '2026-09-09', 'ok', null, null],
    ['2026-09-23', '2026-09-24', 'shifted', 'national_holiday', '秋分の日'],
    ['2026-10-07', '2026-10-07', 'ok', null, null],
    ['2026-10-21', '2026-10-21', 'ok', null, null],
    ['2026-11-04', '2026-11-04', 'ok', null, null],
  ]);
  const winter = proposeSeries({ calendar, startDate: '2026-12-16', pattern: { kind: 'interval', everyDays: 14, toleranceDays: 2, count: 3 } });
  // 12-30 ± 2: 12-31, 12-29 and 01-01 are closed; 12-28 (Mon) is open.
  assert.deepEqual(brief(winter)[1], ['2026-12-30', '2026-12-28', 'shifted', 'closure', '年末年始']);
  assert.equal(winter.occurrences[2].date, '2027-01-13');
  // No tolerance: the occurrence is skipped with its reason.
  const strict = proposeSeries({ calendar, startDate: '2026-12-16', pattern: { kind: 'interval', everyDays: 14, count: 2 } });
  assert.deepEqual(brief(strict)[1], ['2026-12-30', null, 'skipped', 'closure', '年末年始']);
  assert.equal(strict.complete, false);
});

test('with bookings: a full day is a conflict, and slots are near the preferred time', () => {
  const tms = service('tms');
  const busy = tokyo('2026-12-09', '09:00', '18:00', ['tms-1']);
  const booking = {
    service: tms,
    resources,
    services,
    policy,
    bookings: [busy],
    channel: 'staff',
    now: '2026-11-30T09:00:00+09:00',
    patientTags: ['program:tms'],
    preferredTime: '15:10',
  } as const;
  const r = proposeSeries({ calendar, startDate: '2026-12-02', pattern: { kind: 'interval', everyDays: 7, count: 3 }, booking });
  assert.deepEqual(brief(r), [
    ['2026-12-02', '2026-12-02', 'ok', null, null],
    ['2026-12-09', null, 'conflict', 'no_free_slot', null],
    ['2026-12-16', '2026-12-16', 'ok', null, null],
  ]);
  // 15:10 is between the 15:00 and 15:15 starts; 15:15 is nearer.
  assert.equal(r.occurrences[0].slot?.start, '2026-12-02T15:15:00+09:00');
  assert.deepEqual(r.occurrences[0].slot?.assignments.map((a) => a.resourceId), ['tms-1', 'ns-kato']);
  assert.deepEqual(r.passedOver, [{ date: '2026-12-09', reason: 'no_free_slot' }]);
  // A weekly course moves the full day's session to another day of the same week.
  const w = proposeSeries({ calendar, startDate: '2026-12-07', pattern: { kind: 'weekly', perWeek: 2, weeks: 1 }, booking });
  assert.deepEqual(brief(w), [
    ['2026-12-07', '2026-12-07', 'ok', null, null],
    ['2026-12-09', '2026-12-10', 'shifted', 'no_free_slot', null],
  ]);
});
