import { isDomainError, DomainError } from '@mimamori/core';
import { formatMessage, PROGRAM_MESSAGES } from '@mimamori/core/programs/index';
import type { Lang } from '../../i18n/lang.ts';

/** Messages the programs routes add on top of the core catalogue (`PROGRAM_MESSAGES`). */
export const programServerMessages = {
  'programs.exists': { ja: 'このIDのプログラムはすでにあります。改訂してください。', en: 'A program with this id exists already. Revise it instead.' },
  'programs.consent_text_missing': {
    ja: '同意文書 {document}（第{version}版・{language}）の本文がありません。',
    en: 'The text of consent document {document} (version {version}, {language}) is missing.',
  },
  'programs.no_document': {
    ja: 'この日に有効な同意文書（{role}・{language}）がありません。',
    en: 'No consent document ({role}, {language}) is in force on this date.',
  },
  'programs.signature_image_invalid': { ja: '署名の画像が読み取れません。もう一度署名してください。', en: 'The signature image could not be read. Please sign again.' },
  'programs.enrolment_open_exists': {
    ja: 'この患者はすでにこのプログラムに参加中または審査中です。',
    en: 'This patient is already being screened for or taking part in this program.',
  },
  'programs.enrolment_changed': { ja: '他の人がこの登録を更新しました。画面を更新してください。', en: 'Someone else changed this enrolment. Reload and try again.' },
  'programs.session_duplicate': { ja: 'この回数のセッションはすでに記録されています。', en: 'This session number is already recorded.' },
  'programs.lab_duplicate': { ja: 'この検体の結果はすでに登録されています。', en: 'A result for this sample is already stored.' },
  'programs.alert_sae': { ja: '重篤な有害事象: {term}（Grade {grade}、{criteria}）', en: 'Serious adverse event: {term} (grade {grade}; {criteria})' },
  'programs.alert_susar': { ja: '予測できない重篤な副作用の疑い: {term}（Grade {grade}、{criteria}）', en: 'Suspected unexpected serious adverse reaction: {term} (grade {grade}; {criteria})' },
} as const;

/** The core catalogue in the server's shape, for `registerMessages`. */
export function coreProgramMessages(): Record<string, { ja: string; en: string }> {
  const out: Record<string, { ja: string; en: string }> = {};
  for (const [k, v] of Object.entries(PROGRAM_MESSAGES)) out[k] = { ja: v.ja!, en: v.en! };
  return out;
}

/**
 * Core errors carry per-field params (`{ min, max, unit, value }`) that the shared error handler does
 * not know about; render each detail here, in the request's language, before it is thrown on.
 */
export function localiseProgramError(err: unknown, lang: Lang): unknown {
  if (!isDomainError(err)) return err;
  const details = err.details as ReadonlyArray<{ path: string; message: string; params?: Record<string, string | number | boolean | null> }>;
  if (!details.some((d) => PROGRAM_MESSAGES[d.message] !== undefined)) return err;
  const rendered = details.map((d) => ({
    path: d.path,
    message: PROGRAM_MESSAGES[d.message] !== undefined ? formatMessage(d.message, { ...err.params, ...(d.params ?? {}) }, lang) : d.message,
  }));
  const e = new DomainError(err.code, { key: err.key, params: err.params, details: rendered });
  const extra = (err as unknown as { extra?: unknown }).extra;
  if (extra) (e as unknown as { extra: unknown }).extra = extra;
  return e;
}
