import type { LocalizedText, ScaleDefinition, ScaleItem } from '../scale-definition.ts';
import { completeFormsOnly, range, suicidalityRule, urgentRule, valueOptions } from './common.ts';
import { src } from './sources.ts';

const wide = [1, 2, 3, 7, 8, 9, 10, 11, 15];

// Item headings of Hamilton's original (public-domain) scale. The Japanese headings are plain
// descriptive labels written for this project, not a translation of a structured interview
// guide (GRID-HAMD and SIGH-D Japanese editions are copyrighted).
const headings: ReadonlyArray<LocalizedText> = [
  { en: 'Depressed mood', ja: '抑うつ気分' },
  { en: 'Feelings of guilt', ja: '罪責感' },
  { en: 'Suicide', ja: '自殺' },
  { en: 'Insomnia: early in the night', ja: '入眠障害' },
  { en: 'Insomnia: middle of the night', ja: '中途覚醒' },
  { en: 'Insomnia: early hours of the morning', ja: '早朝覚醒' },
  { en: 'Work and activities', ja: '仕事と活動' },
  { en: 'Retardation', ja: '精神運動抑制' },
  { en: 'Agitation', ja: '精神運動激越' },
  { en: 'Anxiety: psychic', ja: '精神的不安' },
  { en: 'Anxiety: somatic', ja: '身体的不安' },
  { en: 'Somatic symptoms: gastro-intestinal', ja: '身体症状（消化器系）' },
  { en: 'General somatic symptoms', ja: '身体症状（一般）' },
  { en: 'Genital symptoms', ja: '生殖器症状' },
  { en: 'Hypochondriasis', ja: '心気症' },
  { en: 'Loss of weight', ja: '体重減少' },
  { en: 'Insight', ja: '病識' },
];

const hamdItems: ReadonlyArray<ScaleItem> = headings.map((text, i) => ({
  id: `q${i + 1}`,
  text,
  options: valueOptions(wide.includes(i + 1) ? range(0, 4) : range(0, 2)),
}));

/** HAM-D17, clinician-rated; item headings only, anchors come from the clinic's interview guide. */
export const hamd17: ScaleDefinition = {
  id: 'hamd17',
  version: '1.0.0',
  name: { en: 'Hamilton Depression Rating Scale, 17 items (HAM-D17)', ja: 'ハミルトンうつ病評価尺度 17項目版（HAM-D17）' },
  shortName: 'HAM-D17',
  informants: ['clinician'],
  recallPeriod: { en: 'Past week (convention)', ja: '過去1週間（慣例）' },
  direction: 'higher-is-worse',
  licence: {
    class: 'A',
    status: 'free',
    textIncluded: true,
    attribution: {
      en: 'Hamilton M. A rating scale for depression. J Neurol Neurosurg Psychiatry 1960;23:56–62. Original scale in the public domain (NINDS CDE, as recorded by CamCOPS).',
      ja: 'Hamilton M（1960）。原版はパブリックドメイン（NINDS CDE、CamCOPS の記載による）。',
    },
    sources: [src.R32, src.R38],
  },
  textSource: {
    kind: 'builtin',
    note: {
      en: 'Item headings only. Score each item with the anchors of the structured guide your clinic is licensed for (GRID-HAMD, SIGH-D); their text is copyrighted and not shipped.',
      ja: '項目見出しのみ収録。各項目は、クリニックが使用許諾を得ている構造化面接ガイド（GRID-HAMD、SIGH-D）のアンカーで評価してください（著作物のため非収録）。',
    },
  },
  items: hamdItems,
  scoring: { method: 'sum', range: { min: 0, max: 52 }, reverseItems: [], subscales: [], missing: completeFormsOnly },
  bandSets: [
    {
      id: 'zimmerman2013',
      name: { en: 'Zimmerman 2013 severity', ja: 'Zimmerman 2013 重症度' },
      bands: [
        { id: 'none', label: { en: 'No depression', ja: 'うつ病なし' }, min: 0, max: 7 },
        { id: 'mild', label: { en: 'Mild', ja: '軽度' }, min: 8, max: 16 },
        { id: 'moderate', label: { en: 'Moderate', ja: '中等度' }, min: 17, max: 23 },
        { id: 'severe', label: { en: 'Severe', ja: '重度' }, min: 24, max: 52 },
      ],
      sources: [src.R33],
    },
    {
      id: 'traditional_ja',
      name: { en: 'Older bands common in Japanese references', ja: '日本の文献で多く使われる従来の区分' },
      bands: [
        { id: 'normal', label: { en: 'Normal', ja: '正常' }, min: 0, max: 7 },
        { id: 'mild', label: { en: 'Mild', ja: '軽度' }, min: 8, max: 13 },
        { id: 'moderate', label: { en: 'Moderate', ja: '中等度' }, min: 14, max: 18 },
        { id: 'severe', label: { en: 'Severe', ja: '重度' }, min: 19, max: 22 },
        { id: 'very_severe', label: { en: 'Very severe', ja: '最重度' }, min: 23, max: 52 },
      ],
      sources: [{ citation: 'Secondary Japanese references (see docs/instruments.md §HAM-D)', uncertain: true }],
    },
  ],
  defaultBandSet: 'zimmerman2013',
  response: { minReduction: 0.5, sources: [src.R36] },
  remission: {
    atMost: 7,
    sources: [src.R36, src.B4],
    note: { en: 'Riedel 2010: ≤ 6 matched CGI remission best.', ja: 'Riedel 2010 では ≤ 6 が CGI の寛解と最もよく一致。' },
  },
  reliableChange: {
    sd: null,
    reliability: 0.789,
    sources: [src.R34],
    note: {
      en: 'α 0.789 (meta-analysis of 409 studies). No published SD suits a clinic: enter the clinic baseline SD (with SD 6 the threshold is ≈ 7.6).',
      ja: 'α 0.789（409研究のメタ分析）。クリニックのベースライン SD を入力してください（SD 6 なら閾値は約 7.6）。',
    },
  },
  safety: [suicidalityRule('q3', 1, [src.R32]), urgentRule('q3', 3, [src.R32])],
  notes: [
    {
      en: 'Per-item ranges (0–4 for items 1, 2, 3, 7, 8, 9, 10, 11, 15; 0–2 for the rest) are from domain knowledge and consistent with the maximum of 52.',
      ja: '項目ごとの範囲（1, 2, 3, 7, 8, 9, 10, 11, 15 は 0–4、他は 0–2）は一般的知識によるもので、最大 52 点と整合します。',
    },
  ],
  ageRange: { min: 18 },
};
