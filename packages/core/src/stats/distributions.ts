/**
 * The probability distributions the statistics module needs, as thin wrappers over the @stdlib
 * single-function packages. They keep R's positional signatures (`qbeta(p, a, b)`), which every
 * reader of the R references knows, rather than options objects. Tail probabilities are computed directly (never `1 - cdf`) where it
 * matters for small p-values, as R does.
 */
import betainc from '@stdlib/math-base-special-betainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import chisqCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Standard normal CDF, P(Z ≤ z). @example pnorm(1.96) // ≈ 0.975 */
export function pnorm(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Standard normal quantile. @example qnorm(0.975) // ≈ 1.959964 */
export function qnorm(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Two-sided normal p-value, 2·P(Z ≥ |z|). @example twoSidedNormalP(1.96) // ≈ 0.05 */
export function twoSidedNormalP(z: number): number {
  return 2 * pnorm(-Math.abs(z));
}

/** Student t CDF, P(T ≤ t) with `df` degrees of freedom. @example pt(0, 5) // 0.5 */
export function pt(t: number, df: number): number {
  return tCdf(t, df);
}

/** Student t quantile. @example qt(0.975, 17) // ≈ 2.109816 */
export function qt(p: number, df: number): number {
  return tQuantile(p, df);
}

/**
 * Two-sided t p-value, 2·P(T ≥ |t|), through the incomplete beta function so that tiny p-values
 * keep their relative precision (as R's `pt(-abs(t), df) * 2`).
 * @example twoSidedTP(2.109816, 17) // ≈ 0.05
 */
export function twoSidedTP(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? NaN : 0;
  if (df === Infinity) return twoSidedNormalP(t);
  return betainc(df / (df + t * t), df / 2, 0.5, true, false);
}

/** Upper tail of the chi-square distribution, P(X ≥ x). @example pchisqUpper(3.841459, 1) // ≈ 0.05 */
export function pchisqUpper(x: number, df: number): number {
  if (x <= 0) return 1;
  if (df === 1) return 2 * pnorm(-Math.sqrt(x));
  return 1 - chisqCdf(x, df);
}

/** Chi-square quantile. @example qchisq(0.95, 1) // ≈ 3.841459 */
export function qchisq(p: number, df: number): number {
  return chisqQuantile(p, df);
}

/** Upper tail of the F distribution. @example pfUpper(1, 1, 1) // 0.5 */
export function pfUpper(x: number, df1: number, df2: number): number {
  if (x <= 0) return 1;
  // P(F > x) = I_{df2/(df2+df1 x)}(df2/2, df1/2)
  return betainc(df2 / (df2 + df1 * x), df2 / 2, df1 / 2, true, false);
}

/** F CDF. @example pf(1, 1, 1) // 0.5 */
export function pf(x: number, df1: number, df2: number): number {
  return fCdf(x, df1, df2);
}

/** Beta quantile. @example qbeta(0.5, 1, 1) // 0.5 */
export function qbeta(p: number, a: number, b: number): number {
  return betaQuantile(p, a, b);
}

/** Gamma quantile with rate 1 (R's `qgamma(p, shape)`). @example qgamma(0.5, 1) // ≈ 0.693147 */
export function qgamma(p: number, shape: number): number {
  return gammaQuantile(p, shape, 1);
}

/** log Γ(x). @example lgamma(5) // ≈ log(24) */
export function lgamma(x: number): number {
  return gammaln(x);
}
