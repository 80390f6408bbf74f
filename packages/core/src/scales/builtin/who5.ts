import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items, valueOptions } from './common.ts';
import { src } from './sources.ts';

/** WHO-5, metadata only (2024 WHO edition CC BY-NC-SA 3.0 IGO). Raw 0–25 × 4 → 0–100, higher is better. */
export const who5: ScaleDefinition = {
  id: 'who5',
  version: '1.0.0',
  name: { en: 'WHO-5 Well-Being Index', ja: 'WHO-5 精神的健康状態表' },
  shortName: 'WHO-5',
  informants: ['self'],
  recallPeriod: { en: 'Last 2 weeks', ja: '過去2週間' },
  direction: 'higher-is-better',
  licence: {
    class: 'B',
    status: 'conditional',
    textIncluded: false,
    copyright: 'WHO-5 © World Health Organization (WHO-UCN-MSD-MHE-2024.01, CC BY-NC-SA 3.0 IGO)',
    attribution: {
      en: 'World Health Organization. Japanese version: Awata S et al. 2007. Non-commercial, share-alike licence: check whether a fee-charging clinic counts as commercial use.',
      ja: '世界保健機関（WHO）。日本語版: 粟田主一ほか（2007）。非営利・継承ライセンスのため、有償診療が営利利用に当たるか確認してください。',
    },
    sources: [src.R29, src.R31],
  },
  textSource: {
    kind: 'none',
    note: { en: 'Text not shipped until the non-commercial licence question is settled.', ja: '非営利ライセンスの問題が解決するまで文言は収録しません。' },
  },
  // Options in display order: "All of the time" (5) … "At no time" (0).
  items: items(5, valueOptions([5, 4, 3, 2, 1, 0])),
  scoring: { method: 'sum', range: { min: 0, max: 100 }, reverseItems: [], multiplier: 4, subscales: [], missing: completeFormsOnly },
  bandSets: [
    {
      id: 'topp2015',
      name: { en: 'Topp 2015 / INSPQ', ja: 'Topp 2015 / INSPQ' },
      bands: [
        { id: 'likely_depression', label: { en: 'Likely depression', ja: 'うつ病の可能性が高い' }, min: 0, max: 28 },
        { id: 'poor_wellbeing', label: { en: 'Poor well-being: screen for depression', ja: '精神的健康状態が低い（うつ病のスクリーニングを）' }, min: 29, max: 50 },
        { id: 'not_poor', label: { en: 'Not poor well-being', ja: '低くない' }, min: 51, max: 100 },
      ],
      sources: [src.R31, src.R28],
      note: {
        en: 'Any single item scored 0 or 1 also prompts a depression assessment.',
        ja: 'いずれかの項目が 0 または 1 の場合も、うつ病の評価を検討してください。',
      },
    },
    {
      id: 'awata2007_ja',
      name: { en: 'Japanese cut-off raw < 13 (Awata 2007)', ja: '日本のカットオフ 素点 13 未満（粟田 2007）' },
      bands: [
        { id: 'possible_depression', label: { en: 'Possible depressive episode', ja: 'うつ病エピソードの可能性' }, min: 0, max: 48 },
        { id: 'above_cutoff', label: { en: 'Above the cut-off', ja: 'カットオフ以上' }, min: 49, max: 100 },
      ],
      sources: [src.R30],
      note: { en: 'Validated in people with diabetes.', ja: '糖尿病患者で検証された値です。' },
    },
  ],
  defaultBandSet: 'topp2015',
  remission: {
    atLeast: 51,
    sources: [{ citation: 'Convention: > 50 on 0–100 ("not poor well-being")', uncertain: true }],
  },
  reliableChange: {
    sd: null,
    reliability: 0.89,
    sources: [src.R30],
    note: { en: 'α 0.89 (Japanese version); enter the clinic baseline SD (0–100 metric).', ja: 'α 0.89（日本語版）。クリニックのベースライン SD（0–100 換算）を入力してください。' },
  },
  safety: [],
  ageRange: { min: 9 },
};
