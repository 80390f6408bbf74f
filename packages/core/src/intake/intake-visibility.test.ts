import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../errors/domain-error.ts';
import { DEFAULT_INTAKE_DEFINITION as D, createDefaultIntakeDefinition } from './default-intake-definition.ts';
import { evaluateIntakeCondition, type IntakeConditionContext } from './evaluate-intake-condition.ts';
import { exampleAdultIntakeAnswers, exampleChildIntakeAnswers } from './example-intake-answers.ts';
import type { IntakeCondition, RepeatQuestion } from './intake-definition.ts';
import { intakeVisibility, visibleRowFields } from './intake-visibility.ts';
import { renderIntakeAnswers } from './render-intake-answers.ts';
import { selectIntakeDefinition } from './select-intake-definition.ts';

const ctx = (values: Record<string, unknown>, extra: Partial<IntakeConditionContext> = {}): IntakeConditionContext => ({
  audience: 'adult',
  ageYears: 30,
  question: (id) => values[id],
  ...extra,
});

test('conditions: equals, in, includes, answered, gte/lte, age, audience, all/any/not', () => {
  const v = { yes: true, choice: { choice: 'b' }, multi: { choices: ['x', 'y'] }, n: 5, text: '  ' };
  const cases: ReadonlyArray<readonly [IntakeCondition, boolean]> = [
    [{ op: 'equals', question: 'yes', value: true }, true],
    [{ op: 'equals', question: 'yes', value: false }, false],
    [{ op: 'equals', question: 'choice', value: 'b' }, true],
    [{ op: 'in', question: 'choice', values: ['a', 'b'] }, true],
    [{ op: 'in', question: 'choice', values: ['a'] }, false],
    [{ op: 'includes', question: 'multi', value: 'y' }, true],
    [{ op: 'includes', question: 'multi', value: 'z' }, false],
    [{ op: 'answered', question: 'text' }, false],
    [{ op: 'answered', question: 'n' }, true],
    [{ op: 'gte', question: 'n', value: 5 }, true],
    [{ op: 'lte', question: 'n', value: 4 }, false],
    [{ op: 'age', min: 18 }, true],
    [{ op: 'age', min: 12, max: 17 }, false],
    [{ op: 'audience', audience: 'child' }, false],
    [{ op: 'all', conditions: [{ op: 'age', min: 18 }, { op: 'equals', question: 'yes', value: true }] }, true],
    [{ op: 'any', conditions: [{ op: 'age', max: 10 }, { op: 'audience', audience: 'child' }] }, false],
    [{ op: 'not', condition: { op: 'answered', question: 'missing' } }, true],
  ];
  for (const [c, want] of cases) assert.equal(evaluateIntakeCondition(c, ctx(v)), want, JSON.stringify(c));
  // Unknown age: age conditions are false either way.
  assert.equal(evaluateIntakeCondition({ op: 'age', max: 200 }, ctx(v, { ageYears: null })), false);
});

test('hiding cascades: an answer to a hidden question counts as no answer', () => {
  const a = exampleAdultIntakeAnswers();
  const vis = intakeVisibility(D, { ...a.values, weight_change: { choice: 'same' } }, { audience: 'adult', today: '2026-11-29' });
  assert.ok(!vis.questionIds.has('weight_change_kg'));
  const shown = intakeVisibility(D, a.values, { audience: 'adult', today: '2026-11-29' });
  assert.ok(shown.questionIds.has('weight_change_kg'));
});

test('row fields show by sibling value within the same row only', () => {
  const meds = D.sections.flatMap((s) => s.groups).flatMap((g) => g.questions).find((q) => q.id === 'medicines') as RepeatQuestion;
  const c = ctx({});
  assert.deepEqual(visibleRowFields(meds, { frequency: { choice: 'prn' } }, c).map((f) => f.id), ['generic_name', 'dose', 'frequency', 'prn_when']);
  assert.deepEqual(visibleRowFields(meds, { frequency: { choice: 'evening' }, prn_when: 'x' }, c).map((f) => f.id), ['generic_name', 'dose', 'frequency']);
  // A top-level question of the same id as the sibling does not leak into the row.
  assert.deepEqual(visibleRowFields(meds, {}, ctx({ frequency: { choice: 'prn' } })).map((f) => f.id), ['generic_name', 'dose', 'frequency']);
});

test('age for scales comes from the birth-date answer, or from the caller', () => {
  const child = exampleChildIntakeAnswers();
  const at = (birth: string): boolean =>
    intakeVisibility(D, { ...child.values, birth_date: birth }, { audience: 'child', today: '2026-11-29' }).byGroup.has('scale_child_phq9_teens');
  assert.equal(at('2014-11-29'), true); // 12 today
  assert.equal(at('2014-11-30'), false); // 11 until tomorrow
  assert.equal(at('2009-11-30'), true); // 17
  assert.equal(at('2008-11-29'), false); // 18
  const noBirth = { ...child.values } as Record<string, unknown>;
  delete noBirth.birth_date;
  assert.equal(intakeVisibility(D, noBirth, { audience: 'child', ageYears: 15 }).byGroup.has('scale_child_phq9_teens'), true);
});

test('old answers are rendered with their own definition version', () => {
  const v1 = D;
  const base = createDefaultIntakeDefinition({ version: 2 });
  const v2 = {
    ...base,
    sections: base.sections.map((s) => ({
      ...s,
      groups: s.groups.map((g) => ({ ...g, questions: g.questions.map((q) => (q.id === 'chief_complaint' ? { ...q, label: { ja: '新しい質問文', en: 'New wording' } } : q)) })),
    })),
  };
  const answers = exampleAdultIntakeAnswers();
  const view = renderIntakeAnswers([v2, v1], answers, { lang: 'ja', today: '2026-11-29' });
  assert.equal(view.definitionVersion, 1);
  const item = view.sections.flatMap((s) => s.groups).flatMap((g) => g.items).find((i) => i.questionId === 'chief_complaint')!;
  assert.equal(item.label, '今回、いちばん相談したいことを教えてください。');
  const meds = view.sections.flatMap((s) => s.groups).flatMap((g) => g.items).find((i) => i.questionId === 'medicines')!;
  assert.deepEqual(meds.rows![1], [
    { fieldId: 'generic_name', label: 'お薬の名前', text: 'ロラゼパム' },
    { fieldId: 'dose', label: '量（例: 25mg 1錠）', text: '0.5mg' },
    { fieldId: 'frequency', label: '飲み方', text: '必要なときだけ（頓服）' },
    { fieldId: 'prn_when', label: 'どんなときに飲みますか', text: '不安時' },
  ]);
  const phone = view.sections.flatMap((s) => s.groups).flatMap((g) => g.items).find((i) => i.questionId === 'patient_phone')!;
  assert.equal(phone.text, '090-1234-5678');
  assert.throws(() => selectIntakeDefinition([v2], answers), (e) => isDomainError(e) && e.code === 'not_found');
});
