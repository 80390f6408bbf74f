import { cholesky, choleskySolve } from './linear-algebra.ts';

export type Objective = (x: ReadonlyArray<number>) => number;

export interface OptimResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  readonly iterations: number;
  /** Largest |gradient| component over the free parameters at the end (NaN if not computed). */
  readonly gradientNorm: number;
  readonly converged: boolean;
  readonly message: string;
}

function project(x: number[], lower?: ReadonlyArray<number>): number[] {
  if (!lower) return x;
  return x.map((v, i) => Math.max(v, lower[i]));
}

/**
 * Nelder–Mead simplex minimiser with simple box handling (points are projected onto the lower
 * bounds). Robust start for the low-dimensional variance parameters of a mixed model.
 * @example nelderMead((x) => (x[0] - 1) ** 2, [0]).x[0] // ≈ 1
 */
export function nelderMead(f: Objective, x0: ReadonlyArray<number>, options: { readonly lower?: ReadonlyArray<number>; readonly maxEvaluations?: number; readonly step?: number; readonly ftol?: number } = {}): OptimResult {
  const n = x0.length;
  const maxEval = options.maxEvaluations ?? 2000;
  const ftol = options.ftol ?? 1e-10;
  let evals = 0;
  const F = (x: number[]) => { evals++; const v = f(x); return Number.isFinite(v) ? v : Infinity; };
  const simplex: number[][] = [project([...x0], options.lower)];
  for (let i = 0; i < n; i++) {
    const p = [...x0];
    const s = options.step ?? 0.25;
    p[i] = p[i] !== 0 ? p[i] + s * Math.max(Math.abs(p[i]), 0.1) : s;
    simplex.push(project(p, options.lower));
  }
  let values = simplex.map(F);
  let iter = 0;
  while (evals < maxEval) {
    iter++;
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const s2 = order.map((i) => simplex[i]);
    const v2 = order.map((i) => values[i]);
    simplex.splice(0, simplex.length, ...s2);
    values = v2;
    if (Math.abs(values[n] - values[0]) <= ftol * (Math.abs(values[0]) + ftol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const along = (t: number) => project(centroid.map((c, j) => c + t * (simplex[n][j] - c)), options.lower);
    const xr = along(-1);
    const fr = F(xr);
    if (fr < values[0]) {
      const xe = along(-2);
      const fe = F(xe);
      if (fe < fr) { simplex[n] = xe; values[n] = fe; } else { simplex[n] = xr; values[n] = fr; }
    } else if (fr < values[n - 1]) {
      simplex[n] = xr; values[n] = fr;
    } else {
      const xc = fr < values[n] ? along(-0.5) : along(0.5);
      const fc = F(xc);
      if (fc < Math.min(fr, values[n])) { simplex[n] = xc; values[n] = fc; } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = project(simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j])), options.lower);
          values[i] = F(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], value: values[best], evaluations: evals, iterations: iter, gradientNorm: NaN, converged: evals < maxEval, message: evals < maxEval ? 'simplex converged' : 'evaluation limit reached' };
}

function fdStep(v: number): number {
  return 1e-5 * Math.max(Math.abs(v), 0.1);
}

/** Central-difference gradient and Hessian (one step, no extrapolation: enough to steer Newton). */
function localQuadratic(f: Objective, x: number[], fx: number, free: boolean[]): { g: number[]; H: number[][]; evals: number } {
  const n = x.length;
  const g = new Array<number>(n).fill(0);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let evals = 0;
  const at = (d: Array<[number, number]>) => { const z = [...x]; for (const [i, h] of d) z[i] += h; evals++; return f(z); };
  const fp: number[] = [];
  const fm: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!free[i]) continue;
    const h = fdStep(x[i]);
    fp[i] = at([[i, h]]);
    fm[i] = at([[i, -h]]);
    g[i] = (fp[i] - fm[i]) / (2 * h);
    H[i][i] = (fp[i] - 2 * fx + fm[i]) / (h * h);
  }
  for (let i = 0; i < n; i++) {
    if (!free[i]) continue;
    for (let j = 0; j < i; j++) {
      if (!free[j]) continue;
      const hi = fdStep(x[i]);
      const hj = fdStep(x[j]);
      const v = (at([[i, hi], [j, hj]]) - at([[i, hi], [j, -hj]]) - at([[i, -hi], [j, hj]]) + at([[i, -hi], [j, -hj]])) / (4 * hi * hj);
      H[i][j] = H[j][i] = v;
    }
  }
  return { g, H, evals };
}

/**
 * Newton iterations with numerical derivatives and a backtracking line search, respecting lower
 * bounds (a parameter at its bound with a gradient pushing outwards is held there). Polishes a
 * simplex or quasi-Newton solution to the tight convergence the R comparisons need.
 * @example newtonPolish((x) => (x[0] - 2) ** 2 + 1, [1.5]).x[0] // ≈ 2
 */
export function newtonPolish(f: Objective, x0: ReadonlyArray<number>, options: { readonly lower?: ReadonlyArray<number>; readonly maxIterations?: number; readonly gradTol?: number } = {}): OptimResult {
  const n = x0.length;
  let x = project([...x0], options.lower);
  let fx = f(x);
  let evals = 1;
  const maxIt = options.maxIterations ?? 100;
  const gradTol = options.gradTol ?? 1e-6;
  let gnorm = Infinity;
  let it = 0;
  let message = 'iteration limit reached';
  for (; it < maxIt; it++) {
    const atBound = x.map((v, i) => options.lower !== undefined && v <= options.lower[i]);
    let free = x.map(() => true);
    let q = localQuadratic(f, x, fx, free);
    evals += q.evals;
    free = x.map((_, i) => !(atBound[i] && q.g[i] >= 0));
    if (free.some((v, i) => !v && !atBound[i])) q = localQuadratic(f, x, fx, free);
    const idx = free.map((v, i) => (v ? i : -1)).filter((i) => i >= 0);
    gnorm = idx.length ? Math.max(...idx.map((i) => Math.abs(q.g[i]))) : 0;
    if (gnorm < gradTol * Math.max(1, Math.abs(fx)) * 1e-3 || idx.length === 0) { message = 'gradient below tolerance'; break; }
    const k = idx.length;
    let d: Float64Array | null = null;
    for (let lambda = 0; lambda < 1e8; lambda = lambda === 0 ? 1e-8 : lambda * 10) {
      const A = new Float64Array(k * k);
      let scale = 0;
      for (let a = 0; a < k; a++) scale = Math.max(scale, Math.abs(q.H[idx[a]][idx[a]]));
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) A[a * k + b] = q.H[idx[a]][idx[b]] + (a === b ? lambda * Math.max(scale, 1) : 0);
      const L = cholesky(A, k);
      if (L) { d = choleskySolve(L, k, Float64Array.from(idx.map((i) => -q.g[i]))); break; }
    }
    if (!d) { message = 'Hessian could not be regularised'; break; }
    let t = 1;
    let improved = false;
    const slope = idx.reduce((s, i, a) => s + q.g[i] * d![a], 0);
    // The quadratic model predicts a decrease of −slope/2; once that is at the rounding level of f
    // (sums over thousands of groups), further steps only chase noise in the numerical gradient.
    const tiny = -slope / 2 < 1e-13 * Math.max(1, Math.abs(fx));
    for (let ls = 0; ls < 40; ls++) {
      const xn = [...x];
      idx.forEach((i, a) => { xn[i] += t * d![a]; });
      const xp = project(xn, options.lower);
      const fn = f(xp);
      evals++;
      if (fn <= fx + 1e-4 * t * Math.min(slope, 0) || (fn <= fx && t < 1e-3)) {
        const moved = Math.max(...xp.map((v, i) => Math.abs(v - x[i]) / Math.max(1, Math.abs(x[i]))));
        const dropped = fx - fn;
        x = xp;
        fx = fn;
        improved = true;
        if (moved < 1e-11 || dropped < 1e-15 * Math.max(1, Math.abs(fx))) { it++; message = 'step below tolerance'; }
        else if (tiny) { it++; message = 'predicted decrease below tolerance'; }
        break;
      }
      t /= 2;
    }
    if (!improved) { message = tiny ? 'predicted decrease below tolerance' : 'no further decrease'; break; }
    if (message === 'step below tolerance' || message === 'predicted decrease below tolerance') break;
  }
  void n;
  return { x, value: fx, evaluations: evals, iterations: it, gradientNorm: gnorm, converged: message === 'gradient below tolerance' || message === 'step below tolerance' || message === 'predicted decrease below tolerance' || (message === 'no further decrease' && gnorm < 1e-6 * Math.max(1, Math.abs(fx))), message };
}

/**
 * BFGS quasi-Newton minimiser with backtracking line search; unconstrained. Uses the analytic
 * `gradient` when given (null where f is not defined), central differences otherwise. For the many
 * covariance parameters of an unstructured MMRM.
 * @example bfgs((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function bfgs(f: Objective, x0: ReadonlyArray<number>, options: { readonly maxIterations?: number; readonly gradTol?: number; readonly gradient?: (x: ReadonlyArray<number>) => number[] | null } = {}): OptimResult {
  const n = x0.length;
  let evals = 0;
  const F = (x: ReadonlyArray<number>) => { evals++; const v = f(x); return Number.isFinite(v) ? v : Infinity; };
  const analytic = options.gradient;
  const grad = (x: number[]) => (analytic ? (analytic(x) ?? x.map(() => NaN)) : x.map((v, i) => {
    const h = 1e-6 * Math.max(Math.abs(v), 1);
    const xp = [...x]; xp[i] += h;
    const xm = [...x]; xm[i] -= h;
    return (F(xp) - F(xm)) / (2 * h);
  }));
  let x = [...x0];
  let fx = F(x);
  let g = grad(x);
  let Hinv: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const maxIt = options.maxIterations ?? 500;
  const tol = options.gradTol ?? 1e-5;
  let it = 0;
  let message = 'iteration limit reached';
  for (; it < maxIt; it++) {
    const gmax = Math.max(...g.map(Math.abs));
    if (gmax < tol) { message = 'gradient below tolerance'; break; }
    let d = Hinv.map((row) => -row.reduce((s, v, j) => s + v * g[j], 0));
    let slope = d.reduce((s, v, i) => s + v * g[i], 0);
    if (slope >= 0) {
      Hinv = Hinv.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      d = g.map((v) => -v);
      slope = d.reduce((s, v, i) => s + v * g[i], 0);
    }
    let t = 1;
    let xn = x;
    let fn = fx;
    let ok = false;
    for (let ls = 0; ls < 50; ls++) {
      xn = x.map((v, i) => v + t * d[i]);
      fn = F(xn);
      if (fn <= fx + 1e-4 * t * slope) { ok = true; break; }
      t /= 2;
    }
    if (!ok) { message = 'line search failed'; break; }
    const gn = grad(xn);
    const s = xn.map((v, i) => v - x[i]);
    const yv = gn.map((v, i) => v - g[i]);
    const sy = s.reduce((a, v, i) => a + v * yv[i], 0);
    if (sy > 1e-12) {
      const Hy = Hinv.map((row) => row.reduce((a, v, j) => a + v * yv[j], 0));
      const yHy = yv.reduce((a, v, i) => a + v * Hy[i], 0);
      Hinv = Hinv.map((row, i) => row.map((v, j) => v + ((sy + yHy) * s[i] * s[j]) / (sy * sy) - (Hy[i] * s[j] + s[i] * Hy[j]) / sy));
    }
    const change = Math.abs(fx - fn);
    x = xn;
    fx = fn;
    g = gn;
    if (change < 1e-13 * Math.max(1, Math.abs(fx))) { message = 'function change below tolerance'; it++; break; }
  }
  return { x, value: fx, evaluations: evals, iterations: it, gradientNorm: Math.max(...g.map(Math.abs)), converged: message !== 'iteration limit reached' && message !== 'line search failed', message };
}
