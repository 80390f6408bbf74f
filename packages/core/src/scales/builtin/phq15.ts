import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items } from './common.ts';
import { phqAttribution } from './phq-options.ts';
import { src } from './sources.ts';

const bother = [
  { value: 0, label: { en: 'Not bothered at all' } },
  { value: 1, label: { en: 'Bothered a little' } },
  { value: 2, label: { en: 'Bothered a lot' } },
];

/**
 * PHQ-15 with the English text of Kroenke 2002. The Japanese wording of the somatic module was not
 * verified against the distributed form, so it is not shipped; a clinic can import it as a text pack.
 */
export const phq15: ScaleDefinition = {
  id: 'phq15',
  version: '1.0.0',
  name: { en: 'Patient Health Questionnaire-15 (PHQ-15)', ja: 'PHQ-15（身体症状の重症度）' },
  shortName: 'PHQ-15',
  informants: ['self'],
  recallPeriod: { en: 'Last 4 weeks', ja: 'この4週間' },
  instructions: { en: 'During the past 4 weeks, how much have you been bothered by any of the following problems?' },
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
      en: 'English text only; import the Japanese PHQ wording (Muramatsu et al.) as a text pack.',
      ja: '英語の文言のみ収録。日本語版（村松ほか）の文言はテキストパックとして取り込んでください。',
    },
  },
  items: items(15, bother, [
    { en: 'Stomach pain' },
    { en: 'Back pain' },
    { en: 'Pain in your arms, legs, or joints (knees, hips, etc.)' },
    { en: 'Menstrual cramps or other problems with your periods (women only)' },
    { en: 'Headaches' },
    { en: 'Chest pain' },
    { en: 'Dizziness' },
    { en: 'Fainting spells' },
    { en: 'Feeling your heart pound or race' },
    { en: 'Shortness of breath' },
    { en: 'Pain or problems during sexual intercourse' },
    { en: 'Constipation, loose bowels, or diarrhea' },
    { en: 'Nausea, gas, or indigestion' },
    { en: 'Feeling tired or having low energy' },
    { en: 'Trouble sleeping' },
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
