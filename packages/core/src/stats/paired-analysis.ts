import { completePairs } from './complete-pairs.ts';
import { mean, sd } from './descriptives.ts';
import { pairedEffectSizes } from './paired-effect-sizes.ts';
import { pairedTTest } from './t-test.ts';
import { statsError } from './stats-error.ts';
import { wilcoxonSignedRank, type SignedRankMethod } from './wilcoxon-signed-rank.ts';

export interface PairedAnalysis {
  readonly n: number;
  /** Rows left out because the before or the after value is missing. */
  readonly missing: number;
  readonly meanChange: number;
  readonly sdChange: number;
  readonly ci95: readonly [number, number];
  readonly t: number;
  readonly df: number;
  readonly p: number;
  readonly wilcoxon: { readonly V: number; readonly p: number; readonly method: SignedRankMethod };
  readonly dz: number;
  readonly hedgesGz: number;
  readonly srm: number;
}

/**
 * Everything a reviewer asks of a before/after comparison: change = after − before over complete
 * pairs (rows missing either value are left out, and counted), paired t with 95% CI, Wilcoxon signed-rank (R's
 * exact/approximate choice), d_z, Hedges' g_z and SRM.
 * @example pairedAnalysis({ before: [10, 12, null], after: [8, 9, 7] }).n // 2 (needs ≥ 3 in practice)
 */
export function pairedAnalysis(input: {
  readonly before: ReadonlyArray<number | null>;
  readonly after: ReadonlyArray<number | null>;
}): PairedAnalysis {
  if (input.before.length !== input.after.length) throw statsError('before and after must have the same length');
  const { before: b, after: a, missing } = completePairs(input);
  if (b.length < 3) throw statsError('a paired analysis needs at least 3 complete pairs', { n: b.length });
  const change = a.map((v, i) => v - b[i]);
  const t = pairedTTest({ before: b, after: a });
  const w = wilcoxonSignedRank(change);
  const es = pairedEffectSizes(change);
  return {
    n: change.length,
    missing,
    meanChange: mean(change),
    sdChange: sd(change),
    ci95: t.ci95,
    t: t.t,
    df: t.df,
    p: t.p,
    wilcoxon: { V: w.V, p: w.p, method: w.method },
    dz: es.dz,
    hedgesGz: es.hedgesGz,
    srm: es.srm,
  };
}
