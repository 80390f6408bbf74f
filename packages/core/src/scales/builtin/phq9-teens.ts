import type { ScaleDefinition, ScaleItem } from '../scale-definition.ts';
import { items, range, valueOptions, yesNo, suicidalityAction, urgentRule } from './common.ts';
import { phq9 } from './phq9.ts';
import { src } from './sources.ts';

const extra: ReadonlyArray<ScaleItem> = [
  { id: 'dysthymia', options: yesNo, scored: false },
  { id: 'difficulty', options: valueOptions(range(0, 3)), scored: false },
  { id: 'suicide_past_month', options: yesNo, scored: false },
  { id: 'attempt_lifetime', options: yesNo, scored: false },
];

/**
 * PHQ-9 Modified for Teens (GLAD-PC; the depression part of the PHQ-A), metadata only: the form's
 * footer says "use with permission". Items 1–9 are scored like the PHQ-9; the past-year, difficulty
 * and suicide questions are asked but not summed.
 */
export const phq9Teens: ScaleDefinition = {
  id: 'phq9_teens',
  version: '1.0.0',
  name: { en: 'PHQ-9 Modified for Teens (PHQ-A)', ja: 'PHQ-9 思春期版（PHQ-A）' },
  shortName: 'PHQ-A',
  informants: ['self'],
  recallPeriod: { en: 'Past 2 weeks (suicide question: past month; attempt: lifetime)', ja: '過去2週間（自殺の質問は過去1か月、企図は生涯）' },
  direction: 'higher-is-worse',
  licence: {
    class: 'B',
    status: 'conditional',
    textIncluded: false,
    attribution: {
      en: 'Johnson JG, Harris ES, Spitzer RL, Williams JBW (2002); GLAD-PC toolkit. Form footer: "use with permission". No validated Japanese version was found.',
      ja: 'Johnson JG ほか（2002）、GLAD-PC ツールキット。様式に「許諾を得て使用」と記載。検証済みの日本語版は見つかっていません。',
    },
    sources: [src.R11],
  },
  textSource: { kind: 'none', note: { en: 'Confirm permission with GLAD-PC before importing the text.', ja: '文言を取り込む前に GLAD-PC に許諾を確認してください。' } },
  items: [...items(9, valueOptions(range(0, 3))), ...extra],
  scoring: { ...phq9.scoring },
  bandSets: phq9.bandSets,
  defaultBandSet: phq9.defaultBandSet,
  response: { minReduction: 0.5, sources: [src.C9] },
  remission: { atMost: 4, sources: [src.C9] },
  reliableChange: {
    sd: null,
    reliability: null,
    sources: [],
    note: { en: 'No adolescent SD or reliability was retrieved: enter the clinic baseline values.', ja: '思春期の SD・信頼性係数は未確認です。' },
  },
  safety: [
    { id: 'suicidality', severity: 'alert', anyOf: [{ item: 'q9', atLeast: 1 }, { item: 'suicide_past_month', atLeast: 1 }], action: suicidalityAction, sources: [src.R11] },
    {
      id: 'suicide_attempt_history',
      severity: 'alert',
      anyOf: [{ item: 'attempt_lifetime', atLeast: 1 }],
      action: { en: 'Past suicide attempt: clinician review and documentation of the history.', ja: '自殺企図歴あり: 医師が確認し、経過を記録してください。' },
      sources: [src.R11],
    },
    urgentRule('q9', 2, [src.R11, src.S1]),
  ],
  loinc: { panel: '89206-7', total: '89204-2', sources: [{ citation: 'HEDIS/eCQM value sets and FHIR IG codes seen via code search', uncertain: true }] },
  ageRange: { min: 12, max: 18 },
};
