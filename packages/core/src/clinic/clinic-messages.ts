/** Messages of creating a clinic (`mimamori clinic add`), Japanese and English. */
export const CLINIC_MESSAGES = {
  'clinic.invalid': { ja: 'クリニックの内容を確認してください。', en: 'Check the clinic’s details.' },
  'clinic.name_required': { ja: 'クリニック名を入力してください（--name）。', en: 'Give the clinic a name (--name).' },
  'clinic.name_too_long': { ja: 'クリニック名は{max}文字以内にしてください。', en: 'A clinic name has at most {max} characters.' },
  'clinic.name_taken': { ja: '「{name}」という名前のクリニックはすでにあります。', en: 'A clinic named "{name}" exists already.' },
  'clinic.id_invalid': {
    ja: 'クリニックIDは半角の英小文字・数字・ハイフン（2〜40文字、英字で始まる）にしてください（例：osaka-umeda）。',
    en: 'A clinic id is 2–40 lower-case letters, digits or hyphens, starting with a letter (e.g. osaka-umeda).',
  },
  'clinic.id_taken': { ja: 'クリニックID「{id}」はすでに使われています。', en: 'The clinic id "{id}" is taken already.' },
  'clinic.zone_invalid': { ja: 'タイムゾーン「{zone}」は使えません（例：Asia/Tokyo）。', en: 'The time zone "{zone}" is not known (e.g. Asia/Tokyo).' },
} as const;
