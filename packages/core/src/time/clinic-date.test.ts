import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clinicDate, endOfClinicDay } from './index.ts';

const key = (e: unknown) => (e as { key?: string }).key;

test('the clinic date of an instant is the date on the clinic wall calendar, from ms or ISO text', () => {
  assert.equal(clinicDate(Date.parse('2026-12-01T14:59:59.999Z'), 'Asia/Tokyo'), '2026-12-01');
  assert.equal(clinicDate(Date.parse('2026-12-01T15:00:00Z'), 'Asia/Tokyo'), '2026-12-02');
  assert.equal(clinicDate('2026-12-02T00:00:00+09:00', 'Asia/Tokyo'), '2026-12-02');
  assert.equal(clinicDate('2026-12-01T23:59:59+09:00', 'Asia/Tokyo'), '2026-12-01');
  // The same instant is another date in another zone.
  assert.equal(clinicDate('2026-12-01T20:00:00Z', 'America/Los_Angeles'), '2026-12-01');
  assert.equal(clinicDate('2026-12-01T20:00:00Z', 'Asia/Tokyo'), '2026-12-02');
});

test('an instant without an offset or an unknown zone is refused', () => {
  assert.throws(() => clinicDate('2026-12-01T09:00', 'Asia/Tokyo'), (e) => key(e) === 'instant_invalid');
  assert.throws(() => clinicDate(0, 'Asia/Tokio'), (e) => key(e) === 'time_zone_invalid');
});

test('a clinic date ends at the next midnight at the clinic', () => {
  const end = Date.parse('2026-12-02T15:00:00Z');
  assert.equal(endOfClinicDay(Date.parse('2026-12-02T00:00:00+09:00'), 'Asia/Tokyo'), end);
  assert.equal(endOfClinicDay(Date.parse('2026-12-02T23:59:59+09:00'), 'Asia/Tokyo'), end);
  assert.equal(endOfClinicDay(end, 'Asia/Tokyo'), Date.parse('2026-12-03T15:00:00Z'));
  // A 23-hour day: Los Angeles springs forward on 8 March 2026.
  assert.equal(endOfClinicDay(Date.parse('2026-03-08T10:00:00-07:00'), 'America/Los_Angeles'), Date.parse('2026-03-09T00:00:00-07:00'));
});
