import { inverseSpd, quadForm } from './linear-algebra.ts';
import { hessian, jacobian } from './numeric-derivatives.ts';
import { statsError } from './stats-error.ts';

/** Satterthwaite df for linear contrasts of the fixed effects of a fitted (mixed) model. */
export interface Satterthwaite {
  /** df of the contrast Lβ (L of length p). */
  readonly df: (L: ReadonlyArray<number>) => number;
  /** Asymptotic covariance of the variance parameters: 2 · H⁻¹ (H = Hessian of the deviance). */
  readonly vcovVarpar: Float64Array;
}

/**
 * lmerTest's Satterthwaite method: with C(φ) = cov(β̂) as a function of the variance parameters φ
 * and A = 2·H⁻¹ (H the Hessian of −2 log-likelihood in φ at the optimum),
 * df(L) = 2 (L C Lᵀ)² / (gᵀ A g), gₖ = L (∂C/∂φₖ) Lᵀ. Derivatives are numerical (Richardson); with
 * an analytic `gradient` of the deviance the Hessian is its Jacobian (k gradients instead of k²
 * deviances, and less rounding noise).
 * @example satterthwaite({ varpar, covBeta, deviance, p }).df([0, 1])
 */
export function satterthwaite(input: {
  readonly varpar: ReadonlyArray<number>;
  readonly covBeta: (varpar: ReadonlyArray<number>) => ReadonlyArray<number>;
  readonly deviance: (varpar: ReadonlyArray<number>) => number;
  readonly gradient?: (varpar: ReadonlyArray<number>) => ReadonlyArray<number>;
  readonly p: number;
}): Satterthwaite {
  const { varpar, p } = input;
  const k = varpar.length;
  const H = input.gradient ? symmetric(jacobian(input.gradient, varpar)) : hessian(input.deviance, varpar);
  const Hf = Float64Array.from(H.flat());
  const Hinv = inverseSpd(Hf, k);
  if (!Hinv) throw statsError('the Hessian of the likelihood is not positive definite at the optimum (a variance parameter is at its boundary?); Satterthwaite df are not available');
  const A = Hinv.map((v) => 2 * v);
  const J = jacobian(input.covBeta, varpar); // (p·p) × k
  const C = input.covBeta(varpar);
  return {
    vcovVarpar: A,
    df(L) {
      const v = quadForm(L, Float64Array.from(C), L, p);
      const g = new Float64Array(k);
      for (let j = 0; j < k; j++) g[j] = quadForm(L, Float64Array.from(J.map((row) => row[j])), L, p);
      return (2 * v * v) / quadForm(g, A, g, k);
    },
  };
}

function symmetric(J: number[][]): number[][] {
  return J.map((row, i) => row.map((v, j) => (v + J[j][i]) / 2));
}

/** Below this a Satterthwaite df says that the data cannot estimate the uncertainty at all. */
export const MIN_SATTERTHWAITE_DF = 1;

/**
 * Refuses a Satterthwaite df below 1 (a t-distribution wider than Cauchy; with the df near 0 the
 * "p-value" is 1 and the interval infinite, whatever the data), naming the estimate.
 * @example requireUsableDf('time', 12.5) // passes; requireUsableDf('time', 3e-8) throws
 */
export function requireUsableDf(name: string, df: number): void {
  if (!(df >= MIN_SATTERTHWAITE_DF)) {
    throw statsError(`the Satterthwaite df of "${name}" is ${Number.isFinite(df) ? df.toPrecision(2) : df}, below ${MIN_SATTERTHWAITE_DF}: these data are too few to estimate its uncertainty`, { coefficient: name });
  }
}
