import type { Lang } from '../text/localized-text.ts';
import type { AeOutcome } from '../safety/adverse-event.ts';
import type { EligibilityOutcome } from './eligibility.ts';
import type { EnrolmentStatus } from './enrolment.ts';
import type { ConsentRole } from './program-types.ts';

/**
 * The states that messages name, in words (the same words as the staff screens): a message never
 * shows an internal name such as `eligible`. A service passes the state's key as the param
 * `<name>Key` (`fromKey: enrolmentStatusKey('eligible')`), and the error handler puts the label in
 * `{name}` in the reader's language (`packages/server/src/i18n/messages.ts`).
 */
export const PROGRAM_STATE_LABELS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
  'enrolment.status.screening': { ja: 'スクリーニング中', en: 'screening' },
  'enrolment.status.eligible': { ja: '適格', en: 'eligible' },
  'enrolment.status.ineligible': { ja: '不適格', en: 'ineligible' },
  'enrolment.status.consented': { ja: '同意取得済み', en: 'consented' },
  'enrolment.status.enrolled': { ja: '登録済み', en: 'enrolled' },
  'enrolment.status.active': { ja: '実施中', en: 'active' },
  'enrolment.status.completed': { ja: '完了', en: 'completed' },
  'enrolment.status.withdrawn': { ja: '中止（同意撤回）', en: 'withdrawn' },
  'enrolment.status.lost_to_follow_up': { ja: '追跡不能', en: 'lost to follow-up' },
  'consent.status.not_given': { ja: '同意なし', en: 'not given' },
  'consent.status.given': { ja: '同意あり', en: 'given' },
  'consent.status.withdrawn': { ja: '撤回済み', en: 'withdrawn' },
  'eligibility.outcome.eligible': { ja: '適格', en: 'eligible' },
  'eligibility.outcome.ineligible': { ja: '不適格', en: 'ineligible' },
  'eligibility.outcome.incomplete': { ja: '未完了', en: 'incomplete' },
  'eligibility.outcome.none': { ja: '評価なし', en: 'no evaluation' },
  'consent.role.participant': { ja: '本人', en: 'the participant' },
  'consent.role.guardian': { ja: '代諾者', en: 'a guardian' },
  'consent.role.assent': { ja: 'お子さんのアセント', en: 'the child’s assent' },
  'consent.signer.self': { ja: '本人', en: 'the participant' },
  'consent.signer.guardian': { ja: '代諾者', en: 'a guardian' },
  'safety.outcome.recovered': { ja: '回復', en: 'recovered' },
  'safety.outcome.recovering': { ja: '軽快', en: 'recovering' },
  'safety.outcome.not_recovered': { ja: '未回復', en: 'not recovered' },
  'safety.outcome.recovered_with_sequelae': { ja: '後遺症あり', en: 'recovered with sequelae' },
  'safety.outcome.fatal': { ja: '死亡', en: 'fatal' },
  'safety.outcome.unknown': { ja: '不明', en: 'unknown' },
  'consent.language.ja': { ja: '日本語', en: 'Japanese' },
  'consent.language.en': { ja: '英語', en: 'English' },
});

export const enrolmentStatusKey = (s: EnrolmentStatus | string): string => `enrolment.status.${s}`;
export const consentStatusKey = (s: 'not_given' | 'given' | 'withdrawn' | string): string => `consent.status.${s}`;
export const eligibilityOutcomeKey = (o: EligibilityOutcome | null | undefined): string => `eligibility.outcome.${o ?? 'none'}`;
export const consentRoleKey = (r: ConsentRole | string): string => `consent.role.${r}`;
export const consentSignerKey = (k: 'self' | 'guardian' | string): string => `consent.signer.${k}`;
export const aeOutcomeKey = (o: AeOutcome | string): string => `safety.outcome.${o}`;
export const consentLanguageKey = (l: Lang | string): string => `consent.language.${l}`;
