import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answersCache, createCacheGroup } from '../../src/services/scheduling/availability-cache.ts';

test('availability cache: requests missing it together share one computation; a write clears it at once', async () => {
  const group = createCacheGroup();
  const cachedJson = answersCache(group);
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
  group.invalidate();
  assert.equal((await cachedJson('k', 20_001, compute)).body.toString(), '{"n":4}');
});

test('availability cache: each group is emptied by its own writes only', async () => {
  const a = createCacheGroup();
  const b = createCacheGroup();
  const inA = answersCache(a);
  const inB = answersCache(b);
  let n = 0;
  const compute = async () => ({ n: ++n });
  assert.equal((await inA('k', 1_000, compute)).body.toString(), '{"n":1}');
  assert.equal((await inB('k', 1_000, compute)).body.toString(), '{"n":2}', 'the same key in another group is computed afresh');
  a.invalidate();
  assert.equal((await inA('k', 1_001, compute)).body.toString(), '{"n":3}');
  assert.equal((await inB('k', 1_001, compute)).body.toString(), '{"n":2}', 'a write in one group leaves the other as it was');
});
