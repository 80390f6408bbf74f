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

test('interval operations agree with a point-by-point model (property)', async () => {
  const fc = await import('fast-check');
  const iv = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
  const list = fc.array(iv, { maxLength: 6 });
  const points = (l: ReadonlyArray<readonly [number, number]>) => {
    const s = new Set<number>();
    for (const [a, b] of l) for (let x = a; x < b; x++) s.add(x);
    return s;
  };
  const asSet = (l: ReadonlyArray<readonly [number, number]>) => [...points(l)].sort((x, y) => x - y);
  fc.assert(
    fc.property(list, list, fc.integer({ min: 1, max: 3 }), (a, b, k) => {
      const na = normalizeIntervals(a);
      const nb = normalizeIntervals(b);
      const pa = points(a);
      const pb = points(b);
      assert.deepEqual(asSet(na), [...pa].sort((x, y) => x - y));
      assert.deepEqual(asSet(intersectIntervals(na, nb)), [...pa].filter((x) => pb.has(x)).sort((x, y) => x - y));
      assert.deepEqual(asSet(subtractIntervals(na, nb)), [...pa].filter((x) => !pb.has(x)).sort((x, y) => x - y));
      const depth = (x: number) => a.filter(([s, e]) => s <= x && x < e).length;
      const expected = Array.from({ length: 41 }, (_, x) => x).filter((x) => depth(x) >= k);
      assert.deepEqual(asSet(coveredAtLeast(a, k)), expected);
      for (let x = 0; x <= 40; x++) assert.equal(intervalsContain(na, x), pa.has(x));
    }),
    { numRuns: 300, seed: 4 },
  );
});
