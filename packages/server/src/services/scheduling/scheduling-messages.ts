import { registerMessages } from '../../i18n/messages.ts';

/** ja/en messages of every key the scheduling core and the reservation routes emit. */
export const schedulingMessages = {
  'booking.in_past': { ja: '過去の日時は予約できません。これから先の日時を選んでください。', en: 'This time has already passed. Choose a time in the future.' },
  'booking.national_holiday': { ja: '{date}は祝日（{holidayName}）のため休診です。別の日を選んでください。', en: '{date} is a national holiday ({holidayName}) and the clinic is closed. Choose another day.' },
  'booking.clinic_closure': { ja: '{date}は休診期間（{reason}）です。別の日を選んでください。', en: 'The clinic is closed on {date} ({reason}). Choose another day.' },
  'booking.closed_day': { ja: '{date}は休診日です。別の日を選んでください。', en: 'The clinic is closed on {date}. Choose another day.' },
  'booking.outside_hours': { ja: '{date} {time}は診療時間外です。診療時間内の時刻を選んでください。', en: '{time} on {date} is outside opening hours. Choose a time within opening hours.' },
  'booking.exceeds_session': { ja: 'この予約（{durationMinutes}分）は診療時間（{sessionEnd}まで）内に収まりません。もっと早い時刻を選んでください。', en: 'This {durationMinutes}-minute appointment does not fit before the session ends at {sessionEnd}. Choose an earlier time.' },
  'booking.too_short_notice': { ja: 'オンライン予約は{minNoticeMinutes}分前までです。もっと後の時刻を選ぶか、お電話でご連絡ください。', en: 'Online bookings need at least {minNoticeMinutes} minutes notice. Choose a later time or call the clinic.' },
  'booking.beyond_horizon': { ja: '予約できるのは{lastDate}までです（{horizonDays}日先まで）。それまでの日を選んでください。', en: 'Bookings are possible up to {lastDate} ({horizonDays} days ahead). Choose an earlier day.' },
  'booking.resource_unavailable': { ja: 'この時間は担当者（{role}）が不在です。別の時刻を選んでください。', en: 'No {role} is working at this time. Choose another time.' },
  'booking.over_capacity': { ja: 'この時間はすでに埋まっています（{role}）。別の時刻を選んでください。', en: 'This time is already taken ({role}). Choose another time.' },
  'booking.staff_only': { ja: 'この予約はオンラインではお取りできません。お電話でご予約ください。', en: 'This cannot be booked online. Please call the clinic to book.' },
  'booking.not_eligible': { ja: 'この予約はお取りできません。詳しくはクリニックにお問い合わせください。', en: 'This cannot be booked for you. Please ask the clinic.' },
  'booking.service_inactive': { ja: 'この予約種別は現在受け付けていません。', en: 'This kind of appointment is not offered at the moment.' },
  'booking.cutoff_passed': { ja: 'オンラインでの変更・キャンセルの期限（{deadline}）を過ぎました。お手数ですが、お電話（{phone}）でご連絡ください。', en: 'The online deadline for changes ({deadline}) has passed. Please call the clinic ({phone}).' },
  'booking.appointment_started': { ja: 'この予約はすでに始まっています。お電話（{phone}）でご連絡ください。', en: 'This appointment has already begun. Please call the clinic ({phone}).' },
  'booking.hold_expired': { ja: '仮押さえの時間が過ぎました。もう一度時刻を選んでください。', en: 'The hold has expired. Please choose the time again.' },
  'booking.not_held': { ja: 'この予約は仮押さえではありません。', en: 'This appointment is not on hold.' },
  'booking.not_active': { ja: 'この予約はキャンセル済みか終了しているため変更できません。', en: 'This appointment is cancelled or finished and cannot be changed.' },
  'booking.not_yet_started': { ja: '予約時刻の前には記録できません。', en: 'This cannot be recorded before the appointment time.' },
  'booking.not_today': { ja: '受付（チェックイン）は予約当日のみできます。', en: 'Check-in is possible on the day of the appointment only.' },
  'booking.idempotency_mismatch': { ja: '同じ操作IDで異なる内容が送信されました。画面を更新してやり直してください。', en: 'The same request id was sent with different content. Reload and try again.' },
  'booking.override_doctor': { ja: 'ダブルブッキングの承認者には、在籍中の医師を指定してください。', en: 'Double booking must be approved by an active doctor.' },
  'booking.override_reason': { ja: 'ダブルブッキングの理由を入力してください。', en: 'Enter the reason for the double booking.' },
  'booking.unit_unavailable': { ja: 'この時間はすでに埋まっています。別の時刻を選んでください。', en: 'This time is already taken. Choose another time.' },
  'booking.code_invalid': { ja: '確認コードが正しくないか、有効期限が切れています。もう一度コードを送信してください。', en: 'The code is wrong or has expired. Request a new code.' },
  'booking.service_unknown': { ja: 'この予約種別は見つかりません。', en: 'No such kind of appointment.' },
  'booking.resource_unknown': { ja: '指定された担当者・設備は見つかりません。', en: 'No such staff member or resource.' },
  'booking.range_too_long_list': { ja: '一覧は{maxDays}日以内の範囲で指定してください。', en: 'List at most {maxDays} days at a time.' },
  'booking.range_reversed': { ja: '終了日は開始日以降にしてください。', en: 'The end date must not be before the start date.' },
  'booking.series_occurrence': { ja: '{index}回目: {message}', en: 'Occurrence {index}: {message}' },
  'booking.service_id_mismatch': { ja: 'URLと本文のIDが一致しません。', en: 'The id in the URL and in the body differ.' },
  instant_invalid: { ja: '日時はタイムゾーン付きのISO 8601形式で指定してください（例: 2026-12-02T09:00:00+09:00）。', en: 'Give the time as ISO 8601 with an offset (e.g. 2026-12-02T09:00:00+09:00).' },
  date_invalid: { ja: '正しい日付を YYYY-MM-DD 形式で指定してください。', en: 'Give a real date as YYYY-MM-DD.' },
  time_invalid: { ja: '時刻は HH:MM 形式（00:00〜24:00）で指定してください。', en: 'Give the time as HH:MM (00:00–24:00).' },
  time_zone_invalid: { ja: 'タイムゾーンが正しくありません（例: Asia/Tokyo）。', en: 'Not a valid time zone (e.g. Asia/Tokyo).' },
  range_too_long: { ja: '検索範囲は{maxDays}日以内にしてください。', en: 'Search at most {maxDays} days at a time.' },
  scheduling_config_invalid: { ja: '診療カレンダーの設定に誤りがあります。各項目を確認してください。', en: 'The calendar settings have errors. Check each field.' },
  buffer_invalid: { ja: '前後の余裕時間は0〜240分で指定してください。', en: 'Buffers must be 0–240 minutes.' },
  capacity_invalid: { ja: '同時に受けられる数は1以上の整数にしてください。', en: 'Capacity must be a whole number of at least 1.' },
  channel_invalid: { ja: '予約経路が正しくありません。', en: 'Invalid booking channel.' },
  count_invalid: { ja: '人数・回数は1以上の整数にしてください。', en: 'Use a whole number of at least 1.' },
  days_invalid: { ja: '日数が正しくありません。', en: 'Invalid number of days.' },
  duration_invalid: { ja: '所要時間は5〜480分で指定してください。', en: 'Duration must be 5–480 minutes.' },
  hours_invalid: { ja: '時間数が正しくありません。', en: 'Invalid number of hours.' },
  minutes_invalid: { ja: '分数が正しくありません。', en: 'Invalid number of minutes.' },
  range_end_before_start: { ja: '終了は開始より後にしてください。', en: 'The end must be after the start.' },
  role_repeated: { ja: '同じ役割が重複しています。', en: 'The same role is listed twice.' },
  session_end_not_after_start: { ja: '終了時刻は開始時刻より後にしてください。', en: 'The end time must be after the start time.' },
  sessions_overlap: { ja: '診療枠が重なっています。', en: 'Sessions overlap.' },
  sessions_required: { ja: '診療枠を1つ以上指定してください。', en: 'Give at least one session.' },
  step_invalid: { ja: '予約枠の間隔が正しくありません。', en: 'Invalid slot step.' },
  weekday_invalid: { ja: '曜日が正しくありません。', en: 'Invalid weekday.' },
} as const;

let registered = false;
/** Registers the catalogue once (the feature's register function calls it). */
export function registerSchedulingMessages(): void {
  if (registered) return;
  registered = true;
  registerMessages(schedulingMessages);
}
