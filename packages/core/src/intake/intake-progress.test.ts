import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INTAKE_DEFINITION as D } from './default-intake-definition.ts';
import { exampleAdultIntakeAnswers, exampleChildIntakeAnswers } from './example-intake-answers.ts';
import type { IntakeAnswers } from './intake-definition.ts';
import { intakeProgress } from './intake-progress.ts';

const today = '2026-11-29';
const start = (audience: 'adult' | 'child', values: IntakeAnswers['values'] = {}, confirmedGroups?: string[]): IntakeAnswers => ({
  definitionId: 'default',
  definitionVersion: 1,
  audience,
  values,
  confirmedGroups,
});

test('an empty adult intake starts at the first screen; screens differ by audience', () => {
  const p = intakeProgress(D, start('adult'), { today });
  assert.equal(p.currentGroupId, 'basic_patient');
  assert.equal(p.completed, 0);
  assert.equal(p.fraction, 0);
  const ids = p.groups.map((g) => g.groupId);
  assert.ok(!ids.includes('basic_guardian'));
  assert.ok(!ids.includes('development_birth'));
  assert.ok(ids.includes('life_work'));
  assert.ok(ids.includes('scale_phq9') && ids.includes('scale_gad7'));
  const c = intakeProgress(D, start('child'), { today }).groups.map((g) => g.groupId);
  assert.ok(c.includes('basic_guardian') && c.includes('basic_school') && c.includes('development_milestones'));
  assert.ok(!c.includes('life_work'));
  // Age unknown yet: no child scale screen.
  assert.ok(!c.includes('scale_child_phq9_teens'));
});

test('resume points at the first screen not complete; invalid answers keep a screen open', () => {
  const a = exampleAdultIntakeAnswers();
  const partial = start('adult', { ...a.values, onset_when: undefined as unknown as string, hopes: undefined as unknown as never });
  const p = intakeProgress(D, partial, { today });
  assert.equal(p.currentGroupId, 'complaint_onset');
  assert.equal(p.groups.find((g) => g.groupId === 'basic_patient')!.complete, true);
  const bad = intakeProgress(D, start('adult', { ...a.values, birth_date: '2026-02-30' }), { today });
  assert.equal(bad.currentGroupId, 'basic_patient');
  assert.equal(bad.groups[0].errorCount, 1);
});

test('a complete intake is at 100 %; optional screens count once confirmed or answered', () => {
  const done = intakeProgress(D, exampleAdultIntakeAnswers(), { today });
  assert.equal(done.currentGroupId, null);
  assert.equal(done.fraction, 1);
  const child = intakeProgress(D, exampleChildIntakeAnswers(), { today });
  assert.equal(child.fraction, 1);
  assert.ok(child.groups.some((g) => g.groupId === 'scale_child_phq9_teens'));

  // The hopes screen has only optional questions: unanswered, it is complete only once confirmed.
  const a = exampleAdultIntakeAnswers();
  const noHopes = { ...a.values } as Record<string, unknown>;
  delete noHopes.hopes;
  const open = intakeProgress(D, start('adult', noHopes as IntakeAnswers['values']), { today });
  assert.equal(open.currentGroupId, 'hopes_main');
  assert.equal(open.completed, open.total - 1);
  const confirmed = intakeProgress(D, start('adult', noHopes as IntakeAnswers['values'], ['hopes_main']), { today });
  assert.equal(confirmed.currentGroupId, null);
});
