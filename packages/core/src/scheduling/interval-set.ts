/**
 * Interval arithmetic on half-open integer intervals `[start, end)` (epoch milliseconds or minutes).
 * Availability is computed with these — a handful of intervals per resource and day — rather than
 * with minute grids, which keeps three months of one service cheap.
 */

/** A half-open interval `[start, end)`; empty when `end <= start`. */
export type Interval = readonly [start: number, end: number];

/**
 * Sorts intervals and merges those that overlap or touch; drops empty ones.
 *
 * @example
 * normalizeIntervals([[5, 8], [1, 3], [3, 4]]); // [[1, 4], [5, 8]]
 */
export function normalizeIntervals(list: ReadonlyArray<Interval>): ReadonlyArray<Interval> {
  const sorted = list.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * The intersection of two normalized interval lists.
 *
 * @example
 * intersectIntervals([[0, 10]], [[2, 4], [8, 12]]); // [[2, 4], [8, 10]]
 */
export function intersectIntervals(a: ReadonlyArray<Interval>, b: ReadonlyArray<Interval>): ReadonlyArray<Interval> {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (hi > lo) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/**
 * `a` without the points of `b` (both normalized).
 *
 * @example
 * subtractIntervals([[0, 10]], [[2, 4]]); // [[0, 2], [4, 10]]
 */
export function subtractIntervals(a: ReadonlyArray<Interval>, b: ReadonlyArray<Interval>): ReadonlyArray<Interval> {
  const out: Interval[] = [];
  let j = 0;
  for (const [a0, a1] of a) {
    let lo = a0;
    while (j < b.length && b[j][1] <= lo) j++;
    let k = j;
    while (k < b.length && b[k][0] < a1) {
      if (b[k][0] > lo) out.push([lo, b[k][0]]);
      lo = Math.max(lo, b[k][1]);
      k++;
    }
    if (a1 > lo) out.push([lo, a1]);
  }
  return out;
}

/**
 * The points covered by at least `k` of the given intervals (which need not be normalized).
 * Used for capacity (busy where bookings ≥ capacity) and for "k staff of this role free".
 *
 * @example
 * coveredAtLeast([[0, 10], [5, 15], [8, 9]], 2); // [[5, 10]]
 */
export function coveredAtLeast(list: ReadonlyArray<Interval>, k: number): ReadonlyArray<Interval> {
  if (k <= 0) return [[-Infinity, Infinity]];
  const events: Array<readonly [number, number]> = [];
  for (const [a, b] of list) {
    if (b > a) {
      events.push([a, 1], [b, -1]);
    }
  }
  // Ends before starts at the same point: half-open intervals that touch do not overlap.
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Interval[] = [];
  let depth = 0;
  let openedAt = 0;
  for (const [at, delta] of events) {
    const before = depth;
    depth += delta;
    if (before < k && depth >= k) openedAt = at;
    else if (before >= k && depth < k && at > openedAt) out.push([openedAt, at]);
  }
  return normalizeIntervals(out);
}

/** Whether point `t` lies in one of the normalized intervals. */
export function intervalsContain(list: ReadonlyArray<Interval>, t: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t < list[mid][0]) hi = mid - 1;
    else if (t >= list[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}
