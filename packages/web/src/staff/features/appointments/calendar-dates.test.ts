/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, clinicInstant, clinicTime, datesFrom, formatDay, isDate, weekStart } from './calendar-dates.ts';

test('clinic dates step over month and year ends whatever the browser zone', () => {
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2027-03-01', -1), '2027-02-28');
  assert.deepEqual(datesFrom('2026-12-30', '2027-01-02'), ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
});

test('weeks start on Monday, also for a Sunday', () => {
  assert.equal(weekStart('2026-12-02'), '2026-11-30'); // Wednesday
  assert.equal(weekStart('2026-12-06'), '2026-11-30'); // Sunday belongs to the week before
  assert.equal(weekStart('2026-11-30'), '2026-11-30');
});

test('malformed dates are refused', () => {
  assert.equal(isDate('2026-02-30'), false);
  assert.equal(isDate('2026-2-3'), false);
  assert.equal(isDate('2026-02-28'), true);
});

test('times are the clinic wall clock', () => {
  assert.equal(clinicInstant('2026-12-02', '09:00'), '2026-12-02T09:00:00+09:00');
  assert.equal(clinicTime('2026-12-02T00:00:00Z'), '09:00');
  assert.equal(formatDay('2026-12-02', 'ja'), '12月2日(水)');
  assert.equal(formatDay('2026-12-02', 'en'), 'Wed 2 Dec');
});
