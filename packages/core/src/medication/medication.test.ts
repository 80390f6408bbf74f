import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { validateConcomitantMedication, type ConcomitantMedicationInput } from './concomitant-medication.ts';
import { flagConfounders } from './flag-confounders.ts';

const sertraline: ConcomitantMedicationInput = {
  id: 'm-1',
  patientId: 'p-1',
  genericName: 'セルトラリン塩酸塩',
  dose: 50,
  unit: 'mg',
  frequency: 'once_daily',
  startDate: '2025-10-01',
  changes: [
    { date: '2026-04-20', dose: 75 },
    { date: '2026-01-10', frequency: 'once_daily', note: 'no change in fact' },
  ],
};

function paths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.issues.map((d) => d.path);
  }
  assert.fail('expected an error');
}

test('a medication validates with its changes sorted; names are NFKC-normalised', () => {
  const m = validateConcomitantMedication({ ...sertraline, genericName: 'ｾﾙﾄﾗﾘﾝ塩酸塩' });
  assert.equal(m.genericName, 'セルトラリン塩酸塩');
  assert.deepEqual(
    m.changes.map((c) => c.date),
    ['2026-01-10', '2026-04-20'],
  );
});

test('bad medication input names the field', () => {
  assert.deepEqual(
    paths(() => validateConcomitantMedication({ ...sertraline, genericName: ' ', dose: -5, unit: 'mgs' })),
    ['genericName', 'dose', 'unit'],
  );
  assert.deepEqual(
    paths(() => validateConcomitantMedication({ ...sertraline, stopDate: '2025-09-01', changes: [] })),
    ['stopDate'],
  );
  assert.deepEqual(
    paths(() => validateConcomitantMedication({ ...sertraline, changes: [{ date: '2025-09-01', dose: 25 }] })),
    ['changes[0].date'],
  );
  assert.deepEqual(
    paths(() => validateConcomitantMedication({ ...sertraline, changes: [{ date: '2026-01-01' }] })),
    ['changes[0]'],
  );
});

test('starts, stops and dose changes inside the program window are flagged as possible confounders', () => {
  const meds = [
    validateConcomitantMedication(sertraline),
    validateConcomitantMedication({
      id: 'm-2',
      patientId: 'p-1',
      genericName: 'ブロチゾラム',
      dose: 0.25,
      unit: 'mg',
      frequency: 'at_bedtime',
      startDate: '2026-05-02',
      stopDate: '2026-10-01',
    }),
    // Started long before, unknown start, never changed: not a confounder.
    validateConcomitantMedication({
      id: 'm-3',
      patientId: 'p-1',
      genericName: 'レボチロキシンナトリウム',
      dose: 50,
      unit: 'μg',
      frequency: 'once_daily',
    }),
    validateConcomitantMedication({
      id: 'm-4',
      patientId: 'p-1',
      genericName: 'ロラゼパム',
      dose: 0.5,
      unit: 'mg',
      frequency: 'prn',
      startDate: '2026-01-01',
      changes: [{ date: '2026-06-01', frequency: 'twice_daily' }],
    }),
  ];
  const flags = flagConfounders(meds, { start: '2026-03-25', end: '2026-09-23' });
  assert.deepEqual(
    flags.map((f) => [f.medicationId, f.event, f.date]),
    [
      ['m-1', 'dose_changed', '2026-04-20'],
      ['m-2', 'started', '2026-05-02'],
      ['m-4', 'frequency_changed', '2026-06-01'],
    ],
  );
  assert.deepEqual(flags[0]!.detail, { from: '50 mg', to: '75 mg' });
  // The window is inclusive at both ends.
  assert.equal(flagConfounders(meds, { start: '2026-04-20', end: '2026-04-20' }).length, 1);
  // The January "change" repeats the same frequency, so it is no change at all.
  assert.equal(flagConfounders(meds, { start: '2026-01-01', end: '2026-01-31' }).filter((f) => f.medicationId === 'm-1').length, 0);
});
