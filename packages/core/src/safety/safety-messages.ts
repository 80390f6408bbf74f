import type { Lang } from '../text/localized-text.ts';

/**
 * Japanese and English texts of the safety feature's errors (the on-call rota, alert channels and
 * an alert's history). Plain data: the server registers it once per app.
 */
export const SAFETY_MESSAGES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
  oncall_shift_invalid: { ja: '当番の終了は開始より後、期間は14日以内にしてください。', en: 'An on-call shift must end after it starts and last at most 14 days.' },
  oncall_staff_unknown: { ja: 'このクリニックの有効なスタッフを指定してください。', en: 'Choose an active staff member of this clinic.' },
  oncall_shift_not_found: { ja: 'この当番は見つかりません。', en: 'This on-call shift was not found.' },
  alert_not_found: { ja: 'このアラートは見つかりません。', en: 'This alert was not found.' },
});
