import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOnlineChange } from './check-online-change.ts';

const dayBefore = { kind: 'day_before_at', time: '18:00' } as const;
const appt = '2026-12-03T10:00:00+09:00';

test('until 18:00 the day before, in clinic time: the boundary second', () => {
  const at = (now: string) => checkOnlineChange({ rule: dayBefore, zone: 'Asia/Tokyo', appointmentStart: appt, now, clinicPhone: '03-0000-0000' });
  const before = at('2026-12-02T17:59:59+09:00');
  assert.deepEqual(before, { allowed: true, deadline: '2026-12-02T18:00:00+09:00', deadlineMs: Date.parse('2026-12-02T09:00:00Z') });
  const onTheDot = at('2026-12-02T18:00:00+09:00');
  assert.equal(onTheDot.allowed, false);
  assert.ok(!onTheDot.allowed);
  assert.equal(onTheDot.error.code, 'cutoff_passed');
  assert.equal(onTheDot.error.key, 'booking.cutoff_passed');
  assert.deepEqual(onTheDot.error.params, { deadline: '2026-12-02T18:00:00+09:00', phone: '03-0000-0000' });
  // The same instant written in UTC (09:00Z) is past the cutoff too.
  assert.equal(at('2026-12-02T09:00:00Z').allowed, false);
  assert.equal(at('2026-12-02T08:59:59Z').allowed, true);
  const started = at('2026-12-03T10:00:00+09:00');
  assert.ok(!started.allowed && started.error.key === 'booking.appointment_started');
});

test('a Monday appointment: the day before is Sunday, closed or not', () => {
  const r = checkOnlineChange({ rule: dayBefore, zone: 'Asia/Tokyo', appointmentStart: '2026-12-07T09:00:00+09:00', now: '2026-12-05T12:00:00+09:00' });
  assert.deepEqual([r.allowed, r.deadline], [true, '2026-12-06T18:00:00+09:00']);
});

test('an early-morning appointment across UTC midnight keeps the Tokyo day', () => {
  // 09:00 Tokyo on 12-03 is 00:00Z on 12-03; the deadline is 12-02 18:00 Tokyo = 09:00Z 12-02.
  const r = checkOnlineChange({ rule: dayBefore, zone: 'Asia/Tokyo', appointmentStart: '2026-12-03T00:00:00Z', now: '2026-12-02T08:00:00Z' });
  assert.equal(r.deadline, '2026-12-02T18:00:00+09:00');
  assert.equal(r.allowed, true);
});

test('hours-before rule, and a rule later than the appointment is capped at its start', () => {
  const r = checkOnlineChange({ rule: { kind: 'hours_before', hours: 24 }, zone: 'Asia/Tokyo', appointmentStart: appt, now: '2026-12-02T10:00:00+09:00' });
  assert.deepEqual([r.allowed, r.deadline], [false, '2026-12-02T10:00:00+09:00']);
  const sameDay = checkOnlineChange({
    rule: { kind: 'day_before_at', time: '18:00', daysBefore: 0 },
    zone: 'Asia/Tokyo',
    appointmentStart: appt,
    now: '2026-12-03T09:00:00+09:00',
  });
  assert.deepEqual([sameDay.allowed, sameDay.deadline], [true, '2026-12-03T10:00:00+09:00']);
});
