/**
 * Japanese and English texts of the message keys the patients feature emits: the field checks of
 * `check-patient-input.ts` and the patient service's conflicts. Plain data: the server adds it to
 * an app's messages once (where the patient routes are registered), and only its error handler
 * fills the `{name}` placeholders. Generic field keys (`required`, `invalid_date`, `invalid_email`,
 * `invalid_phone`) stay in the server's base catalogue, which every feature shares.
 */
export const PATIENT_MESSAGES: Readonly<Record<string, { readonly ja: string; readonly en: string }>> = Object.freeze({
  patient_version_stale: { ja: '他の人がこの患者情報を更新しました。画面を更新して確認してください。', en: 'Someone else updated this patient. Reload and check the changes.' },
  possible_duplicate: { ja: '同じ患者が登録されている可能性があります。確認してください。', en: 'This patient may already be registered. Please check.' },
  date_in_future: { ja: '未来の日付は入力できません。', en: 'The date cannot be in the future.' },
  date_too_old: { ja: '日付が古すぎます。', en: 'The date is too far in the past.' },
  invalid_kana: { ja: 'フリガナはカタカナまたはひらがなで入力してください。', en: 'Enter the reading in katakana or hiragana.' },
  invalid_postal_code: { ja: '郵便番号は7桁で入力してください（例: 123-4567）。', en: 'Enter a 7-digit postal code (e.g. 123-4567).' },
  guardian_required: { ja: '18歳未満の患者には保護者を1人以上登録してください。', en: 'Register at least one guardian for a patient under 18.' },
});
