import type { IntakeText } from './intake-definition.ts';

/** Keys of the validation messages shown to the patient (and of definition errors shown to admins). */
export type IntakeMessageKey =
  | 'required'
  | 'type'
  | 'too_long'
  | 'control_characters'
  | 'kana_only'
  | 'date_format'
  | 'date_invalid'
  | 'date_future'
  | 'date_implausible'
  | 'phone_invalid'
  | 'phone_foreign'
  | 'postal_code_invalid'
  | 'number_invalid'
  | 'number_integer'
  | 'number_min'
  | 'number_max'
  | 'choice_invalid'
  | 'other_required'
  | 'choice_exclusive'
  | 'choice_too_many'
  | 'rows_too_few'
  | 'rows_too_many'
  | 'consent_required'
  | 'consent_outdated'
  | 'scale_mismatch'
  | 'version_mismatch'
  | 'audience_mismatch';

export type IntakeMessageParams = Readonly<Record<string, string | number>>;

const MESSAGES: Readonly<Record<IntakeMessageKey, IntakeText>> = {
  required: { ja: '入力してください。', en: 'Please answer this question.' },
  type: { ja: '回答の形式が正しくありません。', en: 'This answer is not in the expected form.' },
  too_long: { ja: '{max}文字以内で入力してください（現在{length}文字）。', en: 'Please use at most {max} characters (now {length}).' },
  control_characters: { ja: '使用できない文字が含まれています。', en: 'This contains characters that cannot be used.' },
  kana_only: { ja: 'ひらがな または カタカナで入力してください。', en: 'Please write this in hiragana or katakana.' },
  date_format: { ja: '日付は 2026-04-01 のように入力してください。', en: 'Please enter the date as 2026-04-01.' },
  date_invalid: { ja: '存在しない日付です。', en: 'This date does not exist.' },
  date_future: { ja: '未来の日付は入力できません。', en: 'The date cannot be in the future.' },
  date_implausible: { ja: '日付をご確認ください。', en: 'Please check the date.' },
  phone_invalid: { ja: '電話番号をご確認ください（例: 090-1234-5678）。', en: 'Please check the phone number (e.g. 090-1234-5678).' },
  phone_foreign: { ja: '日本国内の電話番号を入力してください。', en: 'Please enter a Japanese phone number.' },
  postal_code_invalid: { ja: '郵便番号は7桁で入力してください（例: 123-4567）。', en: 'Please enter the 7-digit postal code (e.g. 123-4567).' },
  number_invalid: { ja: '数字で入力してください。', en: 'Please enter a number.' },
  number_integer: { ja: '整数で入力してください。', en: 'Please enter a whole number.' },
  number_min: { ja: '{min}以上で入力してください。', en: 'Please enter {min} or more.' },
  number_max: { ja: '{max}以下で入力してください。', en: 'Please enter {max} or less.' },
  choice_invalid: { ja: '選択肢から選んでください。', en: 'Please choose one of the options.' },
  other_required: { ja: '「その他」の内容を入力してください。', en: 'Please describe "other".' },
  choice_exclusive: { ja: '「{option}」は他の選択肢と同時に選べません。', en: '"{option}" cannot be combined with other options.' },
  choice_too_many: { ja: '{max}個まで選べます。', en: 'Please choose at most {max}.' },
  rows_too_few: { ja: '{min}件以上入力してください。', en: 'Please add at least {min}.' },
  rows_too_many: { ja: '{max}件まで入力できます。', en: 'Please add at most {max}.' },
  consent_required: { ja: '同意いただけない場合は、受診時に窓口でご相談ください。', en: 'Please agree to continue, or talk to reception at your visit.' },
  consent_outdated: { ja: '同意事項が更新されました。最新の内容をご確認ください。', en: 'The consent text has changed. Please read the current version.' },
  scale_mismatch: { ja: '質問票の回答が正しくありません。', en: 'The questionnaire answers do not match.' },
  version_mismatch: { ja: '問診票が更新されました。画面を読み込み直してください。', en: 'The form has been updated. Please reload the page.' },
  audience_mismatch: { ja: 'この問診票は別の対象者向けです。', en: 'This form is for a different respondent.' },
};

/**
 * The Japanese and English text of a message, with `{name}` placeholders filled from params.
 *
 * @example
 * intakeMessage('too_long', { max: 1000, length: 1200 }).ja // → '1000文字以内で入力してください（現在1200文字）。'
 */
export function intakeMessage(key: IntakeMessageKey, params: IntakeMessageParams = {}): IntakeText {
  const fill = (t: string): string => t.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  const m = MESSAGES[key];
  return { ja: fill(m.ja), en: fill(m.en) };
}
