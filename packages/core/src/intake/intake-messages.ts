import type { Lang } from '../text/localized-text.ts';
import type { IntakeText } from './intake-definition.ts';

/** Keys of the validation messages shown to the patient (and of definition errors shown to admins). */
export type IntakeMessageKey =
  | 'required'
  | 'choose_required'
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
  choose_required: { ja: '選択してください。', en: 'Please choose one.' },
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

/**
 * The intake feature's catalogue (plain ja/en data, registered once per app by the server): its
 * error keys (`intake_*`), the patient's field messages as issues (`intake.<key>`, the messages
 * above) and the problems of an edited form (`intake_definition.<kind>.<what>`). Only the server's
 * error handler (or a page naming its language) picks one language.
 */
export const INTAKE_MESSAGES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
  intake_invalid: { ja: '入力内容を確認してください（{count}件）。', en: 'Please check your answers ({count}).' },
  intake_definition_invalid: { ja: '問診票の定義に誤りがあります（{count}件）。', en: 'The form definition has problems ({count}).' },
  intake_not_found: { ja: '問診が見つかりません。', en: 'Intake not found.' },
  intake_already_submitted: { ja: 'この問診はすでに送信されています。', en: 'This intake has already been submitted.' },
  intake_saved_elsewhere: {
    ja: '別の端末で保存された内容があります。最新の内容を読み込みました。もう一度ご確認ください。',
    en: 'Answers were saved on another device. The latest answers have been loaded; please check them again.',
  },
  intake_no_email: { ja: 'この患者にはメールアドレスが登録されていません。リンクをコピーするかQRコードをお使いください。', en: 'This patient has no email address. Copy the link or show the QR code instead.' },
  intake_not_adolescent: {
    ja: 'ご本人用のリンクは12〜17歳の患者さんに送れます（現在{age}歳）。',
    en: 'The patient\'s own link is for patients aged 12 to 17 (this patient is {age}).',
  },
  intake_no_adolescent_part: {
    ja: '現在の問診票にはご本人が答える画面がありません。問診票の編集で「本人が回答」の画面を加えてください。',
    en: 'The current form has no screens for the patient to answer themselves. Add one in the form editor.',
  },
  intake_adolescent_no_email: {
    ja: 'ご本人のメールアドレス（保護者と別のもの）も、ご本人の LINE の連携もありません。リンクは、問診を見られる職員が院内で直接お渡しください。',
    en: 'There is no email address of the patient\'s own (other than a guardian\'s) and no LINE link of their own. Staff who may read intakes can hand over the link in person.',
  },
  intake_child_no_screen: {
    ja: 'お子さま用の問診票に、点数化される若者向けの自傷・自殺リスクのスクリーニング尺度がありません。このまま公開するには、当院として確認した旨を{min}文字以上で記入してください（記録され、監査ログに残ります）。',
    en: 'The child form has no scored youth self-harm screen. To publish it anyway, type the clinic\'s written confirmation ({min} characters or more); it is stored and audited.',
  },
  intake_closed: { ja: 'この問診は受付を終了しています。', en: 'This intake is closed.' },
  // ---- the patient's field messages, as issues of an `intake_invalid` error
  ...Object.fromEntries(Object.entries(MESSAGES).map(([key, text]) => [`intake.${key}`, text])),
  // ---- problems of an edited form
  'intake_definition.audience_invalid.audiences_distinct_values': { ja: '対象は {audiences} から重複なく選んでください。', en: 'Audiences must be distinct values among {audiences}.' },
  'intake_definition.audience_invalid.unknown_audience': { ja: '対象が正しくありません。', en: 'Unknown audience.' },
  'intake_definition.birth_date_question.birthdatequestion_id_date': { ja: '生年月日には日付の質問のIDを指定してください。', en: 'birthDateQuestion must be the id of a date question.' },
  'intake_definition.condition_invalid.condition_object': { ja: '条件の形式が正しくありません。', en: 'A condition must be an object.' },
  'intake_definition.condition_invalid.conditions_nest_most': { ja: '条件の入れ子が深すぎます。', en: 'Conditions nest at most {depth} deep.' },
  'intake_definition.condition_invalid.give_exactly_one': { ja: 'question か sibling のどちらか一方を指定してください。', en: 'Give exactly one of question or sibling.' },
  'intake_definition.condition_invalid.required_true_false': { ja: 'required は true/false です。', en: 'required is true or false.' },
  'intake_definition.condition_invalid.unknown_condition_op': { ja: '不明な条件「{op}」です。', en: 'Unknown condition op "{op}".' },
  'intake_definition.condition_reference.earlier_field_same': { ja: '「{name}」は同じ行のこれより前の項目ではありません。', en: '"{name}" is not an earlier field of the same row.' },
  'intake_definition.condition_reference.earlier_question_conditions': { ja: '「{name}」はこれより前の質問ではありません（条件は前の回答だけを参照できます）。', en: '"{name}" is not an earlier question (conditions may only refer to earlier answers).' },
  'intake_definition.condition_reference.sibling_can_referred': { ja: '同じ行の項目（sibling）は、繰り返し項目の中でだけ参照できます。', en: 'A sibling can be referred to only inside a repeated group.' },
  'intake_definition.condition_value.applies_single_choice': { ja: 'in は単一選択の質問にだけ使えます。', en: 'in applies to single-choice questions only.' },
  'intake_definition.condition_value.cannot_compared_with': { ja: '「{name}」（{type}）は equals で比較できません。', en: '"{name}" ({type}) cannot be compared with equals.' },
  'intake_definition.condition_value.every_value_option': { ja: '値はすべて「{name}」の選択肢にしてください。', en: 'Every value must be an option of "{name}".' },
  'intake_definition.condition_value.gte_lte_compare': { ja: 'gte/lte は数値の質問と数値で使います。', en: 'gte/lte compare a number question with a number.' },
  'intake_definition.condition_value.includes_applies_multiple': { ja: 'includes は複数選択の質問にだけ使えます。', en: 'includes applies to multiple-choice questions only.' },
  'intake_definition.condition_value.number_question_compares': { ja: '数値の質問には数値を指定してください。', en: 'A number question compares with a number.' },
  'intake_definition.condition_value.option': { ja: '「{value}」は「{name}」の選択肢にありません。', en: '"{value}" is not an option of "{name}".' },
  'intake_definition.condition_value.value_compare_with': { ja: '比較する値がありません。', en: 'A value to compare with is missing.' },
  'intake_definition.condition_value.yes_no_question': { ja: 'はい/いいえの質問には true か false を指定してください。', en: 'A yes/no question compares with true or false.' },
  'intake_definition.definition_id_changed.stay': { ja: '問診票IDは「{id}」のままにしてください。', en: 'The form id must stay "{id}".' },
  'intake_definition.field_type_not_allowed.cannot_used_inside': { ja: '繰り返し項目の中では {type} は使えません。', en: '{type} cannot be used inside a repeated group.' },
  'intake_definition.id_duplicate.id_used_twice': { ja: 'ID「{v}」が重複しています。', en: 'The id "{v}" is used twice.' },
  'intake_definition.id_duplicate.option_used_twice': { ja: '選択肢「{value}」が重複しています。', en: 'Option "{value}" is used twice.' },
  'intake_definition.id_invalid.give_scale_id': { ja: '尺度IDを指定してください（例: phq9）。', en: 'Give the scale id (e.g. phq9).' },
  'intake_definition.id_invalid.id_starts_with': { ja: 'IDは半角英小文字で始まり、英小文字・数字・_ のみ（64文字以内）にしてください。', en: 'An id starts with a lower-case letter and uses only a–z, 0–9 and _ (at most 64).' },
  'intake_definition.list_empty.give_audiences': { ja: '対象を指定してください。', en: 'Give the audiences.' },
  'intake_definition.list_empty.least_one_needed': { ja: '1つ以上必要です。', en: 'At least one is needed.' },
  'intake_definition.list_empty.suggestions_list': { ja: '候補は一覧で指定してください。', en: 'Suggestions must be a list.' },
  'intake_definition.not_object.definition_object': { ja: '問診票の定義がありません。', en: 'The definition must be an object.' },
  'intake_definition.not_object.group_object': { ja: 'グループの形式が正しくありません。', en: 'A group must be an object.' },
  'intake_definition.not_object.option_object': { ja: '選択肢の形式が正しくありません。', en: 'An option must be an object.' },
  'intake_definition.not_object.other_object': { ja: '「その他」の設定が正しくありません。', en: 'other must be an object.' },
  'intake_definition.not_object.question_object': { ja: '質問の形式が正しくありません。', en: 'A question must be an object.' },
  'intake_definition.not_object.section_object': { ja: 'セクションの形式が正しくありません。', en: 'A section must be an object.' },
  'intake_definition.number_invalid.number': { ja: '数値にしてください。', en: 'Must be a number.' },
  'intake_definition.number_invalid.whole_number_from': { ja: '{min}〜{max}の整数にしてください。', en: 'Must be a whole number from {min} to {max}.' },
  'intake_definition.option_reserved.other_reserved_use': { ja: '「other」は「その他」用に予約されています。other 設定を使ってください。', en: '"other" is reserved; use the question\'s other setting.' },
  'intake_definition.option_value_invalid.exclusive_values_option': { ja: '排他的な選択肢は選択肢の値から指定してください。', en: 'Exclusive values must be option values.' },
  'intake_definition.option_value_invalid.option_value_uses': { ja: '選択肢の値は英小文字・数字・_ にしてください。', en: 'An option value uses a–z, 0–9 and _.' },
  'intake_definition.range_invalid.age_range_whole': { ja: '年齢の範囲（min ≤ max, 0〜130の整数）を確認してください。', en: 'Age range must be whole numbers 0–130 with min ≤ max.' },
  'intake_definition.range_invalid.min_exceed_max': { ja: 'min は max 以下にしてください。', en: 'min must not exceed max.' },
  'intake_definition.range_invalid.minrows_exceed_maxrows': { ja: 'minRows は maxRows 以下にしてください。', en: 'minRows must not exceed maxRows.' },
  'intake_definition.respondent_invalid.respondent_can_self': { ja: '回答者は「self」（本人）だけが指定できます。', en: 'respondent can only be "self".' },
  'intake_definition.safety_invalid.safety_trigger_severity': { ja: '安全性の設定は選択肢・はい/いいえ・記述式の質問に { "severity": "urgent" | "high" | "review" } で指定してください。', en: 'A safety trigger is { "severity": "urgent" | "high" | "review" } on an option, a yes/no or a text question.' },
  'intake_definition.text_missing.give_both_ja': { ja: '日本語と英語を指定してください。', en: 'Give both ja and en.' },
  'intake_definition.text_missing.give_both_japanese': { ja: '日本語と英語の両方を入力してください。', en: 'Give both the Japanese and the English text.' },
  'intake_definition.type_unknown.unknown_question_type': { ja: '不明な質問の種類「{type}」です。', en: 'Unknown question type "{type}".' },
  'intake_definition.version_invalid.give_policy_version': { ja: '同意文書の版を指定してください。', en: 'Give the policy version.' },
  'intake_definition.version_invalid.version_whole_number': { ja: '版は1以上の整数です。', en: 'version is a whole number from 1.' },
  'intake_definition.version_not_newer.greater': { ja: '版は{version}より大きくしてください。', en: 'version must be greater than {version}.' },
});

/**
 * An intake catalogue message in one language, placeholders filled (a key not in the catalogue
 * comes back as itself) — for a page that names its language, such as the form editor.
 *
 * @example
 * intakeCatalogueMessage('intake_definition.version_not_newer.greater', { version: 3 }, 'en'); // 'version must be greater than 3.'
 */
export function intakeCatalogueMessage(key: string, params: Readonly<Record<string, unknown>> | undefined, lang: Lang): string {
  const template = INTAKE_MESSAGES[key]?.[lang] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (params?.[name] === undefined ? m : String(params[name])));
}
