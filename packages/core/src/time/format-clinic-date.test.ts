import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatClinicDate, formatClinicDateTime } from './format-clinic-date.ts';

test('a date reads 12月13日（日） in Japanese and Sun 13 Dec in English', () => {
  assert.equal(formatClinicDate('2026-12-13', 'ja'), '12月13日（日）');
  assert.equal(formatClinicDate('2026-12-13', 'en'), 'Sun 13 Dec');
  assert.equal(formatClinicDate('2027-01-11', 'ja', { year: true }), '2027年1月11日（月）');
  assert.equal(formatClinicDate('2027-01-11', 'en', { year: true }), 'Mon 11 Jan 2027');
  // A leap day and the weekday across a year boundary.
  assert.equal(formatClinicDate('2028-02-29', 'ja'), '2月29日（火）');
  assert.equal(formatClinicDate('2026-12-31', 'en'), 'Thu 31 Dec');
});

test('a date and time keeps the time; anything else passes through unchanged', () => {
  assert.equal(formatClinicDateTime('2026-12-06 18:00', 'ja'), '12月6日（日）18:00');
  assert.equal(formatClinicDateTime('2026-12-06 18:00', 'en'), 'Sun 6 Dec 18:00');
  assert.equal(formatClinicDateTime('2026-12-06', 'en'), 'Sun 6 Dec');
  assert.equal(formatClinicDateTime('院内研修', 'ja'), '院内研修');
  assert.equal(formatClinicDateTime('12-29', 'ja'), '12-29');
});

test('an impossible date is refused, not shown as another day', () => {
  assert.throws(() => formatClinicDate('2026-02-30', 'ja'));
});
