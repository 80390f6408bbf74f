import type { Lang } from '../text/localized-text.ts';

/**
 * Japanese and English texts of the errors the programs services raise around the core's checks
 * (a program that exists already, a consent text that is missing, a booking that failed, …) and of
 * the safety alerts an adverse event raises. Part of `PROGRAM_MESSAGES`.
 */
export const PROGRAM_SERVICE_MESSAGES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
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
  'programs.not_enrolled': { ja: 'まだ登録されていないため、予定がありません。', en: 'The patient is not enrolled yet, so there is no schedule.' },
  'programs.booking_not_allowed': {
    ja: 'この登録状態（{status}）では治療の予約はできません。',
    en: 'Treatment sessions cannot be booked in this enrolment status ({status}).',
  },
  'programs.service_missing': {
    ja: 'プログラムの予約メニュー（{serviceId}）がクリニックの予約設定にありません。プログラム定義の sessions.serviceId を確認してください。',
    en: 'The program\'s booking service ({serviceId}) is not among the clinic\'s services. Check sessions.serviceId in the program definition.',
  },
  'programs.already_booked': { ja: 'この治療コースはすでに予約されています。変更は予約画面で行ってください。', en: 'This course is already booked. Change it from the appointments pages.' },
  'programs.booking_invalid': { ja: '予約内容に誤りがあります（{count}件）。', en: 'The booking has {count} problem(s).' },
  'programs.booking_sessions_incomplete': { ja: '全{count}回の日時を指定してください。', en: 'Give a date and time for all {count} sessions.' },
  'programs.booking_date_past': { ja: '{date}は過去の日付です。', en: '{date} is in the past.' },
  'programs.booking_time_invalid': { ja: '{date} {time} は日時として正しくありません。', en: '{date} {time} is not a valid date and time.' },
  'programs.booking_dates_order': { ja: '{date}は前の回より後の日付にしてください。', en: '{date} must be after the previous session.' },
  'programs.booking_failed': {
    ja: '第{session}回（{date} {time}）を予約できませんでした。何も予約されていません。理由: {reason}',
    en: 'Session {session} ({date} {time}) could not be booked, so nothing was booked. Reason: {reason}',
  },
  'programs.adverse_event_changed': {
    ja: '他の人がこの有害事象を更新しました。画面を更新してから編集してください。',
    en: 'Someone else changed this adverse event. Reload it and edit again.',
  },
  'programs.alert_sae': { ja: '重篤な有害事象: {term}（Grade {grade}、{criteria}）', en: 'Serious adverse event: {term} (grade {grade}; {criteria})' },
  'programs.alert_susar': { ja: '予測できない重篤な副作用の疑い: {term}（Grade {grade}、{criteria}）', en: 'Suspected unexpected serious adverse reaction: {term} (grade {grade}; {criteria})' },
});
