import { statsError } from './stats-error.ts';

/**
 * Refuses a model with no more observations than parameters (fixed effects plus variance or
 * covariance parameters): every parameter needs an observation beyond it. Fitted anyway, such data
 * give an optimum and Satterthwaite df near 0 that look like results but mean nothing.
 * @example requireEnoughObservations({ n: 3, fixed: 2, variance: 2 }) // throws: needs at least 5
 */
export function requireEnoughObservations(input: { readonly n: number; readonly fixed: number; readonly variance: number }): void {
  const { n, fixed, variance } = input;
  const k = fixed + variance;
  if (n <= k) {
    throw statsError(`${n} observations are too few for a model with ${fixed} fixed effect${fixed === 1 ? '' : 's'} and ${variance} variance parameter${variance === 1 ? '' : 's'}: it needs at least ${k + 1}`, { n, parameters: k });
  }
}
