import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phq15 } from './phq15.ts';
import { filled, scoreList } from './test-support.ts';

test('PHQ-15: 15 items scored 0–2, total 0–30 (Kroenke 2002)', () => {
  assert.equal(scoreList(phq15, filled(15, 2)).total, 30);
  assert.equal(scoreList(phq15, filled(15, 0)).band, 'minimal');
});

test('PHQ-15: the menstrual item may be left blank (total out of 28); any other blank invalidates', () => {
  const men = filled(15, 2);
  men[3] = null;
  const r = scoreList(phq15, men);
  assert.deepEqual([r.valid, r.total, r.missing, r.prorated], [true, 28, 0, false]);
  const other = filled(15, 1);
  other[0] = null;
  const bad = scoreList(phq15, other);
  assert.deepEqual([bad.valid, bad.total, bad.reason?.code], [false, null, 'too_many_missing']);
});

test('PHQ-15 has English text and no safety items', () => {
  assert.ok(phq15.items.every((i) => i.text?.en));
  assert.deepEqual(scoreList(phq15, filled(15, 2)).flags, []);
});
