import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INTAKE_DEFINITION } from './default-intake-definition.ts';
import { exampleAdultIntakeAnswers, exampleChildIntakeAnswers } from './example-intake-answers.ts';
import { intakeSafetyHits } from './intake-safety-hits.ts';
import { intakeExclusionFindings } from './program-intake-sections.ts';
import { validateIntakeAnswers } from './validate-intake-answers.ts';

const today = '2026-11-29';

test('a past suicide attempt, with when and how many, raises a safety signal like the other risk answers', () => {
  const v = { ...exampleAdultIntakeAnswers().values, suicide_attempt: true, suicide_attempt_when: { choice: 'within_year' }, suicide_attempt_count: 2 };
  const r = validateIntakeAnswers(DEFAULT_INTAKE_DEFINITION, { ...exampleAdultIntakeAnswers(), values: v }, { today, audience: 'adult' });
  assert.ok(r.ok, JSON.stringify(r));
  const hits = intakeSafetyHits(DEFAULT_INTAKE_DEFINITION, v, { audience: 'adult', today });
  assert.deepEqual(hits.map((h) => [h.questionId, h.severity]), [['suicide_attempt', 'high'], ['suicide_attempt_when', 'high']]);
  // The count is asked once the attempt is reported, and is then required.
  const missing = validateIntakeAnswers(DEFAULT_INTAKE_DEFINITION, { ...exampleAdultIntakeAnswers(), values: { ...v, suicide_attempt_count: undefined } }, { today, audience: 'adult' });
  assert.equal(missing.ok, false);
});

test('pregnancy is asked of women from 12, not of a boy; implants, seizures and household of everyone', () => {
  const child = exampleChildIntakeAnswers();
  assert.ok(validateIntakeAnswers(DEFAULT_INTAKE_DEFINITION, child, { today, audience: 'child' }).ok);
  const adult = exampleAdultIntakeAnswers();
  const noPregnancy = { ...adult.values, pregnant: undefined };
  assert.equal(validateIntakeAnswers(DEFAULT_INTAKE_DEFINITION, { ...adult, values: noPregnancy }, { today, audience: 'adult' }).ok, false);
  const noHousehold = { ...adult.values, household: undefined };
  assert.equal(validateIntakeAnswers(DEFAULT_INTAKE_DEFINITION, { ...adult, values: noHousehold }, { today, audience: 'adult' }).ok, false);
});

test('the answers feed program exclusions: only a reported condition counts', () => {
  assert.deepEqual(intakeExclusionFindings(exampleAdultIntakeAnswers().values), {});
  assert.deepEqual(intakeExclusionFindings({ pregnant: { choice: 'no' }, breastfeeding: false, seizure_history: false, implants: { choices: ['none'] } }), {});
  assert.deepEqual(intakeExclusionFindings({ pregnant: { choice: 'possible' }, seizure_history: true, implants: { choices: ['pacemaker'] } }), { pregnancy: true, epilepsy: true, metal_or_device: true });
  assert.deepEqual(intakeExclusionFindings({ breastfeeding: true, implants: { choices: ['other_metal'] } }), { pregnancy: true });
});
