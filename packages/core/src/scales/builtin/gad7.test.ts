import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answersFromList } from '../check-answers.ts';
import { scoreScale } from '../score-scale.ts';
import { validateScaleDefinition } from '../validate-scale-definition.ts';
import { gad7 } from './gad7.ts';

const score = (list: Array<number | null>) => scoreScale(gad7, answersFromList(gad7, list));

function withTotal(total: number): number[] {
  const out = [0, 0, 0, 0, 0, 0, 0];
  let left = total;
  for (let i = 0; i < 7 && left > 0; i++) {
    out[i] = Math.min(3, left);
    left -= out[i];
  }
  return out;
}

test('GAD-7 validates and ships text in both languages', () => {
  assert.equal(validateScaleDefinition(gad7).ok, true);
  assert.ok(gad7.items.every((i) => i.text?.ja && i.text.en));
});

test('GAD-7 bands at every boundary (Spitzer 2006: 0-4, 5-9, 10-14, 15-21)', () => {
  const expected: Array<[number, string]> = [
    [0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'], [15, 'severe'], [21, 'severe'],
  ];
  for (const [total, band] of expected) {
    const r = score(withTotal(total));
    assert.deepEqual([r.total, r.band], [total, band]);
  }
});

test('GAD-7 has no safety items and prorates at most one missing item', () => {
  assert.deepEqual(score([3, 3, 3, 3, 3, 3, 3]).flags, []);
  const one = score([2, 2, 2, 2, 2, 1, null]); // 11 / 6 × 7 = 12.83 → 13
  assert.deepEqual([one.valid, one.total, one.band, one.prorated], [true, 13, 'moderate', true]);
  const two = score([2, 2, 2, 2, 2, null, null]);
  assert.deepEqual([two.valid, two.total], [false, null]);
  assert.match(two.reason?.message.en ?? '', /2 item\(s\) missing/);
  assert.match(two.reason?.message.ja ?? '', /未回答/);
});
