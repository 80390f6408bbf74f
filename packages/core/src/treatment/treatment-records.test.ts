import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { validateInfusionRecord, type InfusionRecordInput } from './infusion-record.ts';
import { validateTmsRecord, type TmsRecordInput } from './tms-record.ts';
import { recordsWithLot } from './normalise-lot.ts';
import { formatMessage } from '../programs/messages.ts';

const opts = { enrolmentStatus: 'active', zone: 'Asia/Tokyo' } as const;
const vitals = { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 36.5, spo2Percent: 98 };

const infusion: InfusionRecordInput = {
  id: 'inf-1',
  enrolmentId: 'enr-1',
  sessionNumber: 1,
  product: 'エクソソーム製剤（例）',
  manufacturer: '製造元（例）',
  lot: ' exo-２０２６-041 ',
  expiryDate: '2026-04-08',
  volumeMl: 100,
  route: 'intravenous',
  startedAt: '2026-04-08T10:00:00+09:00',
  endedAt: '2026-04-08T10:45:00+09:00',
  vitalsBefore: { ...vitals, measuredAt: '2026-04-08T09:50:00+09:00' },
  vitalsAfter: { ...vitals, heartRateBpm: 80, measuredAt: '2026-04-08T11:00:00+09:00' },
  nurseId: 'ns-ito',
};

function details(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.issues.map((d) => ({ path: d.path, message: d.key }));
  }
  assert.fail('expected an error');
}

test('a complete infusion record validates; the lot gets a search key', () => {
  const r = validateInfusionRecord(infusion, opts);
  assert.equal(r.lot, 'exo-２０２６-041');
  assert.equal(r.lotKey, 'EXO-2026-041');
  assert.equal(r.volumeMl, 100);
  const other = validateInfusionRecord({ ...infusion, id: 'inf-2', enrolmentId: 'enr-2', lot: 'EXO-2026-042' }, opts);
  assert.deepEqual(
    recordsWithLot([r, other], 'Exo-2026-041').map((x) => x.enrolmentId),
    ['enr-1'],
  );
});

test('dosing a withdrawn patient is refused before anything else', () => {
  assert.throws(
    () => validateInfusionRecord(infusion, { ...opts, enrolmentStatus: 'withdrawn' }),
    (e: unknown) =>
      e instanceof DomainError &&
      e.code === 'invalid_state' &&
      e.key === 'enrolment.dosing_not_allowed' &&
      e.issues[0]?.path === 'enrolmentStatus',
  );
  assert.throws(
    () => validateTmsRecord({}, { ...opts, enrolmentStatus: 'completed' }),
    (e: unknown) => e instanceof DomainError && e.code === 'invalid_state',
  );
});

test('an expired product is refused, judged on the infusion date in the clinic zone', () => {
  assert.deepEqual(
    details(() => validateInfusionRecord({ ...infusion, expiryDate: '2026-04-07' }, opts)),
    [{ path: 'expiryDate', message: 'treatment.product_expired' }],
  );
  // 2026-04-07T23:30 in UTC is already the 8th in Tokyo: the product expired on the 7th.
  assert.deepEqual(
    details(() =>
      validateInfusionRecord(
        {
          ...infusion,
          expiryDate: '2026-04-07',
          startedAt: '2026-04-07T23:30:00Z',
          endedAt: '2026-04-08T00:10:00Z',
          vitalsBefore: vitals,
          vitalsAfter: vitals,
        },
        opts,
      ),
    ).map((d) => d.path),
    ['expiryDate'],
  );
});

test('missing dose and volume, end before start, implausible vitals: every field named', () => {
  const d = details(() =>
    validateInfusionRecord(
      {
        ...infusion,
        volumeMl: undefined,
        lot: '',
        endedAt: '2026-04-08T09:00:00+09:00',
        vitalsBefore: { ...vitals, systolicMmHg: 1180, temperatureC: 365 },
        vitalsAfter: { ...vitals, diastolicMmHg: 130, systolicMmHg: 120 },
      },
      opts,
    ),
  );
  assert.deepEqual(d, [
    { path: 'lot', message: 'programs.field.required' },
    { path: 'dose', message: 'treatment.dose_or_volume_required' },
    { path: 'endedAt', message: 'programs.field.end_before_start' },
    { path: 'vitalsBefore.systolicMmHg', message: 'programs.field.out_of_range' },
    { path: 'vitalsBefore.temperatureC', message: 'programs.field.out_of_range' },
    { path: 'vitalsAfter.diastolicMmHg', message: 'treatment.diastolic_not_below_systolic' },
  ]);
  assert.deepEqual(
    details(() => validateInfusionRecord({ ...infusion, dose: { value: 0, unit: 'particles' } }, opts)),
    [{ path: 'dose.value', message: 'programs.field.not_positive' }],
  );
  assert.equal(
    validateInfusionRecord({ ...infusion, volumeMl: undefined, dose: { value: 2e10, unit: 'particles' }, weightKg: 60 }, opts).dose?.value,
    2e10,
  );
});

test('the error text names the limits in both languages', () => {
  try {
    validateInfusionRecord({ ...infusion, vitalsBefore: { ...vitals, temperatureC: 365 } }, opts);
    assert.fail();
  } catch (e) {
    const d = (e as DomainError).issues[0]!;
    assert.equal(formatMessage(d.key, d.params, 'ja'), '30〜43℃の範囲で入力してください（入力値: 365）。');
    assert.equal(formatMessage(d.key, d.params, 'en'), 'Enter a value between 30 and 43 ℃ (entered: 365).');
  }
});

const tms: TmsRecordInput = {
  id: 'tms-1',
  enrolmentId: 'enr-9',
  sessionNumber: 1,
  target: 'left_dlpfc',
  protocol: 'rtms_10hz',
  frequencyHz: 10,
  pulses: 3000,
  intensityPercentMt: 120,
  motorThresholdPercentMso: 55,
  startedAt: '2026-04-30T10:00:00+09:00',
  endedAt: '2026-04-30T10:37:30+09:00',
  operatorId: 'ns-ito',
  seizureScreening: { screenedOn: '2026-04-23', result: 'no_risk_found' },
};

test('a TMS record validates; protocol and frequency must agree; intensity within 10–150 % MT', () => {
  assert.equal(validateTmsRecord(tms, opts).pulses, 3000);
  assert.equal(validateTmsRecord({ ...tms, protocol: 'itbs', frequencyHz: 50, pulses: 600 }, opts).protocol, 'itbs');
  assert.deepEqual(
    details(() => validateTmsRecord({ ...tms, frequencyHz: 1 }, opts)),
    [{ path: 'frequencyHz', message: 'treatment.tms_frequency_mismatch' }],
  );
  assert.deepEqual(
    details(() => validateTmsRecord({ ...tms, intensityPercentMt: 1200 }, opts)),
    [{ path: 'intensityPercentMt', message: 'programs.field.out_of_range' }],
  );
  assert.deepEqual(
    details(() => validateTmsRecord({ ...tms, target: 'other', pulses: 30.5, operatorId: undefined }, opts)),
    [
      { path: 'targetOther', message: 'programs.field.required' },
      { path: 'pulses', message: 'programs.field.not_integer' },
      { path: 'operatorId', message: 'programs.field.required' },
    ],
  );
});
