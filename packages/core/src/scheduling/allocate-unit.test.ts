import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateUnit, occupiedSpan } from './allocate-unit.ts';

test('a booking takes the lowest free unit of a resource', () => {
  assert.equal(allocateUnit({ capacity: 1, taken: [] }), 0);
  assert.equal(allocateUnit({ capacity: 3, taken: [{ unitNo: 0, appointmentId: 'a' }, { unitNo: 2, appointmentId: 'b' }] }), 1);
  assert.equal(allocateUnit({ capacity: 3, taken: [{ unitNo: 1, appointmentId: 'a' }] }), 0);
});

test('a full resource has no unit to give', () => {
  assert.equal(allocateUnit({ capacity: 2, taken: [{ unitNo: 0, appointmentId: 'a' }, { unitNo: 1, appointmentId: 'b' }] }), null);
  assert.equal(allocateUnit({ capacity: 0, taken: [] }), null);
});

test('an appointment being changed does not block its own unit', () => {
  const taken = [{ unitNo: 0, appointmentId: 'me' }, { unitNo: 1, appointmentId: 'other' }];
  assert.equal(allocateUnit({ capacity: 2, taken }), null);
  assert.equal(allocateUnit({ capacity: 2, taken, excludeAppointmentId: 'me' }), 0);
  assert.equal(allocateUnit({ capacity: 2, taken, excludeAppointmentId: 'other' }), 1);
});

test('units are held for the appointment plus the service buffers', () => {
  const start = Date.parse('2026-12-01T01:00:00Z');
  const end = Date.parse('2026-12-01T02:00:00Z');
  assert.deepEqual(occupiedSpan({ startMs: start, endMs: end }, {}), { fromMs: start, toMs: end });
  assert.deepEqual(occupiedSpan({ startMs: start, endMs: end }, { bufferBeforeMinutes: 10, bufferAfterMinutes: 15 }), {
    fromMs: Date.parse('2026-12-01T00:50:00Z'),
    toMs: Date.parse('2026-12-01T02:15:00Z'),
  });
});
