/**
 * Exact null distribution of the Mann–Whitney statistic W = (rank sum of x) − m(m+1)/2 for m and n
 * untied values (R's `pwilcox`).
 */
function rankSumCounts(m: number, n: number): Float64Array {
  // dp[j][s]: ways to choose j of the first i ranks with (sum of chosen ranks − j(j+1)/2) = s
  const max = m * n;
  let dp: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(max + 1));
  dp[0][0] = 1;
  for (let i = 1; i <= m + n; i++) {
    const next = dp.map((row) => Float64Array.from(row));
    for (let j = 1; j <= Math.min(i, m); j++) {
      // choosing rank i as the j-th chosen element adds i − j to the offset sum
      const add = i - j;
      if (add > n) continue;
      const from = dp[j - 1];
      const to = next[j];
      for (let s = 0; s + add <= max; s++) if (from[s] !== 0) to[s + add] += from[s];
    }
    dp = next;
  }
  return dp[m];
}

function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/**
 * P(W ≤ q) (or P(W > q) when `lowerTail` is false) under H0, as R's `pwilcox`.
 * @example pwilcox({ q: 0, m: 2, n: 2 }) // 1/6
 */
export function pwilcox(input: { readonly q: number; readonly m: number; readonly n: number; readonly lowerTail?: boolean }): number {
  const { q, m, n } = input;
  const lowerTail = input.lowerTail ?? true;
  let x = Math.round(q + 1e-7);
  if (x < 0) return lowerTail ? 0 : 1;
  if (x >= m * n) return lowerTail ? 1 : 0;
  const w = rankSumCounts(m, n);
  const c = choose(m + n, n);
  let p = 0;
  let lower = lowerTail;
  if (x <= (m * n) / 2) {
    for (let i = 0; i <= x; i++) p += w[i] / c;
  } else {
    x = m * n - x;
    for (let i = 0; i < x; i++) p += w[i] / c;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}
