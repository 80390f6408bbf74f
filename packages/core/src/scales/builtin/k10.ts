import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items } from './common.ts';
import { kesslerAttribution, kesslerCopyright, kesslerInstructions, kesslerOptions, kesslerTextNote, kesslerThirtyDays } from './kessler.ts';
import { src } from './sources.ts';

const items1to7 = [
  { en: 'tired out for no good reason?', ja: '理由もなく疲れ切ったように感じましたか' },
  { en: 'nervous?', ja: '神経過敏に感じましたか' },
  { en: 'so nervous that nothing could calm you down?', ja: 'どうしても落ち着けないくらいに、神経過敏に感じましたか' },
  { en: 'hopeless?', ja: '絶望的だと感じましたか' },
  { en: 'restless or fidgety?', ja: 'そわそわ、落ち着かなく感じましたか' },
  { en: 'so restless you could not sit still?', ja: 'じっと座っていられないほど、落ち着かなく感じましたか' },
  { en: 'depressed?', ja: 'ゆううつに感じましたか' },
];
const effort = { en: 'that everything was an effort?', ja: '何をするのも骨折りだと感じましたか' };
const worthless = { en: 'worthless?', ja: '自分は価値のない人間だと感じましたか' };

/**
 * K10, scored 0–4 per item (0–40, the US convention). The Australian 10–50 bands (ABS) are given
 * shifted by −10 onto this metric; the default bands are the Japanese cut-off 9/10 (Sakurai 2011).
 */
export const k10: ScaleDefinition = {
  id: 'k10',
  // 1.1.0: items 8 and 9 in Kessler's order (8 "everything was an effort", 9 "so sad that nothing
  // could cheer you up"), so `q8`/`q9` (and the FHIR linkIds) name the same items as the original.
  version: '1.1.0',
  name: { en: 'Kessler Psychological Distress Scale (K10)', ja: 'K10 日本語版（ケスラー心理的苦痛尺度）' },
  shortName: 'K10',
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
  items: items(10, kesslerOptions, [
    ...items1to7,
    effort,
    { en: 'so sad that nothing could cheer you up?', ja: '気分が沈み込んで、何が起こっても気が晴れないように感じましたか' },
    worthless,
  ]),
  scoring: { method: 'sum', range: { min: 0, max: 40 }, reverseItems: [], subscales: [], missing: completeFormsOnly },
  bandSets: [
    {
      id: 'sakurai2011_ja',
      name: { en: 'Japanese cut-off 9/10 (Sakurai 2011)', ja: '日本のカットオフ 9/10（Sakurai 2011）' },
      bands: [
        { id: 'below_cutoff', label: { en: 'Below the cut-off', ja: 'カットオフ未満' }, min: 0, max: 9 },
        { id: 'above_cutoff', label: { en: 'Possible mood or anxiety disorder', ja: '気分・不安障害の可能性' }, min: 10, max: 40 },
      ],
      sources: [src.R25],
    },
    {
      id: 'abs',
      name: { en: 'Australian bands (ABS), on the 0–40 metric', ja: 'オーストラリアの区分（ABS、0–40 換算）' },
      bands: [
        { id: 'low', label: { en: 'Low', ja: '低い' }, min: 0, max: 5 },
        { id: 'moderate', label: { en: 'Moderate', ja: '中等度' }, min: 6, max: 11 },
        { id: 'high', label: { en: 'High', ja: '高い' }, min: 12, max: 19 },
        { id: 'very_high', label: { en: 'Very high', ja: '非常に高い' }, min: 20, max: 40 },
      ],
      sources: [src.R26],
      note: {
        en: 'ABS bands 10–15 / 16–21 / 22–29 / 30–50 are on the 1–5-per-item metric; each is shifted by −10 here.',
        ja: 'ABS の区分 10–15 / 16–21 / 22–29 / 30–50 は各項目 1–5 点の換算で、ここでは −10 して示します。',
      },
    },
  ],
  defaultBandSet: 'sakurai2011_ja',
  reliableChange: {
    sd: null,
    reliability: null,
    sources: [],
    note: { en: 'No published SD or reliability was retrieved.', ja: '公表された SD・信頼性係数は未確認です。' },
  },
  safety: [],
  ageRange: { min: 18 },
};

/**
 * K10 1.0.0 as shipped before: items 8 and 9 were swapped against Kessler's original and item 9 read
 * "so depressed". Kept only so responses stored with it are shown and re-scored with the wording
 * the patient saw (the total is the same either way).
 */
export const k10v100: ScaleDefinition = {
  ...k10,
  version: '1.0.0',
  items: items(10, kesslerOptions, [
    ...items1to7,
    { en: 'so depressed that nothing could cheer you up?', ja: '気分が沈み込んで、何が起こっても気が晴れないように感じましたか' },
    effort,
    worthless,
  ]),
};
