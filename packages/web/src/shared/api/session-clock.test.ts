/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockFromSession, endsByAbsoluteLimit, sessionEndsAt, sessionPhase } from './session-clock.ts';

const MIN = 60_000;
const t0 = Date.parse('2026-05-01T01:00:00Z');

test('warns two minutes before the idle end, then expires', () => {
  const clock = clockFromSession({
    idleExpiresAt: '2026-05-01T01:30:00Z',
    absoluteExpiresAt: '2026-05-01T13:00:00Z',
    serverNow: t0,
    localNow: t0,
  });
  assert.equal(sessionPhase(clock, t0 + 27 * MIN), 'active');
  assert.equal(sessionPhase(clock, t0 + 28 * MIN), 'warning');
  assert.equal(sessionPhase(clock, t0 + 30 * MIN), 'expired');
  assert.equal(endsByAbsoluteLimit(clock), false);
});

test('a skewed local clock does not move the warning', () => {
  const skew = 7 * MIN; // the PC runs 7 minutes fast
  const clock = clockFromSession({
    idleExpiresAt: '2026-05-01T01:30:00Z',
    absoluteExpiresAt: '2026-05-01T01:20:00Z',
    serverNow: t0,
    localNow: t0 + skew,
  });
  assert.equal(sessionEndsAt(clock), t0 + skew + 20 * MIN);
  assert.equal(endsByAbsoluteLimit(clock), true);
  assert.equal(sessionPhase(clock, t0 + skew + 18 * MIN + 1), 'warning');
});

test('activity moves the idle end but never the absolute end', () => {
  const clock = clockFromSession({
    idleExpiresAt: '2026-05-01T01:30:00Z',
    absoluteExpiresAt: '2026-05-01T01:45:00Z',
    serverNow: t0,
    localNow: t0,
  });
  const later = { ...clock, lastActivityAt: t0 + 25 * MIN };
  assert.equal(sessionEndsAt(later), t0 + 45 * MIN);
  assert.equal(sessionPhase(later, t0 + 44 * MIN), 'warning');
});
