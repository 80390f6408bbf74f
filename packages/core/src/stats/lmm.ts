import { parseFormula, type ParsedFormula } from './formula.ts';
import { cholesky, choleskyInverse, choleskySolve, logDetFromCholesky } from './linear-algebra.ts';
import { buildModelFrame, isCategorical, numericValue, type DataColumns, type LevelOverrides } from './model-frame.ts';
import { newtonPolish, nelderMead } from './optimize.ts';
import { satterthwaite } from './satterthwaite.ts';
import { statsError } from './stats-error.ts';
import { twoSidedTP } from './distributions.ts';

export interface FixedEffect {
  readonly estimate: number;
  readonly se: number;
  readonly t: number;
  /** Satterthwaite degrees of freedom (lmerTest's method). */
  readonly df: number;
  readonly p: number;
}

export interface RandomEffectsSummary {
  /** Random-effect terms, e.g. `(Intercept)`, `Days`. */
  readonly terms: ReadonlyArray<string>;
  /** Standard deviation of each term. */
  readonly sd: Readonly<Record<string, number>>;
  /** Correlation matrix of the terms (in `terms` order); null for a single term. */
  readonly corr: ReadonlyArray<ReadonlyArray<number>> | null;
}

export interface LmmFit {
  readonly fixed: Readonly<Record<string, FixedEffect>>;
  readonly coefficientNames: ReadonlyArray<string>;
  /** Covariance matrix of the fixed effects (row-major arrays, coefficient order). */
  readonly vcov: ReadonlyArray<ReadonlyArray<number>>;
  readonly random: Readonly<Record<string, RandomEffectsSummary>>;
  /** Residual standard deviation. */
  readonly sigma: number;
  /** REML criterion at the optimum (null for an ML fit). */
  readonly remlCriterion: number | null;
  /** ML deviance −2 logLik (null for a REML fit). */
  readonly deviance: number | null;
  readonly logLik: number;
  readonly aic: number;
  readonly bic: number;
  readonly nobs: number;
  readonly ngroups: Readonly<Record<string, number>>;
  readonly converged: boolean;
  readonly reml: boolean;
  /** lme4's θ (relative Cholesky factor of the random-effects covariance, column-wise lower triangle). */
  readonly theta: ReadonlyArray<number>;
  readonly convergence: {
    readonly evaluations: number;
    readonly gradientMax: number;
    readonly singular: boolean;
    readonly message: string;
  };
}

/** What the profiled deviance yields at one θ. */
interface ThetaState {
  readonly ldL2: number;
  readonly ldRX2: number;
  readonly pwrss: number;
  /** β (shifted back to the original response). */
  readonly beta: Float64Array;
  /** RXᵀRX = Xᵀ V⁻¹ X up to σ² (p × p), and its inverse. */
  readonly MInv: Float64Array;
}

/**
 * Sufficient statistics of a one-grouping-factor LMM: per group ZᵢᵀZᵢ, ZᵢᵀXᵢ, Zᵢᵀy and the global
 * XᵀX, Xᵀy, yᵀy. Every deviance evaluation then costs O(groups · q² · p), never touching the n rows.
 */
class LmmProblem {
  readonly q: number;
  readonly p: number;
  readonly n: number;
  readonly m: number;
  readonly ZtZ: Float64Array;
  readonly ZtX: Float64Array;
  readonly Zty: Float64Array;
  readonly XtX: Float64Array;
  readonly Xty: Float64Array;
  readonly yty: number;
  readonly beta0: Float64Array;

  constructor(X: Float64Array, y: Float64Array, Z: Float64Array, group: Int32Array, n: number, p: number, q: number, m: number) {
    this.n = n;
    this.p = p;
    this.q = q;
    this.m = m;
    // Shift the response by an OLS fit so that yᵀy is of the size of the residuals: keeps the
    // penalised residual sum of squares accurate to full precision for numerical derivatives.
    const XtX = new Float64Array(p * p);
    const Xty = new Float64Array(p);
    for (let r = 0; r < n; r++) {
      for (let a = 0; a < p; a++) {
        const xa = X[r * p + a];
        if (xa === 0) continue;
        Xty[a] += xa * y[r];
        for (let b = 0; b <= a; b++) XtX[a * p + b] += xa * X[r * p + b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) XtX[b * p + a] = XtX[a * p + b];
    const L = cholesky(XtX, p);
    if (!L) throw statsError('the fixed-effects design is rank deficient (a column is constant or a combination of others); simplify the formula');
    this.beta0 = choleskySolve(L, p, Xty);
    const ys = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let f = 0;
      for (let a = 0; a < p; a++) f += X[r * p + a] * this.beta0[a];
      ys[r] = y[r] - f;
    }
    this.XtX = XtX;
    this.Xty = new Float64Array(p);
    let yty = 0;
    this.ZtZ = new Float64Array(m * q * q);
    this.ZtX = new Float64Array(m * q * p);
    this.Zty = new Float64Array(m * q);
    for (let r = 0; r < n; r++) {
      const g = group[r];
      const yr = ys[r];
      yty += yr * yr;
      for (let a = 0; a < p; a++) this.Xty[a] += X[r * p + a] * yr;
      for (let i = 0; i < q; i++) {
        const zi = Z[r * q + i];
        this.Zty[g * q + i] += zi * yr;
        for (let j = 0; j < q; j++) this.ZtZ[g * q * q + i * q + j] += zi * Z[r * q + j];
        for (let a = 0; a < p; a++) this.ZtX[g * q * p + i * p + a] += zi * X[r * p + a];
      }
    }
    this.yty = yty;
  }

  /**
   * A method-of-moments starting θ: per-group least-squares random effects bᵢ (on the OLS
   * residuals), Σ_b ≈ cov(bᵢ) − σ̂²·mean((ZᵢᵀZᵢ)⁻¹), θ = chol(Σ_b / σ̂²). Null when it is unusable.
   */
  momentStart(): number[] | null {
    const { q, m } = this;
    const sumBB = new Float64Array(q * q);
    const sumB = new Float64Array(q);
    const sumInv = new Float64Array(q * q);
    let used = 0;
    let fitted = 0;
    for (let g = 0; g < m; g++) {
      const L = cholesky(this.ZtZ.subarray(g * q * q, (g + 1) * q * q), q);
      if (!L) continue;
      const b = choleskySolve(L, q, this.Zty.subarray(g * q, (g + 1) * q));
      const inv = choleskyInverse(L, q);
      used++;
      for (let i = 0; i < q; i++) {
        fitted += b[i] * this.Zty[g * q + i];
        sumB[i] += b[i];
        for (let j = 0; j < q; j++) { sumBB[i * q + j] += b[i] * b[j]; sumInv[i * q + j] += inv[i * q + j]; }
      }
    }
    const dfWithin = this.n - used * q - this.p;
    if (used < 2 || dfWithin <= 0) return null;
    const s2 = (this.yty - fitted) / dfWithin;
    if (!(s2 > 0)) return null;
    const S = new Float64Array(q * q);
    for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) {
      S[i * q + j] = (sumBB[i * q + j] - (sumB[i] * sumB[j]) / used) / (used - 1) - (s2 * sumInv[i * q + j]) / used;
      S[i * q + j] /= s2;
    }
    let L = cholesky(S, q);
    if (!L) {
      const D = new Float64Array(q * q);
      for (let i = 0; i < q; i++) D[i * q + i] = Math.max(S[i * q + i], 0.01);
      L = cholesky(D, q);
      if (!L) return null;
    }
    const theta: number[] = [];
    for (let j = 0; j < q; j++) for (let i = j; i < q; i++) theta.push(L[i * q + j]);
    return theta;
  }

  /** Λ (q × q lower triangular, row-major) from θ filled column by column, as lme4. */
  lambda(theta: ReadonlyArray<number>): Float64Array {
    const q = this.q;
    const Lam = new Float64Array(q * q);
    let k = 0;
    for (let j = 0; j < q; j++) for (let i = j; i < q; i++) Lam[i * q + j] = theta[k++];
    return Lam;
  }

  evaluate(theta: ReadonlyArray<number>): ThetaState | null {
    const { q, p, m } = this;
    const Lam = this.lambda(theta);
    const M = Float64Array.from(this.XtX);
    const v = Float64Array.from(this.Xty);
    let ldL2 = 0;
    let cu2 = 0;
    const A = new Float64Array(q * q);
    const T = new Float64Array(q * q); // ZᵢᵀZᵢ Λ
    const LtZtX = new Float64Array(q * p);
    const w = new Float64Array(q);
    const L = new Float64Array(q * q);
    for (let g = 0; g < m; g++) {
      const zz = g * q * q;
      // T = ZtZ Λ ; A = Λᵀ T + I
      for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) {
        let s = 0;
        for (let k = j; k < q; k++) s += this.ZtZ[zz + i * q + k] * Lam[k * q + j];
        T[i * q + j] = s;
      }
      for (let i = 0; i < q; i++) for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = i; k < q; k++) s += Lam[k * q + i] * T[k * q + j];
        A[i * q + j] = s + (i === j ? 1 : 0);
        A[j * q + i] = A[i * q + j];
      }
      // In-place Cholesky of the small q × q block (no allocation: this runs once per group).
      for (let j = 0; j < q; j++) {
        let dj = A[j * q + j];
        for (let k = 0; k < j; k++) dj -= L[j * q + k] * L[j * q + k];
        if (!(dj > 0)) return null;
        const ljj = Math.sqrt(dj);
        L[j * q + j] = ljj;
        ldL2 += 2 * Math.log(ljj);
        for (let i = j + 1; i < q; i++) {
          let t = A[i * q + j];
          for (let k = 0; k < j; k++) t -= L[i * q + k] * L[j * q + k];
          L[i * q + j] = t / ljj;
        }
      }
      // w = L⁻¹ Λᵀ Zᵀy ; R = L⁻¹ Λᵀ ZᵀX
      for (let i = 0; i < q; i++) {
        let s = 0;
        for (let k = i; k < q; k++) s += Lam[k * q + i] * this.Zty[g * q + k];
        w[i] = s;
        for (let a = 0; a < p; a++) {
          let t = 0;
          for (let k = i; k < q; k++) t += Lam[k * q + i] * this.ZtX[g * q * p + k * p + a];
          LtZtX[i * p + a] = t;
        }
      }
      for (let i = 0; i < q; i++) {
        let s = w[i];
        for (let k = 0; k < i; k++) s -= L[i * q + k] * w[k];
        w[i] = s / L[i * q + i];
        for (let a = 0; a < p; a++) {
          let t = LtZtX[i * p + a];
          for (let k = 0; k < i; k++) t -= L[i * q + k] * LtZtX[k * p + a];
          LtZtX[i * p + a] = t / L[i * q + i];
        }
      }
      for (let i = 0; i < q; i++) {
        cu2 += w[i] * w[i];
        for (let a = 0; a < p; a++) {
          const ra = LtZtX[i * p + a];
          v[a] -= ra * w[i];
          for (let b = 0; b <= a; b++) M[a * p + b] -= ra * LtZtX[i * p + b];
        }
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) M[b * p + a] = M[a * p + b];
    const RX = cholesky(M, p);
    if (!RX) return null;
    const bs = choleskySolve(RX, p, v);
    let cb2 = 0;
    for (let a = 0; a < p; a++) cb2 += v[a] * bs[a];
    const pwrss = Math.max(this.yty - cu2 - cb2, 1e-300);
    const beta = new Float64Array(p);
    for (let a = 0; a < p; a++) beta[a] = bs[a] + this.beta0[a];
    return { ldL2, ldRX2: logDetFromCholesky(RX, p), pwrss, beta, MInv: choleskyInverse(RX, p) };
  }

  /** Profiled deviance (REML criterion or ML deviance) as lme4 defines it. */
  deviance(theta: ReadonlyArray<number>, reml: boolean): number {
    const s = this.evaluate(theta);
    if (!s) return Infinity;
    const { n, p } = this;
    if (reml) return s.ldL2 + s.ldRX2 + (n - p) * (1 + Math.log((2 * Math.PI * s.pwrss) / (n - p)));
    return s.ldL2 + n * (1 + Math.log((2 * Math.PI * s.pwrss) / n));
  }

  /** Deviance at given (θ, σ), not profiled over σ — lmerTest's `devfun_vp`. */
  devianceAt(varpar: ReadonlyArray<number>, reml: boolean): number {
    const sigma = varpar[varpar.length - 1];
    const s = this.evaluate(varpar.slice(0, -1));
    if (!s) return NaN;
    const s2 = sigma * sigma;
    let dev = s.ldL2 + s.pwrss / s2 + this.n * Math.log(2 * Math.PI * s2);
    if (reml) dev += s.ldRX2 - this.p * Math.log(2 * Math.PI * s2);
    return dev;
  }
}

/**
 * Fits a linear mixed model with one grouping factor by REML (default) or ML, following lme4's
 * profiled-deviance formulation (θ = relative Cholesky factor, penalised least squares), with
 * Satterthwaite df for every fixed effect as lmerTest computes them.
 * @example fitLmm({ formula: 'Reaction ~ Days + (Days | Subject)', data }).fixed.Days.estimate // ≈ 10.467
 */
export function fitLmm(input: {
  readonly formula: string | ParsedFormula;
  readonly data: DataColumns;
  readonly reml?: boolean;
  readonly levels?: LevelOverrides;
}): LmmFit {
  const f = typeof input.formula === 'string' ? parseFormula(input.formula) : input.formula;
  const reml = input.reml ?? true;
  if (f.random.length !== 1) {
    throw statsError(f.random.length === 0 ? 'the formula has no random-effects term such as (1 | id)' : 'only one random-effects term (one grouping factor) is supported');
  }
  const rt = f.random[0];
  const frame = buildModelFrame({ formula: f, data: input.data, levels: input.levels, extraColumns: [rt.group] });
  for (const s of rt.slopes) if (isCategorical(s, input.data)) throw statsError(`random slope "${s.label}" must be numeric`);
  const { n, p } = frame;
  const q = (rt.intercept ? 1 : 0) + rt.slopes.length;
  if (q === 0) throw statsError('the random-effects term is empty');
  const terms = [...(rt.intercept ? ['(Intercept)'] : []), ...rt.slopes.map((s) => s.label)];
  const gcol = input.data[rt.group];
  const gIndex = new Map<string, number>();
  const group = new Int32Array(n);
  const Z = new Float64Array(n * q);
  frame.rows.forEach((r, k) => {
    const key = String(gcol[r]);
    let g = gIndex.get(key);
    if (g === undefined) { g = gIndex.size; gIndex.set(key, g); }
    group[k] = g;
    let j = 0;
    if (rt.intercept) Z[k * q + j++] = 1;
    for (const s of rt.slopes) Z[k * q + j++] = numericValue(input.data[s.column][r]);
  });
  const m = gIndex.size;
  if (m < 2) throw statsError(`the grouping factor "${rt.group}" needs at least 2 levels`);
  if (n <= p) throw statsError('fewer observations than fixed effects');
  const prob = new LmmProblem(frame.X, frame.y, Z, group, n, p, q, m);

  const nth = (q * (q + 1)) / 2;
  const lower: number[] = [];
  const theta0: number[] = [];
  for (let j = 0; j < q; j++) for (let i = j; i < q; i++) { lower.push(i === j ? 0 : -Infinity); theta0.push(i === j ? 1 : 0); }
  const dev = (th: ReadonlyArray<number>) => prob.deviance(th, reml);
  // Newton from a moment-based start converges in a few steps; the simplex from lme4's start
  // (identity θ) is the fallback when that start is unusable or Newton does not converge.
  const start = prob.momentStart();
  let nmEvaluations = 0;
  let polished = start ? newtonPolish(dev, start, { lower }) : null;
  const atBound = (x: ReadonlyArray<number>) => x.some((v, i) => lower[i] === 0 && v <= 1e-8);
  // A start at or driven to a boundary can stall at a saddle (the deviance is even in a zero
  // diagonal θ), so boundary results are confirmed from lme4's start too.
  if (!polished || !polished.converged || !Number.isFinite(polished.value) || atBound(polished.x)) {
    const nm = nelderMead(dev, theta0, { lower, ftol: 1e-7, maxEvaluations: 5000, step: 0.5 });
    nmEvaluations = nm.evaluations + (polished?.evaluations ?? 0);
    const second = newtonPolish(dev, nm.x, { lower });
    if (!polished || !(polished.converged && polished.value <= second.value)) polished = second;
  }
  const theta = polished.x;
  const state = prob.evaluate(theta);
  if (!state) throw statsError('the model cannot be fitted: the variance-parameter optimum is degenerate');
  const devOpt = polished.value;
  const sigma2 = state.pwrss / (reml ? n - p : n);
  const sigma = Math.sqrt(sigma2);

  // Satterthwaite (lmerTest): Jacobian of cov(β) and Hessian of the deviance in (θ, σ). A variance
  // at its bound of 0 (singular fit) is held there: the derivatives are taken over the others.
  const free = theta.map((v, i) => !(lower[i] === 0 && v <= 1e-8));
  const expand = (vp: ReadonlyArray<number>) => {
    const th = [...theta];
    let j = 0;
    for (let i = 0; i < th.length; i++) if (free[i]) th[i] = vp[j++];
    return { th, sg: vp[vp.length - 1] };
  };
  const varpar = [...theta.filter((_, i) => free[i]), sigma];
  const covBeta = (vp: ReadonlyArray<number>) => {
    const { th, sg } = expand(vp);
    const s = prob.evaluate(th);
    return s ? Array.from(s.MInv, (v) => v * sg * sg) : new Array<number>(p * p).fill(NaN);
  };
  const vcovFlat = Array.from(state.MInv, (v) => v * sigma2);
  let sat: ReturnType<typeof satterthwaite> | null = null;
  let satMessage = '';
  try {
    sat = satterthwaite({ varpar, covBeta, deviance: (vp) => { const { th, sg } = expand(vp); return prob.devianceAt([...th, sg], reml); }, p });
  } catch (e) {
    satMessage = `; Satterthwaite df unavailable: ${e instanceof Error ? e.message : String(e)}`;
  }

  const fixed: Record<string, FixedEffect> = {};
  frame.columnNames.forEach((name, a) => {
    const est = state.beta[a];
    const se = Math.sqrt(vcovFlat[a * p + a]);
    const t = est / se;
    const L = new Array<number>(p).fill(0);
    L[a] = 1;
    const df = sat ? sat.df(L) : NaN;
    fixed[name] = { estimate: est, se, t, df, p: twoSidedTP(t, df) };
  });
  const Lam = prob.lambda(theta);
  const cov = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) {
    let s = 0;
    for (let k = 0; k < q; k++) s += Lam[i * q + k] * Lam[j * q + k];
    cov[i * q + j] = s * sigma2;
  }
  const sds = terms.map((_, i) => Math.sqrt(cov[i * q + i]));
  const corr = q > 1 ? terms.map((_, i) => terms.map((__, j) => (i === j ? 1 : cov[i * q + j] / (sds[i] * sds[j])))) : null;
  const k = p + nth + 1;
  const logLik = -devOpt / 2;
  const singular = theta.some((v, i) => lower[i] === 0 && v <= 1e-8);
  return {
    fixed,
    coefficientNames: frame.columnNames,
    vcov: frame.columnNames.map((_, a) => vcovFlat.slice(a * p, a * p + p)),
    random: { [rt.group]: { terms, sd: Object.fromEntries(terms.map((t, i) => [t, sds[i]])), corr } },
    sigma,
    remlCriterion: reml ? devOpt : null,
    deviance: reml ? null : devOpt,
    logLik,
    aic: -2 * logLik + 2 * k,
    bic: -2 * logLik + Math.log(n) * k,
    nobs: n,
    ngroups: { [rt.group]: m },
    converged: polished.converged && Number.isFinite(devOpt),
    reml,
    theta,
    convergence: { evaluations: nmEvaluations + polished.evaluations, gradientMax: polished.gradientNorm, singular, message: polished.message + satMessage },
  };
}
