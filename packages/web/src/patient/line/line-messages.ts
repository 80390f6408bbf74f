// Strings of the patient's LINE page.
const ja = {
  title: 'LINEでお知らせを受け取る',
  intro: 'ご予約の確認や前日のお知らせ、問診・質問票のご案内を、クリニックのLINE公式アカウントからお送りします。お知らせには病名や症状は書きません。',
  notReady: 'このクリニックでは、LINEでのお知らせはまだご利用いただけません。',
  start: '連携用コードを表示する',
  asGuardian: '保護者のLINEで受け取る',
  step1: '1. 下のボタンでLINEを開き、公式アカウントを友だち追加してください。',
  step2: '2. 入力済みのコードをそのまま送信してください（コードだけを送っても連携できます）。',
  openLine: 'LINEを開いてコードを送る',
  addFriend: '友だち追加',
  code: '連携用コード',
  expires: '有効期限: {time}（1回限り）',
  qr: 'パソコンで表示している場合は、スマートフォンでこのQRコードを読み取ってください。',
  linked: 'LINEと連携しています。',
  linkedGuardian: '保護者のLINEと連携しています。',
  blocked: '公式アカウントがブロックされているため、メールでお送りしています。友だち追加し直すとLINEに戻ります。',
  how: '受け取り方法',
  prefs: { line: 'LINEのみ', both: 'LINEとメール', mail: 'メールのみ' },
  unlink: 'LINE連携を解除する',
  unlinked: '連携を解除しました。今後はメールでお送りします。',
  back: 'ご予約に戻る',
  failed: 'うまくいきませんでした。時間をおいてもう一度お試しください。',
};

export type LineMessages = { readonly [K in keyof typeof ja]: (typeof ja)[K] extends string ? string : { readonly [P in keyof (typeof ja)[K]]: string } };

const en: LineMessages = {
  title: 'Get our messages on LINE',
  intro: 'Booking confirmations, day-before reminders and the links to forms and questionnaires can come from the clinic\'s LINE official account. They never name an illness or a symptom.',
  notReady: 'This clinic does not send messages by LINE yet.',
  start: 'Show my link code',
  asGuardian: 'Receive them on the guardian\'s LINE',
  step1: '1. Open LINE with the button below and add the official account as a friend.',
  step2: '2. Send the code that is already typed in (sending the code alone also works).',
  openLine: 'Open LINE and send the code',
  addFriend: 'Add friend',
  code: 'Link code',
  expires: 'Valid until {time} (once)',
  qr: 'On a computer? Scan this QR code with your phone.',
  linked: 'Your LINE is linked.',
  linkedGuardian: 'The guardian\'s LINE is linked.',
  blocked: 'The official account is blocked, so we send mail instead. Add it as a friend again to get LINE messages.',
  how: 'How messages come',
  prefs: { line: 'LINE only', both: 'LINE and mail', mail: 'Mail only' },
  unlink: 'Unlink LINE',
  unlinked: 'Unlinked. Messages come by mail from now on.',
  back: 'Back to my appointments',
  failed: 'That did not work. Please try again later.',
};

export const LINE_MESSAGES: Readonly<Record<'ja' | 'en', LineMessages>> = { ja, en };
