/** A crisis line as the auto-reply names it. */
export interface ReplyContact {
  readonly name: string;
  readonly phone: string | null;
  readonly hours?: string | null;
}

/**
 * The fixed answer to any message the clinic's LINE account receives that is not a link code: the
 * account is not watched, whom to call instead, and where to turn at once in a crisis. Never silence,
 * never clinical advice.
 *
 * @example
 * lineAutoReply({ clinicName: '見守りクリニック', clinicPhone: '03-0000-0000', crisis: [{ name: 'いのちの電話', phone: '0570-783-556' }] });
 */
export function lineAutoReply(o: { readonly clinicName: string; readonly clinicPhone: string; readonly crisis: ReadonlyArray<ReplyContact> }): string {
  const contacts = o.crisis.filter((c) => c.phone).slice(0, 4).map((c) => `・${c.name} ${c.phone}${c.hours ? `（${c.hours}）` : ''}`);
  return [
    `${o.clinicName}の公式アカウントです。`,
    'このアカウントへのメッセージは確認していません（お返事はできません）。',
    `ご予約・お問い合わせはお電話（${o.clinicPhone}）でお願いします。`,
    '',
    '今すぐ助けが必要なときは、119番（救急）または次の窓口へ:',
    ...contacts,
    '',
    `This account is not monitored. Please call the clinic (${o.clinicPhone}). In an emergency call 119.`,
  ].join('\n');
}

/** The answers to a link code, in the patient's words. */
export const LINK_REPLIES = {
  linked: '連携が完了しました。今後のお知らせをこのLINEでお送りします。停止するにはこのアカウントをブロックしてください。',
  linkedGuardian: '保護者として連携が完了しました。お子さまのお知らせをこのLINEでお送りします。停止するにはこのアカウントをブロックしてください。',
  invalid: 'このコードは使えません（期限切れか使用済みです）。クリニックのページで新しいコードを表示してください。',
  locked: '間違ったコードが続いたため、しばらくコードを受け付けません。1時間ほどおいて新しいコードでお試しいただくか、受付にお申し出ください。',
  welcome: 'ご登録ありがとうございます。クリニックのページに表示されたコード（MM-から始まる8文字）を送ると、お知らせをLINEで受け取れます。',
} as const;
