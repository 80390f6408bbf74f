import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessSeries } from './assess-series.ts';
import { phq9 } from './builtin/phq9.ts';

test('a PHQ-9 series: baseline is the first scored point; later points get band, response, remission and reliable change', () => {
  const s = assessSeries({
    definition: phq9,
    points: [
      { at: '2026-04-29T00:00:00Z', total: 4 },
      { at: '2026-04-01T00:00:00Z', total: null },
      { at: '2026-04-15T00:00:00Z', total: 12 },
      { at: '2026-04-08T00:00:00Z', total: 18 },
    ],
  });
  assert.deepEqual(s.map((p) => [p.at.slice(0, 10), p.total, p.band, p.isBaseline]), [
    ['2026-04-01', null, null, false],
    ['2026-04-08', 18, 'moderately_severe', true],
    ['2026-04-15', 12, 'moderate', false],
    ['2026-04-29', 4, 'minimal', false],
  ]);
  assert.equal(s[0].change, null);
  assert.equal(s[1].change, null);
  assert.deepEqual([s[2].change?.response, s[2].change?.remission, s[2].change?.reliableChange?.category], [false, false, 'improved']);
  assert.deepEqual([s[3].change?.response, s[3].change?.remission], [true, true]);
  const clinic = assessSeries({ definition: phq9, clinicSd: 5.5, points: [{ at: '2026-04-08T00:00:00Z', total: 18 }, { at: '2026-04-15T00:00:00Z', total: 12 }] });
  assert.equal(clinic[1].change?.reliableChange?.category, 'no_reliable_change');
});
