import type { Lang } from '../text/localized-text.ts';

/** ja/en texts of the governance gate and its checks (spread into `PROGRAM_MESSAGES`). */
export const GOVERNANCE_MESSAGES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = Object.freeze({
  'programs.governance_incomplete': {
    ja: 'このプログラムは研究の手続きがそろっていないため、同意を取得できません（不足 {count}件）。',
    en: 'Consent cannot be taken: the program’s research governance is incomplete ({count} missing).',
  },
  'programs.governance_invalid': { ja: '研究の手続きの入力に誤りがあります（{count}件）。', en: 'The governance has {count} problem(s).' },
  'programs.governance_document_invalid': {
    ja: '承認された同意文書は「文書ID@版」の形で入力してください（例: exosome-depression-anxiety-participant@1）。',
    en: 'Enter each approved consent document as "document id@version" (e.g. exosome-depression-anxiety-participant@1).',
  },
  'programs.governance_missing.pathway': { ja: '規制上の区分（臨床研究法／倫理指針／自由診療）が未設定です。', en: 'The regulatory pathway is not set.' },
  'programs.governance_missing.review_board': { ja: '審査委員会の名称と種類が未入力です。', en: 'The review board’s name and type are missing.' },
  'programs.governance_missing.certified_review_board': {
    ja: '特定臨床研究は認定臨床研究審査委員会（CRB）の審査が必要です。',
    en: 'Specified clinical research must be reviewed by a certified review board (CRB).',
  },
  'programs.governance_missing.approval': { ja: '承認番号と承認日が未入力です。', en: 'The approval number and date are missing.' },
  'programs.governance_missing.registry': { ja: '臨床研究登録（jRCT／UMIN-CTR）の番号が未入力です。', en: 'The registry id (jRCT / UMIN-CTR) is missing.' },
  'programs.governance_missing.jrct_registry': { ja: '特定臨床研究は jRCT への登録が必要です。', en: 'Specified clinical research must be registered in jRCT.' },
  'programs.governance_missing.protocol': { ja: '研究計画書の版とハッシュが未入力です。', en: 'The protocol version and hash are missing.' },
  'programs.governance_missing.sap': {
    ja: '統計解析計画書の版とハッシュが未入力です（解析計画を固定すると自動で使われます）。',
    en: 'The statistical analysis plan version and hash are missing (a locked analysis plan is used when one exists).',
  },
  'programs.governance_missing.approved_consent_documents': {
    ja: '同意文書 {document} が承認済みとして登録されていません。',
    en: 'Consent document {document} is not recorded as approved.',
  },
  'programs.sample_document_not_signable': {
    ja: '見本の同意文書（【見本】）には署名できません。審査委員会で承認された文書に置き換えてください。',
    en: 'A sample consent document cannot be signed. Replace it with the document your review board approved.',
  },
  'programs.expected_event_duplicate': { ja: '予測される有害事象の ID「{id}」が重複しています。', en: 'Expected adverse event id "{id}" is listed twice.' },
  'programs.expected_event_unknown': {
    ja: 'このプログラムの「予測される有害事象」の一覧にない事象です。一覧にない事象は「予測できない」として記録してください。',
    en: 'This event is not on the program’s list of expected adverse events; record it as unexpected.',
  },
  'programs.sae_report_invalid': { ja: '報告の記録に誤りがあります（{count}件）。', en: 'The report has {count} problem(s).' },
  'programs.sae_report_not_serious': { ja: '重篤でない有害事象には報告期限がありません。', en: 'A non-serious adverse event has no reporting deadline.' },
  'programs.sae_report_recipient_invalid': {
    ja: 'この事象の報告先として、プログラムの規制上の区分が定める報告先を選んでください。',
    en: 'Choose a recipient that the program’s pathway names for this event.',
  },
  'programs.sae_report_in_future': { ja: '報告日に未来の日付は入力できません。', en: 'The report date cannot be in the future.' },
  'programs.sae_report_before_known': { ja: '報告日は事象を把握した日（{knownOn}）以降にしてください。', en: 'The report date cannot be before the day the event became known ({knownOn}).' },
  'programs.cancel_sessions_not_stopped': {
    ja: '投与中止になっていない参加者の予約は、ここでは取り消せません。',
    en: 'Only the bookings of a participant whose dosing was stopped can be cancelled here.',
  },
  'programs.reconsent_required': {
    ja: '再同意が済んでいないため、投与を記録できません（{dueDate} から必要）。再同意を取得するか、医師が理由を記録して続行を許可してください。',
    en: 'Re-consent is due (since {dueDate}): no dose can be recorded until it is signed, or a doctor records a reason to go on.',
  },
  'programs.reconsent_turned_16': { ja: '{dueDate} に16歳になりました。本人の同意（保護者の同意とともに）が必要です。', en: 'Turned 16 on {dueDate}: the minor’s own consent (with the guardian’s) is needed.' },
  'programs.reconsent_turned_18': { ja: '{dueDate} に18歳（成年）になりました。本人の同意が必要です。', en: 'Turned 18 (adult) on {dueDate}: their own consent is needed.' },
  'programs.reconsent_document_version': { ja: '同意文書 {document} が改訂されました（{dueDate} から）。新しい版への同意が必要です。', en: 'Consent document {document} was revised (from {dueDate}): consent to the new version is needed.' },
  'programs.reconsent_override_reason': { ja: '続行を許可する理由を入力してください（4文字以上）。', en: 'Give the reason for going on (at least 4 characters).' },
  'programs.reconsent_nothing_due': { ja: 'いま期限を過ぎた再同意はありません。', en: 'No re-consent is due now.' },
  'programs.closure_before_end': { ja: '終了の報告日は終了日より前にはできません。', en: 'The end cannot be reported before the study ended.' },
  'programs.retention_not_over': {
    ja: 'このプログラムの研究データは {until} まで保存が必要なため、削除できません。',
    en: 'This program’s research data must be kept until {until}: they cannot be deleted.',
  },
  'programs.retention_unknown': {
    ja: 'このプログラムの終了日（または終了の報告日）が未記録のため保存期間が決まらず、研究データは削除できません。',
    en: 'The study’s end (or the report of it) is not recorded, so its retention period is not known: its research data cannot be deleted.',
  },
});
