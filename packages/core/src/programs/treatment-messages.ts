import type { Lang } from '../text/localized-text.ts';

/**
 * Japanese and English texts of the treatment records added for reviewers: product lots and their
 * certificates, the infusion's dose and observation, the out-of-window dose, the TMS course facts and
 * the age limit. Plain data, part of `PROGRAM_MESSAGES`.
 */
export const TREATMENT_MESSAGES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
  'treatment.lot_invalid': { ja: 'ロットの記録に誤りがあります（{count}件）。', en: 'The lot record has {count} problem(s).' },
  'treatment.lot_received_after_expiry': { ja: '受領日が有効期限（{expiryDate}）より後です。', en: 'The date received is after the expiry date ({expiryDate}).' },
  'treatment.lot_tested_after_expiry': { ja: '試験日が有効期限（{expiryDate}）より後です。', en: 'The test date is after the expiry date ({expiryDate}).' },
  'treatment.lot_duplicate': { ja: 'このロット番号はすでに登録されています。', en: 'This lot number is already on record.' },
  'treatment.lot_not_found': { ja: 'ロットが見つかりません。', en: 'The lot was not found.' },
  'treatment.lot_certificate_missing': {
    ja: 'このロットには試験成績書（COA）のファイルがありません。添付してから投与を記録してください。',
    en: 'This lot has no certificate of analysis on file. Attach it before recording a dose.',
  },
  'treatment.lot_test_failed': {
    ja: 'このロットは試験成績書で不適合（無菌・エンドトキシン・マイコプラズマのいずれか）です。投与できません。',
    en: 'This lot failed a release test (sterility, endotoxin or mycoplasma) on its certificate. It cannot be given.',
  },
  'treatment.lot_not_released': { ja: 'このロットは投与できません。', en: 'This lot cannot be given.' },
  'treatment.certificate_empty': { ja: 'ファイルが空です。', en: 'The file is empty.' },
  'treatment.certificate_too_large': { ja: 'ファイルは{maxMb}MB以下にしてください。', en: 'The file must be at most {maxMb} MB.' },
  'treatment.certificate_type': {
    ja: 'PDF・PNG・JPEGのファイルを添付してください（内容から判定しています）。',
    en: 'Attach a PDF, PNG or JPEG file (judged from its content).',
  },
  'treatment.certificate_not_found': { ja: '試験成績書のファイルがありません。', en: 'No certificate file is on record.' },
  'treatment.vitals_during_outside': {
    ja: '投与中のバイタルの測定時刻が投与の開始〜終了の間にありません。',
    en: 'The vitals during the infusion were not taken between its start and end.',
  },
  'treatment.thawed_after_start': { ja: '解凍時刻が投与開始より後です。', en: 'The thaw time is after the start of the infusion.' },
  'treatment.thawed_too_early': { ja: '解凍から投与開始まで{hours}時間を超えています。', en: 'More than {hours} hours passed between thawing and the start.' },
  'treatment.outside_window': {
    ja: '第{n}回の投与日 {date} は予定の範囲 {windowStartDate}〜{windowEndDate} の外です。この日に投与した理由を入力して確定してください。',
    en: 'Session {n} on {date} is outside its window {windowStartDate} – {windowEndDate}. Confirm it with the reason it was given on this day.',
  },
  'treatment.outside_window_reason': {
    ja: '予定の範囲外に投与した理由を入力してください。',
    en: 'Enter the reason the dose was given outside its window.',
  },
  'treatment.tms_seizure_screening_required': {
    ja: '初回の前に、けいれんリスクのスクリーニング（てんかん・頭部外傷・体内金属や機器・けいれん閾値を下げる薬）を記録してください。',
    en: 'Record the seizure-risk screening (epilepsy, head injury, implanted metal or devices, threshold-lowering medicines) before the first session.',
  },
  'treatment.tms_seizure_risk': {
    ja: 'けいれんリスクありと判定された方にはTMSを行えません。医師が判断を記録してください。',
    en: 'TMS cannot be given when a seizure risk was found. A doctor must record the decision.',
  },
  'treatment.tms_screening_after_start': { ja: 'スクリーニング日が施行日より後です。', en: 'The screening date is after the session.' },
  'treatment.tms_threshold_after_start': { ja: '運動閾値の測定日が施行日より後です。', en: 'The motor threshold was measured after the session.' },
  'treatment.tms_threshold_mismatch': {
    ja: '運動閾値（%MSO）が測定記録の値（{percentMso}）と一致しません。',
    en: 'The motor threshold (% MSO) differs from the measured value ({percentMso}).',
  },
  'treatment.tms_trains_uneven': {
    ja: 'パルス数（{pulses}）がトレイン数（{trains}）で割り切れません。',
    en: 'The pulses ({pulses}) do not divide evenly into {trains} trains.',
  },
  'treatment.tms_under_18': {
    ja: 'TMSプログラムには18歳未満の方を登録できません（現在{age}歳）。日本精神神経学会のrTMS適正使用指針は18歳未満への実施を推奨していません。',
    en: 'A TMS program cannot enrol anyone under 18 (this patient is {age}). The JSPN rTMS guideline does not recommend it under 18.',
  },
  'treatment.tms_birth_date_required': {
    ja: 'TMSプログラムには生年月日の登録が必要です（18歳以上であることを確認するため）。',
    en: 'A TMS program needs the date of birth (to confirm the patient is 18 or over).',
  },
});
