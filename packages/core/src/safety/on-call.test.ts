import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedClinicCalendar } from '../scheduling/seed-clinic.ts';
import { escalationChain, escalationMinutesOf, nextClinicDayStart, nextClinicOpening, onCallAt } from './on-call.ts';

const shift = (staffId: string, startsAt: string, endsAt: string, position = 1) => ({ staffId, startsAt, endsAt, position });

test('who is on call: shifts covering the instant, first position first; the end is excluded', () => {
  const rota = [
    shift('backup', '2026-12-05T00:00:00.000Z', '2026-12-07T00:00:00.000Z', 2),
    shift('night', '2026-12-05T09:00:00.000Z', '2026-12-05T23:00:00.000Z', 1),
  ];
  assert.deepEqual(onCallAt(rota, '2026-12-05T13:00:00.000Z'), ['night', 'backup']);
  assert.deepEqual(onCallAt(rota, '2026-12-05T23:00:00.000Z'), ['backup']);
  assert.deepEqual(onCallAt(rota, '2026-12-07T00:00:00.000Z'), []);
});

test('the escalation chain: on call in order, then the administrators, each once', () => {
  assert.deepEqual(escalationChain({ onCall: ['a', 'b'], administrators: ['admin', 'a'] }), ['a', 'b', 'admin']);
  assert.deepEqual(escalationChain({ onCall: [], administrators: ['admin'] }), ['admin']);
});

test('escalation time: 15 minutes unless the clinic sets a whole number of minutes from 1 to 240', () => {
  assert.equal(escalationMinutesOf(undefined), 15);
  assert.equal(escalationMinutesOf({ escalationMinutes: 5 }), 5);
  assert.equal(escalationMinutesOf({ escalationMinutes: 0 }), 15);
  assert.equal(escalationMinutesOf({ escalationMinutes: 2.5 }), 15);
});

test('next opening: now when open, the next session when closed; Saturday night waits for Monday morning', () => {
  // Monday 2026-11-30 10:00 JST is inside the morning session.
  const open = Date.parse('2026-11-30T01:00:00.000Z');
  assert.equal(nextClinicOpening(seedClinicCalendar, open), open);
  // Saturday 2026-12-05 22:00 JST → Monday 2026-12-07 09:00 JST (Sunday is closed).
  assert.equal(new Date(nextClinicOpening(seedClinicCalendar, Date.parse('2026-12-05T13:00:00.000Z'))!).toISOString(), '2026-12-07T00:00:00.000Z');
  // Monday's next clinic day is Wednesday (Tuesday is closed) at 09:00 JST.
  assert.equal(new Date(nextClinicDayStart(seedClinicCalendar, open)!).toISOString(), '2026-12-02T00:00:00.000Z');
});
