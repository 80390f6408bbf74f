import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scared } from './scared.ts';
import { filled, scoreList } from './test-support.ts';

const withItems = (scores: Record<number, number>): number[] => {
  const a = filled(41, 0) as number[];
  for (const [n, v] of Object.entries(scores)) a[Number(n) - 1] = v;
  return a;
};

test('SCARED subscales follow Birmaher (FITBIR) item lists and cut-offs', () => {
  // school avoidance = items 2, 11, 17, 36; cut-off 3
  const r = scoreList(scared, withItems({ 2: 1, 11: 1, 17: 1, 36: 0, 4: 2, 8: 2, 13: 1 }));
  assert.equal(r.subscales.school_avoidance.score, 3);
  assert.equal(r.subscales.school_avoidance.aboveCutoff, true);
  assert.equal(r.subscales.separation_anxiety.score, 5); // 4, 8, 13
  assert.equal(r.subscales.separation_anxiety.aboveCutoff, true);
  assert.equal(r.subscales.panic_somatic.score, 0);
  assert.equal(r.subscales.panic_somatic.aboveCutoff, false);
  assert.equal(r.total, 8);
  const below = scoreList(scared, withItems({ 2: 1, 11: 1 }));
  assert.equal(below.subscales.school_avoidance.aboveCutoff, false);
});

test('SCARED subscales partition the 41 items and sum to the total', () => {
  const all = scared.scoring.method === 'sum' ? scared.scoring.subscales.flatMap((s) => s.items) : [];
  assert.equal(all.length, 41);
  assert.equal(new Set(all).size, 41);
  const r = scoreList(scared, filled(41, 2));
  assert.equal(r.total, 82);
  assert.equal(Object.values(r.subscales).reduce((a, s) => a + (s.score ?? 0), 0), 82);
});

test('SCARED: total cut-off 25; incomplete forms are not scored', () => {
  const a = filled(41, 0) as number[];
  for (let i = 0; i < 12; i++) a[i] = 2;
  assert.equal(scoreList(scared, a).band, 'below_threshold'); // 24
  a[12] = 1;
  assert.equal(scoreList(scared, a).band, 'possible_anxiety_disorder'); // 25
  a[40] = null as unknown as number;
  const r = scoreList(scared, a);
  assert.deepEqual([r.valid, r.total, r.subscales.social_anxiety.score], [false, null, null]);
  assert.equal(r.subscales.school_avoidance.valid, true);
});
