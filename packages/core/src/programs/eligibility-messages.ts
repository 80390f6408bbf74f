import type { Lang } from '../text/localized-text.ts';

/** ja/en texts of the eligibility rules decided by data (spread into `PROGRAM_MESSAGES`). */
export const ELIGIBILITY_MESSAGES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
  'programs.eligibility_open_risk_alert': {
    ja: 'この患者さんには未確認の自殺・自傷に関するアラートが{alerts}件あります。医師がアラートを確認するまで「自殺の意図なし」とは記録できません。',
    en: 'This patient has {alerts} open suicide/self-harm alert(s). "No active suicidal intent" cannot be recorded until a doctor has reviewed them.',
  },
  'programs.eligibility_severity_needs_score': {
    ja: '重症度の基準は記録された質問票のスコアで判定します。チェックでは満たせません。',
    en: 'A severity criterion is decided by a recorded score; it cannot be ticked as met.',
  },
});
