import type { LocalizedText } from '../text/localized-text.ts';

/**
 * The biomarker panel of the monitor programs and what the core knows about each analyte: its
 * canonical unit, the units accepted on entry (with the factor that converts them to the canonical
 * unit), the sample types it may be measured in, a physical plausibility ceiling, and a default
 * reference range where a shared one exists.
 *
 * Sources and choices:
 * - Mass-unit factors are exact (1 ng/L = 1 pg/mL; 1 ng/mL = 1000 pg/mL; 1 mg/L = 0.1 mg/dL).
 * - Cortisol: 1 µg/dL = 27.59 nmol/L (molar mass 362.46 g/mol; e.g. labtests.co.in cortisol unit
 *   converter, Peterson, endocrinevet.blogspot.com 2011-06-30).
 * - CRP reference range 0.00–0.14 mg/dL: JCCLS 共用基準範囲 for Japanese adults, no sex or age
 *   difference (伊藤喜久, 臨床検査 64(9):972–979, 2020, doi:10.11477/mf.1542202459). CRP assays are
 *   standardised to CRM470, so one range is reasonable; still configurable.
 * - IL-6 < 7 pg/mL: 95th percentile of healthy people for Roche Elecsys IL-6 (as quoted by the
 *   Medizin-Zentrum Dortmund test directory). Other assays differ (Beckman Access < 6.4 pg/mL,
 *   Mayo's MSD assay < 17.4 pg/mL), so the range is marked assay-dependent.
 * - TNF-α, IL-10, TGF-β, BDNF, NGF, cortisol: no shared reference interval; these are research
 *   assays (ELISA / multiplex) whose values depend on kit, matrix and, for cortisol, time of day.
 *   The default is `null`; the clinic configures a range per assay (see `resolveReferenceRange`).
 * - The plausibility ceilings are our own generous bounds, chosen to catch unit mix-ups and typos
 *   (a value 1000× too large), not clinical limits: they sit well above the highest values reported
 *   even in septic shock (IL-6 up to 170 000 pg/mL, same Dortmund page).
 */
export type AnalyteId = 'il6' | 'tnf_alpha' | 'crp' | 'il10' | 'tgf_beta' | 'bdnf' | 'ngf' | 'cortisol';

export type SampleType = 'serum' | 'plasma' | 'saliva';

export const ANALYTE_IDS: ReadonlyArray<AnalyteId> = ['il6', 'tnf_alpha', 'crp', 'il10', 'tgf_beta', 'bdnf', 'ngf', 'cortisol'];

export const SAMPLE_TYPES: ReadonlyArray<SampleType> = ['serum', 'plasma', 'saliva'];

export type ReferenceRange = {
  /** Inclusive bounds in the analyte's canonical unit; `null` = open. */
  readonly low: number | null;
  readonly high: number | null;
  readonly assayDependent: boolean;
  readonly source: string;
};

export type AnalyteDefinition = {
  readonly id: AnalyteId;
  readonly label: LocalizedText;
  readonly canonicalUnit: string;
  /** unit → factor; canonical value = entered value × factor. */
  readonly units: Readonly<Record<string, number>>;
  readonly sampleTypes: ReadonlyArray<SampleType>;
  /** Largest physically plausible value, in the canonical unit. */
  readonly plausibleMax: number;
  readonly referenceRange: ReferenceRange | null;
};

const cytokineUnits = { 'pg/mL': 1, 'ng/L': 1, 'ng/mL': 1000 } as const;

export const ANALYTES: Readonly<Record<AnalyteId, AnalyteDefinition>> = Object.freeze({
  il6: {
    id: 'il6',
    label: { ja: 'IL-6（インターロイキン6）', en: 'IL-6 (interleukin 6)' },
    canonicalUnit: 'pg/mL',
    units: cytokineUnits,
    sampleTypes: ['serum', 'plasma', 'saliva'],
    plausibleMax: 1_000_000,
    referenceRange: {
      low: null,
      high: 7,
      assayDependent: true,
      source: 'Roche Elecsys IL-6, 95th percentile of healthy people (manufacturer, via Medizin-Zentrum Dortmund test directory)',
    },
  },
  tnf_alpha: {
    id: 'tnf_alpha',
    label: { ja: 'TNF-α（腫瘍壊死因子α）', en: 'TNF-α (tumour necrosis factor α)' },
    canonicalUnit: 'pg/mL',
    units: cytokineUnits,
    sampleTypes: ['serum', 'plasma', 'saliva'],
    plausibleMax: 100_000,
    referenceRange: null,
  },
  crp: {
    id: 'crp',
    label: { ja: 'CRP（C反応性蛋白）', en: 'CRP (C-reactive protein)' },
    canonicalUnit: 'mg/dL',
    units: { 'mg/dL': 1, 'mg/L': 0.1, 'μg/mL': 0.1, 'ng/mL': 0.0001 },
    sampleTypes: ['serum', 'plasma'],
    plausibleMax: 100,
    referenceRange: {
      low: 0,
      high: 0.14,
      assayDependent: false,
      source: 'JCCLS 共用基準範囲 (伊藤喜久, 臨床検査 64(9):972–979, 2020, doi:10.11477/mf.1542202459)',
    },
  },
  il10: {
    id: 'il10',
    label: { ja: 'IL-10（インターロイキン10）', en: 'IL-10 (interleukin 10)' },
    canonicalUnit: 'pg/mL',
    units: cytokineUnits,
    sampleTypes: ['serum', 'plasma', 'saliva'],
    plausibleMax: 100_000,
    referenceRange: null,
  },
  tgf_beta: {
    id: 'tgf_beta',
    label: { ja: 'TGF-β（トランスフォーミング増殖因子β）', en: 'TGF-β (transforming growth factor β)' },
    canonicalUnit: 'ng/mL',
    units: { 'ng/mL': 1, 'μg/L': 1, 'pg/mL': 0.001 },
    sampleTypes: ['serum', 'plasma'],
    plausibleMax: 1000,
    referenceRange: null,
  },
  bdnf: {
    id: 'bdnf',
    label: { ja: 'BDNF（脳由来神経栄養因子）', en: 'BDNF (brain-derived neurotrophic factor)' },
    canonicalUnit: 'ng/mL',
    units: { 'ng/mL': 1, 'μg/L': 1, 'pg/mL': 0.001 },
    sampleTypes: ['serum', 'plasma', 'saliva'],
    plausibleMax: 1000,
    referenceRange: null,
  },
  ngf: {
    id: 'ngf',
    label: { ja: 'NGF（神経成長因子）', en: 'NGF (nerve growth factor)' },
    canonicalUnit: 'pg/mL',
    units: cytokineUnits,
    sampleTypes: ['serum', 'plasma', 'saliva'],
    plausibleMax: 100_000,
    referenceRange: null,
  },
  cortisol: {
    id: 'cortisol',
    label: { ja: 'コルチゾール', en: 'Cortisol' },
    canonicalUnit: 'μg/dL',
    units: { 'μg/dL': 1, 'nmol/L': 1 / 27.59, 'ng/mL': 0.1, 'μg/L': 0.1 },
    sampleTypes: ['serum', 'plasma', 'saliva'],
    plausibleMax: 500,
    referenceRange: null,
  },
} satisfies Record<AnalyteId, AnalyteDefinition>);

/**
 * Folds the ways people and lab exports write a unit into one comparison key: NFKC (which turns
 * the micro sign U+00B5 into μ U+03BC), no spaces, `u`/`mcg` as μ, lower case.
 *
 * @example
 * unitKey('ug/dl') === unitKey('μg/dL'); // true
 */
export function unitKey(unit: string): string {
  return unit
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^mcg(?=\/)/i, 'μg')
    .replace(/^u(?=[a-z]+\/)/i, 'μ')
    .toLowerCase();
}

/**
 * The accepted unit of an analyte that `raw` denotes, in its canonical spelling, or `undefined`
 * for an unknown unit.
 *
 * @example
 * resolveUnit('cortisol', 'ug/dl'); // 'μg/dL'
 * resolveUnit('il6', 'mg/dL');      // undefined
 */
export function resolveUnit(analyte: AnalyteId, raw: string): string | undefined {
  const key = unitKey(raw);
  return Object.keys(ANALYTES[analyte].units).find((u) => unitKey(u) === key);
}

/** True when `id` is one of the panel's analytes. */
export function isAnalyteId(id: unknown): id is AnalyteId {
  return typeof id === 'string' && (ANALYTE_IDS as ReadonlyArray<string>).includes(id);
}
