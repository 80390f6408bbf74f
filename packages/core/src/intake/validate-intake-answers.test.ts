import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INTAKE_DEFINITION as D, createDefaultIntakeDefinition } from './default-intake-definition.ts';
import { exampleAdultIntakeAnswers, exampleChildIntakeAnswers } from './example-intake-answers.ts';
import type { IntakeAnswers, IntakeDefinition } from './intake-definition.ts';
import { intakeValidationError, validateIntakeAnswers, type IntakeAnswersInput } from './validate-intake-answers.ts';
import { intakeCatalogueMessage } from './intake-messages.ts';

const today = '2026-11-29';
const adult = (values: Readonly<Record<string, unknown>>, base: IntakeAnswers = exampleAdultIntakeAnswers()): IntakeAnswersInput => ({
  ...base,
  values: { ...base.values, ...values },
});
const without = (base: IntakeAnswers, ...ids: string[]): IntakeAnswersInput => ({
  ...base,
  values: Object.fromEntries(Object.entries(base.values).filter(([k]) => !ids.includes(k))),
});
const paths = (r: { errors: ReadonlyArray<{ path: string; key: string }> }): string[] => r.errors.map((e) => `${e.path}:${e.key}`);

test('the seeded adult and guardian-for-a-child intakes validate', () => {
  for (const a of [exampleAdultIntakeAnswers(), exampleChildIntakeAnswers()]) {
    const r = validateIntakeAnswers(D, a, { today, audience: a.audience });
    assert.deepEqual(paths(r), [], a.audience);
    assert.ok(r.ok);
    assert.deepEqual(r.dropped, []);
  }
});

test('required is enforced only for shown questions', () => {
  // Guardian fields are for children only: an adult intake without them is complete.
  const r = validateIntakeAnswers(D, exampleAdultIntakeAnswers(), { today, audience: 'adult' });
  assert.ok(r.ok);
  // The same guardian fields missing on a child intake are errors.
  const c = validateIntakeAnswers(D, without(exampleChildIntakeAnswers(), 'guardian_name', 'guardian_relation'), { today, audience: 'child' });
  assert.deepEqual(paths(c), ['guardian_name:required', 'guardian_relation:choose_required']);
  assert.equal(c.errors[0].message.ja, '入力してください。');
  assert.equal(c.errors[0].groupId, 'basic_guardian');
});

test('a missing choice asks to choose, a missing text to fill in; an eight-digit birth date is accepted', () => {
  const r = validateIntakeAnswers(D, without(exampleAdultIntakeAnswers(), 'sex', 'patient_name'), { today, audience: 'adult' });
  assert.deepEqual(paths(r), ['patient_name:required', 'sex:choose_required']);
  assert.equal(r.errors[1].message.ja, '選択してください。');
  assert.equal(r.errors[1].message.en, 'Please choose one.');
  assert.equal(r.errors[0].message.ja, '入力してください。');
  const digits = validateIntakeAnswers(D, adult({ birth_date: '１９９００６１５' }), { today, audience: 'adult' });
  assert.ok(digits.ok, paths(digits).join());
  assert.equal(digits.values.birth_date, '1990-06-15');
});

test('answers to questions hidden by skip logic are dropped at submit, kept in drafts', () => {
  const a = adult({ taking_medicines: false });
  const r = validateIntakeAnswers(D, a, { today, audience: 'adult' });
  assert.ok(r.ok, paths(r).join());
  assert.equal(r.values.medicines, undefined);
  assert.ok(r.dropped.includes('medicines'));
  const draft = validateIntakeAnswers(D, a, { today, audience: 'adult', mode: 'draft' });
  assert.equal((draft.values.medicines as unknown[]).length, 2);
  // Hidden details are not validated either: an oversized hidden answer is no error.
  const hidden = validateIntakeAnswers(D, adult({ past_psychiatric: false, past_psychiatric_details: 'x'.repeat(5000) }), { today, audience: 'adult' });
  assert.ok(hidden.ok);
  assert.equal(hidden.values.past_psychiatric_details, undefined);
});

test('shown follow-up questions become required (yes → details)', () => {
  const r = validateIntakeAnswers(D, adult({ past_psychiatric: true }), { today, audience: 'adult' });
  assert.deepEqual(paths(r), ['past_psychiatric_details:required']);
  const withDetails = validateIntakeAnswers(D, adult({ past_psychiatric: true, past_psychiatric_details: '2019年 適応障害' }), { today, audience: 'adult' });
  assert.ok(withDetails.ok);
});

test('skip logic inside a repeated group refers to the sibling field of the same row', () => {
  const base = exampleAdultIntakeAnswers();
  const meds = [
    { generic_name: 'ゾルピデム', dose: '5mg', frequency: 'bedtime', prn_when: '眠れないとき' },
    { generic_name: 'ロラゼパム', dose: '0.5mg', frequency: { choice: 'prn' }, prn_when: '不安時' },
  ];
  const r = validateIntakeAnswers(D, adult({ medicines: meds }, base), { today, audience: 'adult' });
  assert.ok(r.ok, paths(r).join());
  const rows = r.values.medicines as ReadonlyArray<Readonly<Record<string, unknown>>>;
  // Row 0 is not "as needed": its prn_when is hidden and dropped; row 1 keeps it.
  assert.equal(rows[0].prn_when, undefined);
  assert.deepEqual(rows[0].frequency, { choice: 'bedtime' });
  assert.equal(rows[1].prn_when, '不安時');
  // A sibling-dependent field is validated only in the row where it shows.
  const long = 'あ'.repeat(51);
  const bad = validateIntakeAnswers(D, adult({ medicines: [{ ...meds[0], prn_when: long }, { ...meds[1], prn_when: long }] }, base), { today, audience: 'adult' });
  assert.deepEqual(paths(bad), ['medicines[1].prn_when:too_long']);
});

test('a shown repeated group needs its rows and each row its required fields', () => {
  const none = validateIntakeAnswers(D, without(exampleAdultIntakeAnswers(), 'medicines'), { today, audience: 'adult' });
  assert.deepEqual(paths(none), ['medicines:rows_too_few']);
  const missingName = validateIntakeAnswers(D, adult({ medicines: [{}, { dose: '10mg' }] }), { today, audience: 'adult' });
  // The path names the row as the patient sees it (the second), though the empty first row is skipped.
  assert.deepEqual(paths(missingName), ['medicines[1].generic_name:required']);
  const tooMany = validateIntakeAnswers(D, adult({ medicines: Array.from({ length: 31 }, () => ({ generic_name: 'x' })) }), { today, audience: 'adult' });
  assert.deepEqual(paths(tooMany), ['medicines:rows_too_many']);
  // Empty rows (an "add" tapped by mistake) are not rows.
  const empty = validateIntakeAnswers(D, adult({ medicines: [{ generic_name: 'セルトラリン' }, {}] }), { today, audience: 'adult' });
  assert.ok(empty.ok);
  assert.equal((empty.values.medicines as unknown[]).length, 1);
});

test('kana, dates, phone numbers and postal codes are checked and normalised', () => {
  const r = validateIntakeAnswers(
    D,
    adult({ patient_name_kana: 'みまもり　ﾊﾅｺ', birth_date: '1990/6/15', patient_phone: '０９０ー１２３４ー５６７８', postal_code: '〒１２３－４５６７' }),
    { today, audience: 'adult' },
  );
  assert.ok(r.ok, paths(r).join());
  assert.equal(r.values.patient_name_kana, 'ミマモリ ハナコ');
  assert.equal(r.values.birth_date, '1990-06-15');
  assert.equal(r.values.patient_phone, '+819012345678');
  assert.equal(r.values.postal_code, '123-4567');

  const bad = validateIntakeAnswers(
    D,
    adult({ patient_name_kana: '見守 花子', birth_date: '2026-02-30', patient_phone: '090-1234-567', postal_code: '12-34' }),
    { today, audience: 'adult' },
  );
  assert.deepEqual(paths(bad), ['patient_name_kana:kana_only', 'birth_date:date_invalid', 'patient_phone:phone_invalid', 'postal_code:postal_code_invalid']);
  assert.equal(bad.errors[1].message.ja, '存在しない日付です。');
  // What the patient typed is kept so that the form can show it again.
  assert.equal(bad.values.birth_date, '2026-02-30');
  assert.equal(bad.values.patient_name_kana, '見守 花子');

  const future = validateIntakeAnswers(D, adult({ birth_date: '2027-01-01' }), { today, audience: 'adult' });
  assert.deepEqual(paths(future), ['birth_date:date_future']);
  const ancient = validateIntakeAnswers(D, adult({ birth_date: '1880-01-01' }), { today, audience: 'adult' });
  assert.deepEqual(paths(ancient), ['birth_date:date_implausible']);
});

test('oversized and control-character text is rejected; markup is kept verbatim', () => {
  const big = validateIntakeAnswers(D, adult({ chief_complaint: 'あ'.repeat(1001) }), { today, audience: 'adult' });
  assert.deepEqual(paths(big), ['chief_complaint:too_long']);
  assert.deepEqual(big.errors[0].params, { max: 1000, length: 1001 });
  assert.equal(big.errors[0].message.ja, '1000文字以内で入力してください（現在1001文字）。');
  const ctl = validateIntakeAnswers(D, adult({ onset_when: '春\u0000頃' }), { today, audience: 'adult' });
  assert.deepEqual(paths(ctl), ['onset_when:control_characters']);
  const markup = '<script>alert(1)</script><b>眠れない</b> & "不安"';
  const ok = validateIntakeAnswers(D, adult({ chief_complaint: markup, onset_trigger: `1行目\r\n${markup}` }), { today, audience: 'adult' });
  assert.ok(ok.ok);
  assert.equal(ok.values.chief_complaint, markup);
  assert.equal(ok.values.onset_trigger, `1行目\n${markup}`);
});

test('choices: unknown values, "other" needs text, exclusive "none"', () => {
  assert.deepEqual(paths(validateIntakeAnswers(D, adult({ sex: 'robot' }), { today, audience: 'adult' })), ['sex:choice_invalid']);
  assert.deepEqual(paths(validateIntakeAnswers(D, adult({ symptoms: { choices: ['low_mood', 'other'] } }), { today, audience: 'adult' })), ['symptoms.other:other_required']);
  const other = validateIntakeAnswers(D, adult({ symptoms: { choices: ['other', 'low_mood'], other: '耳鳴り' } }), { today, audience: 'adult' });
  assert.ok(other.ok);
  assert.deepEqual(other.values.symptoms, { choices: ['low_mood', 'other'], other: '耳鳴り' });
  const ex = validateIntakeAnswers(D, adult({ sleep_problems: ['none', 'onset'] }), { today, audience: 'adult' });
  assert.deepEqual(paths(ex), ['sleep_problems:choice_exclusive']);
  assert.equal(ex.errors[0].message.ja, '「特に問題ない」は他の選択肢と同時に選べません。');
  // Other text without "other" selected is not stored.
  const stray = validateIntakeAnswers(D, adult({ onset_course: { choice: 'sudden', other: 'x' } }), { today, audience: 'adult' });
  assert.deepEqual(stray.values.onset_course, { choice: 'sudden' });
});

test('numbers: full-width digits accepted, range and integer enforced', () => {
  const r = validateIntakeAnswers(D, adult({ sleep_hours: '６.５', tobacco: 'current', tobacco_per_day: '１０' }), { today, audience: 'adult' });
  assert.ok(r.ok, paths(r).join());
  assert.equal(r.values.sleep_hours, 6.5);
  assert.equal(r.values.tobacco_per_day, 10);
  const bad = validateIntakeAnswers(D, adult({ sleep_hours: 25, tobacco: 'current', tobacco_per_day: 2.5 }), { today, audience: 'adult' });
  assert.deepEqual(paths(bad), ['sleep_hours:number_max', 'tobacco_per_day:number_integer']);
  assert.deepEqual(paths(validateIntakeAnswers(D, adult({ sleep_hours: 'たくさん' }), { today, audience: 'adult' })), ['sleep_hours:number_invalid']);
});

test('consent is required and tied to the current policy version', () => {
  const none = validateIntakeAnswers(D, without(exampleAdultIntakeAnswers(), 'consent_sensitive_info'), { today, audience: 'adult' });
  assert.deepEqual(paths(none), ['consent_sensitive_info:consent_required']);
  const declined = validateIntakeAnswers(D, adult({ consent_sensitive_info: { agreed: false, policyVersion: '2026-04' } }), { today, audience: 'adult' });
  assert.deepEqual(paths(declined), ['consent_sensitive_info:consent_required']);
  const old = validateIntakeAnswers(D, adult({ consent_sensitive_info: { agreed: true, policyVersion: '2025-01' } }), { today, audience: 'adult' });
  assert.deepEqual(paths(old), ['consent_sensitive_info:consent_outdated']);
});

test('scales by age: phq9_teens for 12–17, none below 12, configurable', () => {
  const child = exampleChildIntakeAnswers(); // born 2012-05-01 → 14
  const missing = validateIntakeAnswers(D, without(child, 'scale_child_phq9_teens'), { today, audience: 'child' });
  assert.deepEqual(paths(missing), ['scale_child_phq9_teens:choose_required']);
  const young = validateIntakeAnswers(D, without({ ...child, values: { ...child.values, birth_date: '2018-05-01' } }, 'scale_child_phq9_teens'), { today, audience: 'child' });
  assert.ok(young.ok, paths(young).join());
  const wrong = validateIntakeAnswers(D, adult({ scale_phq9: { scaleId: 'gad7', answers: { q1: 0 } } }), { today, audience: 'adult' });
  assert.deepEqual(paths(wrong), ['scale_phq9:scale_mismatch']);

  const custom = createDefaultIntakeDefinition({ childScales: [{ scaleId: 'scared', minAge: 8, maxAge: 17 }] });
  const r = validateIntakeAnswers(custom, without({ ...child, values: { ...child.values, birth_date: '2016-01-01' } }, 'scale_child_phq9_teens'), { today, audience: 'child' });
  assert.deepEqual(paths(r), ['scale_child_scared:choose_required']);
});

test('group mode checks one screen; draft mode never requires', () => {
  const partial: IntakeAnswersInput = { definitionId: 'default', definitionVersion: 1, audience: 'adult', values: { patient_name: '見守 花子', birth_date: '2026-02-30' } };
  const g = validateIntakeAnswers(D, partial, { today, audience: 'adult', mode: 'group', groupId: 'basic_patient' });
  assert.deepEqual(paths(g), ['patient_name_kana:required', 'birth_date:date_invalid', 'sex:choose_required', 'patient_phone:required']);
  const next = validateIntakeAnswers(D, partial, { today, audience: 'adult', mode: 'group', groupId: 'complaint_main' });
  assert.deepEqual(paths(next), ['chief_complaint:required']);
  const draft = validateIntakeAnswers(D, partial, { today, audience: 'adult', mode: 'draft' });
  assert.deepEqual(paths(draft), ['birth_date:date_invalid']);
  assert.equal(draft.values.patient_name, '見守 花子');
});

test('answers for another version or audience, and unknown questions', () => {
  const v2: IntakeDefinition = createDefaultIntakeDefinition({ version: 2 });
  const r = validateIntakeAnswers(v2, exampleAdultIntakeAnswers(), { today, audience: 'adult' });
  assert.deepEqual(paths(r), [':version_mismatch']);
  const aud = validateIntakeAnswers(D, exampleAdultIntakeAnswers(), { today, audience: 'child' });
  assert.deepEqual(paths(aud), [':audience_mismatch']);
  const extra = validateIntakeAnswers(D, adult({ injected: '<img src=x>' }), { today, audience: 'adult' });
  assert.ok(extra.ok);
  assert.deepEqual(extra.dropped, ['injected']);
  assert.equal(extra.values.injected, undefined);
  const typed = validateIntakeAnswers(D, adult({ past_medical: 'yes', chief_complaint: 42 }), { today, audience: 'adult' });
  assert.deepEqual(paths(typed), ['chief_complaint:type', 'past_medical:type']);
});

test('a failed validation becomes one domain error with an issue per field, a message of the intake catalogue in both languages', () => {
  const r = validateIntakeAnswers(D, adult({ birth_date: '2026-02-30' }), { today, audience: 'adult' });
  const e = intakeValidationError(r);
  assert.equal(e.code, 'validation');
  assert.equal(e.key, 'intake_invalid');
  assert.deepEqual(e.issues, [{ path: 'birth_date', key: 'intake.date_invalid', params: {} }]);
  assert.equal(intakeCatalogueMessage(e.issues[0]!.key, e.issues[0]!.params, 'ja'), '存在しない日付です。');
  assert.equal(intakeCatalogueMessage(e.issues[0]!.key, e.issues[0]!.params, 'en'), 'This date does not exist.');
  assert.throws(() => validateIntakeAnswers(D, adult({}), { today, audience: 'adult', mode: 'group' }), /groupId/);
  const huge = validateIntakeAnswers(D, adult({ scale_phq9: { scaleId: 'phq9', answers: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`q${i}`, 0])) } }), { today, audience: 'adult' });
  assert.deepEqual(paths(huge), ['scale_phq9:scale_mismatch']);
});
