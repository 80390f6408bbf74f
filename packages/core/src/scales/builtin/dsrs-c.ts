import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items, range, valueOptions } from './common.ts';
import { src } from './sources.ts';

/**
 * DSRS-C (Birleson; Japanese edition 三京房), metadata only. The licensed manual says which 10 of
 * the 18 items are reverse-scored; it was not available, so answers here are the item's *scored*
 * value (0 = symptom absent … 2 = present) and the clinic's imported text pack maps each anchor
 * to its value per the manual.
 */
export const dsrsC: ScaleDefinition = {
  id: 'dsrs_c',
  version: '1.0.0',
  name: { en: 'Depression Self-Rating Scale for Children (DSRS-C)', ja: 'バールソン児童用抑うつ性尺度（DSRS-C）' },
  shortName: 'DSRS-C',
  informants: ['self'],
  recallPeriod: { en: 'Past week', ja: '最近1週間' },
  direction: 'higher-is-worse',
  licence: {
    class: 'C',
    status: 'commercial',
    textIncluded: false,
    copyright: 'DSRS-C 日本語版 © 三京房',
    attribution: {
      en: 'Birleson P (1981). Japanese version: Murata T, Kamimoto A, Mori Y, Takeda S; published by Sankyobo.',
      ja: 'Birleson P（1981）。日本語版: 村田豊久・神本亜紀・森陽二郎・竹田祥子、三京房。',
    },
    sources: [src.R60],
  },
  textSource: {
    kind: 'none',
    note: {
      en: 'Answers are scored values (0–2); the licensed text pack orders each item’s anchors by the manual’s direction.',
      ja: '回答は採点後の値（0–2）です。許諾済みテキストパックで、手引きに従って各項目の選択肢と値を対応させてください。',
    },
  },
  items: items(18, valueOptions(range(0, 2))),
  scoring: { method: 'sum', range: { min: 0, max: 36 }, reverseItems: [], subscales: [], missing: completeFormsOnly },
  bandSets: [
    {
      id: 'murata_ja',
      name: { en: 'Japanese cut-off 16', ja: '日本のカットオフ 16' },
      bands: [
        { id: 'below_cutoff', label: { en: 'Below the cut-off', ja: 'カットオフ未満' }, min: 0, max: 15 },
        { id: 'possible_depression', label: { en: 'Possible depression', ja: '抑うつの可能性' }, min: 16, max: 36 },
      ],
      sources: [src.R60],
    },
  ],
  defaultBandSet: 'murata_ja',
  safety: [],
  notes: [
    {
      en: 'Whether an item asks about suicidal ideation was not verified: check the manual and add a safety rule by importing a new version if so.',
      ja: '自殺念慮を尋ねる項目の有無は未確認です。手引きで確認し、該当すれば安全ルールを加えた新しい版を取り込んでください。',
    },
  ],
  ageRange: { min: 7, max: 15 },
};
