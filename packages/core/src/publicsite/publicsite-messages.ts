/** ja/en messages of the public site and recruitment pages. */
export const PUBLICSITE_MESSAGES = {
  'site.invalid': { ja: '公開ページの内容を確認してください。', en: 'Please check the public page’s content.' },
  'site.required': { ja: '入力してください。', en: 'Please fill this in.' },
  'site.too_long': { ja: '{max}文字以内にしてください。', en: 'Use at most {max} characters.' },
  'site.map_url_https': { ja: '地図のリンクは https:// で始まるアドレスにしてください。', en: 'The map link must be an https:// address.' },
  'site.changed_meanwhile': { ja: 'ほかの人が先に保存しました。読み込み直してから編集してください。', en: 'Someone saved first. Reload, then edit again.' },
  'site.no_clinic': { ja: 'クリニックがまだ設定されていません。', en: 'No clinic has been set up yet.' },
  'application.not_found': { ja: 'この申し込みは見つかりません。', en: 'This application was not found.' },
  'application.callback_time': { ja: '折り返しの日時は、これから60日以内で指定してください。', en: 'Give a call-back time in the next 60 days.' },
  'application.changed_meanwhile': { ja: 'ほかの人が先に更新しました。一覧を読み込み直してください。', en: 'Someone updated it first. Reload the list.' },
  'application.transition': { ja: 'この申し込みは、いまの状態からその状態には変更できません。', en: 'This application cannot move to that step from where it is.' },
  'application.appointment_invalid': { ja: 'この予約は紐づけられません（このクリニックの、取り消されていない初診予約を選んでください）。', en: 'This appointment cannot be linked (choose a first visit of this clinic that is not cancelled).' },
  'application.invalid': { ja: '入力内容を確認してください（{count}件）。', en: 'Please check {count} field(s).' },
  'recruitment.not_found': { ja: 'この募集ページは公開されていません。', en: 'This recruitment page is not published.' },
  'recruitment.program_not_found': { ja: 'このプログラムは見つかりません。', en: 'This program was not found.' },
  'recruitment.changed_meanwhile': { ja: 'ほかの人が先に保存しました。読み込み直してから編集してください。', en: 'Someone saved first. Reload, then edit again.' },
  'recruitment.not_publishable': {
    ja: '医療広告ガイドラインの限定解除の要件を満たしていないため公開できません（不足 {count} 件）。',
    en: 'This page cannot be published: {count} item(s) required by the Medical Advertising Guideline are missing.',
  },
  'recruitment.missing.limited_release': {
    ja: '自由診療の広告には、治療の内容・費用の総額と内訳・主なリスクと副作用・問い合わせ先の記載が必要です（医療法施行規則 第1条の9の2）。',
    en: 'Self-pay advertising must state the treatment, its total cost and what it includes, its main risks and side effects, and the contact (Enforcement Regulations art. 1-9-2).',
  },
  'recruitment.missing.unapproved_items': {
    ja: '未承認医薬品等では、未承認であること・入手経路・国内の承認医薬品等の有無・諸外国での安全性情報の記載が必要です（医療広告ガイドライン）。',
    en: 'For an unapproved product, state that it is unapproved, how it is obtained, approved alternatives in Japan and safety information from abroad (Medical Advertising Guideline).',
  },
  'recruitment.missing.relief_system': {
    ja: '未承認医薬品等では、医薬品副作用被害救済制度の対象にならないことの記載が必要です（医療広告ガイドライン、2024年3月改正）。',
    en: 'For an unapproved product, state that the relief system for adverse drug reactions (医薬品副作用被害救済制度) does not cover it (Guideline, amended March 2024).',
  },
} as const;
