/** ja/en messages of the scales feature (registered by `registerScalesFeature`). */
export const scaleMessages = {
  scale_unknown: { ja: '尺度「{scale}」は登録されていません。', en: 'There is no scale "{scale}".' },
  scale_answers_invalid: { ja: '回答に誤りがあります（{count}件）。', en: 'Some answers are not valid ({count}).' },
  scale_answers_count: { ja: '回答の数が項目数と合いません。', en: 'The number of answers does not match the number of items.' },
  scale_informant_invalid: { ja: '{scale} はこの回答者（{informant}）には使えません。', en: '{scale} is not filled in by this informant ({informant}).' },
  scale_idempotency_reused: { ja: 'この送信キーは別の回答に使われています。', en: 'This submission key was used for another response.' },
  scale_instance_not_found: { ja: 'この質問票は見つかりません。', en: 'This questionnaire was not found.' },
  scale_instance_closed: { ja: 'この質問票の回答期間は終了しました。クリニックにご連絡ください。', en: 'This questionnaire is closed. Please contact the clinic.' },
  scale_definition_invalid: { ja: '尺度定義に誤りがあります（{count}件）。何も保存していません。', en: 'The scale definition has errors ({count}). Nothing was saved.' },
  scale_definition_conflict: { ja: '既存の尺度定義と矛盾します。何も保存していません。', en: 'The definition conflicts with a stored one. Nothing was saved.' },
  scale_import_malformed: { ja: '読み込めない形式です。尺度定義のJSONまたはFHIR R4 Questionnaireを指定してください。', en: 'This cannot be read. Give a scale definition (JSON) or a FHIR R4 Questionnaire.' },
  scale_not_clinician: { ja: 'この尺度は医師が入力する尺度ではありません。', en: 'This scale is not clinician-rated.' },
  scale_self_report_only: { ja: 'この尺度は患者本人などが回答する尺度です。', en: 'This scale is filled in by the patient or an informant.' },
  scale_patient_not_found: { ja: '患者が見つかりません。', en: 'Patient not found.' },
  alert_scale_safety: { ja: '{scale} 項目 {item} = {score}（安全性の基準に該当）', en: '{scale} item {item} = {score} (safety threshold met)' },
} as const;
