import type { Lang } from '../text/localized-text.ts';

/**
 * Adverse-event outcomes in words (the staff screens' words), for messages that name one: a
 * message passes `outcomeKey: aeOutcomeKey(outcome)` and shows the label, never `not_recovered`.
 */
export const AE_OUTCOME_LABELS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
  'safety.outcome.recovered': { ja: '回復', en: 'recovered' },
  'safety.outcome.recovering': { ja: '軽快', en: 'recovering' },
  'safety.outcome.not_recovered': { ja: '未回復', en: 'not recovered' },
  'safety.outcome.recovered_with_sequelae': { ja: '後遺症あり', en: 'recovered with sequelae' },
  'safety.outcome.fatal': { ja: '死亡', en: 'fatal' },
  'safety.outcome.unknown': { ja: '不明', en: 'unknown' },
});

export const aeOutcomeKey = (o: string): string => `safety.outcome.${o}`;
