import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qidsSr16 } from './qids-sr16.ts';
import { filled, flagIds, scoreList } from './test-support.ts';

test('QIDS-SR16 scores nine domains: the highest of sleep 1–4, appetite/weight 6–9 and psychomotor 15–16', () => {
  // sleep max(1,3,0,2)=3; q5=2; appetite max(0,3,1,-)=3; q10–14 = 1+0+2+1+1 = 5; psychomotor max(0,2)=2
  const r = scoreList(qidsSr16, [1, 3, 0, 2, 2, 0, 3, 1, null, 1, 0, 2, 1, 1, 0, 2]);
  assert.deepEqual([r.valid, r.total, r.band, r.missing], [true, 15, 'moderate', 0]);
  assert.equal(scoreList(qidsSr16, filled(16, 3)).total, 27);
});

test('QIDS-SR16 answering only one of items 6/7 and 8/9 is complete; an empty domain invalidates', () => {
  const ok = scoreList(qidsSr16, [0, 0, 0, 0, 0, 1, null, null, 1, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual([ok.valid, ok.total], [true, 1]);
  const noSleep = scoreList(qidsSr16, [null, null, null, null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  assert.deepEqual([noSleep.valid, noSleep.total, noSleep.missing], [false, null, 1]);
  assert.deepEqual(noSleep.missingItems, ['q1', 'q2', 'q3', 'q4']);
});

test('QIDS-SR16 item 12 (death or suicide): ≥ 1 alerts, ≥ 2 urgent, even on an incomplete form', () => {
  const a = filled(16, null);
  a[11] = 1;
  assert.deepEqual(flagIds(scoreList(qidsSr16, a)), ['suicidality']);
  a[11] = 2;
  assert.deepEqual(flagIds(scoreList(qidsSr16, a)), ['suicidality', 'suicidality_urgent']);
});
