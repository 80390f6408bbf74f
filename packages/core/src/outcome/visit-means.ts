import { qt } from '../stats/distributions.ts';
import { fitMmrm } from '../stats/mmrm.ts';

/** The estimated mean change at one visit, with its 95 % CI (Satterthwaite df). */
export interface VisitEstimate {
  readonly visit: string;
  readonly estimate: number;
  readonly se: number;
  readonly df: number;
  readonly ci95: readonly [number, number];
  readonly p: number;
  /** Participants observed at this visit. */
  readonly n: number;
}

export interface VisitMeans {
  readonly perVisit: ReadonlyArray<VisitEstimate>;
  readonly nobs: number;
  readonly nsubjects: number;
  readonly converged: boolean;
  readonly meanBaseline: number;
  /** REML log-likelihood at the optimum (as nlme::gls reports it), to compare fits with R. */
  readonly logLik: number;
}

/** One post-baseline observation of a participant: change from their baseline at a visit. */
export interface ChangeRow {
  readonly studyId: string;
  readonly visit: string;
  readonly baseline: number;
  readonly change: number;
}

/**
 * Mean change from baseline at each visit from the MMRM `change ~ baseline + visit` (unstructured
 * covariance over visits, REML, Satterthwaite df), at the mean baseline of the analysed rows: the
 * estimated marginal means that `emmeans(fit, ~ visit)` gives. The model is fitted as
 * `change ~ 0 + visit + (baseline − mean)`, the same model with each visit's mean as a coefficient,
 * so the engine's per-coefficient Satterthwaite df apply directly.
 *
 * @example
 * visitMeans({ rows, visits: ['w2', 'w4', 'w8'] }).perVisit[2].estimate; // mean change at w8
 */
export function visitMeans(input: { readonly rows: ReadonlyArray<ChangeRow>; readonly visits: ReadonlyArray<string> }): VisitMeans {
  const observed = input.visits.filter((v) => input.rows.some((r) => r.visit === v));
  const rows = input.rows.filter((r) => observed.includes(r.visit));
  const meanBaseline = rows.reduce((s, r) => s + r.baseline, 0) / rows.length;
  const fit = fitMmrm({
    formula: 'change ~ 0 + factor(visit) + base_c',
    data: {
      change: rows.map((r) => r.change),
      visit: rows.map((r) => r.visit),
      base_c: rows.map((r) => r.baseline - meanBaseline),
      id: rows.map((r) => r.studyId),
    },
    subject: 'id',
    visit: 'visit',
    covariance: 'us',
    levels: { visit: observed },
  });
  const perVisit = observed.map((visit) => {
    const c = fit.fixed[`factor(visit)${visit}`];
    const half = c.se * qt(0.975, c.df);
    return { visit, estimate: c.estimate, se: c.se, df: c.df, ci95: [c.estimate - half, c.estimate + half] as const, p: c.p, n: rows.filter((r) => r.visit === visit).length };
  });
  return { perVisit, nobs: fit.nobs, nsubjects: fit.nsubjects, converged: fit.converged, meanBaseline, logLik: fit.logLik };
}
