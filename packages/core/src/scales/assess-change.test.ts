import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessChange } from './assess-change.ts';
import { phq9 } from './builtin/phq9.ts';
import { reliableChange } from './reliable-change.ts';

test('Jacobson–Truax threshold is 1.96 × SD × √(2(1 − r))', () => {
  const r = reliableChange({ baseline: 20, current: 14, sd: 5.5, reliability: 0.84, direction: 'higher-is-worse' });
  const sDiff = 5.5 * Math.sqrt(2 * (1 - 0.84));
  assert.ok(Math.abs(r.sDiff - sDiff) < 1e-12);
  assert.ok(Math.abs(r.threshold - 1.96 * sDiff) < 1e-12);
  assert.ok(Math.abs(r.threshold - 6.1) < 0.05); // docs/instruments.md worked value
  assert.ok(Math.abs(r.rci - -6 / sDiff) < 1e-12);
  assert.equal(r.category, 'no_reliable_change'); // 6 < 6.098
  assert.equal(reliableChange({ baseline: 20, current: 13, sd: 5.5, reliability: 0.84, direction: 'higher-is-worse' }).category, 'improved');
  assert.equal(reliableChange({ baseline: 10, current: 17, sd: 5.5, reliability: 0.84, direction: 'higher-is-worse' }).category, 'deteriorated');
  assert.equal(reliableChange({ baseline: 40, current: 60, sd: 5, reliability: 0.89, direction: 'higher-is-better' }).category, 'improved');
});

test('reliable change refuses impossible parameters', () => {
  assert.throws(() => reliableChange({ baseline: 1, current: 2, sd: 0, reliability: 0.8, direction: 'higher-is-worse' }), /SD > 0/);
  assert.throws(() => reliableChange({ baseline: 1, current: 2, sd: 3, reliability: 1, direction: 'higher-is-worse' }), /reliability/);
});

test('PHQ-9 change: response at ≥ 50 % reduction, remission below 5, published or clinic SD', () => {
  const a = assessChange({ definition: phq9, baseline: 16, current: 8 });
  assert.equal(a.response, true); // exactly 50 %
  assert.equal(a.remission, false);
  assert.equal(a.reliableChange?.category, 'improved'); // 8 > 3.88 with SD 3.5
  assert.equal(a.sdSource, 'definition');
  assert.equal(assessChange({ definition: phq9, baseline: 16, current: 9 }).response, false);
  assert.equal(assessChange({ definition: phq9, baseline: 16, current: 4 }).remission, true);
  assert.equal(assessChange({ definition: phq9, baseline: 16, current: 5 }).remission, false);
  const clinic = assessChange({ definition: phq9, baseline: 16, current: 11, clinicSd: 5.5 });
  assert.equal(clinic.sdSource, 'clinic');
  assert.equal(clinic.reliableChange?.category, 'no_reliable_change'); // 5 < 6.1
  assert.equal(assessChange({ definition: phq9, baseline: 16, current: 11 }).reliableChange?.category, 'improved'); // 5 > 3.88
  assert.equal(assessChange({ definition: phq9, baseline: 0, current: 3 }).response, null);
});
