/**
 * Numerical first and second derivatives by central differences with Richardson extrapolation
 * (the scheme of R's numDeriv, which lmerTest uses): start step h = 10⁻³·max(|x|, 1),
 * and h/2, and extrapolate the O(h²) error away (two levels: the fixture tests agree with R to
 * ~10⁻⁷ in the df, as with four).
 */
// A larger first step than numDeriv's 1e-4 (scaled by max(|x|, 1)): the extrapolation removes the
// truncation error, and the larger step keeps rounding noise of the deviance out of the Hessian.
const D = 1e-3;
const R_STEPS = 2;

function steps(x: ReadonlyArray<number>): number[] {
  return x.map((v) => D * Math.max(Math.abs(v), 1));
}

function richardson(a: number[]): number {
  // a[k] computed with step h/2^k; errors in powers of h².
  let cur = [...a];
  for (let m = 1; m < cur.length; m++) {
    const f = Math.pow(4, m);
    const next: number[] = [];
    for (let k = 0; k + 1 < cur.length; k++) next.push((f * cur[k + 1] - cur[k]) / (f - 1));
    cur = next;
  }
  return cur[0];
}

/**
 * Jacobian of a vector-valued function: result[i][j] = ∂fᵢ/∂xⱼ.
 * @example jacobian((x) => [x[0] * x[1]], [2, 3]) // [[3, 2]]
 */
export function jacobian(f: (x: ReadonlyArray<number>) => ReadonlyArray<number>, x: ReadonlyArray<number>): number[][] {
  const h0 = steps(x);
  let rows: number[][] | null = null;
  for (let j = 0; j < x.length; j++) {
    const est: number[][] = [];
    for (let k = 0; k < R_STEPS; k++) {
      const h = h0[j] / Math.pow(2, k);
      const xp = [...x];
      const xm = [...x];
      xp[j] += h;
      xm[j] -= h;
      const fp = f(xp);
      const fm = f(xm);
      est.push(fp.map((v, i) => (v - fm[i]) / (2 * h)));
    }
    if (!rows) rows = est[0].map(() => new Array<number>(x.length).fill(0));
    for (let i = 0; i < rows.length; i++) rows[i][j] = richardson(est.map((e) => e[i]));
  }
  return rows ?? [];
}

/**
 * Gradient of a scalar function.
 * @example gradient((x) => x[0] ** 2, [3]) // [6]
 */
export function gradient(f: (x: ReadonlyArray<number>) => number, x: ReadonlyArray<number>): number[] {
  return jacobian((z) => [f(z)], x)[0];
}

/**
 * Hessian of a scalar function (symmetric).
 * @example hessian((x) => x[0] * x[1], [1, 1]) // [[0, 1], [1, 0]]
 */
export function hessian(f: (x: ReadonlyArray<number>) => number, x: ReadonlyArray<number>): number[][] {
  const k = x.length;
  const h0 = steps(x);
  const f0 = f(x);
  const H = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const at = (di: number, hi: number, dj: number, hj: number) => {
    const z = [...x];
    z[di] += hi;
    z[dj] += hj;
    return f(z);
  };
  for (let i = 0; i < k; i++) {
    const est: number[] = [];
    for (let s = 0; s < R_STEPS; s++) {
      const h = h0[i] / Math.pow(2, s);
      est.push((at(i, h, i, 0) - 2 * f0 + at(i, -h, i, 0)) / (h * h));
    }
    H[i][i] = richardson(est);
    for (let j = 0; j < i; j++) {
      const e2: number[] = [];
      for (let s = 0; s < R_STEPS; s++) {
        const hi = h0[i] / Math.pow(2, s);
        const hj = h0[j] / Math.pow(2, s);
        e2.push((at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) / (4 * hi * hj));
      }
      H[i][j] = H[j][i] = richardson(e2);
    }
  }
  return H;
}
