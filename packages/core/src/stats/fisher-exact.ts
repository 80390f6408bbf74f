import { statsError } from './stats-error.ts';

export interface FisherExactResult {
  /** Two-sided p-value: sum of the table probabilities no larger than the observed one. */
  readonly p: number;
  /** Sample odds ratio (a·d)/(b·c). */
  readonly sampleOddsRatio: number;
  /** Conditional maximum-likelihood odds ratio (R's `fisher.test` estimate). */
  readonly oddsRatio: number;
  /** Exact conditional 95% interval for the odds ratio (R's `fisher.test` conf.int). */
  readonly ci95: readonly [number, number];
}

/** The conditional (non-central hypergeometric) distribution of a given the margins. */
function conditional(m: number, n: number, k: number) {
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  // log of the central hypergeometric weights by the exact ratio recurrence (no overflow).
  const logdc: number[] = [0];
  for (let x = lo; x < hi; x++) logdc.push(logdc[logdc.length - 1] + Math.log(((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1))));
  const support = logdc.map((_, i) => lo + i);
  const dn = (ncp: number) => {
    const d = logdc.map((l, i) => l + Math.log(ncp) * support[i]);
    const mx = Math.max(...d);
    const e = d.map((v) => Math.exp(v - mx));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  };
  const mean = (ncp: number) => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    return dn(ncp).reduce((s, d, i) => s + d * support[i], 0);
  };
  const cdf = (q: number, ncp: number, upper: boolean) => {
    if (ncp === 0) return upper ? Number(q <= lo) : Number(q >= lo);
    if (ncp === Infinity) return upper ? Number(q <= hi) : Number(q >= hi);
    return dn(ncp).reduce((s, d, i) => s + ((upper ? support[i] >= q : support[i] <= q) ? d : 0), 0);
  };
  return { lo, hi, dn, mean, cdf };
}

/** Root of a monotone function on [a, b] by bisection to full double precision. */
function bisect(f: (t: number) => number, a: number, b: number): number {
  let fa = f(a);
  for (let i = 0; i < 200; i++) {
    const mid = (a + b) / 2;
    if (mid === a || mid === b) break;
    const fm = f(mid);
    if ((fm < 0) === (fa < 0)) { a = mid; fa = fm; } else b = mid;
  }
  return (a + b) / 2;
}

const EPS = 2.220446049250313e-16;

/**
 * Fisher's exact test for a 2 × 2 table [[a, b], [c, d]], as R's `fisher.test`: two-sided p (tables
 * whose probability is at most the observed one times 1 + 1e-7 count as "as extreme"), the
 * conditional MLE of the odds ratio and its exact 95% interval. R finds the roots with `uniroot`
 * (tolerance ≈ 1e-4); here they are solved to full precision.
 * @example fisherExact([[3, 1], [1, 3]]).p // 0.4857…
 */
export function fisherExact(table: readonly [readonly [number, number], readonly [number, number]]): FisherExactResult {
  const [[a, b], [c, d]] = table;
  if ([a, b, c, d].some((v) => !Number.isInteger(v) || v < 0)) throw statsError('table entries must be non-negative whole numbers');
  const m = a + c; // first column total
  const n = b + d; // second column total
  const k = a + b; // first row total
  if (m === 0 || n === 0 || k === 0 || k === m + n) throw statsError('a row or column total is zero; the odds ratio is undefined');
  const h = conditional(m, n, k);
  const prob = h.dn(1);
  const obs = prob[a - h.lo];
  let p = 0;
  for (const q of prob) if (q <= obs * (1 + 1e-7)) p += q;

  const x = a;
  let or: number;
  if (x === h.lo) or = 0;
  else if (x === h.hi) or = Infinity;
  else {
    const mu = h.mean(1);
    if (mu > x) or = bisect((t) => h.mean(t) - x, 0, 1);
    else if (mu < x) or = 1 / bisect((t) => h.mean(1 / t) - x, EPS, 1);
    else or = 1;
  }
  const alpha = 0.025;
  const upperLimit = () => {
    if (x === h.hi) return Infinity;
    const q = h.cdf(x, 1, false);
    if (q < alpha) return bisect((t) => h.cdf(x, t, false) - alpha, 0, 1);
    if (q > alpha) return 1 / bisect((t) => h.cdf(x, 1 / t, false) - alpha, EPS, 1);
    return 1;
  };
  const lowerLimit = () => {
    if (x === h.lo) return 0;
    const q = h.cdf(x, 1, true);
    if (q > alpha) return bisect((t) => h.cdf(x, t, true) - alpha, 0, 1);
    if (q < alpha) return 1 / bisect((t) => h.cdf(x, 1 / t, true) - alpha, EPS, 1);
    return 1;
  };
  return { p: Math.min(1, p), sampleOddsRatio: (a * d) / (b * c), oddsRatio: or, ci95: [lowerLimit(), upperLimit()] };
}
