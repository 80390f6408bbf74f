import type { ScaleDefinition } from '../scale-definition.ts';
import { suicidalityAction, urgentAction, yesNo } from './common.ts';
import { src } from './sources.ts';

/**
 * C-SSRS screener (Columbia Protocol), metadata only: electronic use is licensed exclusively.
 * Items: q1 wish to be dead; q2 active thoughts; q3–q5 (asked only if q2 = yes) method, intent,
 * plan; q6 lifetime suicidal behaviour; q6_recent (asked if q6 = yes) within the past 3 months.
 * No total: the triage level is the band.
 */
export const cssrsScreener: ScaleDefinition = {
  id: 'cssrs_screener',
  version: '1.0.0',
  name: { en: 'Columbia-Suicide Severity Rating Scale, screener (C-SSRS)', ja: 'コロンビア自殺重症度評価尺度 スクリーナー版（C-SSRS）' },
  shortName: 'C-SSRS screener',
  informants: ['self', 'clinician'],
  recallPeriod: { en: 'Ideation: past month; behaviour: lifetime and past 3 months', ja: '念慮: 過去1か月、行動: 生涯および過去3か月' },
  direction: 'higher-is-worse',
  licence: {
    class: 'C',
    status: 'permission-required',
    textIncluded: false,
    copyright: 'C-SSRS © The Research Foundation for Mental Hygiene, Inc.',
    attribution: {
      en: 'Posner K et al. Columbia Lighthouse Project. Electronic implementations need a sublicence from Clario (fees and certification per version, language and platform).',
      ja: 'Posner K ほか、Columbia Lighthouse Project。電子的実装には Clario からのサブライセンス（版・言語・基盤ごとの費用と認証）が必要。',
    },
    sources: [src.R63],
  },
  textSource: { kind: 'none', note: { en: 'A clinic with an electronic licence imports the certified text.', ja: '電子版の許諾を得たクリニックが認証済みの文言を取り込みます。' } },
  items: [
    { id: 'q1', options: yesNo },
    { id: 'q2', options: yesNo },
    { id: 'q3', options: yesNo, enableWhen: { item: 'q2', atLeast: 1 } },
    { id: 'q4', options: yesNo, enableWhen: { item: 'q2', atLeast: 1 } },
    { id: 'q5', options: yesNo, enableWhen: { item: 'q2', atLeast: 1 } },
    { id: 'q6', options: yesNo },
    { id: 'q6_recent', options: yesNo, enableWhen: { item: 'q6', atLeast: 1 } },
  ],
  scoring: {
    method: 'triage',
    rules: [
      { band: 'high', anyOf: [{ item: 'q4', atLeast: 1 }, { item: 'q5', atLeast: 1 }, { item: 'q6_recent', atLeast: 1 }] },
      { band: 'moderate', anyOf: [{ item: 'q3', atLeast: 1 }, { item: 'q6', atLeast: 1 }] },
      { band: 'low', anyOf: [{ item: 'q1', atLeast: 1 }, { item: 'q2', atLeast: 1 }] },
    ],
    fallbackBand: 'none',
    missing: { kind: 'none-allowed', basis: 'project-convention' },
  },
  bandSets: [
    {
      id: 'columbia_triage',
      name: { en: 'Columbia Protocol triage', ja: 'コロンビア・プロトコルのトリアージ' },
      bands: [
        { id: 'high', label: { en: 'High risk: immediate evaluation, safety precautions', ja: '高リスク: 直ちに評価し安全を確保' } },
        { id: 'moderate', label: { en: 'Moderate risk: referral and safety plan', ja: '中リスク: 専門家への紹介と安全計画' } },
        { id: 'low', label: { en: 'Low risk: safety plan, resources, follow-up', ja: '低リスク: 安全計画・相談先の提示・経過観察' } },
        { id: 'none', label: { en: 'No ideation or behaviour reported', ja: '念慮・行動の報告なし' } },
      ],
      sources: [src.R63],
    },
  ],
  defaultBandSet: 'columbia_triage',
  safety: [
    {
      id: 'suicide_risk_high',
      severity: 'urgent',
      anyOf: [{ item: 'q4', atLeast: 1 }, { item: 'q5', atLeast: 1 }, { item: 'q6_recent', atLeast: 1 }],
      action: urgentAction,
      sources: [src.R63],
    },
    {
      id: 'suicide_risk_moderate',
      severity: 'alert',
      anyOf: [{ item: 'q3', atLeast: 1 }, { item: 'q6', atLeast: 1 }],
      action: suicidalityAction,
      sources: [src.R63],
    },
    { id: 'suicidality', severity: 'alert', anyOf: [{ item: 'q1', atLeast: 1 }, { item: 'q2', atLeast: 1 }], action: suicidalityAction, sources: [src.R63] },
  ],
};
