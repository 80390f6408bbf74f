/** ja/en messages of the LINE channel and the outbox's test sends. */
export const LINE_MESSAGES = {
  line_signature_invalid: { ja: '署名を確認できません。', en: 'The signature does not verify.' },
  line_webhook_body: { ja: 'Webhook の本文を読めません。', en: 'The webhook body cannot be read.' },
  line_channel_id_invalid: { ja: 'チャネルIDは数字で入力してください。', en: 'The channel ID is a number.' },
  line_secret_invalid: { ja: 'チャネルシークレットは32文字の英数字（0-9, a-f）です。', en: 'The channel secret is 32 characters (0-9, a-f).' },
  line_token_invalid: { ja: 'チャネルアクセストークンの形式が正しくありません。', en: 'The channel access token is not in the expected form.' },
  line_secret_required: { ja: 'チャネルシークレットを入力してください。', en: 'Enter the channel secret.' },
  line_token_required: { ja: 'チャネルアクセストークンを入力してください。', en: 'Enter the channel access token.' },
  line_not_configured: { ja: 'LINE公式アカウントが設定されていません。', en: 'The LINE official account is not set up.' },
  line_not_ready: {
    ja: 'LINE連携は準備中です（管理者が設定と接続確認を済ませると使えます）。',
    en: 'LINE is not ready yet (an administrator must set it up and check the connection).',
  },
  line_not_linked: { ja: 'LINEは連携されていません。', en: 'LINE is not linked.' },
  line_user_id_invalid: { ja: 'LINEのユーザーIDは U で始まる33文字です（LINE Developers コンソールの「あなたのユーザーID」）。', en: 'A LINE user ID is U followed by 32 characters (“Your user ID” in the LINE Developers console).' },
  test_mail_address_invalid: { ja: 'メールアドレスを正しく入力してください。', en: 'Enter a valid email address.' },
} as const;
