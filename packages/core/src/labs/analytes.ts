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
export type AnalyteId =
  | 'il6' | 'tnf_alpha' | 'crp' | 'il10' | 'tgf_beta' | 'bdnf' | 'ngf' | 'cortisol'
  | 'mir21' | 'mir146a'
  | 'wbc' | 'rbc' | 'hemoglobin' | 'hematocrit' | 'platelets' | 'ast' | 'alt' | 'creatinine';

/** `whole_blood`: EDTA whole blood, as a blood count is measured in. */
export type SampleType = 'serum' | 'plasma' | 'saliva' | 'whole_blood';

/** What an analyte is measured for: a research biomarker, or a safety lab the doctor watches. */
export type AnalyteCategory = 'biomarker' | 'safety';

export const ANALYTE_IDS: ReadonlyArray<AnalyteId> = [
  'il6', 'tnf_alpha', 'crp', 'il10', 'tgf_beta', 'bdnf', 'ngf', 'cortisol', 'mir21', 'mir146a',
  'wbc', 'rbc', 'hemoglobin', 'hematocrit', 'platelets', 'ast', 'alt', 'creatinine',
];

export const SAMPLE_TYPES: ReadonlyArray<SampleType> = ['serum', 'plasma', 'saliva', 'whole_blood'];

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
  /** Default `biomarker`. */
  readonly category?: AnalyteCategory;
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
  // microRNAs the clinic's own article names (miR-21, miR-146a). Measured by RT-qPCR or digital PCR;
  // absolute copies per µL of serum/plasma when a standard curve or dPCR is used. Relative
  // expression (2^-ΔΔCt) has no unit and is not comparable across runs, so it is not accepted here.
  mir21: {
    id: 'mir21',
    label: { ja: 'miR-21（マイクロRNA）', en: 'miR-21 (microRNA)' },
    canonicalUnit: 'copies/μL',
    units: { 'copies/μL': 1, 'copies/mL': 0.001 },
    sampleTypes: ['serum', 'plasma'],
    plausibleMax: 1e9,
    referenceRange: null,
  },
  mir146a: {
    id: 'mir146a',
    label: { ja: 'miR-146a（マイクロRNA）', en: 'miR-146a (microRNA)' },
    canonicalUnit: 'copies/μL',
    units: { 'copies/μL': 1, 'copies/mL': 0.001 },
    sampleTypes: ['serum', 'plasma'],
    plausibleMax: 1e9,
    referenceRange: null,
  },
  // Safety labs. Units as Japanese reports print them; ranges from the JCCLS 共用基準範囲 where one
  // range serves both sexes (WBC, platelets, AST); sex-specific ones (Hb, Ht, RBC, ALT, creatinine)
  // are left to the clinic's settings.
  wbc: {
    id: 'wbc', category: 'safety',
    label: { ja: '白血球数（WBC）', en: 'White blood cells (WBC)' },
    canonicalUnit: '/μL',
    units: { '/μL': 1, '×10³/μL': 1000, '×10⁹/L': 1000 },
    sampleTypes: ['whole_blood'],
    plausibleMax: 1_000_000,
    referenceRange: { low: 3300, high: 8600, assayDependent: false, source: 'JCCLS 共用基準範囲 (伊藤喜久, 臨床検査 64(9):972–979, 2020)' },
  },
  rbc: {
    id: 'rbc', category: 'safety',
    label: { ja: '赤血球数（RBC）', en: 'Red blood cells (RBC)' },
    canonicalUnit: '×10⁴/μL',
    units: { '×10⁴/μL': 1, '万/μL': 1, '×10⁶/μL': 100, '×10¹²/L': 100 },
    sampleTypes: ['whole_blood'],
    plausibleMax: 1500,
    referenceRange: null,
  },
  hemoglobin: {
    id: 'hemoglobin', category: 'safety',
    label: { ja: 'ヘモグロビン（Hb）', en: 'Haemoglobin (Hb)' },
    canonicalUnit: 'g/dL',
    units: { 'g/dL': 1, 'g/L': 0.1 },
    sampleTypes: ['whole_blood'],
    plausibleMax: 30,
    referenceRange: null,
  },
  hematocrit: {
    id: 'hematocrit', category: 'safety',
    label: { ja: 'ヘマトクリット（Ht）', en: 'Haematocrit (Hct)' },
    canonicalUnit: '%',
    units: { '%': 1 },
    sampleTypes: ['whole_blood'],
    plausibleMax: 100,
    referenceRange: null,
  },
  platelets: {
    id: 'platelets', category: 'safety',
    label: { ja: '血小板数（PLT）', en: 'Platelets (PLT)' },
    canonicalUnit: '×10⁴/μL',
    units: { '×10⁴/μL': 1, '万/μL': 1, '×10³/μL': 0.1, '×10⁹/L': 0.1 },
    sampleTypes: ['whole_blood'],
    plausibleMax: 1000,
    referenceRange: { low: 15.8, high: 34.8, assayDependent: false, source: 'JCCLS 共用基準範囲 (伊藤喜久, 臨床検査 64(9):972–979, 2020)' },
  },
  ast: {
    id: 'ast', category: 'safety',
    label: { ja: 'AST（GOT）', en: 'AST (aspartate aminotransferase)' },
    canonicalUnit: 'U/L',
    units: { 'U/L': 1, 'IU/L': 1 },
    sampleTypes: ['serum', 'plasma'],
    plausibleMax: 100_000,
    referenceRange: { low: 13, high: 30, assayDependent: false, source: 'JCCLS 共用基準範囲 (伊藤喜久, 臨床検査 64(9):972–979, 2020)' },
  },
  alt: {
    id: 'alt', category: 'safety',
    label: { ja: 'ALT（GPT）', en: 'ALT (alanine aminotransferase)' },
    canonicalUnit: 'U/L',
    units: { 'U/L': 1, 'IU/L': 1 },
    sampleTypes: ['serum', 'plasma'],
    plausibleMax: 100_000,
    referenceRange: null,
  },
  creatinine: {
    id: 'creatinine', category: 'safety',
    label: { ja: 'クレアチニン（Cre）', en: 'Creatinine (Cr)' },
    canonicalUnit: 'mg/dL',
    // 1 mg/dL = 88.4 µmol/L (molar mass 113.12 g/mol).
    units: { 'mg/dL': 1, 'μmol/L': 1 / 88.4 },
    sampleTypes: ['serum', 'plasma'],
    plausibleMax: 50,
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
  return resolveUnitOf(ANALYTES[analyte], raw);
}

/** {@link resolveUnit} for any catalogue entry (a clinic's own analyte too). */
export function resolveUnitOf(def: Pick<AnalyteDefinition, 'units'>, raw: string): string | undefined {
  const key = unitKey(raw);
  return Object.keys(def.units).find((u) => unitKey(u) === key);
}

/** True when `id` is one of the panel's analytes. */
export function isAnalyteId(id: unknown): id is AnalyteId {
  return typeof id === 'string' && (ANALYTE_IDS as ReadonlyArray<string>).includes(id);
}
