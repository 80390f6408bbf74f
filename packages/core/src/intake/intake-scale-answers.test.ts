import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBand } from '../scales/find-band.ts';
import { builtinScales } from '../scales/builtin/index.ts';
import { scoreScale } from '../scales/score-scale.ts';
import { DEFAULT_INTAKE_DEFINITION as D } from './default-intake-definition.ts';
import { exampleAdultIntakeAnswers, exampleChildIntakeAnswers } from './example-intake-answers.ts';
import { intakeScaleAnswers } from './intake-scale-answers.ts';
import { summarizeIntake, type IntakeScaleScore } from './summarize-intake.ts';

const today = '2026-11-29';

test('the scales shown follow audience and age', () => {
  assert.deepEqual(intakeScaleAnswers(D, exampleAdultIntakeAnswers(), { today }).map((s) => s.scaleId), ['phq9', 'gad7']);
  assert.deepEqual(intakeScaleAnswers(D, exampleChildIntakeAnswers(), { today }).map((s) => s.scaleId), ['phq9_teens']);
  const c = exampleChildIntakeAnswers();
  const young = { ...c, values: { ...c.values, birth_date: '2016-04-01' } };
  assert.deepEqual(intakeScaleAnswers(D, young, { today }), []);
  const fresh = { ...c, values: { birth_date: '2012-05-01' } };
  assert.deepEqual(intakeScaleAnswers(D, fresh, { today }), [{ questionId: 'scale_child_phq9_teens', groupId: 'scale_child_phq9_teens', scaleId: 'phq9_teens', answers: null }]);
});

test('intake scale answers score with the scales module and read in the summary with their safety flag', () => {
  const a = exampleAdultIntakeAnswers();
  const withItem9 = { ...a, values: { ...a.values, scale_phq9: { scaleId: 'phq9', answers: { q1: 2, q2: 2, q3: 3, q4: 2, q5: 1, q6: 1, q7: 2, q8: 1, q9: 1 } } } };
  const scores: IntakeScaleScore[] = intakeScaleAnswers(D, withItem9, { today }).map((s) => {
    const def = builtinScales.find((d) => d.id === s.scaleId)!;
    const r = scoreScale(def, s.answers ?? {});
    const band = r.total === null ? undefined : findBand(def, r.total)?.label;
    return {
      scaleId: s.scaleId,
      total: r.total,
      band: band ? { ja: band.ja ?? '', en: band.en ?? '' } : undefined,
      flags: r.flags.map((f) => ({ ja: `${f.item} = ${f.score}（希死念慮）`, en: `${f.item} = ${f.score} (suicidal ideation)` })),
    };
  });
  assert.equal(scores[0].total, 15);
  assert.equal(scores[1].total, 7);
  const ja = summarizeIntake(D, withItem9, { lang: 'ja', today, scores });
  assert.equal(ja.text.split('\n')[0], '【要確認】PHQ-9 q9 = 1（希死念慮）。');
  assert.ok(ja.text.includes('PHQ-9: 15点（'));
  assert.ok(ja.text.endsWith('GAD-7: 7点（軽度）。'));
});
