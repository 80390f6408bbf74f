import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phq9Teens } from './phq9-teens.ts';
import { flagIds, scoreList } from './test-support.ts';

test('PHQ-A: items 1–9 are summed like PHQ-9; the four extra questions are not', () => {
  const r = scoreList(phq9Teens, [2, 2, 2, 2, 2, 0, 0, 0, 0, 1, 3, 0, 0]);
  assert.deepEqual([r.total, r.band, r.flags.length], [10, 'moderate', 0]);
  const blankExtras = scoreList(phq9Teens, [2, 2, 2, 2, 2, 0, 0, 0, 0, null, null, null, null]);
  assert.deepEqual([blankExtras.valid, blankExtras.total, blankExtras.missing], [true, 10, 0]);
});

test('PHQ-A flags item 9 ≥ 1, serious suicidal thoughts in the past month, and a past attempt', () => {
  assert.deepEqual(flagIds(scoreList(phq9Teens, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0])), ['suicidality']);
  assert.deepEqual(flagIds(scoreList(phq9Teens, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])), ['suicidality']);
  assert.deepEqual(flagIds(scoreList(phq9Teens, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])), ['suicide_attempt_history']);
});

test('PHQ-A: same missing rule as PHQ-9 (item 9 never prorated)', () => {
  const r = scoreList(phq9Teens, [1, 1, 1, 1, 1, 1, 1, 1, null, 0, 0, 0, 0]);
  assert.equal(r.reason?.code, 'required_item_missing');
});
