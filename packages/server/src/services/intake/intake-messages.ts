import type { Messages } from '../../i18n/messages.ts';

/** Error messages of the intake feature. */
export function registerIntakeMessages(messages: Messages): void {
  messages.register({
    intake_invalid: { ja: '入力内容を確認してください（{count}件）。', en: 'Please check your answers ({count}).' },
    intake_definition_invalid: { ja: '問診票の定義に誤りがあります（{count}件）。', en: 'The form definition has problems ({count}).' },
    intake_not_found: { ja: '問診が見つかりません。', en: 'Intake not found.' },
    intake_already_submitted: { ja: 'この問診はすでに送信されています。', en: 'This intake has already been submitted.' },
    intake_saved_elsewhere: {
      ja: '別の端末で保存された内容があります。最新の内容を読み込みました。もう一度ご確認ください。',
      en: 'Answers were saved on another device. The latest answers have been loaded; please check them again.',
    },
    intake_no_email: { ja: 'この患者にはメールアドレスが登録されていません。リンクをコピーするかQRコードをお使いください。', en: 'This patient has no email address. Copy the link or show the QR code instead.' },
    intake_closed: { ja: 'この問診は受付を終了しています。', en: 'This intake is closed.' },
  });
}
