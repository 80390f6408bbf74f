/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayLabel, instantLabel, nearestSlots, plusDays } from './patient-appointments-api.ts';

const slot = (start: string) => ({ start, end: start, date: start.slice(0, 10), startTime: start.slice(11, 16), endTime: '' });

test('a taken slot is answered with the nearest other free times, in time order', () => {
  const slots = [
    '2026-12-02T09:00:00+09:00',
    '2026-12-02T09:15:00+09:00',
    '2026-12-02T09:30:00+09:00',
    '2026-12-02T15:00:00+09:00',
    '2026-12-03T09:00:00+09:00',
  ].map(slot);
  const near = nearestSlots(slots, '2026-12-02T09:15:00+09:00', 3).map((s) => s.startTime);
  assert.deepEqual(near, ['09:00', '09:30', '15:00']);
});

test('dates and deadlines are read on the clinic clock, whatever the phone zone', () => {
  assert.equal(plusDays('2026-12-31', 1), '2027-01-01');
  assert.equal(dayLabel('2026-12-02', 'ja'), '12月2日(水)');
  assert.equal(instantLabel('2026-12-01T09:00:00Z', 'ja'), '12月1日(火) 18:00');
  assert.equal(instantLabel('2026-12-01T18:00:00+09:00', 'en'), 'Tue 1 Dec 18:00');
});
