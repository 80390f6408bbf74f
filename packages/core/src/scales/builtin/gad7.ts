import type { ScaleDefinition } from '../scale-definition.ts';
import { items } from './common.ts';
import { phqAttribution, phqFrequencyOptions, phqTwoWeeks } from './phq-options.ts';
import { src } from './sources.ts';

/** GAD-7 with English text (Spitzer 2006) and the Japanese text distributed with the PHQ family. */
export const gad7: ScaleDefinition = {
  id: 'gad7',
  version: '1.0.0',
  name: { en: 'Generalized Anxiety Disorder-7 (GAD-7)', ja: '全般性不安障害尺度（GAD-7）' },
  shortName: 'GAD-7',
  informants: ['self'],
  recallPeriod: phqTwoWeeks,
  instructions: {
    en: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    ja: 'この2週間、次のような問題にどのくらい頻繁（ひんぱん）に悩まされていますか？',
  },
  direction: 'higher-is-worse',
  licence: {
    class: 'A',
    status: 'free',
    textIncluded: true,
    copyright: 'GAD-7 © Pfizer Inc.',
    attribution: phqAttribution,
    sources: [src.R1, src.R2],
  },
  textSource: { kind: 'builtin' },
  items: items(7, phqFrequencyOptions, [
    { en: 'Feeling nervous, anxious, or on edge', ja: '緊張感、不安感または神経過敏を感じる' },
    { en: 'Not being able to stop or control worrying', ja: '心配することを止められない、または心配をコントロールできない' },
    { en: 'Worrying too much about different things', ja: 'いろいろなことを心配しすぎる' },
    { en: 'Trouble relaxing', ja: 'くつろぐことが難しい' },
    { en: 'Being so restless that it is hard to sit still', ja: 'じっとしていることができないほど落ち着かない' },
    { en: 'Becoming easily annoyed or irritable', ja: 'いらいらしがちであり、怒りっぽい' },
    { en: 'Feeling afraid, as if something awful might happen', ja: '何か恐ろしいことがおこるのではないかと恐れを感じる' },
  ]),
  scoring: {
    method: 'sum',
    range: { min: 0, max: 21 },
    reverseItems: [],
    subscales: [],
    missing: {
      kind: 'prorate',
      maxMissing: 1,
      basis: 'project-convention',
      note: {
        en: 'No developer rule was found. At most 1 item may be missing; the total is then the mean of the answered items × 7, rounded half up.',
        ja: '開発者の規定は見つかっていません。未回答は1項目まで、その場合は回答項目の平均×7（四捨五入）。',
      },
    },
  },
  bandSets: [
    {
      id: 'spitzer2006',
      name: { en: 'Spitzer 2006 severity', ja: 'Spitzer 2006 重症度' },
      bands: [
        { id: 'minimal', label: { en: 'Minimal', ja: 'なし〜最小限' }, min: 0, max: 4 },
        { id: 'mild', label: { en: 'Mild', ja: '軽度' }, min: 5, max: 9 },
        { id: 'moderate', label: { en: 'Moderate', ja: '中等度' }, min: 10, max: 14 },
        { id: 'severe', label: { en: 'Severe', ja: '重度' }, min: 15, max: 21 },
      ],
      sources: [src.R14, src.R1],
      note: { en: '≥ 10 screens for GAD (sensitivity 89 %, specificity 82 %).', ja: '10 点以上で GAD の可能性（感度 89 %、特異度 82 %）。' },
    },
  ],
  defaultBandSet: 'spitzer2006',
  response: {
    minReduction: 0.5,
    sources: [{ citation: 'Measurement-based-care convention (no GAD-7-specific consensus)', uncertain: true }],
  },
  remission: {
    atMost: 4,
    sources: [{ citation: 'Measurement-based-care convention by analogy with PHQ-9 (total < 5)', uncertain: true }],
  },
  reliableChange: {
    sd: 3.4,
    reliability: 0.89,
    sources: [src.R15, src.B25],
    note: {
      en: 'General-population SD (women 3.5, men 3.2) and α 0.89 (Löwe 2008) give a threshold ≈ 3.1; NHS Talking Therapies use ≥ 4. Replace with the clinic baseline SD once n ≥ 50.',
      ja: '一般人口の SD（女性 3.5、男性 3.2）と α 0.89（Löwe 2008）で閾値は約 3.1（NHS Talking Therapies は 4 点以上）。n ≥ 50 になったらクリニックのベースライン SD に置き換えてください。',
    },
  },
  safety: [],
  loinc: { panel: '69737-5', total: '70274-6', sources: [src.R17] },
};
