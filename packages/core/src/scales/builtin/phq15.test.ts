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

test('PHQ-15: a patient answering in Japanese sees Japanese text for every item and option, and staff see it is a project translation', () => {
  assert.ok(phq15.instructions?.ja);
  for (const item of phq15.items) {
    assert.ok(item.text?.ja && /[\u3040-\u30ff\u4e00-\u9fff]/.test(item.text.ja), `${item.id} has Japanese text`);
    for (const o of item.options ?? []) assert.ok(o.label?.ja, `${item.id} option ${o.value} has a Japanese label`);
  }
  assert.match(phq15.textSource.note?.ja ?? '', /本プロジェクトによる翻訳/);
  assert.match(phq15.textSource.note?.en ?? '', /not the validated J-PHQ wording/);
});
