import assert from 'node:assert/strict';
import { test } from 'node:test';
import { epds } from './epds.ts';
import { filled, flagIds, scoreList } from './test-support.ts';

test('EPDS: items 1, 2, 4 score 0–3 top to bottom; items 3 and 5–10 score 3–0', () => {
  // Top option everywhere: items 1, 2, 4 score 0, the 7 reversed items score 3.
  assert.equal(scoreList(epds, filled(10, 0)).total, 21);
  assert.equal(scoreList(epds, filled(10, 3)).total, 9);
  assert.equal(scoreList(epds, [3, 3, 0, 3, 0, 0, 0, 0, 0, 0]).total, 30);
  assert.equal(scoreList(epds, [0, 0, 3, 0, 3, 3, 3, 3, 3, 3]).total, 0);
});

test('EPDS item 10 flags self-harm when its score is ≥ 1, i.e. any option but the last', () => {
  const with10 = (answer: number): string[] => flagIds(scoreList(epds, [0, 0, 3, 0, 3, 3, 3, 3, 3, answer]));
  assert.deepEqual(with10(3), []);
  assert.deepEqual(with10(2), ['self_harm']);
  assert.deepEqual(with10(0), ['self_harm']);
});

test('EPDS bands: Japanese 8/9 by default, UK 12/13 on request', () => {
  const total = (n: number): Array<number | null> => {
    // items 1, 2, 4 carry up to 9 points, then reversed items.
    const a: number[] = [0, 0, 3, 0, 3, 3, 3, 3, 3, 3];
    let left = n;
    for (const i of [0, 1, 3, 2, 4, 5, 6, 7, 8, 9]) {
      const reversed = ![0, 1, 3].includes(i);
      const add = Math.min(3, left);
      a[i] = reversed ? 3 - add : add;
      left -= add;
    }
    return a;
  };
  assert.equal(scoreList(epds, total(8)).band, 'below_threshold');
  assert.equal(scoreList(epds, total(9)).band, 'probable_depression');
  assert.equal(scoreList(epds, total(12), { bandSet: 'cox1987_uk' }).band, 'below_threshold');
  assert.equal(scoreList(epds, total(13), { bandSet: 'cox1987_uk' }).band, 'probable_depression');
});
