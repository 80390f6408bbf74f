import { qt, twoSidedTP } from './distributions.ts';
import { parseFormula, type ParsedFormula } from './formula.ts';
import { cholesky, choleskyInverse, choleskySolve, logDetFromCholesky, quadForm } from './linear-algebra.ts';
import type { FixedEffect } from './lmm.ts';
import { buildModelFrame, levelsOf, type DataColumns, type LevelOverrides } from './model-frame.ts';
import { bfgs } from './optimize.ts';
import { requireEnoughObservations } from './require-enough-observations.ts';
import { requireUsableDf, satterthwaite } from './satterthwaite.ts';
import { statsError } from './stats-error.ts';

/** Within-subject covariance over visits: unstructured, compound symmetry, or AR(1). */
export type CovarianceStructure = 'us' | 'cs' | 'ar1';

export interface MmrmContrast {
  readonly estimate: number;
  readonly se: number;
  readonly df: number;
  readonly ci95: readonly [number, number];
  readonly p: number;
}

export interface MmrmFit {
  readonly fixed: Readonly<Record<string, FixedEffect>>;
  readonly coefficientNames: ReadonlyArray<string>;
  readonly vcov: ReadonlyArray<ReadonlyArray<number>>;
  /** Visit levels in order (the rows/columns of `covariance`). */
  readonly visits: ReadonlyArray<string>;
  /** Estimated within-subject covariance matrix over visits. */
  readonly covariance: ReadonlyArray<ReadonlyArray<number>>;
  readonly covarianceType: CovarianceStructure;
  /** REML log-likelihood (as nlme::gls reports it). */
  readonly logLik: number;
  readonly aic: number;
  /** BIC with log(N − p), as nlme does for REML fits. */
  readonly bic: number;
  readonly nobs: number;
  readonly nsubjects: number;
  readonly converged: boolean;
  readonly convergence: { readonly evaluations: number; readonly gradientMax: number; readonly message: string };
  /**
   * Contrasts of the `contrast` factor at each visit: level − reference level, other numeric
   * covariates at their mean and other factors averaged over their levels (emmeans' reference grid).
   * With a two-level factor keyed by visit; with more levels keyed by visit, then by level.
   */
  readonly contrasts: Readonly<Record<string, MmrmContrast | Readonly<Record<string, MmrmContrast>>>> | null;
  /** Reference level of the contrast factor, and the compared levels. */
  readonly contrastLevels: ReadonlyArray<string> | null;
}

/** Subjects sharing the same set of observed visits, with summed cross-products of [X | y]. */
interface Pattern {
  readonly visits: ReadonlyArray<number>;
  readonly count: number;
  /**
   * With S_ab = Σᵢ wᵢₐᵀ wᵢ_b ((p+1) × (p+1), w = [x | y] at visit a / b), folded by symmetry for
   * the weighted sum Σ_ab Q_ab S_ab (Q symmetric): for a ≥ b the packed lower triangle of S_aa, or
   * of S_ab + S_ba — a quarter of the work of summing all k² blocks.
   */
  readonly U: Float64Array;
}

/** Folds the k × k blocks S (row-major blocks of q × q) into Pattern.U. */
function foldPattern(S: Float64Array, k: number, q: number): Float64Array {
  const t = (q * (q + 1)) / 2;
  const U = new Float64Array(((k * (k + 1)) / 2) * t);
  let o = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) {
    const ab = (a * k + b) * q * q;
    const ba = (b * k + a) * q * q;
    for (let i = 0; i < q; i++) for (let j = 0; j <= i; j++) U[o++] = a === b ? S[ab + i * q + j] : S[ab + i * q + j] + S[ba + i * q + j];
  }
  return U;
}

function covarianceFrom(phi: ReadonlyArray<number>, type: CovarianceStructure, T: number): Float64Array | null {
  const S = new Float64Array(T * T);
  if (type === 'us') {
    const L = new Float64Array(T * T);
    let k = 0;
    for (let j = 0; j < T; j++) for (let i = j; i < T; i++) L[i * T + j] = i === j ? Math.exp(phi[k++]) : phi[k++];
    for (let i = 0; i < T; i++) for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = 0; m <= j; m++) s += L[i * T + m] * L[j * T + m];
      S[i * T + j] = S[j * T + i] = s;
    }
    return S;
  }
  const s2 = Math.exp(2 * phi[0]);
  if (type === 'cs') {
    const rho = phi[1];
    if (!(rho > -1 / (T - 1) && rho < 1)) return null;
    for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) S[i * T + j] = s2 * (i === j ? 1 : rho);
    return S;
  }
  const rho = Math.tanh(phi[1]);
  for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) S[i * T + j] = s2 * Math.pow(rho, Math.abs(i - j));
  return S;
}

/**
 * ∂D/∂φ from ∂D/∂Σ (GS, T × T, symmetric). For the unstructured Σ = LLᵀ: ∂D/∂L = 2·GS·L on the
 * lower triangle, times Lⱼⱼ for the log-diagonal.
 */
function covarianceGradient(phi: ReadonlyArray<number>, type: CovarianceStructure, T: number, GS: Float64Array, Sig: Float64Array): number[] {
  if (type === 'us') {
    const L = new Float64Array(T * T);
    let k = 0;
    for (let j = 0; j < T; j++) for (let i = j; i < T; i++) L[i * T + j] = i === j ? Math.exp(phi[k++]) : phi[k++];
    const g: number[] = [];
    for (let j = 0; j < T; j++) for (let i = j; i < T; i++) {
      let s = 0;
      for (let m = j; m < T; m++) s += GS[i * T + m] * L[m * T + j];
      g.push(i === j ? 2 * s * L[j * T + j] : 2 * s);
    }
    return g;
  }
  let g0 = 0;
  let g1 = 0;
  const s2 = Math.exp(2 * phi[0]);
  const rho = type === 'cs' ? phi[1] : Math.tanh(phi[1]);
  for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) {
    const w = GS[a * T + b];
    g0 += 2 * w * Sig[a * T + b];
    if (a === b) continue;
    if (type === 'cs') g1 += w * s2;
    else {
      const lag = Math.abs(a - b);
      g1 += w * s2 * lag * Math.pow(rho, lag - 1) * (1 - rho * rho);
    }
  }
  return [g0, g1];
}

/**
 * Starting φ. Unstructured: the covariance of the OLS residuals over the pairs of visits observed
 * together, its correlations shrunk until it is positive definite — near the REML optimum, so the
 * optimiser needs few steps. CS / AR(1): the pooled residual variance, no correlation.
 */
function startingValues(input: { readonly type: CovarianceStructure; readonly T: number; readonly cross: Float64Array; readonly count: Float64Array }): number[] {
  const { type, T, cross, count } = input;
  const vars = Array.from({ length: T }, (_, v) => (count[v * T + v] > 0 ? cross[v * T + v] / count[v * T + v] : 0));
  const positive = vars.filter((v) => v > 0);
  const pooled = positive.length ? positive.reduce((a, b) => a + b, 0) / positive.length : 1;
  const sd = vars.map((v) => Math.sqrt(v > 0 ? v : pooled));
  if (type !== 'us') return [Math.log(Math.sqrt(pooled)), 0];
  const corr = new Float64Array(T * T);
  for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) {
    const r = a === b ? 1 : count[a * T + b] > 1 ? cross[a * T + b] / count[a * T + b] / (sd[a] * sd[b]) : 0;
    corr[a * T + b] = Math.max(-0.95, Math.min(0.95, r));
  }
  for (let shrink = 1; shrink >= 0; shrink -= 0.1) {
    const S = new Float64Array(T * T);
    for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) S[a * T + b] = sd[a] * sd[b] * (a === b ? 1 : shrink * corr[a * T + b]);
    const L = cholesky(S, T);
    if (!L || Array.from({ length: T }, (_, j) => L[j * T + j]).some((d) => d < 1e-3 * sd[0])) continue;
    const phi: number[] = [];
    for (let j = 0; j < T; j++) for (let i = j; i < T; i++) phi.push(i === j ? Math.log(L[i * T + j]) : L[i * T + j]);
    return phi;
  }
  const phi: number[] = [];
  for (let j = 0; j < T; j++) for (let i = j; i < T; i++) phi.push(i === j ? Math.log(sd[j]) : 0);
  return phi;
}

/**
 * Newton steps with the analytic gradient and its central-difference Jacobian as the Hessian,
 * with a backtracking line search on the deviance: polishes a quasi-Newton solution to the tight
 * optimum the comparisons with R need, at 2·k gradients a step.
 */
function newtonWithGradient(input: { readonly deviance: (x: ReadonlyArray<number>) => number; readonly gradient: (x: ReadonlyArray<number>) => number[] | null; readonly x0: ReadonlyArray<number>; readonly fx0: number; readonly maxIterations: number }): { x: number[]; value: number; evaluations: number; gradientNorm: number; converged: boolean; message: string } {
  let x = [...input.x0];
  let fx = input.fx0;
  const k = x.length;
  let evaluations = 0;
  let gnorm = Infinity;
  let message = 'iteration limit reached';
  for (let it = 0; it < input.maxIterations; it++) {
    const g = input.gradient(x);
    evaluations++;
    if (!g) { message = 'gradient not available'; break; }
    gnorm = Math.max(...g.map(Math.abs));
    if (gnorm < 1e-9 * Math.max(1, Math.abs(fx))) { message = 'gradient below tolerance'; break; }
    const H = new Float64Array(k * k);
    let ok = true;
    for (let j = 0; j < k && ok; j++) {
      const h = 1e-5 * Math.max(Math.abs(x[j]), 1);
      const xp = [...x];
      const xm = [...x];
      xp[j] += h;
      xm[j] -= h;
      const gp = input.gradient(xp);
      const gm = input.gradient(xm);
      evaluations += 2;
      if (!gp || !gm) { ok = false; break; }
      for (let i = 0; i < k; i++) H[i * k + j] = (gp[i] - gm[i]) / (2 * h);
    }
    if (!ok) { message = 'gradient not available near the optimum'; break; }
    for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) H[i * k + j] = H[j * k + i] = (H[i * k + j] + H[j * k + i]) / 2;
    const L = cholesky(H, k);
    if (!L) { message = 'Hessian not positive definite'; break; }
    const d = choleskySolve(L, k, Float64Array.from(g, (v) => -v));
    const slope = d.reduce((s, v, i) => s + v * g[i], 0);
    if (-slope / 2 < 1e-13 * Math.max(1, Math.abs(fx))) { message = 'predicted decrease below tolerance'; break; }
    let t = 1;
    let moved = false;
    for (let ls = 0; ls < 30; ls++) {
      const xn = x.map((v, i) => v + t * d[i]);
      const fn = input.deviance(xn);
      evaluations++;
      if (fn <= fx + 1e-4 * t * slope) { x = xn; fx = fn; moved = true; break; }
      t /= 2;
    }
    if (!moved) { message = 'no further decrease'; break; }
  }
  const converged = message === 'gradient below tolerance' || message === 'predicted decrease below tolerance';
  return { x, value: fx, evaluations, gradientNorm: gnorm, converged, message };
}

/**
 * Mixed model for repeated measures: a GLS fit with an unstructured (or CS / AR(1)) covariance
 * over visits, by REML; subjects with missing visits contribute the visits they have (no
 * imputation). Satterthwaite df from the REML likelihood; contrasts between levels of a factor at
 * each visit. Agrees with nlme::gls (corSymm + varIdent, corCompSymm, corAR1).
 * @example fitMmrm({ formula: 'chg ~ base + arm * factor(visit)', data, subject: 'id', visit: 'visit', contrast: 'arm' })
 */
export function fitMmrm(input: {
  readonly formula: string | ParsedFormula;
  readonly data: DataColumns;
  readonly subject: string;
  readonly visit: string;
  readonly covariance?: CovarianceStructure;
  readonly contrast?: string;
  readonly levels?: LevelOverrides;
}): MmrmFit {
  const f = typeof input.formula === 'string' ? parseFormula(input.formula) : input.formula;
  if (f.random.length) throw statsError('an MMRM formula has no random-effects terms; the subject and visit are given separately');
  const type = input.covariance ?? 'us';
  for (const c of [input.subject, input.visit, ...(input.contrast ? [input.contrast] : [])]) {
    if (!input.data[c]) throw statsError(`unknown column "${c}" (columns: ${Object.keys(input.data).join(', ')})`, { column: c });
  }
  const frame = buildModelFrame({ formula: f, data: input.data, levels: input.levels, extraColumns: [input.subject, input.visit] });
  const { n, p, X, y } = frame;
  const visits = levelsOf({ column: input.visit, values: frame.rows.map((r) => input.data[input.visit][r]), overrides: input.levels });
  const T = visits.length;
  if (T < 2) throw statsError('an MMRM needs at least 2 visits');
  if (type === 'us' && T > 12) throw statsError(`an unstructured covariance over ${T} visits has too many parameters; use cs or ar1`);
  requireEnoughObservations({ n, fixed: p, variance: type === 'us' ? (T * (T + 1)) / 2 : 2 });

  // OLS shift of the response keeps yᵀV⁻¹y − bᵀβ accurate (see lmm.ts).
  const XtX = new Float64Array(p * p);
  const Xty = new Float64Array(p);
  for (let r = 0; r < n; r++) for (let a = 0; a < p; a++) {
    Xty[a] += X[r * p + a] * y[r];
    for (let b = 0; b < p; b++) XtX[a * p + b] += X[r * p + a] * X[r * p + b];
  }
  const Lx = cholesky(XtX, p);
  if (!Lx) throw statsError('the fixed-effects design is rank deficient (a column is constant or a combination of others); simplify the formula');
  const beta0 = choleskySolve(Lx, p, Xty);
  const ys = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let a = 0; a < p; a++) s += X[r * p + a] * beta0[a];
    ys[r] = y[r] - s;
  }

  // Group rows by subject, then subjects by visit pattern.
  const bySubject = new Map<string, Array<[number, number]>>();
  frame.rows.forEach((r, k) => {
    const id = String(input.data[input.subject][r]);
    const v = visits.indexOf(String(input.data[input.visit][r]));
    const list = bySubject.get(id) ?? [];
    if (list.some(([vv]) => vv === v)) throw statsError(`subject "${id}" has more than one row for visit "${visits[v]}"`, { subject: id });
    list.push([v, k]);
    bySubject.set(id, list);
  });
  const q = p + 1;
  const patterns = new Map<string, { visits: number[]; count: number; S: Float64Array }>();
  // Cross-products of the OLS residuals over pairs of visits observed together (for the start).
  const pairCross = new Float64Array(T * T);
  const pairCount = new Float64Array(T * T);
  for (const list of bySubject.values()) {
    list.sort((a, b) => a[0] - b[0]);
    const vs = list.map(([v]) => v);
    const key = vs.join(',');
    let pat = patterns.get(key);
    const k = vs.length;
    if (!pat) { pat = { visits: vs, count: 0, S: new Float64Array(k * k * q * q) }; patterns.set(key, pat); }
    pat.count++;
    for (let a = 0; a < k; a++) {
      const ra = list[a][1];
      for (let b = 0; b < k; b++) {
        const rb = list[b][1];
        pairCross[vs[a] * T + vs[b]] += ys[ra] * ys[rb];
        pairCount[vs[a] * T + vs[b]]++;
        const off = (a * k + b) * q * q;
        for (let i = 0; i < q; i++) {
          const wi = i < p ? X[ra * p + i] : ys[ra];
          if (wi === 0) continue;
          for (let j = 0; j < q; j++) pat.S[off + i * q + j] += wi * (j < p ? X[rb * p + j] : ys[rb]);
        }
      }
    }
  }
  const pats: Pattern[] = [...patterns.values()].map((pt) => ({ visits: pt.visits, count: pt.count, U: foldPattern(pt.S, pt.visits.length, q) }));

  const tq = (q * (q + 1)) / 2;
  // Packed weights over the (q × q) lower triangle: off-diagonal entries count twice in xᵀWx.
  const packedTwice = new Float64Array(tq);
  for (let i = 0, o = 0; i < q; i++) for (let j = 0; j <= i; j++, o++) packedTwice[o] = i === j ? 1 : 2;
  const patQ = pats.map((pt) => new Float64Array(pt.visits.length * pt.visits.length));
  const evaluate = (phi: ReadonlyArray<number>) => {
    const Sig = covarianceFrom(phi, type, T);
    if (!Sig) return null;
    const Gp = new Float64Array(tq);
    let logDet = 0;
    for (let pi = 0; pi < pats.length; pi++) {
      const pat = pats[pi];
      const k = pat.visits.length;
      const sub = new Float64Array(k * k);
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sub[a * k + b] = Sig[pat.visits[a] * T + pat.visits[b]];
      const L = cholesky(sub, k);
      if (!L) return null;
      logDet += pat.count * logDetFromCholesky(L, k);
      const Q = choleskyInverse(L, k);
      patQ[pi].set(Q);
      let o = 0;
      for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) {
        const w = Q[a * k + b];
        for (let i = 0; i < tq; i++) Gp[i] += w * pat.U[o + i];
        o += tq;
      }
    }
    const G = new Float64Array(q * q);
    for (let i = 0, o = 0; i < q; i++) for (let j = 0; j <= i; j++, o++) G[i * q + j] = G[j * q + i] = Gp[o];
    const A = new Float64Array(p * p);
    const bv = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      bv[i] = G[i * q + p];
      for (let j = 0; j < p; j++) A[i * p + j] = G[i * q + j];
    }
    const RA = cholesky(A, p);
    if (!RA) return null;
    const bs = choleskySolve(RA, p, bv);
    let bb = 0;
    for (let i = 0; i < p; i++) bb += bv[i] * bs[i];
    const rss = G[p * q + p] - bb;
    const dev = logDet + rss + logDetFromCholesky(RA, p) + (n - p) * Math.log(2 * Math.PI);
    return { dev, bs, beta: bs.map((v, i) => v + beta0[i]), C: choleskyInverse(RA, p), Sig };
  };
  const deviance = (phi: ReadonlyArray<number>) => evaluate(phi)?.dev ?? Infinity;

  /**
   * Analytic gradient of the REML deviance in φ. With Q = Σᵥ⁻¹ for a pattern's visits v, the
   * residuals r at β̂ and C = (XᵀV⁻¹X)⁻¹, ∂D/∂Σᵥ = count·Q − Q (Σᵢ rᵢrᵢᵀ + Σᵢ XᵢCXᵢᵀ) Q (the β̂ term
   * vanishes at the GLS solution); both sums come from the pattern's cross-products, so the cost
   * is one more pass over the patterns. Then the chain rule through Σ(φ).
   */
  const gradient = (phi: ReadonlyArray<number>): number[] | null => {
    const st = evaluate(phi);
    if (!st) return null;
    // coefficients over the packed [x | y] block: γγᵀ with γ = (−β̂ₛ, 1), plus C on the x block
    const coef = new Float64Array(tq);
    for (let i = 0, o = 0; i < q; i++) for (let j = 0; j <= i; j++, o++) {
      const gi = i < p ? -st.bs[i] : 1;
      const gj = j < p ? -st.bs[j] : 1;
      coef[o] = packedTwice[o] * (gi * gj + (i < p && j < p ? st.C[i * p + j] : 0));
    }
    const GS = new Float64Array(T * T);
    for (let pi = 0; pi < pats.length; pi++) {
      const pat = pats[pi];
      const k = pat.visits.length;
      const Q = patQ[pi];
      // K = Σᵢ (rᵢrᵢᵀ + XᵢCXᵢᵀ) over the pattern's subjects (folded blocks hold S_ab + S_ba).
      const K = new Float64Array(k * k);
      let o = 0;
      for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let i = 0; i < tq; i++) s += coef[i] * pat.U[o + i];
        o += tq;
        K[a * k + b] = K[b * k + a] = a === b ? s : s / 2;
      }
      const QK = new Float64Array(k * k);
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
        let s = 0;
        for (let m = 0; m < k; m++) s += Q[a * k + m] * K[m * k + b];
        QK[a * k + b] = s;
      }
      for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let m = 0; m < k; m++) s += QK[a * k + m] * Q[m * k + b];
        const g = pat.count * Q[a * k + b] - s;
        const va = pat.visits[a];
        const vb = pat.visits[b];
        GS[va * T + vb] += g;
        if (a !== b) GS[vb * T + va] += g;
      }
    }
    return covarianceGradient(phi, type, T, GS, st.Sig);
  };

  // Start: the covariance of the OLS residuals (pairwise over the visits both observed), made
  // positive definite if need be; for cs / ar1 the residual variances, no correlation.
  const phi0 = startingValues({ type, T, cross: pairCross, count: pairCount });
  const quasi = bfgs(deviance, phi0, { maxIterations: 2000, gradTol: 1e-6, gradient });
  const polished = newtonWithGradient({ deviance, gradient, x0: quasi.x, fx0: quasi.value, maxIterations: 10 });
  const phi = polished.value <= quasi.value ? polished.x : quasi.x;
  const st = evaluate(phi);
  if (!st || !Number.isFinite(st.dev)) throw statsError('the model cannot be fitted: the covariance matrix is not positive definite at the optimum');
  const sat = satterthwaite({ varpar: phi, covBeta: (ph) => Array.from(evaluate(ph)?.C ?? new Float64Array(p * p).fill(NaN)), deviance, gradient: (ph) => gradient(ph) ?? new Array<number>(ph.length).fill(NaN), p });

  const fixed: Record<string, FixedEffect> = {};
  frame.columnNames.forEach((name, a) => {
    const L = new Array<number>(p).fill(0);
    L[a] = 1;
    const se = Math.sqrt(st.C[a * p + a]);
    const t = st.beta[a] / se;
    const df = sat.df(L);
    requireUsableDf(name, df);
    fixed[name] = { estimate: st.beta[a], se, t, df, p: twoSidedTP(t, df) };
  });

  let contrasts: Record<string, MmrmContrast | Record<string, MmrmContrast>> | null = null;
  let contrastLevels: ReadonlyArray<string> | null = null;
  if (input.contrast) {
    const lv = frame.levels[input.contrast];
    if (!lv) throw statsError(`the contrast column "${input.contrast}" must be a factor in the formula`);
    contrastLevels = lv;
    const means: Record<string, number> = {};
    for (const c of frame.numericColumns) means[c] = frame.rows.reduce((s, r) => s + Number(input.data[c][r]), 0) / frame.rows.length;
    const others = Object.keys(frame.levels).filter((c) => c !== input.contrast && c !== input.visit);
    const combos: Array<Record<string, string>> = [{}];
    for (const c of others) {
      const next: Array<Record<string, string>> = [];
      for (const base of combos) for (const l of frame.levels[c]) next.push({ ...base, [c]: l });
      combos.splice(0, combos.length, ...next);
    }
    const gridRow = (level: string, visit: string) => {
      const acc = new Float64Array(p);
      for (const combo of combos) {
        const r = frame.designRow({ ...means, ...combo, [input.contrast!]: level, [input.visit]: visit });
        for (let i = 0; i < p; i++) acc[i] += r[i] / combos.length;
      }
      return acc;
    };
    const one = (level: string, visit: string): MmrmContrast => {
      const a = gridRow(level, visit);
      const b = gridRow(lv[0], visit);
      const L = Array.from(a, (v, i) => v - b[i]);
      const est = L.reduce((s, v, i) => s + v * st.beta[i], 0);
      const se = Math.sqrt(quadForm(L, st.C, L, p));
      const df = sat.df(L);
      requireUsableDf(`${input.contrast}${level} − ${input.contrast}${lv[0]} at ${input.visit} ${visit}`, df);
      const h = qt(0.975, df) * se;
      return { estimate: est, se, df, ci95: [est - h, est + h], p: twoSidedTP(est / se, df) };
    };
    contrasts = {};
    for (const v of visits) {
      if (lv.length === 2) contrasts[v] = one(lv[1], v);
      else contrasts[v] = Object.fromEntries(lv.slice(1).map((l) => [l, one(l, v)]));
    }
  }
  const nCov = phi.length;
  const logLik = -st.dev / 2;
  return {
    fixed,
    coefficientNames: frame.columnNames,
    vcov: frame.columnNames.map((_, a) => Array.from(st.C.slice(a * p, a * p + p))),
    visits,
    covariance: visits.map((_, i) => Array.from(st.Sig.slice(i * T, i * T + T))),
    covarianceType: type,
    logLik,
    aic: -2 * logLik + 2 * (p + nCov),
    bic: -2 * logLik + Math.log(n - p) * (p + nCov),
    nobs: n,
    nsubjects: bySubject.size,
    converged: quasi.converged || polished.converged,
    convergence: { evaluations: quasi.evaluations + polished.evaluations, gradientMax: polished.gradientNorm, message: `${quasi.message}; ${polished.message}` },
    contrasts,
    contrastLevels,
  };
}
