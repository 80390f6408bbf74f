import type { Lang } from '../text/localized-text.ts';

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
  'enrolment.status.dosing_stopped': { ja: '投与中止（経過観察）', en: 'dosing stopped (follow-up)' },
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
  'consent.language.ja': { ja: '日本語', en: 'Japanese' },
  'consent.language.en': { ja: '英語', en: 'English' },
});

// The key of each label (the state as stored → its message key).
export const enrolmentStatusKey = (s: string): string => `enrolment.status.${s}`;
export const consentStatusKey = (s: string): string => `consent.status.${s}`;
export const eligibilityOutcomeKey = (o: string | null | undefined): string => `eligibility.outcome.${o ?? 'none'}`;
export const consentRoleKey = (r: string): string => `consent.role.${r}`;
export const consentSignerKey = (k: string): string => `consent.signer.${k}`;
export const consentLanguageKey = (l: string): string => `consent.language.${l}`;
