import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../errors/domain-error.ts';
import { DEFAULT_INTAKE_DEFINITION as D, createDefaultIntakeDefinition } from './default-intake-definition.ts';
import { exampleAdultIntakeAnswers, exampleChildIntakeAnswers } from './example-intake-answers.ts';
import { summarizeIntake, type IntakeScaleScore } from './summarize-intake.ts';

const today = '2026-11-29';
const scores: ReadonlyArray<IntakeScaleScore> = [
  { scaleId: 'phq9', total: 14, band: { ja: '中等度', en: 'moderate' }, flags: [{ ja: '項目9陽性', en: 'item 9 positive' }] },
  { scaleId: 'gad7', total: 7, band: { ja: '軽度', en: 'mild' } },
];

test('adult summary in clinical Japanese', () => {
  const s = summarizeIntake(D, exampleAdultIntakeAnswers(), { lang: 'ja', today, scores });
  const lines = s.text.split('\n');
  assert.equal(lines[0], '【要確認】PHQ-9 項目9陽性。');
  assert.equal(lines[1], '年齢: 36歳（1990-06-15生）。性別: 女性。回答者: 本人。');
  assert.equal(lines[2], '主訴: 気分の落ち込みと不眠。症状: 抑うつ気分、不眠、易疲労・意欲低下。発症: 2026年春頃、徐々に増悪。契機: 職場の異動。');
  assert.equal(lines[3], '精神科既往: なし。入院歴: なし。自殺企図歴: なし。既往歴: 気管支喘息（小児期）。前医: なし。');
  assert.equal(lines[4], '内服: セルトラリン 25mg 1日1回夕、ロラゼパム 0.5mg 頓用（不安時）。アレルギー: なし。');
  assert.ok(s.text.includes('食欲: 低下、体重減少（3kg）。'));
  assert.equal(lines.at(-1), 'PHQ-9: 14点（中等度）。GAD-7: 7点（軽度）。');
  // Names and phone numbers stay in the chart, not in the summary.
  assert.ok(!s.text.includes('見守'));
  assert.ok(!s.text.includes('090'));
  assert.deepEqual(s.alerts, ['PHQ-9 項目9陽性']);
  const meds = s.sections.find((x) => x.id === 'medicines')!;
  assert.deepEqual(meds.lines[0], { questionIds: ['taking_medicines', 'medicines'], label: '内服', text: 'セルトラリン 25mg 1日1回夕、ロラゼパム 0.5mg 頓用（不安時）' });
  assert.equal(s.sections.at(-1)!.id, 'scales');
});

test('adult summary in English translates listed generic names and options', () => {
  const s = summarizeIntake(D, exampleAdultIntakeAnswers(), { lang: 'en', today, scores });
  const lines = s.text.split('\n');
  assert.equal(lines[0], 'ALERT: PHQ-9 item 9 positive.');
  assert.equal(lines[1], 'Age: 36 years (born 1990-06-15). Sex: Female. Answered by: patient.');
  assert.ok(lines[2].startsWith('Chief complaint: 気分の落ち込みと不眠. Symptoms: depressed mood, insomnia, fatigue/low energy. Onset: 2026年春頃, gradually worsening.'));
  assert.equal(lines[4], 'Medicines: sertraline 25mg once daily in the evening; lorazepam 0.5mg as needed (不安時). Allergies: none.');
  assert.equal(lines.at(-1), 'PHQ-9: 14 (moderate). GAD-7: 7 (mild).');
});

test('guardian-for-a-child summary carries respondent, school and development', () => {
  const ja = summarizeIntake(D, exampleChildIntakeAnswers(), { lang: 'ja', today });
  assert.ok(ja.text.startsWith('年齢: 14歳（2012-05-01生）。性別: 男性。記入者: 母。学年: 中学3年（見守市立第一中学校）。登校: 保健室・別室登校。\n'));
  assert.ok(ja.text.includes('アレルギー: そば（蕁麻疹）。'));
  assert.ok(ja.text.includes('出生: 39週、3100g。'));
  assert.ok(ja.text.includes('内服: なし。'));
  // The teen scale was answered but the caller passed no score.
  assert.ok(ja.text.endsWith('PHQ-9（思春期版）: 回答あり（未採点）。'));
  const en = summarizeIntake(D, exampleChildIntakeAnswers(), { lang: 'en', today, scores: [{ scaleId: 'phq9_teens', total: null }] });
  assert.ok(en.text.includes('Completed by: Mother. Grade: Junior high school, year 3 (見守市立第一中学校).'));
  assert.ok(en.text.endsWith('PHQ-9 (teens): not scorable (items missing).'));
  // No work section for children.
  assert.ok(!en.text.includes('Occupation'));
});

test('free text is quoted as written: markup kept, line breaks flattened', () => {
  const a = exampleAdultIntakeAnswers();
  const answers = { ...a, values: { ...a.values, chief_complaint: '<script>alert(1)</script>\n\n眠れない' } };
  const s = summarizeIntake(D, answers, { lang: 'ja', today });
  assert.ok(s.text.includes('主訴: <script>alert(1)</script> / 眠れない。'));
});

test('a yes with its details missing still reads "あり"', () => {
  const a = exampleAdultIntakeAnswers();
  const s = summarizeIntake(D, { ...a, values: { ...a.values, past_psychiatric: true } }, { lang: 'ja', today });
  assert.ok(s.text.includes('精神科既往: あり。'));
});

test('answers must be summarised with their own definition version', () => {
  assert.throws(
    () => summarizeIntake(createDefaultIntakeDefinition({ version: 2 }), exampleAdultIntakeAnswers(), { lang: 'ja' }),
    (e) => isDomainError(e) && e.key === 'intake_version_mismatch',
  );
});
