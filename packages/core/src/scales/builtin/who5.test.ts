import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessChange } from '../assess-change.ts';
import { who5 } from './who5.ts';
import { filled, scoreList } from './test-support.ts';

test('WHO-5: raw 0–25 × 4 gives 0–100; higher is better', () => {
  assert.equal(scoreList(who5, filled(5, 5)).total, 100);
  assert.equal(scoreList(who5, filled(5, 0)).total, 0);
  const r = scoreList(who5, [3, 2, 1, 1, 0]); // raw 7 → 28
  assert.deepEqual([r.total, r.band], [28, 'likely_depression']);
  assert.equal(scoreList(who5, [3, 2, 1, 1, 1]).band, 'poor_wellbeing'); // 32
  assert.equal(scoreList(who5, [3, 3, 3, 3, 1]).band, 'not_poor'); // 52
  assert.equal(scoreList(who5, [3, 3, 3, 3, 0]).band, 'poor_wellbeing'); // 48
  assert.equal(scoreList(who5, [3, 3, 3, 3, 0], { bandSet: 'awata2007_ja' }).band, 'possible_depression');
});

test('WHO-5 change: remission above 50 and reliable improvement is an increase', () => {
  const a = assessChange({ definition: who5, baseline: 32, current: 60, clinicSd: 15 });
  assert.equal(a.remission, true);
  assert.equal(a.response, null);
  assert.equal(a.reliableChange?.category, 'improved');
  assert.equal(assessChange({ definition: who5, baseline: 60, current: 20, clinicSd: 15 }).reliableChange?.category, 'deteriorated');
});
