import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INTAKE_DEFINITION as D, createDefaultIntakeDefinition } from './default-intake-definition.ts';
import { exampleAdultIntakeAnswers } from './example-intake-answers.ts';
import { diffIntakes } from './diff-intakes.ts';
import type { IntakeAnswers, IntakeDefinition } from './intake-definition.ts';

test('no change, no diff', () => {
  const a = exampleAdultIntakeAnswers();
  assert.deepEqual(diffIntakes({ definition: D, answers: a }, { definition: D, answers: exampleAdultIntakeAnswers() }, { lang: 'ja' }), []);
});

test('changed answers, added and removed medicines, newly shown and hidden questions', () => {
  const a = exampleAdultIntakeAnswers();
  const later: IntakeAnswers = {
    ...a,
    values: {
      ...a.values,
      onset_course: { choice: 'improving' },
      medicines: [
        { generic_name: 'セルトラリン', dose: '50mg', frequency: { choice: 'evening' } },
        { generic_name: 'ロラゼパム', dose: '0.5mg', frequency: { choice: 'prn' }, prn_when: '不安時' },
      ],
      has_allergy: true,
      allergies: [{ allergen: 'ペニシリン', reaction: '発疹' }],
      weight_change: { choice: 'same' },
      scale_phq9: { scaleId: 'phq9', answers: { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 } },
    },
  };
  const changes = diffIntakes({ definition: D, answers: a, submittedOn: '2026-06-01' }, { definition: D, answers: later, submittedOn: '2026-11-29' }, { lang: 'ja' });
  assert.deepEqual(changes, [
    { kind: 'changed', questionId: 'onset_course', label: 'その後の経過は', before: 'だんだん悪くなっている', after: '少しずつ良くなっている' },
    { kind: 'removed', questionId: 'medicines', label: 'お薬', before: 'セルトラリン 25mg 1日1回 夕' },
    { kind: 'added', questionId: 'medicines', label: 'お薬', after: 'セルトラリン 50mg 1日1回 夕' },
    { kind: 'changed', questionId: 'has_allergy', label: 'お薬や食べ物などのアレルギーはありますか。', before: 'いいえ', after: 'はい' },
    { kind: 'added', questionId: 'allergies', label: 'アレルギー', after: 'ペニシリン（発疹）' },
    { kind: 'changed', questionId: 'weight_change', label: 'この1か月で体重は変わりましたか', before: '減った', after: '変わらない' },
    // weight_change_kg is hidden now: its answer no longer counts.
    { kind: 'removed', questionId: 'weight_change_kg', label: '何kgくらい', before: '3kg' },
  ]);
  const en = diffIntakes({ definition: D, answers: a }, { definition: D, answers: later }, { lang: 'en' });
  assert.deepEqual(en[0], { kind: 'changed', questionId: 'onset_course', label: 'How has it gone since?', before: 'Gradually getting worse', after: 'Slowly getting better' });
});

test('each side is read with its own definition version', () => {
  const v1 = D;
  const base = createDefaultIntakeDefinition({ version: 2 });
  // Version 2 renames an option label; the answer value is the same.
  const v2: IntakeDefinition = {
    ...base,
    sections: base.sections.map((s) => ({
      ...s,
      groups: s.groups.map((g) => ({
        ...g,
        questions: g.questions.map((q) =>
          q.id === 'appetite' && q.type === 'singleChoice'
            ? { ...q, options: q.options.map((o) => (o.value === 'decreased' ? { ...o, label: { ja: '食欲が落ちた', en: 'Reduced' } } : o)) }
            : q,
        ),
      })),
    })),
  };
  const a1 = exampleAdultIntakeAnswers();
  const a2 = { ...a1, definitionVersion: 2 };
  const changes = diffIntakes({ definition: v1, answers: a1 }, { definition: v2, answers: a2 }, { lang: 'ja' });
  assert.deepEqual(changes, [{ kind: 'changed', questionId: 'appetite', label: '最近の食欲は', before: '減った', after: '食欲が落ちた' }]);
});
