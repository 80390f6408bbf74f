import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sdq } from './sdq.ts';
import { filled, scoreList } from './test-support.ts';

const answers = [2, 1, 1, 2, 1, 1, 0, 1, 2, 1, 0, 1, 1, 2, 1, 1, 2, 1, 1, 2, 2, 1, 1, 1, 2];

test('SDQ: reverse items 7, 11, 14, 21, 25 and five subscales; total difficulties excludes prosocial', () => {
  const r = scoreList(sdq, answers);
  assert.equal(r.subscales.emotional.score, 5); // 3, 8, 13, 16, 24
  assert.equal(r.subscales.conduct.score, 6); // 5, 7r(0→2), 12, 18, 22
  assert.equal(r.subscales.hyperactivity.score, 3); // 2, 10, 15, 21r(2→0), 25r(2→0)
  assert.equal(r.subscales.peer.score, 5); // 6, 11r(0→2), 14r(2→0), 19, 23
  assert.equal(r.subscales.prosocial.score, 10);
  assert.deepEqual([r.total, r.band], [19, 'abnormal']);
  assert.equal(scoreList(sdq, answers, { bandSet: 'self_uk' }).band, 'borderline');
});

test('SDQ prorates a subscale with 3 or 4 of 5 items answered; with 2 the total cannot be scored', () => {
  const two = [...answers] as Array<number | null>;
  two[2] = null; // q3 emotional
  two[7] = null; // q8 emotional: 3 of 5 left = 1+1+1 → 3/3 × 5 = 5
  const r = scoreList(sdq, two);
  assert.deepEqual([r.subscales.emotional.score, r.subscales.emotional.prorated, r.valid, r.total, r.prorated], [5, true, true, 19, true]);
  const three = [...two];
  three[12] = null; // q13: only 2 emotional items left
  const bad = scoreList(sdq, three);
  assert.deepEqual([bad.subscales.emotional.valid, bad.valid, bad.total, bad.reason?.code], [false, false, null, 'subscale_invalid']);
  assert.match(bad.reason?.message.en ?? '', /emotional/);
});

test('SDQ: missing prosocial items do not affect total difficulties', () => {
  const a = [...answers] as Array<number | null>;
  for (const n of [1, 4, 9]) a[n - 1] = null;
  const r = scoreList(sdq, a);
  assert.deepEqual([r.valid, r.total, r.subscales.prosocial.valid], [true, 19, false]);
  assert.equal(scoreList(sdq, filled(25, 0)).total, 10); // reversed items 7, 11, 14, 21, 25 score 2 each
});

test('SDQ bands follow the informant: self-report uses the self-report bands', () => {
  assert.equal(scoreList(sdq, answers, { informant: 'self' }).band, 'borderline');
  assert.equal(scoreList(sdq, answers, { informant: 'self' }).bandSet, 'self_uk');
  assert.equal(scoreList(sdq, answers, { informant: 'parent' }).band, 'abnormal');
  assert.equal(scoreList(sdq, answers, { informant: 'teacher' }).bandSet, 'parent_uk');
  assert.equal(scoreList(sdq, answers, { informant: 'self', bandSet: 'parent_uk' }).band, 'abnormal');
});
