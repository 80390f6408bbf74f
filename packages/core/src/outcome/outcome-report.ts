import { getBuiltinScale } from '../scales/builtin/index.ts';
import { describe, mean } from '../stats/descriptives.ts';
import { benjaminiHochberg, holm } from '../stats/p-adjust.ts';
import { pairedAnalysis } from '../stats/paired-analysis.ts';
import { clopperPearsonInterval, wilsonInterval } from '../stats/proportion-ci.ts';
import { pearsonCorrelation } from '../stats/correlation.ts';
import { reliableChangeThreshold, classifyChange } from '../stats/reliable-change.ts';
import { oneSampleTTest } from '../stats/t-test.ts';
import { isDomainError } from '../errors/domain-error.ts';
import { adverseEventTable, type AeTable } from './adverse-event-table.ts';
import { sensitivityAnalyses, type SensitivityAnalysis } from './analysis-plan.ts';
import { benchmarksFor, type Benchmark } from './benchmarks.ts';
import { biomarkerTrajectories, type BiomarkerTrajectory } from './biomarker-trajectories.ts';
import { perProtocolSet, type PerProtocolSet } from './per-protocol-set.ts';
import { tippingPoint, type TippingPoint } from './tipping-point.ts';
import type { DataCut } from './data-cut.ts';
import type { CutRecruitment } from './recruitment-flow.ts';
import { visitMeans, type ChangeRow, type VisitEstimate } from './visit-means.ts';

export interface Proportion {
  readonly k: number;
  readonly n: number;
  /** k / n; null when n = 0. */
  readonly estimate: number | null;
  readonly wilson: readonly [number, number] | null;
}

export interface ExactProportion {
  readonly k: number;
  readonly n: number;
  readonly estimate: number | null;
  readonly clopperPearson: readonly [number, number] | null;
}

export interface MeanChange {
  readonly n: number;
  readonly estimate: number;
  readonly ci95: readonly [number, number];
  readonly p: number;
}

export interface PairedResult extends MeanChange {
  readonly df: number;
  readonly wilcoxon: { readonly V: number; readonly p: number; readonly method: string };
}

export interface BiomarkerResult {
  readonly id: string;
  readonly analyte: string;
  readonly sampleType: string;
  readonly visit: string;
  readonly direction: 'increase' | 'decrease' | 'either' | null;
  /** A hypothesis of a plan locked before the cut (one of a later or draft plan is Holm-adjusted with its set but post hoc). */
  readonly prespecified: boolean;
  readonly n: number;
  readonly estimate: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly p: number | null;
  readonly pAdjusted: number | null;
  /** Adjustment across its family: Holm for the pre-specified set, Benjamini–Hochberg otherwise. */
  readonly method: 'holm' | 'bh';
  readonly test: 'paired-t';
  /** Pearson correlation of the marker's change with the primary score's change. */
  readonly correlation: { readonly r: number; readonly p: number; readonly n: number } | null;
}

/** A statement for the limitations section; the renderer words it in the reader's language. */
export interface Limitation {
  readonly code: 'no_control' | 'self_selected' | 'self_pay' | 'unblinded_raters' | 'self_report' | 'loss_to_follow_up' | 'plan_not_locked' | 'plan_locked_after_cut' | 'plan_locked_after_enrolment' | 'small_sample' | 'co_medication'
    | 'per_protocol_selected' | 'per_protocol_derived' | 'tipping_point_assumption' | 'biomarkers_uncontrolled' | 'ae_attribution';
  readonly params?: Readonly<Record<string, number | string>>;
}

export interface OutcomeReport {
  readonly plan: {
    readonly version: number;
    readonly sha256: string;
    readonly lockedAt: string | null;
    readonly lockedBeforeCut: boolean | null;
    readonly lockedBeforeFirstEnrolment: boolean | null;
    /** Not locked, or locked after the data cut: no analysis of this report is pre-specified. */
    readonly postHoc: boolean;
    /** The plan version the cut was made under, when this report uses another one; else null. */
    readonly cutPlan: { readonly version: number; readonly sha256: string } | null;
  };
  readonly program: { readonly id: string | null; readonly version: number | null };
  readonly cutAt: string | null;
  readonly scale: { readonly id: string; readonly version: string | null; readonly direction: 'higher-is-worse' | 'higher-is-better' };
  readonly visits: ReadonlyArray<string>;
  readonly flow: {
    /** The recruitment stages before screening (applied → contacted → screening visit booked), when the cut carries them. */
    readonly recruitment: CutRecruitment | null;
    readonly screened: number;
    readonly eligible: number;
    readonly consented: number;
    readonly dosed: number;
    readonly visits: ReadonlyArray<{ readonly visit: string; readonly n: number }>;
    readonly completed: number;
    readonly excludedNoDataUse: number;
    /** Coded reasons with counts, by the step the participants left at. */
    readonly reasons: Readonly<Record<'notEligible' | 'notConsented' | 'notDosed' | 'withdrawn' | 'lost', Readonly<Record<string, number>>>>;
  };
  readonly baseline: {
    readonly n: number;
    readonly ageBands: Readonly<Record<string, number>>;
    readonly sex: Readonly<Record<string, number>>;
    readonly screening: { readonly n: number; readonly mean: number | null; readonly sd: number | null; readonly median: number | null };
    readonly baseline: { readonly n: number; readonly mean: number | null; readonly sd: number | null; readonly median: number | null };
    readonly severity: Readonly<Record<string, number>>;
  };
  readonly primary: VisitEstimate | null;
  readonly perVisit: ReadonlyArray<VisitEstimate>;
  readonly model: { readonly formula: string; readonly covariance: 'unstructured'; readonly nobs: number; readonly nsubjects: number; readonly converged: boolean; readonly meanBaseline: number; readonly logLik: number } | null;
  readonly sensitivity: {
    readonly completers: VisitEstimate | null;
    readonly paired: PairedResult | null;
    readonly locf: MeanChange | null;
    /** The same MMRM on the per-protocol participants' in-window observations. */
    readonly perProtocol: (VisitEstimate & { readonly participants: number; readonly perVisit: ReadonlyArray<VisitEstimate>; readonly population: PerProtocolSet['definition']; readonly excluded: PerProtocolSet['excluded'] }) | null;
    /** δ-adjusted tipping point of the primary estimate for missing data. */
    readonly tippingPoint: TippingPoint | null;
    /** Per analysis: named in the locked plan (false: post hoc, and every analysis is post hoc under a draft plan). */
    readonly prespecified: Readonly<Record<SensitivityAnalysis, boolean>>;
  };
  readonly responders: { readonly minReduction: number; readonly minBaseline: number | null; readonly itt: Proportion; readonly completers: Proportion; readonly byBand: Readonly<Record<string, Proportion>> };
  readonly remitters: { readonly atMost: number | null; readonly atLeast: number | null; readonly sustained: boolean; readonly itt: Proportion; readonly completers: Proportion };
  readonly reliableChange: { readonly threshold: number; readonly sd: number; readonly reliability: number; readonly n: number; readonly improved: number; readonly unchanged: number; readonly deteriorated: number } | null;
  /** Screening → baseline change before any treatment (regression to the mean and natural course). */
  readonly rtm: MeanChange | null;
  readonly doseResponse: ReadonlyArray<{ readonly doses: number; readonly n: number; readonly meanChange: number }>;
  readonly adverseEvents: {
    readonly events: number;
    readonly participants: ExactProportion;
    readonly perDose: ExactProportion;
    /** 3 / n, the upper 95 % bound when no participant had an event; null otherwise. */
    readonly ruleOfThree: number | null;
    readonly serious: ReadonlyArray<{ readonly studyId: string; readonly term: string; readonly grade: number | null; readonly day: number | null; readonly related: string | null }>;
    readonly byRelatedness: Readonly<Record<string, number>>;
    readonly byGrade: Readonly<Record<string, number>>;
    readonly byTerm: Readonly<Record<string, number>>;
    /** Participants and events by relatedness × grade: all events, and serious events only (all dosed). */
    readonly table: { readonly all: AeTable; readonly serious: AeTable };
  };
  readonly medications: { readonly participantsWithChange: number; readonly changes: ReadonlyArray<{ readonly genericName: string; readonly n: number }> };
  readonly biomarkers: ReadonlyArray<BiomarkerResult>;
  /** Per analyte and sample type: individual values by day and the mean with 95 % CI per visit (the dosed). */
  readonly biomarkerTrajectories: ReadonlyArray<BiomarkerTrajectory>;
  readonly benchmarks: ReadonlyArray<Benchmark & { readonly observed: number | null }>;
  readonly limitations: ReadonlyArray<Limitation>;
  /** Per participant: baseline and totals at each visit (for the trajectory and waterfall charts). */
  readonly trajectories: ReadonlyArray<{ readonly studyId: string; readonly baseline: number | null; readonly totals: ReadonlyArray<number | null>; readonly completed: boolean }>;
}

const count = (xs: ReadonlyArray<string | null>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const x of xs) out[x ?? 'unknown'] = (out[x ?? 'unknown'] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

function proportion(k: number, n: number): Proportion {
  return { k, n, estimate: n ? k / n : null, wilson: n ? wilsonInterval({ successes: k, n }) : null };
}

function exact(k: number, n: number): ExactProportion {
  return { k, n, estimate: n ? k / n : null, clopperPearson: n ? clopperPearsonInterval({ successes: k, n }) : null };
}

/** Null instead of an error when there is too little data for a test (the report shows "—"). */
function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (isDomainError(e)) return null;
    throw e;
  }
}

function paired(before: ReadonlyArray<number>, after: ReadonlyArray<number>): PairedResult | null {
  return attempt(() => {
    const a = pairedAnalysis({ before, after });
    return { n: a.n, estimate: a.meanChange, ci95: a.ci95, df: a.df, p: a.p, wilcoxon: a.wilcoxon };
  });
}

function oneSample(x: ReadonlyArray<number>): MeanChange | null {
  return attempt(() => {
    const t = oneSampleTTest(x);
    return { n: x.length, estimate: t.estimate, ci95: t.ci95, p: t.p };
  });
}

function orderVisits(cut: DataCut): string[] {
  if (cut.plan.visits) return [...cut.plan.visits];
  const days = new Map<string, number[]>();
  for (const o of cut.outcomes) {
    if (o.visit === 'screening' || o.visit === 'baseline' || o.scale !== cut.plan.primary.scale) continue;
    const d = o.nominalDay ?? o.day;
    const list = days.get(o.visit) ?? [];
    if (d !== null) list.push(d);
    days.set(o.visit, list);
  }
  const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : Infinity);
  return [...days.entries()].sort((a, b) => med(a[1]) - med(b[1]) || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
}

/**
 * The outcome report of a data cut under its analysis plan: flow, baseline, the primary MMRM,
 * sensitivity analyses, responders and remitters, reliable change, regression to the mean, dose,
 * safety, biomarkers, benchmarks and limitations. Pure and deterministic: the same data cut always
 * gives the same report.
 *
 * @example
 * const report = outcomeReport(parseDataCut(files));
 * report.primary; // { visit: 'w8', estimate: -7.26, se: 0.47, df: 17.8, ci95: [...], p: ..., n: 19 }
 */
export function outcomeReport(cut: DataCut): OutcomeReport {
  const plan = cut.plan;
  const scaleId = plan.primary.scale;
  const def = getBuiltinScale(scaleId);
  const direction = def?.direction ?? 'higher-is-worse';
  const worse = direction === 'higher-is-worse';
  const visits = orderVisits(cut);
  const primaryVisit = plan.primary.visit;
  // A plan locked after the cut was written with the data in view: nothing under it is pre-specified.
  const lockedBeforeCut = plan.lockedAt === null || cut.manifest.cutAt === null ? null : Date.parse(plan.lockedAt) <= Date.parse(cut.manifest.cutAt);
  const planPrespecifies = plan.lockedAt !== null && lockedBeforeCut !== false;
  const dosed = cut.participants.filter((p) => p.dosed);
  const dosedIds = new Set(dosed.map((p) => p.studyId));
  const completedIds = new Set(dosed.filter((p) => p.completed).map((p) => p.studyId));

  // totals of the primary scale: studyId → visit → total (first informant row wins; the format
  // allows one row per informant, the primary analysis uses the informant of the first row seen)
  const totals = new Map<string, Map<string, number | null>>();
  for (const o of cut.outcomes) {
    if (o.scale !== scaleId) continue;
    const m = totals.get(o.studyId) ?? new Map<string, number | null>();
    if (!m.has(o.visit)) m.set(o.visit, o.total);
    totals.set(o.studyId, m);
  }
  const total = (id: string, visit: string): number | null => totals.get(id)?.get(visit) ?? null;
  const base = (id: string) => total(id, 'baseline');

  // ---- flow ----
  const ps = cut.participants;
  const notEligible = ps.filter((p) => p.status === 'screen_failed');
  const notConsented = ps.filter((p) => p.status === 'declined');
  const inScreening = ps.filter((p) => p.status === 'screening');
  const consented = ps.filter((p) => p.status !== 'screen_failed' && p.status !== 'declined' && p.status !== 'screening');
  const flow: OutcomeReport['flow'] = {
    recruitment: cut.manifest.recruitment ?? null,
    screened: ps.length,
    eligible: ps.length - notEligible.length - inScreening.length,
    consented: consented.length,
    dosed: dosed.length,
    visits: visits.map((visit) => ({ visit, n: dosed.filter((p) => total(p.studyId, visit) !== null).length })),
    completed: completedIds.size,
    excludedNoDataUse: cut.manifest.excludedNoDataUse,
    reasons: {
      notEligible: count([...notEligible.map((p) => p.reason), ...inScreening.map(() => 'in_screening')]),
      notConsented: count(notConsented.map((p) => p.reason)),
      notDosed: count(consented.filter((p) => !p.dosed).map((p) => p.reason ?? p.status)),
      withdrawn: count(dosed.filter((p) => p.status === 'withdrawn').map((p) => p.reason)),
      lost: count(dosed.filter((p) => p.status === 'lost').map((p) => p.reason)),
    },
  };

  // ---- baseline characteristics (the dosed) ----
  const bands = plan.severityBands ?? (def?.bandSets.find((b) => b.id === def.defaultBandSet)?.bands ?? []).map((b) => ({ id: b.id, min: b.min ?? -Infinity, max: b.max ?? Infinity }));
  const bandOf = (x: number) => bands.find((b) => x >= b.min && x <= b.max)?.id ?? null;
  const summary = (xs: ReadonlyArray<number | null>) => {
    const d = describe(xs);
    return { n: d.n, mean: d.n ? d.mean : null, sd: d.n > 1 ? d.sd : null, median: d.n ? d.median : null };
  };
  const baselineTotals = dosed.map((p) => base(p.studyId));
  const baseline: OutcomeReport['baseline'] = {
    n: dosed.length,
    ageBands: count(dosed.map((p) => p.ageBand)),
    sex: count(dosed.map((p) => p.sex)),
    screening: summary(dosed.map((p) => total(p.studyId, 'screening'))),
    baseline: summary(baselineTotals),
    severity: count(baselineTotals.filter((x): x is number => x !== null).map((x) => bandOf(x) ?? 'outside_bands')),
  };

  // ---- primary MMRM on every observed post-baseline total of the dosed with a baseline ----
  const changeRows = (ids: ReadonlySet<string>): ChangeRow[] => {
    const rows: ChangeRow[] = [];
    for (const id of ids) {
      const b = base(id);
      if (b === null) continue;
      for (const visit of visits) {
        const t = total(id, visit);
        if (t !== null) rows.push({ studyId: id, visit, baseline: b, change: t - b });
      }
    }
    return rows;
  };
  const fitOf = (ids: ReadonlySet<string>) => attempt(() => visitMeans({ rows: changeRows(ids), visits }));
  const mm = fitOf(dosedIds);
  const perVisit = mm?.perVisit ?? [];
  const primary = perVisit.find((v) => v.visit === primaryVisit) ?? null;
  const model = mm ? { formula: 'change ~ baseline + visit', covariance: 'unstructured' as const, nobs: mm.nobs, nsubjects: mm.nsubjects, converged: mm.converged, meanBaseline: mm.meanBaseline, logLik: mm.logLik } : null;

  // ---- sensitivity ----
  const pairsAt = (ids: Iterable<string>) => {
    const b: number[] = [];
    const a: number[] = [];
    for (const id of ids) {
      const x = base(id);
      const y = total(id, primaryVisit);
      if (x !== null && y !== null) { b.push(x); a.push(y); }
    }
    return { b, a };
  };
  const completerPairs = pairsAt(completedIds);
  const lastObserved = (id: string): number | null => {
    for (let i = visits.indexOf(primaryVisit); i >= 0; i--) {
      const t = total(id, visits[i]);
      if (t !== null) return t;
    }
    return base(id);
  };
  const locfChanges = [...dosedIds].filter((id) => base(id) !== null).map((id) => lastObserved(id)! - base(id)!);
  // Every sensitivity analysis runs; those the locked plan does not name are labelled post hoc.
  const prespecified = Object.fromEntries(sensitivityAnalyses.map((a) => [a, planPrespecifies && plan.sensitivity.includes(a)])) as Record<SensitivityAnalysis, boolean>;
  const primaryRows = cut.outcomes.filter((o) => o.scale === scaleId && o.visit === primaryVisit);
  const pp = perProtocolSet({ participants: dosed, exposures: cut.exposures, primary: primaryRows, definition: plan.perProtocol });
  const ppIds = new Set(pp.ids);
  const inWindow = new Set(cut.outcomes.filter((o) => o.scale === scaleId && o.inWindow !== false).map((o) => `${o.studyId}\u0000${o.visit}`));
  const ppFit = attempt(() => visitMeans({ rows: changeRows(ppIds).filter((r) => inWindow.has(`${r.studyId}\u0000${r.visit}`)), visits }));
  const ppPrimary = ppFit?.perVisit.find((v) => v.visit === primaryVisit) ?? null;
  const analysed = [...dosedIds].filter((id) => base(id) !== null);
  const sensitivity: OutcomeReport['sensitivity'] = {
    completers: fitOf(completedIds)?.perVisit.find((v) => v.visit === primaryVisit) ?? null,
    paired: paired(completerPairs.b, completerPairs.a),
    locf: oneSample(locfChanges),
    perProtocol: ppFit && ppPrimary ? { ...ppPrimary, participants: ppFit.nsubjects, perVisit: ppFit.perVisit, population: pp.definition, excluded: pp.excluded } : null,
    tippingPoint: primary ? tippingPoint({ estimate: primary.estimate, se: primary.se, df: primary.df, n: analysed.length, missing: analysed.filter((id) => total(id, primaryVisit) === null).length, scaleSpan: def?.scoring.method === 'sum' ? def.scoring.range.max - def.scoring.range.min : null }) : null,
    prespecified,
  };

  // ---- responders and remitters ----
  const minReduction = plan.responder.minReduction ?? def?.response?.minReduction ?? 0.5;
  const remAtMost = plan.remission.atMost ?? (plan.remission.atLeast === null ? (def?.remission?.atMost ?? null) : null);
  const remAtLeast = plan.remission.atLeast ?? (plan.remission.atMost === null ? (def?.remission?.atLeast ?? null) : null);
  // Response needs room to respond: by default a baseline outside the remission range.
  const minBaseline = plan.responder.minBaseline ?? (worse ? (remAtMost !== null ? remAtMost + 1 : null) : (remAtLeast !== null ? remAtLeast - 1 : null));
  const eligible = (b: number) => minBaseline === null || (worse ? b >= minBaseline : b <= minBaseline);
  const remitted = (x: number) => (remAtMost === null || x <= remAtMost) && (remAtLeast === null || x >= remAtLeast) && (remAtMost !== null || remAtLeast !== null);
  const responded = (id: string) => {
    const b = base(id)!;
    const t = total(id, primaryVisit);
    if (t === null || b === 0) return false;
    const improvement = worse ? (b - t) / b : (t - b) / b;
    return improvement >= minReduction - 1e-12;
  };
  const previousVisit = visits[visits.indexOf(primaryVisit) - 1];
  const remits = (id: string) => {
    const t = total(id, primaryVisit);
    if (t === null || !remitted(t)) return false;
    if (!plan.remission.sustained) return true;
    const prev = previousVisit ? total(id, previousVisit) : null;
    return prev !== null && remitted(prev);
  };
  const ittSet = [...dosedIds].filter((id) => base(id) !== null && eligible(base(id)!));
  const completerSet = ittSet.filter((id) => completedIds.has(id) && total(id, primaryVisit) !== null);
  const cohort = (f: (id: string) => boolean, set: ReadonlyArray<string>) => proportion(set.filter(f).length, set.length);
  const responders: OutcomeReport['responders'] = {
    minReduction,
    minBaseline,
    itt: cohort(responded, ittSet),
    completers: cohort(responded, completerSet),
    byBand: Object.fromEntries(bands.map((b) => [b.id, cohort(responded, ittSet.filter((id) => bandOf(base(id)!) === b.id))]).filter(([, p]) => (p as Proportion).n > 0)),
  };
  const remitters: OutcomeReport['remitters'] = { atMost: remAtMost, atLeast: remAtLeast, sustained: plan.remission.sustained, itt: cohort(remits, ittSet), completers: cohort(remits, completerSet) };

  // ---- reliable change at the primary visit ----
  const rcSd = plan.reliableChange.sd ?? def?.reliableChange?.sd ?? null;
  const rcR = plan.reliableChange.reliability ?? def?.reliableChange?.reliability ?? null;
  let reliableChange: OutcomeReport['reliableChange'] = null;
  if (rcSd !== null && rcR !== null) {
    const threshold = reliableChangeThreshold({ sd: rcSd, reliability: rcR });
    const counts = { improved: 0, unchanged: 0, deteriorated: 0 };
    let n = 0;
    for (const id of dosedIds) {
      const b = base(id);
      const t = total(id, primaryVisit);
      if (b === null || t === null) continue;
      n++;
      counts[classifyChange({ change: t - b, threshold, higherIsBetter: !worse })]++;
    }
    reliableChange = { threshold, sd: rcSd, reliability: rcR, n, ...counts };
  }

  // ---- regression to the mean: screening → baseline, before any dose ----
  const rtmPairs = { b: [] as number[], a: [] as number[] };
  for (const id of dosedIds) {
    const s = total(id, 'screening');
    const b = base(id);
    if (s !== null && b !== null) { rtmPairs.b.push(s); rtmPairs.a.push(b); }
  }
  const rtmPaired = paired(rtmPairs.b, rtmPairs.a);
  const rtm = rtmPaired ? { n: rtmPaired.n, estimate: rtmPaired.estimate, ci95: rtmPaired.ci95, p: rtmPaired.p } : null;

  // ---- dose: last observed change by number of doses received ----
  const byDose = new Map<number, number[]>();
  for (const p of dosed) {
    const b = base(p.studyId);
    if (b === null || p.doses === null) continue;
    const list = byDose.get(p.doses) ?? [];
    list.push(lastObserved(p.studyId)! - b);
    byDose.set(p.doses, list);
  }
  const doseResponse = [...byDose.entries()].sort((a, b) => a[0] - b[0]).map(([doses, xs]) => ({ doses, n: xs.length, meanChange: mean(xs) }));

  // ---- safety ----
  const aes = cut.adverseEvents.filter((e) => dosedIds.has(e.studyId));
  const withAe = new Set(aes.map((e) => e.studyId));
  const doses = cut.exposures.filter((e) => dosedIds.has(e.studyId));
  const doseDays = new Map<string, number[]>();
  for (const e of doses) { const l = doseDays.get(e.studyId) ?? []; l.push(e.day); doseDays.set(e.studyId, l); }
  const aeDays = new Map<string, number[]>();
  for (const a of aes) if (a.day !== null) { const l = aeDays.get(a.studyId) ?? []; l.push(a.day); aeDays.set(a.studyId, l); }
  // A dose is followed by an event when one falls on or after its day and before the next dose.
  // (Each participant's dose days sorted once: the next dose is the next larger day.)
  let dosesWithAe = 0;
  for (const [id, days] of doseDays) {
    const events = aeDays.get(id);
    if (!events) continue;
    const sorted = [...days].sort((a, b) => a - b);
    let j = 0;
    for (const d of sorted) {
      while (j < sorted.length && sorted[j] <= d) j++;
      const next = j < sorted.length ? sorted[j] : Infinity;
      if (events.some((x) => x >= d && x < next)) dosesWithAe++;
    }
  }
  const adverseEvents: OutcomeReport['adverseEvents'] = {
    events: aes.length,
    participants: exact(withAe.size, dosed.length),
    perDose: exact(dosesWithAe, doses.length),
    ruleOfThree: withAe.size === 0 && dosed.length > 0 ? 3 / dosed.length : null,
    serious: aes.filter((e) => e.serious).map((e) => ({ studyId: e.studyId, term: e.term, grade: e.grade, day: e.day, related: e.related })),
    byRelatedness: count(aes.map((e) => e.related)),
    byGrade: count(aes.map((e) => (e.grade === null ? null : String(e.grade)))),
    byTerm: count(aes.map((e) => e.term)),
    table: { all: adverseEventTable(aes), serious: adverseEventTable(aes.filter((e) => e.serious)) },
  };
  const changedMeds = cut.medications.filter((m) => m.changedDuringProgram && dosedIds.has(m.studyId));
  const medications = {
    participantsWithChange: new Set(changedMeds.map((m) => m.studyId)).size,
    changes: Object.entries(count(changedMeds.map((m) => m.genericName))).map(([genericName, n]) => ({ genericName, n })),
  };

  // ---- biomarkers ----
  const labIndex = new Map<string, number>();
  for (const l of cut.labs) {
    const k = `${l.studyId}\u0000${l.analyte}\u0000${l.sampleType}\u0000${l.visit}`;
    if (l.value !== null && !labIndex.has(k)) labIndex.set(k, l.value);
  }
  const labValue = (id: string, analyte: string, sampleType: string, visit: string) => labIndex.get(`${id}\u0000${analyte}\u0000${sampleType}\u0000${visit}`) ?? null;
  const marker = (h: { id: string; analyte: string; sampleType: string; visit: string; direction: BiomarkerResult['direction'] }, inPlan: boolean) => {
    const before: number[] = [];
    const after: number[] = [];
    const dm: number[] = [];
    const ds: number[] = [];
    for (const id of dosedIds) {
      const x0 = labValue(id, h.analyte, h.sampleType, 'baseline');
      const x1 = labValue(id, h.analyte, h.sampleType, h.visit);
      if (x0 === null || x1 === null) continue;
      before.push(x0);
      after.push(x1);
      const b = base(id);
      const t = total(id, h.visit);
      if (b !== null && t !== null) { dm.push(x1 - x0); ds.push(t - b); }
    }
    const t = paired(before, after);
    const c = dm.length >= 3 ? attempt(() => pearsonCorrelation({ x: dm, y: ds })) : null;
    return { ...h, prespecified: inPlan && planPrespecifies, n: before.length, estimate: t?.estimate ?? null, ci95: t?.ci95 ?? null, p: t?.p ?? null, method: inPlan ? 'holm' as const : 'bh' as const, test: 'paired-t' as const, correlation: c ? { r: c.estimate, p: c.p, n: dm.length } : null };
  };
  const pre = plan.biomarkers.map((h) => marker(h, true));
  const preKeys = new Set(plan.biomarkers.map((h) => `${h.analyte}\u0000${h.sampleType}\u0000${h.visit}`));
  const exploratoryKeys = new Set<string>();
  for (const l of cut.labs) if (l.visit && l.visit !== 'baseline' && dosedIds.has(l.studyId)) exploratoryKeys.add(`${l.analyte}\u0000${l.sampleType}\u0000${l.visit}`);
  const exp = [...exploratoryKeys].filter((k) => !preKeys.has(k)).sort().map((k) => {
    const [analyte, sampleType, visit] = k.split('\u0000');
    return marker({ id: `${analyte}.${sampleType}.${visit}`, analyte, sampleType, visit, direction: null }, false);
  });
  const adjust = (rs: typeof pre, f: (p: number[]) => number[]): BiomarkerResult[] => {
    const idx = rs.map((r, i) => [r.p, i] as const).filter((x): x is readonly [number, number] => x[0] !== null);
    const adj = f(idx.map(([p]) => p));
    const out: BiomarkerResult[] = rs.map((r) => ({ ...r, pAdjusted: null }));
    idx.forEach(([, i], j) => { out[i] = { ...out[i], pAdjusted: adj[j] }; });
    return out;
  };
  const biomarkers = [...adjust(pre, holm), ...adjust(exp, benjaminiHochberg)];

  // ---- benchmarks beside the observed figures ----
  const sdBase = baseline.baseline.sd;
  const observedFor = (b: Benchmark): number | null => {
    if (b.compare === 'response') return responders.itt.estimate;
    if (b.compare === 'remission') return remitters.itt.estimate;
    if (b.compare === 'change') return primary ? primary.estimate : null;
    return primary && sdBase ? Math.abs(primary.estimate) / sdBase : null;
  };
  const benchmarks = benchmarksFor(scaleId).map((b) => ({ ...b, observed: observedFor(b) }));

  // ---- limitations, from the design and what was measured ----
  const limitations: Limitation[] = [{ code: 'no_control' }, { code: 'self_selected' }];
  if (plan.design.selfPay) limitations.push({ code: 'self_pay' });
  const informants = new Set(cut.outcomes.filter((o) => o.scale === scaleId).map((o) => o.informant));
  if (informants.has('clinician') && !plan.design.raterBlinded) limitations.push({ code: 'unblinded_raters' });
  if (informants.has('self')) limitations.push({ code: 'self_report' });
  const missingPrimary = dosed.length - (flow.visits.find((v) => v.visit === primaryVisit)?.n ?? 0);
  if (missingPrimary > 0) limitations.push({ code: 'loss_to_follow_up', params: { missing: missingPrimary, dosed: dosed.length } });
  if (dosed.length < 30) limitations.push({ code: 'small_sample', params: { dosed: dosed.length } });
  if (medications.participantsWithChange > 0) limitations.push({ code: 'co_medication', params: { participants: medications.participantsWithChange } });
  if (plan.lockedAt === null) limitations.push({ code: 'plan_not_locked' });
  else if (lockedBeforeCut === false) limitations.push({ code: 'plan_locked_after_cut' });
  else if (cut.manifest.planLockedBeforeFirstEnrolment === false) limitations.push({ code: 'plan_locked_after_enrolment' });

  if (sensitivity.perProtocol) limitations.push({ code: 'per_protocol_selected', params: { included: sensitivity.perProtocol.participants, dosed: dosed.length } });
  if (sensitivity.perProtocol && pp.definition.source === 'derived') limitations.push({ code: 'per_protocol_derived', params: { doses: pp.definition.doses } });
  if (sensitivity.tippingPoint && sensitivity.tippingPoint.delta !== null) limitations.push({ code: 'tipping_point_assumption' });
  if (biomarkers.length) limitations.push({ code: 'biomarkers_uncontrolled' });
  if (aes.length) limitations.push({ code: 'ae_attribution' });

  const trajectories = dosed.map((p) => ({ studyId: p.studyId, baseline: base(p.studyId), totals: visits.map((v) => total(p.studyId, v)), completed: p.completed }));

  return {
    plan: { version: plan.version, sha256: cut.planSha256, lockedAt: plan.lockedAt, lockedBeforeCut, lockedBeforeFirstEnrolment: plan.lockedAt === null ? null : cut.manifest.planLockedBeforeFirstEnrolment, postHoc: !planPrespecifies, cutPlan: cut.cutPlan ?? null },
    program: cut.manifest.program,
    cutAt: cut.manifest.cutAt,
    scale: { id: scaleId, version: cut.manifest.scales[scaleId] ?? def?.version ?? null, direction },
    visits,
    flow,
    baseline,
    primary,
    perVisit,
    model,
    sensitivity,
    responders,
    remitters,
    reliableChange,
    rtm,
    doseResponse,
    adverseEvents,
    medications,
    biomarkers,
    biomarkerTrajectories: biomarkerTrajectories({ labs: cut.labs, ids: dosedIds, visitOrder: visits }),
    benchmarks,
    limitations,
    trajectories,
  };
}
