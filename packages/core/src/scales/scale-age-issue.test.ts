import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phq9 } from './builtin/phq9.ts';
import { phq9Teens } from './builtin/phq9-teens.ts';
import { scaleAgeIssue } from './scale-age-issue.ts';

test('a scale\'s age range: PHQ-9 from 13, PHQ-9 for teens 12–18', () => {
  assert.deepEqual(scaleAgeIssue(phq9, 12), { min: 13 });
  assert.equal(scaleAgeIssue(phq9, 13), null);
  assert.equal(scaleAgeIssue(phq9Teens, 18), null);
  assert.deepEqual(scaleAgeIssue(phq9Teens, 19), { min: 12, max: 18 });
  assert.equal(scaleAgeIssue(phq9, null), null, 'an unknown age is not refused here');
});
