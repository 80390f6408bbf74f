import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coveredAtLeast, intersectIntervals, intervalsContain, normalizeIntervals, subtractIntervals } from './interval-set.ts';

test('normalize merges touching and overlapping intervals', () => {
  assert.deepEqual(normalizeIntervals([[5, 8], [1, 3], [3, 4], [7, 9], [10, 10]]), [[1, 4], [5, 9]]);
});

test('intersect and subtract', () => {
  assert.deepEqual(intersectIntervals([[0, 10], [20, 30]], [[5, 25]]), [[5, 10], [20, 25]]);
  assert.deepEqual(subtractIntervals([[0, 10], [20, 30]], [[5, 25]]), [[0, 5], [25, 30]]);
  assert.deepEqual(subtractIntervals([[0, 10]], [[0, 10]]), []);
  assert.deepEqual(subtractIntervals([[0, 10]], [[-5, 1], [3, 4], [9, 20]]), [[1, 3], [4, 9]]);
});

test('coverage counts overlapping intervals; touching ones do not overlap', () => {
  assert.deepEqual(coveredAtLeast([[0, 10], [5, 15], [8, 9]], 2), [[5, 10]]);
  assert.deepEqual(coveredAtLeast([[0, 10], [10, 20]], 2), []);
  assert.deepEqual(coveredAtLeast([[0, 10], [5, 15], [8, 9]], 3), [[8, 9]]);
  assert.deepEqual(coveredAtLeast([[0, 10], [10, 20]], 1), [[0, 20]]);
});

test('contain is half-open', () => {
  const l = normalizeIntervals([[0, 10], [20, 30]]);
  assert.ok(intervalsContain(l, 0));
  assert.ok(!intervalsContain(l, 10));
  assert.ok(intervalsContain(l, 29));
  assert.ok(!intervalsContain(l, 15));
});
