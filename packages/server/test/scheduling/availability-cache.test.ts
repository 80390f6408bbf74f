import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bumpSchedulingGeneration, cachedJson } from '../../src/services/scheduling/availability-cache.ts';

test('availability cache: requests missing it together share one computation; a write clears it at once', async () => {
  bumpSchedulingGeneration();
  let computed = 0;
  const compute = async () => {
    computed++;
    await new Promise((r) => setTimeout(r, 20));
    return { n: computed };
  };
  const first = await Promise.all(Array.from({ length: 50 }, () => cachedJson('k', 1_000, compute)));
  assert.equal(computed, 1, '50 simultaneous misses compute once');
  assert.ok(first.every((b) => b.body.toString() === '{"n":1}'));
  // Just past its time: served while one request computes the next answer.
  const later = await Promise.all(Array.from({ length: 50 }, () => cachedJson('k', 3_500, compute)));
  assert.equal(computed, 2);
  assert.ok(later.filter((b) => b.body.toString() === '{"n":1}').length >= 49, 'the others get the previous answer meanwhile');
  assert.equal((await cachedJson('k', 3_600, compute)).body.toString(), '{"n":2}');
  // Long past its time: never served.
  assert.equal((await cachedJson('k', 20_000, compute)).body.toString(), '{"n":3}');
  // A booking (a write) makes the next request compute, whatever the age.
  bumpSchedulingGeneration();
  assert.equal((await cachedJson('k', 20_001, compute)).body.toString(), '{"n":4}');
});
