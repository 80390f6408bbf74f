/** Summary of one numeric variable; missing values (`null`, `NaN`) are counted, not used. */
export interface Descriptives {
  readonly n: number;
  readonly nMissing: number;
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
  /** First and third quartiles, R's default quantile type 7. */
  readonly q1: number;
  readonly q3: number;
  readonly iqr: number;
  readonly min: number;
  readonly max: number;
}

/** Sum with Neumaier compensation, so means of long columns do not drift. */
export function sum(xs: ReadonlyArray<number>): number {
  let s = 0;
  let c = 0;
  for (const x of xs) {
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** Arithmetic mean. @example mean([1, 2, 3]) // 2 */
export function mean(xs: ReadonlyArray<number>): number {
  if (xs.length === 0) return NaN;
  const m = sum(xs) / xs.length;
  // R's mean.default refines with a second pass.
  return m + sum(xs.map((x) => x - m)) / xs.length;
}

/** Sample variance (denominator n − 1). @example variance([1, 2, 3, 4]) // 1.6666… */
export function variance(xs: ReadonlyArray<number>): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return sum(xs.map((x) => (x - m) * (x - m))) / (xs.length - 1);
}

/** Sample standard deviation (denominator n − 1). @example sd([1, 2, 3, 4]) // 1.2909… */
export function sd(xs: ReadonlyArray<number>): number {
  return Math.sqrt(variance(xs));
}

/**
 * Quantile by R's default definition (type 7: linear interpolation between order statistics).
 * @example quantile([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantile(xs: ReadonlyArray<number>, p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** True for a usable number (not null/undefined/NaN/±Infinity). */
export function isPresent(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Mean, SD, median, quartiles (type 7) and IQR of the present values, and how many were missing.
 * @example describe([1, 2, null, 4]).nMissing // 1
 */
export function describe(values: ReadonlyArray<number | null | undefined>): Descriptives {
  const xs = values.filter(isPresent);
  const q1 = quantile(xs, 0.25);
  const q3 = quantile(xs, 0.75);
  return {
    n: xs.length,
    nMissing: values.length - xs.length,
    mean: mean(xs),
    sd: sd(xs),
    median: quantile(xs, 0.5),
    q1,
    q3,
    iqr: q3 - q1,
    min: xs.length ? Math.min(...xs) : NaN,
    max: xs.length ? Math.max(...xs) : NaN,
  };
}
