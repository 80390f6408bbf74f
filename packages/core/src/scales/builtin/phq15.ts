import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items } from './common.ts';
import { phqAttribution } from './phq-options.ts';
import { src } from './sources.ts';

const bother = [
  { value: 0, label: { en: 'Not bothered at all', ja: '全く悩まされていない' } },
  { value: 1, label: { en: 'Bothered a little', ja: '少し悩まされている' } },
  { value: 2, label: { en: 'Bothered a lot', ja: 'とても悩まされている' } },
];

/**
 * PHQ-15 with the English text of Kroenke 2002 and a Japanese translation made for this project
 * (the PHQ terms allow translation without permission). The project translation is not the
 * validated J-PHQ wording of Muramatsu et al.; a clinic that holds that form loads it as a text
 * pack, which replaces the built-in Japanese text.
 */
export const phq15: ScaleDefinition = {
  id: 'phq15',
  version: '1.0.0',
  name: { en: 'Patient Health Questionnaire-15 (PHQ-15)', ja: 'PHQ-15（身体症状の重症度）' },
  shortName: 'PHQ-15',
  informants: ['self'],
  recallPeriod: { en: 'Last 4 weeks', ja: 'この4週間' },
  instructions: {
    en: 'During the past 4 weeks, how much have you been bothered by any of the following problems?',
    ja: 'この4週間に、次のような問題にどのくらい悩まされましたか？',
  },
  direction: 'higher-is-worse',
  licence: {
    class: 'A',
    status: 'free',
    textIncluded: true,
    copyright: 'PHQ-15 © Pfizer Inc.',
    attribution: phqAttribution,
    sources: [src.R1],
  },
  textSource: {
    kind: 'builtin',
    note: {
      en: 'Japanese text: a translation made for this project, not the validated J-PHQ wording (Muramatsu et al.). A clinic holding the distributed Japanese form can load it as a text pack.',
      ja: '日本語の文言は本プロジェクトによる翻訳で、妥当性が検証された日本語版（村松ほか）の文言ではありません。配布版の日本語用紙をお持ちの場合はテキストパックとして取り込むと置き換わります。',
    },
  },
  items: items(15, bother, [
    { en: 'Stomach pain', ja: '胃の痛み' },
    { en: 'Back pain', ja: '背中の痛み' },
    { en: 'Pain in your arms, legs, or joints (knees, hips, etc.)', ja: '腕、脚、関節（ひざ、股関節など）の痛み' },
    {
      en: 'Menstrual cramps or other problems with your periods (women only)',
      ja: '月経痛、その他の月経に関する問題（女性のみ）',
    },
    { en: 'Headaches', ja: '頭痛' },
    { en: 'Chest pain', ja: '胸の痛み' },
    { en: 'Dizziness', ja: 'めまい' },
    { en: 'Fainting spells', ja: '気が遠くなる、気を失う' },
    { en: 'Feeling your heart pound or race', ja: '心臓がドキドキする、脈が速くなる' },
    { en: 'Shortness of breath', ja: '息切れ' },
    { en: 'Pain or problems during sexual intercourse', ja: '性交時の痛みや問題' },
    { en: 'Constipation, loose bowels, or diarrhea', ja: '便秘、軟便、下痢' },
    { en: 'Nausea, gas, or indigestion', ja: '吐き気、おなかのガス、消化不良' },
    { en: 'Feeling tired or having low energy', ja: '疲れている、元気がない' },
    { en: 'Trouble sleeping', ja: '眠れない、よく眠れない' },
  ]).map((it) => (it.id === 'q4' ? { ...it, optional: true } : it)),
  scoring: {
    method: 'sum',
    range: { min: 0, max: 30 },
    reverseItems: [],
    subscales: [],
    missing: {
      ...completeFormsOnly,
      note: {
        en: 'No developer rule was found; complete forms only (project convention). Item 4 (menstrual problems) applies to women only and may be left blank: the total is then out of 28 (Kroenke 2002).',
        ja: '開発者の規定は見つかっていないため全項目回答時のみ採点（本プロジェクトの規約）。項目4（月経）は女性のみで空欄可、その場合の満点は28（Kroenke 2002）。',
      },
    },
  },
  bandSets: [
    {
      id: 'kroenke2002',
      name: { en: 'Kroenke 2002 somatic symptom severity', ja: 'Kroenke 2002 身体症状の重症度' },
      bands: [
        { id: 'minimal', label: { en: 'Minimal', ja: '最小限' }, min: 0, max: 4 },
        { id: 'low', label: { en: 'Low', ja: '低' }, min: 5, max: 9 },
        { id: 'medium', label: { en: 'Medium', ja: '中' }, min: 10, max: 14 },
        { id: 'high', label: { en: 'High', ja: '高' }, min: 15, max: 30 },
      ],
      sources: [src.R19],
    },
  ],
  defaultBandSet: 'kroenke2002',
  safety: [],
  loinc: { panel: '69728-4', total: '70273-8', sources: [src.R20] },
  ageRange: { min: 18 },
};
