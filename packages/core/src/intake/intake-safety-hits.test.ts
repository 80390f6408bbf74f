import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDefaultIntakeDefinition } from './default-intake-definition.ts';
import { exampleAdultIntakeAnswers } from './example-intake-answers.ts';
import { intakeSafetyAlerts, intakeSafetyHits } from './intake-safety-hits.ts';

const def = createDefaultIntakeDefinition();
const base = exampleAdultIntakeAnswers().values;
const hitsOf = (values: Record<string, unknown>, groupId?: string) =>
  intakeSafetyHits(def, { ...base, ...values }, { audience: 'adult', today: '2026-11-29', ...(groupId ? { groupId } : {}) });

test('the seeded form: self-harm ideas and history are high; an attempt is high, a recent one urgent', () => {
  const ideas = hitsOf({ symptoms: { choices: ['suicidal_thoughts', 'self_harm'] } });
  assert.deepEqual(ideas.map((h) => `${h.kind}:${h.severity}:${h.answer.ja}`), ['self_harm:high:自分を傷つけたことがある', 'self_harm:high:死にたい気持ちになる']);
  const attempt = hitsOf({ suicide_attempt: true, suicide_attempt_when: { choice: 'within_month' } });
  assert.deepEqual(attempt.map((h) => `${h.questionId}:${h.severity}`), ['suicide_attempt:high', 'suicide_attempt_when:urgent']);
  assert.deepEqual(intakeSafetyAlerts(attempt).map((a) => `${a.kind}:${a.severity}`), ['self_harm:urgent']);
  const old = hitsOf({ suicide_attempt: true, suicide_attempt_when: { choice: 'longer' } });
  assert.deepEqual(intakeSafetyAlerts(old).map((a) => `${a.kind}:${a.severity}`), ['self_harm:high']);
});

test('the issue\'s case: ticked options and a free-text sentence, with PHQ-9 item 9 = 0', () => {
  const hits = hitsOf({ symptoms: { choices: ['suicidal_thoughts', 'self_harm'] }, chief_complaint: '消えてしまいたい。昨日、薬をたくさん飲もうとした。' });
  const alerts = intakeSafetyAlerts(hits);
  assert.deepEqual(alerts.map((a) => `${a.kind}:${a.severity}`), ['free_text:review', 'self_harm:high']);
  const text = alerts.find((a) => a.kind === 'free_text')!.hits[0]!;
  assert.equal(text.answer.ja, '消えてしまいたい。昨日、薬をたくさん飲もうとした。', 'the text is kept to be shown with the alert');
  assert.deepEqual(text.phrases, ['消えたい', 'OD・過量服薬']);
});

test('a hidden question does not count; a screen limits the hits to its own answers', () => {
  assert.deepEqual(hitsOf({ suicide_attempt: false, suicide_attempt_when: { choice: 'within_month' } }), []);
  const both = { symptoms: { choices: ['suicidal_thoughts'] }, suicide_attempt: true, suicide_attempt_when: { choice: 'within_year' } };
  assert.deepEqual(hitsOf(both, 'complaint_main').map((h) => h.questionId), ['symptoms']);
  assert.deepEqual(hitsOf(both, 'history_psychiatric').map((h) => h.questionId), ['suicide_attempt', 'suicide_attempt_when']);
});

test('"other" text of a choice and the fields of repeated rows are screened too', () => {
  const hits = hitsOf({ symptoms: { choices: ['other'], other: 'リスカ' } });
  assert.deepEqual(hits.map((h) => `${h.kind}:${h.phrases?.join()}`), ['free_text:リスカ・自傷']);
});
