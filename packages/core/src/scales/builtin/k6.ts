import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items } from './common.ts';
import { kesslerAttribution, kesslerCopyright, kesslerInstructions, kesslerOptions, kesslerTextNote, kesslerThirtyDays } from './kessler.ts';
import { src } from './sources.ts';

/** K6 with English and Japanese (Furukawa 2008) text and the WHO copyright notice. */
export const k6: ScaleDefinition = {
  id: 'k6',
  version: '1.0.0',
  name: { en: 'Kessler Psychological Distress Scale (K6)', ja: 'K6 日本語版（ケスラー心理的苦痛尺度）' },
  shortName: 'K6',
  informants: ['self'],
  recallPeriod: kesslerThirtyDays,
  instructions: kesslerInstructions,
  direction: 'higher-is-worse',
  licence: {
    class: 'B',
    status: 'conditional',
    textIncluded: true,
    copyright: kesslerCopyright,
    attribution: kesslerAttribution,
    sources: [src.R21, src.R24],
  },
  textSource: { kind: 'builtin', note: kesslerTextNote },
  items: items(6, kesslerOptions, [
    { en: 'nervous?', ja: '神経過敏に感じましたか' },
    { en: 'hopeless?', ja: '絶望的だと感じましたか' },
    { en: 'restless or fidgety?', ja: 'そわそわ、落ち着かなく感じましたか' },
    { en: 'so depressed that nothing could cheer you up?', ja: '気分が沈み込んで、何が起こっても気が晴れないように感じましたか' },
    { en: 'that everything was an effort?', ja: '何をするのも骨折りだと感じましたか' },
    { en: 'worthless?', ja: '自分は価値のない人間だと感じましたか' },
  ]),
  scoring: { method: 'sum', range: { min: 0, max: 24 }, reverseItems: [], subscales: [], missing: completeFormsOnly },
  bandSets: [
    {
      id: 'kessler_prochaska',
      name: { en: 'Kessler 2003 / Prochaska 2012', ja: 'Kessler 2003 / Prochaska 2012' },
      bands: [
        { id: 'low', label: { en: 'Low / no significant distress', ja: '低い（有意な苦痛なし）' }, min: 0, max: 4 },
        { id: 'moderate', label: { en: 'Moderate psychological distress', ja: '中等度の心理的苦痛' }, min: 5, max: 12 },
        { id: 'serious', label: { en: 'Serious psychological distress', ja: '重度の心理的苦痛' }, min: 13, max: 24 },
      ],
      sources: [src.R22, src.R23, src.R25],
      note: {
        en: 'The 0–4 label is descriptive. The Japanese optimal cut-off for mood/anxiety disorder, 4/5 (Sakurai 2011), is the same boundary as "moderate".',
        ja: '0–4 の名称は記述的なもの。日本での気分・不安障害の最適カットオフ 4/5（Sakurai 2011）は「中等度」の境界と一致します。',
      },
    },
  ],
  defaultBandSet: 'kessler_prochaska',
  reliableChange: {
    sd: null,
    reliability: 0.87,
    sources: [{ citation: 'Cronbach α typically 0.85–0.89 (not verified against a source)', uncertain: true }],
    note: { en: 'No published SD was retrieved: enter the clinic baseline SD.', ja: '公表 SD は未確認のため、クリニックのベースライン SD を入力してください。' },
  },
  safety: [],
  ageRange: { min: 18 },
};
