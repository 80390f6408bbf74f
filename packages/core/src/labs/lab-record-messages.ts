import type { Lang } from '../text/localized-text.ts';

/**
 * ja/en texts of the analyte catalogue, the program lab plan, lab entry, medicines and
 * co-interventions (spread into `PROGRAM_MESSAGES`). Analytes and sample types are never named
 * by their ids here: the form shows the catalogue's names beside the field.
 */
export const LAB_RECORD_MESSAGES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
  'labs.analyte_invalid': { ja: '検査項目の入力に誤りがあります（{count}件）。', en: 'The analyte has {count} problem(s).' },
  'labs.analyte_id_invalid': {
    ja: '項目IDは英小文字で始まる英小文字・数字・下線（2〜40文字）で入力してください（例: mir124）。',
    en: 'Use 2–40 lower-case letters, digits or underscores, starting with a letter (e.g. mir124).',
  },
  'labs.analyte_id_taken': { ja: 'この項目IDは既に使われています。', en: 'This analyte id is already in use.' },
  'labs.sample_types_required': { ja: '測定する検体の種類を1つ以上選んでください。', en: 'Choose at least one sample type.' },
  'labs.plan_duplicate': { ja: '同じ検査項目が2回指定されています。', en: 'The same analyte is listed twice.' },
  'labs.window_required': {
    ja: 'コルチゾールは時刻で値が変わるため、採取時間帯（開始〜終了）を決めてください。',
    en: 'Cortisol follows the time of day: set a collection window (from–to).',
  },
  'labs.window_order': { ja: '採取時間帯の終了は開始より後にしてください。', en: 'The window must end after it starts.' },
  'labs.sample_type_not_program': {
    ja: 'このプログラムではこの項目の検体の種類が決められています。指定と違う検体の結果は登録できません（血清と血漿の値は比べられません）。',
    en: 'This program fixes the sample type for this analyte; a result from another sample type cannot be recorded (serum and plasma values do not compare).',
  },
  'labs.outside_window': {
    ja: '採取時刻 {time} はプログラムの採取時間帯（{from}〜{to}）の外です。このまま登録するには理由を入力して確認してください。',
    en: 'Collected at {time}, outside the program’s window ({from}–{to}). To record it anyway, confirm with a reason.',
  },
  'labs.enrolment_other_patient': { ja: 'この参加記録は別の患者さんのものです。', en: 'This enrolment belongs to another patient.' },
  'medication.yj_code_invalid': {
    ja: 'YJコードは12桁（数字4桁＋英数字8桁）で入力してください。',
    en: 'A YJ code has 12 characters (4 digits, then 8 digits or capital letters).',
  },
  'medication.co_intervention_invalid': { ja: '併用療法の記録に誤りがあります（{count}件）。', en: 'The co-intervention has {count} problem(s).' },
});
