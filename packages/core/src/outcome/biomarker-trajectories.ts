import { describe } from '../stats/descriptives.ts';
import { qt } from '../stats/distributions.ts';
import type { CutLab } from './data-cut.ts';

export interface BiomarkerVisitSummary {
  readonly visit: string;
  /** Median day of the samples of this visit (days from the first dose): where the mean is drawn; null when no day was recorded. */
  readonly day: number | null;
  readonly n: number;
  readonly mean: number;
  /** t-based 95 % CI of the mean; null with fewer than 2 values. */
  readonly ci95: readonly [number, number] | null;
}

export interface BiomarkerTrajectory {
  readonly analyte: string;
  readonly sampleType: string;
  /** The unit recorded (the most frequent one when they differ). */
  readonly unit: string | null;
  readonly visits: ReadonlyArray<BiomarkerVisitSummary>;
  /** Per participant, the values by day (for the faint individual lines). */
  readonly participants: ReadonlyArray<{ readonly studyId: string; readonly points: ReadonlyArray<{ readonly day: number; readonly value: number }> }>;
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Per analyte and sample type: each participant's values over days from the first dose, and the
 * mean with its t-based 95 % CI at each visit (samples without a visit are drawn but not averaged).
 * Visits are ordered `baseline` first, then as `visitOrder`, then by median day. Only the given
 * participants (the dosed) are included.
 *
 * @example
 * biomarkerTrajectories({ labs, ids: dosedIds, visitOrder: ['w2', 'w4', 'w8'] })[0].visits[0]; // { visit: 'baseline', day: 0, n: 25, mean: 20.1, ci95: [...] }
 */
export function biomarkerTrajectories(input: { readonly labs: ReadonlyArray<CutLab>; readonly ids: ReadonlySet<string>; readonly visitOrder: ReadonlyArray<string> }): BiomarkerTrajectory[] {
  const groups = new Map<string, CutLab[]>();
  for (const l of input.labs) {
    if (l.value === null || !input.ids.has(l.studyId)) continue;
    const k = `${l.analyte}\u0000${l.sampleType}`;
    const g = groups.get(k) ?? [];
    g.push(l);
    groups.set(k, g);
  }
  return [...groups.keys()].sort().map((k) => {
    const labs = groups.get(k)!;
    const [analyte, sampleType] = k.split('\u0000');
    const units = new Map<string, number>();
    for (const l of labs) if (l.unit) units.set(l.unit, (units.get(l.unit) ?? 0) + 1);
    const unit = [...units.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    const byVisit = new Map<string, CutLab[]>();
    for (const l of labs) if (l.visit !== null) { const g = byVisit.get(l.visit) ?? []; g.push(l); byVisit.set(l.visit, g); }
    const dayOf = (ls: ReadonlyArray<CutLab>) => median(ls.map((l) => l.day).filter((d): d is number => d !== null));
    const rank = (v: string) => (v === 'baseline' ? -1 : input.visitOrder.includes(v) ? input.visitOrder.indexOf(v) : input.visitOrder.length);
    const visits = [...byVisit.entries()]
      .map(([visit, ls]) => {
        // one value per participant and visit: the first row
        const seen = new Set<string>();
        const values = ls.filter((l) => (seen.has(l.studyId) ? false : (seen.add(l.studyId), true))).map((l) => l.value!);
        const d = describe(values);
        const h = d.n > 1 ? qt(0.975, d.n - 1) * (d.sd / Math.sqrt(d.n)) : null;
        const day = ls.some((l) => l.day !== null) ? dayOf(ls) : null;
        return { visit, day, n: d.n, mean: d.mean, ci95: h === null ? null : ([d.mean - h, d.mean + h] as const) };
      })
      .sort((a, b) => rank(a.visit) - rank(b.visit) || (a.day ?? 0) - (b.day ?? 0) || (a.visit < b.visit ? -1 : 1));
    const perId = new Map<string, Array<{ day: number; value: number }>>();
    for (const l of labs) {
      if (l.day === null) continue;
      const ps = perId.get(l.studyId) ?? [];
      ps.push({ day: l.day, value: l.value! });
      perId.set(l.studyId, ps);
    }
    const participants = [...perId.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([studyId, points]) => ({ studyId, points: points.sort((a, b) => a.day - b.day) }));
    return { analyte, sampleType, unit, visits, participants };
  });
}
