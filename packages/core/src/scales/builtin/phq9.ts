import type { ScaleDefinition } from '../scale-definition.ts';
import { items, suicidalityRule, urgentRule } from './common.ts';
import { phqAttribution, phqFrequencyOptions, phqTwoWeeks } from './phq-options.ts';
import { src } from './sources.ts';

/** PHQ-9 with English text (Kroenke 2001) and the distributed Japanese J-PHQ-9 text. */
export const phq9: ScaleDefinition = {
  id: 'phq9',
  version: '1.0.0',
  name: { en: 'Patient Health Questionnaire-9 (PHQ-9)', ja: 'こころとからだの質問票（PHQ-9）' },
  shortName: 'PHQ-9',
  informants: ['self'],
  recallPeriod: phqTwoWeeks,
  instructions: {
    en: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    ja: 'この2週間、次のような問題にどのくらい頻繁（ひんぱん）に悩まされていますか？',
  },
  direction: 'higher-is-worse',
  licence: {
    class: 'A',
    status: 'free',
    textIncluded: true,
    copyright: 'PHQ-9 © Pfizer Inc.',
    attribution: phqAttribution,
    sources: [src.R1, src.R2],
  },
  textSource: { kind: 'builtin' },
  items: items(9, phqFrequencyOptions, [
    { en: 'Little interest or pleasure in doing things', ja: '物事に対してほとんど興味がない、または楽しめない' },
    { en: 'Feeling down, depressed, or hopeless', ja: '気分が落ち込む、憂うつになる、または絶望的な気持ちになる' },
    { en: 'Trouble falling or staying asleep, or sleeping too much', ja: '寝付きが悪い、途中で目がさめる、または逆に眠り過ぎる' },
    { en: 'Feeling tired or having little energy', ja: '疲れた感じがする、または気力がない' },
    { en: 'Poor appetite or overeating', ja: 'あまり食欲がない、または食べ過ぎる' },
    {
      en: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      ja: '自分はダメな人間だ、人生の敗北者だと気に病む、または自分自身あるいは家族に申し訳がないと感じる',
    },
    {
      en: 'Trouble concentrating on things, such as reading the newspaper or watching television',
      ja: '新聞を読む、またはテレビを見ることなどに集中することが難しい',
    },
    {
      en: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      ja: '他人が気づくぐらいに動きや話し方が遅くなる、あるいはこれと反対に、そわそわしたり、落ちつかず、ふだんよりも動き回ることがある',
    },
    {
      en: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      ja: '死んだ方がましだ、あるいは自分を何らかの方法で傷つけようと思ったことがある',
    },
  ]).map((it) => (it.id === 'q9' ? { ...it, loinc: '44260-8' } : it)),
  scoring: {
    method: 'sum',
    range: { min: 0, max: 27 },
    reverseItems: [],
    subscales: [],
    missing: {
      kind: 'prorate',
      maxMissing: 1,
      required: ['q9'],
      basis: 'project-convention',
      note: {
        en: 'No developer rule was found. At most 1 item may be missing; the total is then the mean of the answered items × 9, rounded half up. Item 9 (self-harm) is never prorated.',
        ja: '開発者の規定は見つかっていません。未回答は1項目まで、その場合は回答項目の平均×9（四捨五入）。項目9（自傷）は按分しません。',
      },
    },
  },
  bandSets: [
    {
      id: 'kroenke2001',
      name: { en: 'Kroenke 2001 severity', ja: 'Kroenke 2001 重症度' },
      bands: [
        { id: 'minimal', label: { en: 'Minimal', ja: 'なし〜最小限' }, min: 0, max: 4 },
        { id: 'mild', label: { en: 'Mild', ja: '軽度' }, min: 5, max: 9 },
        { id: 'moderate', label: { en: 'Moderate', ja: '中等度' }, min: 10, max: 14 },
        { id: 'moderately_severe', label: { en: 'Moderately severe', ja: '中等度〜重度' }, min: 15, max: 19 },
        { id: 'severe', label: { en: 'Severe', ja: '重度' }, min: 20, max: 27 },
      ],
      sources: [src.R3],
      note: {
        en: 'Screening cut-off ≥ 10 (also in Japanese primary care, Muramatsu 2018); adolescents 13–17: ≥ 11 (Richardson 2010).',
        ja: 'スクリーニングのカットオフは 10 点以上（日本のプライマリケアでも同じ、Muramatsu 2018）。13–17歳では 11 点以上（Richardson 2010）。',
      },
    },
  ],
  defaultBandSet: 'kroenke2001',
  response: { minReduction: 0.5, sources: [src.C9] },
  remission: { atMost: 4, sources: [src.C9], note: { en: 'Total < 5 (NQF 0711).', ja: '合計 5 点未満（NQF 0711）。' } },
  reliableChange: {
    sd: 3.5,
    reliability: 0.84,
    sources: [src.R9, { ...src.R3, uncertain: true }, src.B25],
    note: {
      en: 'SD 3.5 is the general-population SD (Kocalevent 2013) and r 0.84 the 48-h test–retest (unverified); threshold ≈ 3.9. A clinical SD (≈ 5.5) gives ≈ 6, the NHS Talking Therapies rule. Replace with the clinic baseline SD once n ≥ 50.',
      ja: 'SD 3.5 は一般人口の SD（Kocalevent 2013）、r 0.84 は48時間再検査信頼性（未検証）で、閾値は約 3.9。臨床群の SD（約 5.5）では約 6。n ≥ 50 になったらクリニックのベースライン SD に置き換えてください。',
    },
  },
  // Item 9 ≥ 1 needs a clinician the same day (GLAD-PC); ≥ 2 ("more than half the days") is urgent:
  // the risk of a later attempt rises with each step of the answer (Simon 2013). The urgent cut-off
  // is this project's convention for who is woken at night; the clinic's doctors sign it off (docs/safety.md).
  safety: [suicidalityRule('q9', 1, [src.R11]), urgentRule('q9', 2, [src.R11, src.S1])],
  loinc: { panel: '44249-1', total: '44261-6', sources: [src.R4] },
  ageRange: { min: 13 },
};
