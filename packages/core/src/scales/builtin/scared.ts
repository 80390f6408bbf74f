import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items, range, valueOptions } from './common.ts';
import { src } from './sources.ts';

const q = (ns: ReadonlyArray<number>): string[] => ns.map((n) => `q${n}`);

/** SCARED (child and parent forms), metadata only; no validated Japanese version was found. */
export const scared: ScaleDefinition = {
  id: 'scared',
  version: '1.0.0',
  name: { en: 'Screen for Child Anxiety Related Emotional Disorders (SCARED)', ja: '小児不安関連情緒障害スクリーニング（SCARED）' },
  shortName: 'SCARED',
  informants: ['self', 'parent'],
  direction: 'higher-is-worse',
  licence: {
    class: 'B',
    status: 'conditional',
    textIncluded: false,
    attribution: {
      en: 'Birmaher B et al., University of Pittsburgh; distributed free by the authors (no formal licence text retrieved).',
      ja: 'Birmaher B ほか（ピッツバーグ大学）。著者により無償配布（正式なライセンス文は未確認）。',
    },
    sources: [src.R57],
  },
  textSource: { kind: 'none', note: { en: 'No validated Japanese text exists; import a licensed text.', ja: '検証済みの日本語版はありません。許諾済みの文言を取り込んでください。' } },
  items: items(41, valueOptions(range(0, 2))),
  scoring: {
    method: 'sum',
    range: { min: 0, max: 82 },
    reverseItems: [],
    subscales: [
      { id: 'panic_somatic', name: { en: 'Panic disorder / significant somatic symptoms', ja: 'パニック・身体症状' }, items: q([1, 6, 9, 12, 15, 18, 19, 22, 24, 27, 30, 34, 38]), cutoff: { atLeast: 7, label: { en: 'May indicate panic disorder', ja: 'パニック症の可能性' }, sources: [src.R57] } },
      { id: 'generalized_anxiety', name: { en: 'Generalized anxiety', ja: '全般性不安' }, items: q([5, 7, 14, 21, 23, 28, 33, 35, 37]), cutoff: { atLeast: 9, label: { en: 'May indicate generalized anxiety disorder', ja: '全般不安症の可能性' }, sources: [src.R57] } },
      { id: 'separation_anxiety', name: { en: 'Separation anxiety', ja: '分離不安' }, items: q([4, 8, 13, 16, 20, 25, 29, 31]), cutoff: { atLeast: 5, label: { en: 'May indicate separation anxiety', ja: '分離不安症の可能性' }, sources: [src.R57] } },
      { id: 'social_anxiety', name: { en: 'Social anxiety', ja: '社交不安' }, items: q([3, 10, 26, 32, 39, 40, 41]), cutoff: { atLeast: 8, label: { en: 'May indicate social anxiety disorder', ja: '社交不安症の可能性' }, sources: [src.R57] } },
      { id: 'school_avoidance', name: { en: 'Significant school avoidance', ja: '学校回避' }, items: q([2, 11, 17, 36]), cutoff: { atLeast: 3, label: { en: 'May indicate significant school avoidance', ja: '顕著な学校回避の可能性' }, sources: [src.R57] } },
    ],
    missing: completeFormsOnly,
  },
  bandSets: [
    {
      id: 'birmaher',
      name: { en: 'Total score cut-off 25', ja: '合計点のカットオフ 25' },
      bands: [
        { id: 'below_threshold', label: { en: 'Below the threshold', ja: 'カットオフ未満' }, min: 0, max: 24 },
        { id: 'possible_anxiety_disorder', label: { en: 'May indicate an anxiety disorder', ja: '不安症の可能性' }, min: 25, max: 82 },
      ],
      sources: [src.R57],
      note: { en: 'Scores above 30 are more specific.', ja: '30 を超える得点はより特異的です。' },
    },
  ],
  defaultBandSet: 'birmaher',
  reliableChange: {
    sd: null,
    reliability: 0.9,
    sources: [{ citation: 'Birmaher 1999, α ≈ 0.90 (not verified against the source)', uncertain: true }],
  },
  safety: [],
  ageRange: { min: 8, max: 18 },
};
