import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessChange } from '../assess-change.ts';
import { hamd17 } from './hamd17.ts';
import { filled, flagIds, scoreList } from './test-support.ts';

const wide = [1, 2, 3, 7, 8, 9, 10, 11, 15];
const maxAnswers = hamd17.items.map((_, i) => (wide.includes(i + 1) ? 4 : 2));

test('HAM-D17: items 1, 2, 3, 7–11, 15 are 0–4, the others 0–2; maximum 52', () => {
  assert.equal(scoreList(hamd17, maxAnswers).total, 52);
  const bad = filled(17, 0) as number[];
  bad[3] = 3; // item 4 (early insomnia) is 0–2
  assert.throws(() => scoreList(hamd17, bad), /item q4 is out of range; allowed: 0, 1, 2/);
});

test('HAM-D17 item 3 (suicide): ≥ 1 alerts, ≥ 3 is urgent', () => {
  const at = (v: number): string[] => {
    const a = filled(17, 0) as number[];
    a[2] = v;
    return flagIds(scoreList(hamd17, a));
  };
  assert.deepEqual(at(0), []);
  assert.deepEqual(at(1), ['suicidality']);
  assert.deepEqual(at(2), ['suicidality']);
  assert.deepEqual(at(3), ['suicidality', 'suicidality_urgent']);
});

test('HAM-D17: Zimmerman bands by default, the older Japanese convention on request', () => {
  const total = (n: number): number[] => {
    const a = filled(17, 0) as number[];
    let left = n;
    for (let i = 0; i < 17 && left > 0; i++) {
      a[i] = Math.min(maxAnswers[i], left);
      left -= a[i];
    }
    return a;
  };
  assert.equal(scoreList(hamd17, total(16)).band, 'mild');
  assert.equal(scoreList(hamd17, total(16), { bandSet: 'traditional_ja' }).band, 'moderate');
  assert.equal(scoreList(hamd17, total(23), { bandSet: 'traditional_ja' }).band, 'very_severe');
  assert.throws(() => scoreList(hamd17, total(3), { bandSet: 'nope' }), /no band set "nope"/);
});

test('HAM-D17: remission ≤ 7, response ≥ 50 %; reliable change needs the clinic SD', () => {
  const a = assessChange({ definition: hamd17, baseline: 22, current: 7 });
  assert.deepEqual([a.response, a.remission, a.reliableChange], [true, true, null]);
  const b = assessChange({ definition: hamd17, baseline: 22, current: 8, clinicSd: 6 });
  assert.equal(b.remission, false);
  assert.ok(Math.abs((b.reliableChange?.threshold ?? 0) - 7.6) < 0.05); // docs/instruments.md worked value
  assert.equal(b.reliableChange?.category, 'improved');
});
