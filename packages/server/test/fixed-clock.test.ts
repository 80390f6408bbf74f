import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockFromEnv, shiftedClock, systemClock } from '../src/clock.ts';

test('without MIMAMORI_FIXED_NOW the server runs on the system clock', () => {
  assert.equal(clockFromEnv({}, 0).clock, systemClock);
  assert.equal(clockFromEnv({ MIMAMORI_FIXED_NOW: '  ' }, 0).fixed, null);
});

test('MIMAMORI_FIXED_NOW starts the clock at that instant when the process started, and time runs on', () => {
  let wall = 1_000_000;
  const clock = shiftedClock(Date.parse('2026-12-07T01:00:00Z'), 1_000_000, () => wall);
  assert.equal(clock().toISOString(), '2026-12-07T01:00:00.000Z');
  wall += 90_000;
  assert.equal(clock().toISOString(), '2026-12-07T01:01:30.000Z');
  const fromEnv = clockFromEnv({ MIMAMORI_FIXED_NOW: '2027-04-28T10:00:00+09:00' }, Date.now());
  assert.equal(fromEnv.fixed, '2027-04-28T01:00:00.000Z');
  assert.ok(Math.abs(fromEnv.clock().getTime() - Date.parse('2027-04-28T01:00:00Z')) < 60_000);
});

test('a fixed clock is refused in production and when the instant is incomplete', () => {
  assert.throws(() => clockFromEnv({ MIMAMORI_FIXED_NOW: '2026-12-07T01:00:00Z', NODE_ENV: 'production' }, 0), /NODE_ENV=production/);
  for (const bad of ['2026-12-07', '2026-12-07T10:00:00', 'tomorrow', '2026-13-40T10:00:00Z']) {
    assert.throws(() => clockFromEnv({ MIMAMORI_FIXED_NOW: bad }, 0), /not an ISO 8601 instant/, bad);
  }
});
