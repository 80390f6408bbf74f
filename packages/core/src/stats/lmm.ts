import { parseFormula, type ParsedFormula } from './formula.ts';
import { LmmProblem } from './lmm-problem.ts';
import { buildModelFrame, numericValue, type DataColumns, type LevelOverrides } from './model-frame.ts';
import { newtonPolish, nelderMead } from './optimize.ts';
import { requireEnoughObservations } from './require-enough-observations.ts';
import { requireUsableDf, satterthwaite } from './satterthwaite.ts';
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
  /**
   * What makes the result less trustworthy than it looks, in words for the user: a singular
   * (boundary) fit, no convergence, Satterthwaite df unavailable. Empty when there is nothing to say.
   */
  readonly warnings: ReadonlyArray<string>;
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
  // The model frame has classified every slope variable already (numericColumns).
  for (const s of rt.slopes) if (s.forceFactor || !frame.numericColumns.includes(s.column)) throw statsError(`random slope "${s.label}" must be numeric`);
  const { n, p } = frame;
  const q = (rt.intercept ? 1 : 0) + rt.slopes.length;
  if (q === 0) throw statsError('the random-effects term is empty');
  const terms = [...(rt.intercept ? ['(Intercept)'] : []), ...rt.slopes.map((s) => s.label)];
  const gcol = input.data[rt.group];
  const gIndex = new Map<string, number>();
  // Levels are compared as text; numeric ids are turned into text once per distinct value.
  const byNumber = new Map<number, number>();
  const levelOf = (v: number | string | null): number => {
    if (typeof v === 'number') {
      const known = byNumber.get(v);
      if (known !== undefined) return known;
    }
    const key = String(v);
    let g = gIndex.get(key);
    if (g === undefined) { g = gIndex.size; gIndex.set(key, g); }
    if (typeof v === 'number') byNumber.set(v, g);
    return g;
  };
  const group = new Int32Array(n);
  const Z = new Float64Array(n * q);
  const slopeColumns = rt.slopes.map((s) => input.data[s.column]);
  const { rows } = frame;
  for (let k = 0; k < n; k++) {
    const r = rows[k];
    group[k] = levelOf(gcol[r]);
    let j = 0;
    if (rt.intercept) Z[k * q + j++] = 1;
    for (const c of slopeColumns) Z[k * q + j++] = numericValue(c[r]);
  }
  const m = gIndex.size;
  const nth = (q * (q + 1)) / 2;
  requireEnoughData({ n, p, q, m, nth, group: rt.group });
  const prob = new LmmProblem({ X: frame.X, y: frame.y, Z, group, n, p, q, m });

  const lower: number[] = [];
  const theta0: number[] = [];
  for (let j = 0; j < q; j++) for (let i = j; i < q; i++) { lower.push(i === j ? 0 : -Infinity); theta0.push(i === j ? 1 : 0); }
  const dev = (th: ReadonlyArray<number>) => prob.deviance(th, reml);
  // Newton from a moment-based start converges in a few steps; the simplex from lme4's start
  // (identity θ) is the fallback when that start is unusable or Newton does not converge.
  const start = prob.start;
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
  // The Hessian's and the Jacobian's points share θ wherever only σ differs or where both step
  // along the same θ coordinate, so each distinct θ is evaluated once (about half the work).
  const states = new Map<string, ReturnType<LmmProblem['evaluate']>>();
  const evaluateOnce = (th: ReadonlyArray<number>) => {
    const key = th.join(',');
    if (!states.has(key)) states.set(key, prob.evaluate(th));
    return states.get(key)!;
  };
  const covBeta = (vp: ReadonlyArray<number>) => {
    const { th, sg } = expand(vp);
    const s = evaluateOnce(th);
    return s ? Array.from(s.MInv, (v) => v * sg * sg) : new Array<number>(p * p).fill(NaN);
  };
  const vcovFlat = Array.from(state.MInv, (v) => v * sigma2);
  let sat: ReturnType<typeof satterthwaite> | null = null;
  let satMessage = '';
  try {
    sat = satterthwaite({ varpar, covBeta, deviance: (vp) => { const { th, sg } = expand(vp); return prob.devianceAt(evaluateOnce(th), sg, reml); }, p });
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
    if (sat) requireUsableDf(name, df);
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
  const converged = polished.converged && Number.isFinite(devOpt);
  const warnings: string[] = [];
  // lme4's isSingular(): a diagonal element of θ below 1e-4 (relative to σ).
  const nearZero = terms.filter((_, i) => theta[i * q - (i * (i - 1)) / 2] < 1e-4);
  if (nearZero.length) warnings.push(`singular fit: the random-effect variance of ${nearZero.map((t) => `"${t}"`).join(', ')} is estimated at or near 0 (a boundary), so the random-effects structure is more than these data support; consider a simpler random term`);
  if (!converged) warnings.push(`the fit did not converge (${polished.message}); the estimates are not reliable`);
  if (!sat) warnings.push(`Satterthwaite df are not available${satMessage.replace(/^; Satterthwaite df unavailable/, '')}; p-values are not given`);
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
    converged,
    warnings,
    reml,
    theta,
    convergence: { evaluations: nmEvaluations + polished.evaluations, gradientMax: polished.gradientNorm, singular, message: polished.message + satMessage },
  };
}

/** Refuses data too small for the model: lme4's checks, and an observation beyond every parameter. */
function requireEnoughData(input: { readonly n: number; readonly p: number; readonly q: number; readonly m: number; readonly nth: number; readonly group: string }): void {
  const { n, p, q, m, nth, group } = input;
  if (m < 2) throw statsError(`the grouping factor "${group}" needs at least 2 levels (it has ${m})`, { groups: m });
  // lme4's check.nobs.vs.nRE (which also covers check.nobs.vs.nlev: one observation per level).
  if (n <= m * q) throw statsError(`${n} observations for ${m * q} random effects (${m} levels of "${group}" × ${q}): the random effects cannot be told apart from the residual; use a simpler random term or more data`, { n, randomEffects: m * q });
  requireEnoughObservations({ n, fixed: p, variance: nth + 1 });
}
