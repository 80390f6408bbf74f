import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answersFromList } from '../check-answers.ts';
import { scoreScale } from '../score-scale.ts';
import { validateScaleDefinition } from '../validate-scale-definition.ts';
import { phq9 } from './phq9.ts';

const score = (list: Array<number | null>) => scoreScale(phq9, answersFromList(phq9, list));

/** Nine answers summing to `total` without touching item 9. */
function withTotal(total: number, q9 = 0): Array<number | null> {
  const out = [0, 0, 0, 0, 0, 0, 0, 0, q9];
  let left = total - q9;
  for (let i = 0; i < 8 && left > 0; i++) {
    out[i] = Math.min(3, left);
    left -= out[i];
  }
  assert.equal(left, 0, `cannot make ${total}`);
  return out;
}

test('PHQ-9 validates as a definition and ships text in Japanese and English', () => {
  assert.equal(validateScaleDefinition(phq9).ok, true);
  for (const item of phq9.items) {
    assert.ok(item.text?.ja && item.text.en, item.id);
  }
  assert.equal(phq9.items.length, 9);
});

test('PHQ-9 bands at every boundary (Kroenke 2001: 0-4, 5-9, 10-14, 15-19, 20-27)', () => {
  const expected: Array<[number, string]> = [
    [0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'],
    [15, 'moderately_severe'], [19, 'moderately_severe'], [20, 'severe'], [24, 'severe'],
  ];
  for (const [total, band] of expected) {
    const r = score(withTotal(total));
    assert.equal(r.total, total);
    assert.equal(r.band, band, `total ${total}`);
  }
  const max = score([3, 3, 3, 3, 3, 3, 3, 3, 3]);
  assert.deepEqual([max.total, max.band], [27, 'severe']);
});

test('PHQ-9 result names the definition and version that produced it', () => {
  const r = score(withTotal(3));
  assert.equal(r.scaleId, 'phq9');
  assert.equal(r.version, phq9.version);
  assert.equal(r.bandSet, 'kroenke2001');
});

test('PHQ-9 item 9 = 1 raises the suicidality flag, ≥ 2 the urgent one too; 0 raises nothing', () => {
  assert.deepEqual(score(withTotal(0)).flags, []);
  assert.deepEqual(score(withTotal(1, 1)).flags.map((f) => [f.id, f.severity, f.item, f.score]), [['suicidality', 'alert', 'q9', 1]]);
  for (const v of [2, 3]) {
    const r = score(withTotal(v, v));
    assert.deepEqual(r.flags.map((f) => [f.id, f.severity, f.item, f.score]), [['suicidality', 'alert', 'q9', v], ['suicidality_urgent', 'urgent', 'q9', v]]);
  }
});

test('PHQ-9 missing items: one is prorated, two invalidate, a missing item 9 always invalidates', () => {
  const one = score([3, 3, 3, 3, 3, 3, 3, null, 1]);
  assert.equal(one.valid, true);
  assert.equal(one.prorated, true);
  assert.equal(one.missing, 1);
  assert.equal(one.total, 25); // 22 / 8 × 9 = 24.75 → 25
  const half = score([1, 1, 1, 1, 1, 1, 1, null, 0]); // 7 / 8 × 9 = 7.875 → 8
  assert.equal(half.total, 8);
  const two = score([3, 3, 3, 3, 3, 3, null, null, 1]);
  assert.equal(two.valid, false);
  assert.equal(two.total, null);
  assert.equal(two.band, null);
  assert.equal(two.reason?.code, 'too_many_missing');
  assert.deepEqual(two.missingItems, ['q7', 'q8']);
  const no9 = score([1, 1, 1, 1, 1, 1, 1, 1, null]);
  assert.equal(no9.valid, false);
  assert.equal(no9.reason?.code, 'required_item_missing');
});

test('PHQ-9 safety flags are raised even when the total cannot be scored', () => {
  const r = score([null, null, null, null, null, null, null, null, 2]);
  assert.equal(r.valid, false);
  assert.deepEqual(r.flags.map((f) => f.id), ['suicidality', 'suicidality_urgent']);
});

test('PHQ-9 rejects out-of-range, fractional and unknown answers with the item path', () => {
  assert.throws(() => score([4, 0, 0, 0, 0, 0, 0, 0, 0]), (e: Error) => {
    assert.match(e.message, /answers\.q1/);
    assert.match(e.message, /範囲外/);
    return true;
  });
  assert.throws(() => score([0.5, 0, 0, 0, 0, 0, 0, 0, 0]), /out of range/);
  assert.throws(() => scoreScale(phq9, { q10: 1 }), /not an item/);
  assert.throws(() => scoreScale(phq9, { q1: '2' as unknown as number }), /must be a number/);
  assert.throws(() => answersFromList(phq9, [0, 0]), /9 items but 2 answers/);
});
