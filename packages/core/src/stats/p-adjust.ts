/**
 * Holm's step-down adjustment of p-values (R's `p.adjust(p, "holm")`), in the input order.
 * @example holm([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holm(p: ReadonlyArray<number>): number[] {
  const n = p.length;
  const o = p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
  const out = new Array<number>(n);
  let run = -Infinity;
  o.forEach((idx, i) => {
    run = Math.max(run, (n - i) * p[idx]);
    out[idx] = Math.min(1, run);
  });
  return out;
}

/**
 * Benjamini–Hochberg false-discovery-rate adjustment (R's `p.adjust(p, "BH")`), in the input order.
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(p: ReadonlyArray<number>): number[] {
  const n = p.length;
  const o = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || b - a);
  const out = new Array<number>(n);
  let run = Infinity;
  o.forEach((idx, j) => {
    const i = n - j;
    run = Math.min(run, (n / i) * p[idx]);
    out[idx] = Math.min(1, run);
  });
  return out;
}
