import type { ScaleDefinition } from '../scale-definition.ts';
import { items, range, suicidalityRule, urgentRule, valueOptions } from './common.ts';
import { src } from './sources.ts';

/**
 * QIDS-SR16, metadata only. Nine DSM domains: sleep = max(items 1–4), appetite/weight =
 * max(items 6–9), psychomotor = max(items 15–16), plus items 5 and 10–14 (Rush 2003).
 */
export const qidsSr16: ScaleDefinition = {
  id: 'qids_sr16',
  version: '1.0.0',
  name: { en: 'Quick Inventory of Depressive Symptomatology, Self-Report (QIDS-SR16)', ja: '簡易抑うつ症状尺度 自己記入式（QIDS-SR16）' },
  shortName: 'QIDS-SR16',
  informants: ['self'],
  recallPeriod: { en: 'Past 7 days', ja: '過去7日間' },
  direction: 'higher-is-worse',
  licence: {
    class: 'B',
    status: 'conditional',
    textIncluded: false,
    attribution: {
      en: 'Rush AJ et al. Biol Psychiatry 2003;54:573–583 (ids-qids.org). Japanese version QIDS-J: Fujisawa D et al. Paper forms free to clinicians; electronic use: ask the rights holders.',
      ja: 'Rush AJ ほか（2003）。日本語版 QIDS-J: 藤澤大介ほか。紙の様式は臨床家に無償、電子的利用は権利者に確認が必要。',
    },
    sources: [src.R47],
  },
  textSource: {
    kind: 'none',
    note: { en: 'Electronic use of the text must be cleared with the rights holders.', ja: '文言の電子的利用は権利者の確認が必要です。' },
  },
  items: items(16, valueOptions(range(0, 3))),
  scoring: {
    method: 'sum',
    range: { min: 0, max: 27 },
    reverseItems: [],
    maxGroups: [
      { id: 'sleep', items: ['q1', 'q2', 'q3', 'q4'], name: { en: 'Sleep', ja: '睡眠' } },
      { id: 'appetite_weight', items: ['q6', 'q7', 'q8', 'q9'], name: { en: 'Appetite / weight', ja: '食欲・体重' } },
      { id: 'psychomotor', items: ['q15', 'q16'], name: { en: 'Psychomotor', ja: '精神運動' } },
    ],
    subscales: [],
    missing: {
      kind: 'none-allowed',
      basis: 'project-convention',
      note: {
        en: 'Every one of the 9 domains must be scorable; within a max-group one answered item is enough (the form asks for either 6 or 7 and either 8 or 9).',
        ja: '9領域すべてが採点可能である必要があります。最大値グループ内は1項目の回答で足ります（6 か 7、8 か 9 のどちらかに回答する様式のため）。',
      },
    },
  },
  bandSets: [
    {
      id: 'rush2003',
      name: { en: 'Rush 2003 severity', ja: 'Rush 2003 重症度' },
      bands: [
        { id: 'none', label: { en: 'None', ja: 'なし' }, min: 0, max: 5 },
        { id: 'mild', label: { en: 'Mild', ja: '軽度' }, min: 6, max: 10 },
        { id: 'moderate', label: { en: 'Moderate', ja: '中等度' }, min: 11, max: 15 },
        { id: 'severe', label: { en: 'Severe', ja: '重度' }, min: 16, max: 20 },
        { id: 'very_severe', label: { en: 'Very severe', ja: '最重度' }, min: 21, max: 27 },
      ],
      sources: [src.R47],
    },
  ],
  defaultBandSet: 'rush2003',
  response: { minReduction: 0.5, sources: [src.R47] },
  remission: { atMost: 5, sources: [src.R47], note: { en: 'STAR*D definition.', ja: 'STAR*D の定義。' } },
  reliableChange: {
    sd: null,
    reliability: 0.86,
    sources: [src.R47],
    note: { en: 'α 0.86 (Rush 2003); enter the clinic baseline SD (with SD 5 the threshold is ≈ 5.2).', ja: 'α 0.86（Rush 2003）。クリニックのベースライン SD を入力してください（SD 5 なら閾値は約 5.2）。' },
  },
  safety: [suicidalityRule('q12', 1, [src.R47]), urgentRule('q12', 2, [src.R47])],
  ageRange: { min: 18 },
};
