/** The kinds of patient message that may go by LINE. */
export type LineNoticeKind =
  | 'appointment_confirmation' | 'appointment_change' | 'appointment_cancellation' | 'appointment_reminder'
  | 'intake_link' | 'questionnaire_invite' | 'questionnaire_reminder' | 'questionnaire_resend' | 'recruitment_callback' | 'test';

const LEAD: Readonly<Record<LineNoticeKind, { ja: string; en: string }>> = {
  appointment_confirmation: { ja: 'ご予約を承りました。', en: 'Your appointment is booked.' },
  appointment_change: { ja: 'ご予約の日時が変わりました。', en: 'Your appointment has moved.' },
  appointment_cancellation: { ja: 'ご予約はキャンセルされました。', en: 'Your appointment was cancelled.' },
  appointment_reminder: { ja: '明日のご予約のお知らせです。', en: 'A reminder of your appointment tomorrow.' },
  intake_link: { ja: 'ご来院前のご入力のお願いです。', en: 'Please fill in a form before your visit.' },
  questionnaire_invite: { ja: 'ご回答のお願いがあります。', en: 'We have a few questions for you.' },
  questionnaire_reminder: { ja: 'ご回答の期限が近づいています（まだの方のみ）。', en: 'The time to answer is nearly over (only if you have not answered).' },
  questionnaire_resend: { ja: 'ご回答のリンクを新しくお送りします。', en: 'Here is a new link to answer.' },
  recruitment_callback: { ja: 'お問い合わせの件でご連絡します。', en: 'About your enquiry.' },
  test: { ja: 'テスト送信です（返信は不要です）。', en: 'This is a test message (no reply needed).' },
};

/** Parses an outbox kind; null for a kind that never goes by LINE (e.g. staff mail, login codes). */
export function lineNoticeKind(kind: string): LineNoticeKind | null {
  return Object.hasOwn(LEAD, kind) ? (kind as LineNoticeKind) : null;
}

/**
 * The text of a LINE message to a patient. A phone's lock screen shows it, so it says only that the
 * clinic has news, the time of an appointment and a link into the patient pages: never a
 * diagnosis, a scale's name, a score, a drug or the reason for a visit.
 *
 * @example
 * lineNoticeText({ kind: 'appointment_reminder', clinicName: '見守りクリニック', when: '12月8日（火）9:00', url: 'https://x/p/appointments' });
 */
export function lineNoticeText(o: {
  readonly kind: LineNoticeKind;
  readonly clinicName: string;
  /** The appointment's time as the clinic writes it (e.g. `2026年12月8日（火）9:00〜9:15`). */
  readonly when?: string | null;
  /** A link into the patient pages. */
  readonly url?: string | null;
  /** Until when the link works (clinic time, as text). */
  readonly until?: string | null;
}): string {
  const lead = LEAD[o.kind];
  return [
    `【${o.clinicName}】`,
    lead.ja,
    ...(o.when ? [`日時: ${o.when}`] : []),
    ...(o.url ? [o.url] : []),
    ...(o.until ? [`期限: ${o.until}`] : []),
    '',
    lead.en,
    '',
    'このアカウントは返信を確認していません。ご用件はお電話でお願いします。',
  ].join('\n');
}
