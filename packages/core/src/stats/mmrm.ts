import { qt, twoSidedTP } from './distributions.ts';
import { parseFormula, type ParsedFormula } from './formula.ts';
import { cholesky, choleskyInverse, choleskySolve, logDetFromCholesky, quadForm } from './linear-algebra.ts';
import type { FixedEffect } from './lmm.ts';
import { buildModelFrame, levelsOf, type DataColumns, type LevelOverrides } from './model-frame.ts';
import { bfgs, newtonPolish } from './optimize.ts';
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
  const resid = new Float64Array(T * T);
  const residN = new Float64Array(T);
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
      resid[vs[a] * T + vs[a]] += ys[ra] * ys[ra];
      residN[vs[a]]++;
      for (let b = 0; b < k; b++) {
        const rb = list[b][1];
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

  const evaluate = (phi: ReadonlyArray<number>) => {
    const Sig = covarianceFrom(phi, type, T);
    if (!Sig) return null;
    const tq = (q * (q + 1)) / 2;
    const Gp = new Float64Array(tq);
    let logDet = 0;
    for (const pat of pats) {
      const k = pat.visits.length;
      const sub = new Float64Array(k * k);
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sub[a * k + b] = Sig[pat.visits[a] * T + pat.visits[b]];
      const L = cholesky(sub, k);
      if (!L) return null;
      logDet += pat.count * logDetFromCholesky(L, k);
      const Q = choleskyInverse(L, k);
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
    return { dev, beta: bs.map((v, i) => v + beta0[i]), C: choleskyInverse(RA, p), Sig };
  };
  const deviance = (phi: ReadonlyArray<number>) => evaluate(phi)?.dev ?? Infinity;

  // Start: residual variances of the OLS fit, no correlation.
  const vars = Array.from({ length: T }, (_, v) => (residN[v] > 0 ? resid[v * T + v] / residN[v] : 1));
  const pooled = vars.reduce((a, b) => a + b, 0) / T;
  const phi0: number[] = [];
  if (type === 'us') { for (let j = 0; j < T; j++) for (let i = j; i < T; i++) phi0.push(i === j ? Math.log(Math.sqrt(vars[j] || pooled)) : 0); }
  else phi0.push(Math.log(Math.sqrt(pooled)), 0);
  const quasi = bfgs(deviance, phi0, { maxIterations: 2000, gradTol: 1e-7 });
  const polished = newtonPolish(deviance, quasi.x, { maxIterations: 8 });
  const phi = polished.value <= quasi.value ? polished.x : quasi.x;
  const st = evaluate(phi);
  if (!st || !Number.isFinite(st.dev)) throw statsError('the model cannot be fitted: the covariance matrix is not positive definite at the optimum');
  const sat = satterthwaite({ varpar: phi, covBeta: (ph) => Array.from(evaluate(ph)?.C ?? new Float64Array(p * p).fill(NaN)), deviance, p });

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
