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
    intake_not_adolescent: {
      ja: 'ご本人用のリンクは12〜17歳の患者さんに送れます（現在{age}歳）。',
      en: 'The patient\'s own link is for patients aged 12 to 17 (this patient is {age}).',
    },
    intake_no_adolescent_part: {
      ja: '現在の問診票にはご本人が答える画面がありません。問診票の編集で「本人が回答」の画面を加えてください。',
      en: 'The current form has no screens for the patient to answer themselves. Add one in the form editor.',
    },
    intake_adolescent_no_email: {
      ja: 'ご本人のメールアドレス（保護者と別のもの）が登録されていません。リンクは、問診を見られる職員が院内で直接お渡しください。',
      en: 'There is no email address of the patient\'s own (other than a guardian\'s). Staff who may read intakes can hand over the link in person.',
    },
    intake_child_no_screen: {
      ja: 'お子さま用の問診票に、点数化される若者向けの自傷・自殺リスクのスクリーニング尺度がありません。このまま公開するには、当院として確認した旨を{min}文字以上で記入してください（記録され、監査ログに残ります）。',
      en: 'The child form has no scored youth self-harm screen. To publish it anyway, type the clinic\'s written confirmation ({min} characters or more); it is stored and audited.',
    },
    intake_closed: { ja: 'この問診は受付を終了しています。', en: 'This intake is closed.' },
  });
}
