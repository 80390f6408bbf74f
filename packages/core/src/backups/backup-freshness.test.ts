import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backupFreshness } from './backup-freshness.ts';

const now = Date.parse('2026-12-07T01:00:00.000Z');

test('no backup, a fresh one, one just at the limit and one past it', () => {
  assert.deepEqual(backupFreshness({ lastFinishedAt: null, now }), { state: 'none', ageHours: null, warnHours: 24 });
  assert.deepEqual(backupFreshness({ lastFinishedAt: '2026-12-06T19:00:00.000Z', now }), { state: 'ok', ageHours: 6, warnHours: 24 });
  assert.equal(backupFreshness({ lastFinishedAt: '2026-12-06T01:00:00.000Z', now }).state, 'ok');
  assert.deepEqual(backupFreshness({ lastFinishedAt: '2026-12-06T00:59:59.000Z', now }), { state: 'stale', ageHours: 24, warnHours: 24 });
  assert.equal(backupFreshness({ lastFinishedAt: '2026-12-06T19:00:00.000Z', now, warnHours: 4 }).state, 'stale');
});
