import assert from 'node:assert/strict';
import { test } from 'node:test';
import { k10 } from './k10.ts';
import { k6 } from './k6.ts';
import { filled, scoreList } from './test-support.ts';

test('K6: 0–24; 4/5 and 12/13 boundaries (Kessler 2003, Prochaska 2012, Sakurai 2011)', () => {
  assert.equal(scoreList(k6, [4, 0, 0, 0, 0, 0]).band, 'low');
  assert.equal(scoreList(k6, [4, 1, 0, 0, 0, 0]).band, 'moderate');
  assert.equal(scoreList(k6, [4, 4, 4, 0, 0, 0]).band, 'moderate');
  assert.equal(scoreList(k6, [4, 4, 4, 1, 0, 0]).band, 'serious');
  assert.equal(scoreList(k6, filled(6, 4)).total, 24);
});

test('K10: Japanese cut-off 9/10 by default; ABS bands shifted onto 0–40 on request', () => {
  assert.equal(scoreList(k10, [4, 4, 1, 0, 0, 0, 0, 0, 0, 0]).band, 'below_cutoff');
  assert.equal(scoreList(k10, [4, 4, 2, 0, 0, 0, 0, 0, 0, 0]).band, 'above_cutoff');
  const abs = (n: number): string | null => {
    const list = filled(10, 0) as number[];
    let left = n;
    for (let i = 0; i < 10 && left > 0; i++) {
      list[i] = Math.min(4, left);
      left -= list[i];
    }
    return scoreList(k10, list, { bandSet: 'abs' }).band;
  };
  // ABS 10–15 low, 16–21 moderate, 22–29 high, 30–50 very high on the 1–5 metric.
  assert.deepEqual([abs(5), abs(6), abs(11), abs(12), abs(19), abs(20), abs(40)], ['low', 'moderate', 'moderate', 'high', 'high', 'very_high', 'very_high']);
});

test('K6/K10 carry the WHO copyright notice with their text, and score complete forms only', () => {
  for (const d of [k6, k10]) {
    assert.match(d.licence.copyright ?? '', /World Health Organization 2003/);
    assert.ok(d.items.every((i) => i.text?.ja && i.text.en));
  }
  const r = scoreList(k6, [1, 1, 1, 1, 1, null]);
  assert.deepEqual([r.valid, r.total], [false, null]);
  assert.throws(() => scoreList(k6, [5, 0, 0, 0, 0, 0]), /out of range/);
});

test('K10 items 8 and 9 follow Kessler\'s original: q8 "everything was an effort", q9 "so sad that nothing could cheer you up"', () => {
  assert.equal(k10.items[7]!.id, 'q8');
  assert.equal(k10.items[7]!.text?.en, 'that everything was an effort?');
  assert.equal(k10.items[7]!.text?.ja, '何をするのも骨折りだと感じましたか');
  assert.equal(k10.items[8]!.id, 'q9');
  assert.equal(k10.items[8]!.text?.en, 'so sad that nothing could cheer you up?');
  assert.equal(k10.items[8]!.text?.ja, '気分が沈み込んで、何が起こっても気が晴れないように感じましたか');
});
