import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDefaultIntakeDefinition } from './default-intake-definition.ts';
import { ADOLESCENT_MIN_AGE, intakePartDefinition } from './intake-part-definition.ts';
import { intakeSafetyHits } from './intake-safety-hits.ts';
import { validateIntakeAnswers } from './validate-intake-answers.ts';
import { validateIntakeDefinition } from './validate-intake-definition.ts';
import type { IntakeDefinition } from './intake-definition.ts';

const def = createDefaultIntakeDefinition({ childScales: [{ scaleId: 'phq9_teens', minAge: 12, maxAge: 17 }] });
const groupIds = (d: IntakeDefinition | null) => (d ? d.sections.flatMap((s) => s.groups.map((g) => g.id)) : []);

test('the seeded form is valid and marks the adolescent screens', () => {
  assert.equal(validateIntakeDefinition(def).ok, true);
  const own = def.sections.flatMap((s) => s.groups).filter((g) => g.respondent === 'self').map((g) => g.id);
  assert.deepEqual(own, ['self_feelings', 'scale_child_phq9_teens']);
});

test("the guardian's part leaves out every screen of the adolescent's own", () => {
  const g = intakePartDefinition(def, { respondent: 'guardian' })!;
  const ids = groupIds(g);
  assert.ok(ids.includes('basic_patient'));
  assert.ok(!ids.includes('self_feelings'));
  assert.ok(!ids.includes('scale_child_phq9_teens'));
  assert.equal(g.birthDateQuestion, 'birth_date');
});

test("the adolescent's part is only their own screens, with age decided from the register", () => {
  const a = intakePartDefinition(def, { respondent: 'adolescent', ageYears: 14 })!;
  assert.deepEqual(groupIds(a), ['self_feelings', 'scale_child_phq9_teens']);
  assert.equal(a.birthDateQuestion, undefined);
  // The age condition was decided (14 is within 12–17), so nothing depends on a birth-date answer.
  assert.equal(a.sections.flatMap((s) => s.groups).every((g) => g.showIf === undefined), true);
  assert.equal(validateIntakeDefinition(a).ok, true);
  // At 18 the teens' scale no longer applies; below 12 there is no part of their own at all.
  assert.deepEqual(groupIds(intakePartDefinition(def, { respondent: 'adolescent', ageYears: 18 })), ['self_feelings']);
  assert.equal(intakePartDefinition(def, { respondent: 'adolescent', ageYears: ADOLESCENT_MIN_AGE - 1 }), null);
  assert.equal(intakePartDefinition(def, { respondent: 'adolescent', ageYears: null }), null);
});

test('the adult patient answers the whole form', () => {
  assert.equal(intakePartDefinition(def, { respondent: 'patient' }), def);
});

test("the adolescent's self-harm answers are safety triggers, a recent attempt urgent", () => {
  const a = intakePartDefinition(def, { respondent: 'adolescent', ageYears: 13 })!;
  const values = { self_feelings: { choices: ['low_mood', 'suicidal_thoughts'] }, self_attempt: true, self_attempt_when: { choice: 'within_month' } };
  const check = validateIntakeAnswers(a, { definitionId: a.id, definitionVersion: a.version, audience: 'child', values }, { today: '2026-12-07', audience: 'child', mode: 'draft' });
  const hits = intakeSafetyHits(a, check.values, { audience: 'child', today: '2026-12-07' });
  assert.deepEqual(hits.map((h) => [h.questionId, h.severity]).sort(), [['self_attempt', 'high'], ['self_attempt_when', 'urgent'], ['self_feelings', 'high']]);
});

test("a screen of the patient's own may not depend on the guardian's answers", () => {
  const bad = JSON.parse(JSON.stringify(def)) as { sections: Array<{ id: string; groups: Array<Record<string, unknown>> }> };
  const self = bad.sections.find((s) => s.id === 'self')!;
  self.groups[0]!.showIf = { op: 'equals', question: 'past_psychiatric', value: true };
  const r = validateIntakeDefinition(bad);
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.errors.some((e) => e.path.includes('self_feelings') && e.key.startsWith('intake_definition.condition_reference.')));
});
