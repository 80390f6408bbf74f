import { pnorm } from './distributions.ts';

/**
 * Null distribution of Spearman's statistic S = Σ dᵢ² (d = rank differences, no ties) for n values,
 * by algorithm AS 89 (Best & Roberts, Applied Statistics 24:377, 1975), as R's `cor.test` uses it:
 * exact enumeration of the n! permutations for n ≤ 9, otherwise the Edgeworth series with the
 * paper's coefficients. Returns P(S ≥ s), or P(S < s) when `lowerTail`.
 * @example spearmanTail({ s: 0, n: 5, lowerTail: false }) // 1
 */
export function spearmanTail(input: { readonly s: number; readonly n: number; readonly lowerTail: boolean }): number {
  const { s, n, lowerTail } = input;
  if (n <= 1) return lowerTail ? 0 : 1;
  if (s <= 0) return lowerTail ? 0 : 1;
  const max = (n * (n * n - 1)) / 3;
  if (s > max) return lowerTail ? 1 : 0;
  if (n <= 9) {
    // Count permutations π with Σ (i − π(i))² ≥ s (Heap's algorithm over all n! orders).
    const perm = Array.from({ length: n }, (_, i) => i);
    const c = new Array<number>(n).fill(0);
    let total = 0;
    let atLeast = 0;
    const visit = () => {
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (i - perm[i]) * (i - perm[i]);
      total++;
      if (ss >= s) atLeast++;
    };
    visit();
    let i = 0;
    while (i < n) {
      if (c[i] < i) {
        const j = i % 2 === 0 ? 0 : c[i];
        const t = perm[j]; perm[j] = perm[i]; perm[i] = t;
        visit();
        c[i]++;
        i = 0;
      } else {
        c[i] = 0;
        i++;
      }
    }
    return (lowerTail ? total - atLeast : atLeast) / total;
  }
  const b = 1 / n;
  const x = ((6 * (s - 1) * b) / (n * n - 1) - 1) * Math.sqrt(n - 1);
  const y = x * x;
  // Edgeworth correction terms (AS 89 coefficients).
  const u = x * b * (0.2274 + b * (0.2531 + 0.1745 * b)
    + y * (-0.0758 + b * (0.1033 + 0.3932 * b)
      - y * b * (0.0879 + 0.0151 * b - y * (0.0072 - 0.0831 * b + y * b * (0.0131 - 4.6e-4 * y)))));
  const corr = u / Math.exp(y / 2);
  const p = (lowerTail ? -corr : corr) + (lowerTail ? pnorm(x) : pnorm(-x));
  return Math.min(1, Math.max(0, p));
}
