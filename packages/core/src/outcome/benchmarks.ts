/** A published "what happens without the specific treatment" figure for a single-arm series. */
export interface Benchmark {
  readonly id: string;
  /** What the observed figure is compared with. */
  readonly compare: 'response' | 'remission' | 'change' | 'effect-size';
  readonly comparator: 'placebo' | 'sham' | 'waitlist';
  readonly low: number;
  readonly high: number;
  /** Unit of low/high: a proportion, points of the named scale, or a standardised effect size. */
  readonly unit: 'proportion' | 'hamd17-points' | 'g' | 'd';
  readonly population: { readonly ja: string; readonly en: string };
  readonly source: { readonly citation: string; readonly url: string | null };
}

const depression: ReadonlyArray<Benchmark> = [
  {
    id: 'placebo-response-adult-mdd', compare: 'response', comparator: 'placebo', low: 0.35, high: 0.4, unit: 'proportion',
    population: { ja: '成人うつ病の抗うつ薬RCTのプラセボ群（252試験）', en: 'placebo arms of adult antidepressant RCTs (252 trials)' },
    source: { citation: 'Furukawa TA et al. Lancet Psychiatry 2016;3:1059–1066', url: 'https://www.thelancet.com/journals/lanpsy/article/PIIS2215-0366(16)30307-8/fulltext' },
  },
  {
    id: 'placebo-remission-adult-mdd', compare: 'remission', comparator: 'placebo', low: 0.25, high: 0.25, unit: 'proportion',
    population: { ja: '成人うつ病のプラセボ群（HAM-D ≤ 7、8試験の統合）', en: 'adult depression, placebo (HAM-D ≤ 7, 8 pooled trials)' },
    source: { citation: 'Thase ME et al. Br J Psychiatry 2001;178:234–241', url: 'https://www.ncbi.nlm.nih.gov/pubmed/11230034' },
  },
  {
    id: 'sham-rtms', compare: 'effect-size', comparator: 'sham', low: 0.65, high: 0.95, unit: 'g',
    population: { ja: 'うつ病rTMS試験のシャム群（61試験、g = 0.80）', en: 'sham arms of rTMS trials for depression (61 trials, g = 0.80)' },
    source: { citation: 'Razza LB et al. Prog Neuropsychopharmacol Biol Psychiatry 2018;81:105–113', url: null },
  },
  {
    id: 'waitlist-depression', compare: 'change', comparator: 'waitlist', low: 4, high: 4, unit: 'hamd17-points',
    population: { ja: 'うつ病の待機群（治療なしの自然経過、約4 HAM-D点）', en: 'depression wait-list (no treatment, about 4 HAM-D points)' },
    source: { citation: 'Rutherford BR et al. J Psychiatr Res 2012;46:697–702', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3509755/' },
  },
  {
    id: 'placebo-self-report', compare: 'effect-size', comparator: 'placebo', low: 0.67, high: 0.67, unit: 'd',
    population: { ja: 'プラセボ群の自己評価尺度での効果量（観察者評価では 1.85）', en: 'placebo arms on self-rated scales (observer-rated: 1.85)' },
    source: { citation: 'Rief W et al. J Affect Disord 2009;118:1–8', url: 'https://www.jad-journal.com/article/S0165-0327(09)00038-X/abstract' },
  },
];

const anxiety: ReadonlyArray<Benchmark> = [
  {
    id: 'placebo-response-anxiety', compare: 'response', comparator: 'placebo', low: 0.37, high: 0.37, unit: 'proportion',
    population: { ja: '不安症・強迫症・ストレス関連障害のプラセボ群（135試験）', en: 'placebo arms in anxiety, OC and stress disorders (135 trials)' },
    source: { citation: 'Motta LS et al. BMJ Ment Health 2023;26:e300630', url: 'https://mentalhealth.bmj.com/content/26/1/e300630' },
  },
  {
    id: 'placebo-remission-anxiety', compare: 'remission', comparator: 'placebo', low: 0.24, high: 0.24, unit: 'proportion',
    population: { ja: '同上（寛解）', en: 'same meta-analysis (remission)' },
    source: { citation: 'Motta LS et al. BMJ Ment Health 2023;26:e300630', url: 'https://mentalhealth.bmj.com/content/26/1/e300630' },
  },
];

const byScale: Readonly<Record<string, ReadonlyArray<Benchmark>>> = {
  phq9: depression, 'phq9-teens': depression, 'qids-sr16': depression, hamd17: depression, madrs: depression, cesd: depression, epds: depression,
  gad7: anxiety,
};

/**
 * The published placebo / sham / wait-list figures to show beside a program's observed change on
 * `scaleId` (empty when none apply). Figures as reported by their sources; none is a control group
 * for this program.
 * @example benchmarksFor('phq9')[0].id // 'placebo-response-adult-mdd'
 */
export function benchmarksFor(scaleId: string): ReadonlyArray<Benchmark> {
  return byScale[scaleId] ?? [];
}
