import type { ErrorParams } from '../errors/domain-error.ts';
import { fillTemplate } from '../text/fill-template.ts';
import type { Lang } from '../text/localized-text.ts';
import { PROGRAM_SERVICE_MESSAGES } from './program-service-messages.ts';
import { GOVERNANCE_MESSAGES } from './governance-messages.ts';
import { TREATMENT_MESSAGES } from './treatment-messages.ts';
import { PROGRAM_STATE_LABELS } from './state-labels.ts';
import { AE_OUTCOME_LABELS } from '../safety/ae-outcome-labels.ts';
import { LAB_RECORD_MESSAGES } from '../labs/lab-record-messages.ts';
import { ELIGIBILITY_MESSAGES } from './eligibility-messages.ts';

/**
 * Japanese and English texts for every message key used by `programs`, `treatment`, `safety`,
 * `medication` and `labs` (the `key` of their `DomainError`s and of each issue), and of the
 * programs services (`PROGRAM_SERVICE_MESSAGES`). Templates take `{name}` placeholders filled from
 * the error's and the issue's `params`. Plain data: the server's programs feature registers it once
 * per app, and the error handler translates; `messages.test.ts` checks that every key used in these
 * folders is here in both languages.
 */
export const PROGRAM_MESSAGES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
  // ---- generic field checks
  'programs.field.required': { ja: '入力してください。', en: 'This field is required.' },
  'programs.field.not_text': { ja: '文字で入力してください。', en: 'Enter text.' },
  'programs.field.too_long': { ja: '{max}文字以内で入力してください。', en: 'Use at most {max} characters.' },
  'programs.field.not_number': { ja: '数値で入力してください。', en: 'Enter a number.' },
  'programs.field.not_positive': { ja: '0より大きい値を入力してください。', en: 'Enter a value greater than zero.' },
  'programs.field.not_integer': { ja: '整数で入力してください。', en: 'Enter a whole number.' },
  'programs.field.out_of_range': {
    ja: '{min}〜{max}{unit}の範囲で入力してください（入力値: {value}）。',
    en: 'Enter a value between {min} and {max} {unit} (entered: {value}).',
  },
  'programs.field.too_small': {
    ja: '{min}{unit}以上で入力してください（入力値: {value}）。',
    en: 'Enter at least {min} {unit} (entered: {value}).',
  },
  'programs.field.too_large': {
    ja: '{max}{unit}以下で入力してください（入力値: {value}）。',
    en: 'Enter at most {max} {unit} (entered: {value}).',
  },
  'programs.field.not_allowed': { ja: '次のいずれかを選んでください: {allowed}', en: 'Choose one of: {allowed}' },
  'programs.field.not_list': { ja: '一覧の形式ではありません。', en: 'Expected a list.' },
  'programs.field.invalid_id': {
    ja: 'IDは半角英小文字・数字・ハイフン・下線で入力してください。',
    en: 'Use lower-case letters, digits, hyphens and underscores for ids.',
  },
  'programs.field.invalid_date': { ja: '日付は YYYY-MM-DD 形式の実在する日付で入力してください。', en: 'Enter a real date as YYYY-MM-DD.' },
  'programs.field.invalid_instant': {
    ja: '日時はタイムゾーン付きの ISO 形式で入力してください（例: 2026-04-01T10:00:00+09:00）。',
    en: 'Enter the time in ISO format with its offset (e.g. 2026-04-01T10:00:00+09:00).',
  },
  'programs.field.end_before_start': { ja: '終了は開始より後にしてください。', en: 'The end must not be before the start.' },

  // ---- program definition
  'programs.definition_invalid': {
    ja: 'プログラム定義に誤りがあります（{count}件）。',
    en: 'The program definition has {count} problem(s).',
  },
  'programs.icd10_invalid': {
    ja: 'ICD-10コード「{value}」の形式が正しくありません（例: F32、F41.1）。',
    en: 'ICD-10 code "{value}" is not valid (e.g. F32, F41.1).',
  },
  'programs.age_range_inverted': { ja: '上限年齢は下限年齢以上にしてください。', en: 'The maximum age must not be below the minimum age.' },
  'programs.threshold_needs_bound': { ja: '下限または上限の少なくとも一方を入力してください。', en: 'Give a minimum, a maximum, or both.' },
  'programs.threshold_inverted': { ja: '上限は下限以上にしてください。', en: 'The maximum must not be below the minimum.' },
  'programs.duplicate_id': { ja: 'ID「{id}」が重複しています。', en: 'Id "{id}" is used twice.' },
  'programs.hash_invalid': {
    ja: '文書のハッシュは SHA-256 の16進64桁で入力してください。',
    en: 'The document hash must be a SHA-256 digest (64 hex digits).',
  },
  'programs.duplicate_document_version': {
    ja: '文書「{id}」第{version}版が同じ言語で重複しています。',
    en: 'Document "{id}" version {version} appears twice in the same language.',
  },
  'programs.document_version_changed': {
    ja: '公開済みの文書「{id}」第{version}版の本文は変更できません。新しい版として登録してください。',
    en: 'Published document "{id}" version {version} cannot change; add a new version instead.',
  },
  'programs.consent_document_missing': {
    ja: '{role} 用の同意文書（{language}）がありません。',
    en: 'A consent document for {role} in {language} is missing.',
  },
  'programs.session_windows_overlap': {
    ja: '許容幅の合計が投与間隔（{intervalDays}日）以上のため、隣り合う回の許容範囲が重なります。',
    en: 'The windows add up to the interval ({intervalDays} days) or more, so neighbouring sessions overlap.',
  },
  'programs.session_kind_mismatch': {
    ja: '治療の種類（{treatment}）とセッションの種類が一致しません。',
    en: 'The session kind does not match the treatment ({treatment}).',
  },
  'programs.visit_measures_nothing': {
    ja: '評価項目（尺度またはバイオマーカー）を1つ以上指定してください。',
    en: 'A visit must measure at least one scale or biomarker.',
  },
  'programs.pre_treatment_baseline_at_screening': {
    ja: '治療前ベースラインはスクリーニング時点には置けません。',
    en: 'The pre-treatment baseline cannot be the screening visit.',
  },
  'programs.pre_treatment_baseline_after_dosing': {
    ja: '治療前ベースラインの許容範囲が初回投与日より後まで及んでいます。',
    en: 'The pre-treatment baseline window extends past the first dose.',
  },
  'programs.blood_draw_needs_clinic': {
    ja: '採血のある評価は来院で行う必要があります。',
    en: 'A visit with a blood draw must be in the clinic.',
  },
  'programs.two_baselines_required': {
    ja: 'ベースラインが足りません（{missing}）。平均への回帰を判断するため、スクリーニング時と治療前の2回が必要です。',
    en: 'A baseline is missing ({missing}). Two baselines, at screening and before treatment, are needed to judge regression to the mean.',
  },
  'programs.registry_id_invalid': {
    ja: '登録番号は jRCT（例: jRCTs031180032）または UMIN-CTR（例: UMIN000012345）の形式で入力してください。',
    en: 'Enter a jRCT (e.g. jRCTs031180032) or UMIN-CTR (e.g. UMIN000012345) id.',
  },

  // ---- eligibility
  'programs.eligibility_input_invalid': {
    ja: 'スクリーニング情報に誤りがあります（{count}件）。',
    en: 'The screening data has {count} problem(s).',
  },
  'programs.birth_after_screening': {
    ja: '生年月日がスクリーニング日より後になっています。',
    en: 'The birth date is after the screening date.',
  },

  // ---- enrolment
  'enrolment.input_invalid': { ja: '登録状態の変更内容に誤りがあります。', en: 'The status change has invalid fields.' },
  'enrolment.reason_required': { ja: '「{to}」にするには理由を入力してください。', en: 'Give a reason for moving to "{to}".' },
  'enrolment.consent_before_eligibility': {
    ja: '適格性の確認前に同意を記録することはできません（現在: {from}）。',
    en: 'Consent cannot be recorded before eligibility is confirmed (current status: {from}).',
  },
  'enrolment.transition_not_allowed': { ja: '「{from}」から「{to}」には変更できません。', en: 'Cannot move from "{from}" to "{to}".' },
  'enrolment.eligibility_not_shown': {
    ja: 'このプログラム（同じ版）の適格性評価で「適格」となっていません（結果: {outcome}）。',
    en: 'No eligibility evaluation of this program version says "eligible" (outcome: {outcome}).',
  },
  'enrolment.consent_incomplete': {
    ja: '必要な同意がそろっていません（16歳未満は代諾者の同意と本人のアセント、16・17歳は代諾者と本人の同意、18歳以上は本人の同意）。',
    en: 'The required consent is not complete (under 16: guardian consent and the child’s assent; 16–17: guardian consent and the minor’s own consent; 18 and over: own consent).',
  },
  'enrolment.time_goes_back': {
    ja: '前回の変更（{previous}）より前の日時は記録できません。',
    en: 'The time is before the previous change ({previous}).',
  },
  'enrolment.dosing_stopped': {
    ja: '重篤な有害事象により投与を中止した参加者です。これ以上の投与は記録できません（評価は続けられます）。',
    en: 'Dosing was stopped after a serious adverse event: no further dose can be recorded (assessments go on).',
  },
  'enrolment.dosing_not_allowed': {
    ja: '登録状態が「{status}」の患者には治療を記録できません。',
    en: 'A treatment cannot be recorded for a patient whose status is "{status}".',
  },

  // ---- consent
  'consent.record_invalid': { ja: '同意記録に誤りがあります（{count}件）。', en: 'The consent record has {count} problem(s).' },
  'consent.input_invalid': { ja: '同意の確認に必要な情報に誤りがあります。', en: 'The consent check has invalid input.' },
  'consent.signer_role_mismatch': {
    ja: '署名者（{kind}）がこの文書の種類（{role}）に合いません。',
    en: 'The signer ({kind}) does not fit this document ({role}).',
  },
  'consent.typed_name_mismatch': {
    ja: '入力された署名が署名者の氏名と一致しません。',
    en: "The typed signature does not match the signer's name.",
  },
  'consent.document_unknown': {
    ja: '文書「{id}」第{version}版はこのプログラムにありません。',
    en: 'Document "{id}" version {version} is not part of this program.',
  },
  'consent.document_role_mismatch': { ja: 'この文書は {role} 用です。', en: 'This document is for {role}.' },
  'consent.document_hash_mismatch': {
    ja: '署名された文書の内容が登録された版と一致しません。',
    en: 'The signed text does not match the registered document version.',
  },
  'consent.document_not_yet_effective': {
    ja: 'この版は {effectiveFrom} から有効です。',
    en: 'This version is in force from {effectiveFrom}.',
  },
  'consent.identity_not_confirmed': { ja: 'スタッフによる本人確認を記録してください。', en: 'Record the staff identity check.' },
  'consent.withdrawal_invalid': { ja: '同意撤回の内容に誤りがあります。', en: 'The withdrawal has invalid fields.' },
  'consent.not_given': { ja: '同意がない状態（{status}）では撤回できません。', en: 'There is no consent to withdraw (status: {status}).' },
  // ---- treatment records
  'treatment.infusion_invalid': { ja: '点滴記録に誤りがあります（{count}件）。', en: 'The infusion record has {count} problem(s).' },
  'treatment.tms_invalid': { ja: 'TMS記録に誤りがあります（{count}件）。', en: 'The TMS record has {count} problem(s).' },
  'treatment.dose_or_volume_required': { ja: '投与量または容量を入力してください。', en: 'Enter the dose or the volume.' },
  'treatment.duration_implausible': {
    ja: '所要時間が{hours}時間を超えています。日時を確認してください。',
    en: 'The session lasts more than {hours} hours; check the times.',
  },
  'treatment.product_expired': {
    ja: '製剤の有効期限（{expiryDate}）が投与日（{infusionDate}）より前です。',
    en: 'The product expired ({expiryDate}) before the infusion date ({infusionDate}).',
  },
  'treatment.vitals_before_after_start': {
    ja: '投与前バイタルの測定時刻が投与開始より後です。',
    en: 'The pre-infusion vitals were taken after the start.',
  },
  'treatment.vitals_after_before_end': {
    ja: '投与後バイタルの測定時刻が投与終了より前です。',
    en: 'The post-infusion vitals were taken before the end.',
  },
  'treatment.diastolic_not_below_systolic': {
    ja: '拡張期血圧は収縮期血圧より低い値にしてください。',
    en: 'The diastolic pressure must be below the systolic.',
  },
  'treatment.tms_frequency_mismatch': {
    ja: 'プロトコル {protocol} の周波数は {expected} Hz です。',
    en: 'Protocol {protocol} runs at {expected} Hz.',
  },

  // ---- adverse events
  'safety.adverse_event_invalid': { ja: '有害事象の記録に誤りがあります（{count}件）。', en: 'The adverse event has {count} problem(s).' },
  'safety.meddra_code_invalid': { ja: 'MedDRAコードは8桁の数字です。', en: 'A MedDRA code has 8 digits.' },
  'safety.end_before_onset': { ja: '終了日が発現日（{onsetDate}）より前です。', en: 'The end date is before the onset ({onsetDate}).' },
  'safety.onset_after_report': { ja: '発現日が報告日より後になっています。', en: 'The onset is after the report date.' },
  'safety.end_date_required_for_outcome': {
    ja: '転帰が「{outcome}」の場合は終了日を入力してください。',
    en: 'Enter the end date for outcome "{outcome}".',
  },
  'safety.end_date_with_ongoing_outcome': {
    ja: '転帰が「{outcome}」（継続中）の場合、終了日は入力しません。',
    en: 'An event with outcome "{outcome}" is ongoing and has no end date.',
  },
  'safety.grade5_needs_fatal_outcome': { ja: 'グレード5（死亡）の転帰は「死亡」です。', en: 'Grade 5 (death) needs the outcome "fatal".' },
  'safety.fatal_needs_grade5': { ja: '転帰が死亡の場合、グレードは5です。', en: 'A fatal outcome is grade 5.' },
  'safety.fatal_needs_death_criterion': {
    ja: '死亡例は重篤性基準「死亡」を選んでください。',
    en: 'A fatal event needs the seriousness criterion "death".',
  },
  'safety.death_criterion_needs_fatal_outcome': {
    ja: '重篤性基準「死亡」の転帰は「死亡」です。',
    en: 'The "death" criterion needs the outcome "fatal".',
  },
  'safety.sae_alert': {
    ja: '重篤な有害事象: {term}（グレード{grade}、{criteria}）。担当医の確認が必要です。',
    en: 'Serious adverse event: {term} (grade {grade}, {criteria}). A doctor must review it.',
  },
  'safety.susar_alert': {
    ja: '予測できない重篤な副作用の疑い: {term}（グレード{grade}、{criteria}）。担当医の確認と迅速な報告の検討が必要です。',
    en: 'Suspected unexpected serious adverse reaction: {term} (grade {grade}, {criteria}). A doctor must review it and consider expedited reporting.',
  },
  'safety.alert_already_reviewed': { ja: 'このアラートは確認済みです（{by}）。', en: 'This alert was already reviewed ({by}).' },
  'safety.review_invalid': { ja: '確認の記録に誤りがあります。', en: 'The review has invalid fields.' },

  // ---- concomitant medication
  'medication.invalid': { ja: '併用薬の記録に誤りがあります（{count}件）。', en: 'The medication record has {count} problem(s).' },
  'medication.stop_before_start': { ja: '中止日が開始日より前です。', en: 'The stop date is before the start date.' },
  'medication.change_outside_course': {
    ja: '変更日が服用期間（開始〜中止）の外です。',
    en: 'The change date is outside the course (start to stop).',
  },
  'medication.change_changes_nothing': {
    ja: '変更内容（用量・単位・頻度）を入力してください。',
    en: 'Enter what changed (dose, unit or frequency).',
  },
  'medication.change_duplicate_date': { ja: '{date} の変更が重複しています。', en: 'There are two changes on {date}.' },

  // ---- labs
  'labs.result_invalid': { ja: '検査値の記録に誤りがあります（{count}件）。', en: 'The lab result has {count} problem(s).' },
  'labs.unknown_analyte': { ja: '項目「{analyte}」は登録されていません。', en: 'Unknown analyte "{analyte}".' },
  'labs.unknown_unit': {
    ja: 'この項目の単位に「{unit}」は使えません。使える単位: {allowed}',
    en: 'This analyte is not reported in "{unit}". Accepted units: {allowed}.',
  },
  'labs.value_negative': { ja: '濃度に負の値はありません。', en: 'A concentration cannot be negative.' },
  'labs.value_implausible': {
    ja: '値が起こり得る範囲（{max} {unit}以下）を超えています。単位を確認してください。',
    en: 'The value is above anything possible ({max} {unit}); check the unit.',
  },
  'labs.sample_type_not_allowed': {
    ja: 'この項目はこの種類の検体では測定しません。',
    en: 'This analyte is not measured in this sample type.',
  },
  'labs.fasting_invalid': { ja: '空腹かどうかは「はい/いいえ」で入力してください。', en: 'Enter yes or no for fasting.' },
  'labs.collected_at_invalid': {
    ja: '採取日時は「2026-04-08 09:30」またはタイムゾーン付きISO形式で入力してください。',
    en: 'Write the collection time as "2026-04-08 09:30" or ISO with offset.',
  },
  'labs.unknown_patient': { ja: 'この患者IDは登録されていません。', en: 'No patient has this id.' },
  'labs.duplicate_row': {
    ja: '{firstRow}行目と同じ検体（患者・項目・採取日時）です。',
    en: 'Same sample (patient, analyte, collection time) as row {firstRow}.',
  },
  'labs.duplicate_existing': {
    ja: 'この検体（患者・項目・採取日時）は既に登録されています。',
    en: 'This sample (patient, analyte, collection time) is already stored.',
  },
  'labs.csv_rejected': {
    ja: 'CSVを取り込めませんでした（{count}件の問題）。何も保存されていません。',
    en: 'The CSV was not imported ({count} problem(s)). Nothing was saved.',
  },
  'labs.csv_empty': { ja: 'CSVにデータ行がありません。', en: 'The CSV has no data rows.' },
  'labs.csv_unknown_column': { ja: '列「{column}」は使えません。', en: 'Unknown column "{column}".' },
  'labs.csv_missing_column': { ja: '必須の列「{column}」がありません。', en: 'Required column "{column}" is missing.' },
  'labs.csv_duplicate_column': { ja: '列「{column}」が重複しています。', en: 'Column "{column}" appears twice.' },
  'labs.csv_too_many_rows': { ja: '1回に取り込めるのは{max}行までです。', en: 'Import at most {max} rows at a time.' },
  'labs.csv_field_count': {
    ja: '列の数が見出し（{expected}列）と異なります（{found}列）。',
    en: 'The row has {found} fields; the header has {expected}.',
  },
  'labs.csv_unclosed_quote': { ja: '引用符（"）が閉じられていません。', en: 'A quoted field is not closed.' },
  'labs.csv_stray_quote': { ja: '引用符（"）の位置が正しくありません。', en: 'A quote (") is out of place.' },

  // ---- schedule
  'schedule.input_invalid': { ja: 'スケジュール作成の入力に誤りがあります。', en: 'The schedule request has invalid fields.' },

  'consent.withdrawal_before_consent': {
    ja: '撤回日が同意日（{since}）より前です。',
    en: 'The withdrawal is before the consent date ({since}).',
  },
  ...PROGRAM_SERVICE_MESSAGES,
  ...GOVERNANCE_MESSAGES,
  ...TREATMENT_MESSAGES,
  ...PROGRAM_STATE_LABELS,
  ...AE_OUTCOME_LABELS,
  ...LAB_RECORD_MESSAGES,
  ...ELIGIBILITY_MESSAGES,
});

/**
 * Fills a message template of this catalogue in the language given (for tests, and for a document
 * rendered in a language chosen explicitly). Unknown keys come back as the key itself so a missing
 * translation is visible rather than silent. Errors are translated by the server's error handler.
 *
 * @example
 * formatMessage('programs.field.too_long', { max: 200 }, 'en'); // 'Use at most 200 characters.'
 */
export function formatMessage(key: string, params: ErrorParams | undefined, lang: Lang): string {
  const template = PROGRAM_MESSAGES[key]?.[lang];
  if (template === undefined) return key;
  // A param `<name>Key` naming a message of this catalogue (a state's label) fills `{name}`, as the server does.
  const labels: Record<string, string> = {};
  for (const [name, v] of Object.entries(params ?? {})) {
    if (name.endsWith('Key') && typeof v === 'string' && PROGRAM_MESSAGES[v]) labels[name.slice(0, -3)] = PROGRAM_MESSAGES[v][lang];
  }
  return fillTemplate(template, { ...params, ...labels });
}
