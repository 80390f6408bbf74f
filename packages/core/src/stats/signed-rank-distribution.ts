/**
 * Exact null distribution of the Wilcoxon signed-rank statistic V for n untied, non-zero
 * differences (R's `psignrank`): counts of subsets of 1..n with each rank sum.
 */
function signedRankCounts(n: number): Float64Array {
  const max = (n * (n + 1)) / 2;
  const w = new Float64Array(max + 1);
  w[0] = 1;
  let top = 0;
  for (let k = 1; k <= n; k++) {
    top += k;
    for (let s = top; s >= k; s--) w[s] += w[s - k];
  }
  return w;
}

/**
 * P(V ≤ q) (or P(V > q) when `lowerTail` is false) under H0, summed over the shorter tail as R does.
 * @example psignrank({ q: 0, n: 3 }) // 0.125
 */
export function psignrank(input: { readonly q: number; readonly n: number; readonly lowerTail?: boolean }): number {
  const { q, n } = input;
  const lowerTail = input.lowerTail ?? true;
  let x = Math.round(q + 1e-7);
  if (x < 0) return lowerTail ? 0 : 1;
  if (x >= (n * (n + 1)) / 2) return lowerTail ? 1 : 0;
  const w = signedRankCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let p = 0;
  let lower = lowerTail;
  if (x <= (n * (n + 1)) / 4) {
    for (let i = 0; i <= x; i++) p += w[i] * f;
  } else {
    x = (n * (n + 1)) / 2 - x;
    for (let i = 0; i < x; i++) p += w[i] * f;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}
