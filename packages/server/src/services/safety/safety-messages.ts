import type { Messages } from '../../i18n/messages.ts';

/** ja/en messages of the safety feature (on-call rota and alert sending). */
export function registerSafetyMessages(messages: Messages): void {
  messages.register({
    oncall_shift_invalid: { ja: '当番の終了は開始より後、期間は14日以内にしてください。', en: 'An on-call shift must end after it starts and last at most 14 days.' },
    oncall_staff_unknown: { ja: 'このクリニックの有効なスタッフを指定してください。', en: 'Choose an active staff member of this clinic.' },
    oncall_shift_not_found: { ja: 'この当番は見つかりません。', en: 'This on-call shift was not found.' },
    alert_not_found: { ja: 'このアラートは見つかりません。', en: 'This alert was not found.' },
  });
}
