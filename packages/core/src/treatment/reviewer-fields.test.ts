import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { formatMessage } from '../programs/messages.ts';
import { validateInfusionRecord, type InfusionRecordInput } from './infusion-record.ts';
import { validateTmsRecord, type TmsRecordInput } from './tms-record.ts';
import { lotReleaseProblems, validateProductLot, type ProductLotInput } from './product-lot.ts';
import { certificateMediaType, CERTIFICATE_MAX_BYTES } from './certificate-file.ts';
import { checkSessionWindow } from './session-window.ts';
import { assertTreatmentAge } from './tms-age.ts';

const opts = { enrolmentStatus: 'active', zone: 'Asia/Tokyo' } as const;
const vitals = { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 36.5, spo2Percent: 98, respiratoryRatePerMin: 16 };

function paths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.issues.map((i) => `${i.path}:${i.key}`);
  }
  assert.fail('expected an error');
}

const lot: ProductLotInput = {
  id: 'lot-1', programId: 'exo', product: 'エクソソーム製剤（例）', manufacturer: '製造元（例）',
  cellSource: 'umbilical_cord', donorRelation: 'allogeneic', acquisitionRoute: 'domestic_supplier', regulatoryStatus: 'unapproved_in_japan',
  lot: 'exo-2026-041', expiryDate: '2027-03-31', receivedOn: '2026-11-20',
  particlesPerMl: 1e10, particleMethod: 'nta', volumePerVialMl: 2, storageTemperatureC: -80,
  coa: { testedOn: '2026-11-10', sterility: 'pass', endotoxinEuPerMl: 0.05, endotoxin: 'pass', mycoplasma: 'pass' },
};

test('a product lot with its certificate results validates; a failed test or a missing file blocks release', () => {
  const l = validateProductLot(lot);
  assert.equal(l.lotKey, 'EXO-2026-041');
  assert.deepEqual(lotReleaseProblems(l, { certificateAttached: true }), []);
  assert.deepEqual(lotReleaseProblems(l, { certificateAttached: false }), ['treatment.lot_certificate_missing']);
  const failed = validateProductLot({ ...lot, coa: { ...lot.coa, mycoplasma: 'fail' } });
  assert.deepEqual(lotReleaseProblems(failed, { certificateAttached: true }), ['treatment.lot_test_failed']);
});

test('a lot names every missing or wrong field at once', () => {
  assert.deepEqual(
    paths(() => validateProductLot({ ...lot, cellSource: 'other', acquisitionRoute: 'other', particleMethod: 'guess', receivedOn: '2027-04-01', coa: { testedOn: '2026-11-10', sterility: 'ok' } })),
    [
      'cellSourceOther:programs.field.required',
      'acquisitionNote:programs.field.required',
      'particleMethod:programs.field.not_allowed',
      'coa.sterility:programs.field.not_allowed',
      'coa.endotoxinEuPerMl:programs.field.required',
      'coa.endotoxin:programs.field.required',
      'coa.mycoplasma:programs.field.required',
      'receivedOn:treatment.lot_received_after_expiry',
    ],
  );
});

test('a certificate file is judged by its first bytes, not its name: PDF, PNG, JPEG; empty or over 5 MB refused', () => {
  const enc = new TextEncoder();
  assert.equal(certificateMediaType(enc.encode('%PDF-1.7\n…')), 'application/pdf');
  assert.equal(certificateMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
  assert.equal(certificateMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.deepEqual(paths(() => certificateMediaType(enc.encode('<html>not a pdf</html>'))), ['certificate:treatment.certificate_type']);
  assert.deepEqual(paths(() => certificateMediaType(new Uint8Array())), ['certificate:treatment.certificate_empty']);
  const big = new Uint8Array(CERTIFICATE_MAX_BYTES + 1);
  big.set(enc.encode('%PDF-'));
  assert.deepEqual(paths(() => certificateMediaType(big)), ['certificate:treatment.certificate_too_large']);
});

const infusion: InfusionRecordInput = {
  id: 'inf-1', enrolmentId: 'enr-1', sessionNumber: 1, product: 'エクソソーム製剤（例）', manufacturer: '製造元（例）', lot: 'EXO-2026-041', expiryDate: '2027-03-31',
  route: 'intravenous', startedAt: '2026-12-14T10:00:00+09:00', endedAt: '2026-12-14T10:45:00+09:00',
  vitalsBefore: { ...vitals, measuredAt: '2026-12-14T09:50:00+09:00' }, vitalsAfter: { ...vitals, measuredAt: '2026-12-14T11:15:00+09:00' }, nurseId: 'ns-ito',
};

test('a dose in particles needs the weight and gets its per-kg dose; mL needs none', () => {
  const r = validateInfusionRecord({
    ...infusion, dose: { value: 2e10, unit: 'particles' }, weightKg: 62.5, storageTemperatureC: -80, thawedAt: '2026-12-14T09:30:00+09:00',
    diluent: '生理食塩水', diluentVolumeMl: 100, rateMlPerHour: 150, premedication: 'なし',
    vitalsDuring: { ...vitals, respiratoryRatePerMin: 18, measuredAt: '2026-12-14T10:20:00+09:00' },
    observation: { minutes: 30, observerId: 'ns-ito', observerName: '伊藤' },
  }, opts);
  assert.deepEqual(r.dosePerKg, { value: 3.2e8, unit: 'particles' });
  assert.equal(r.vitalsDuring?.respiratoryRatePerMin, 18);
  assert.equal(r.observation?.minutes, 30);
  assert.deepEqual(paths(() => validateInfusionRecord({ ...infusion, dose: { value: 20, unit: 'mg' } }, opts)), ['weightKg:programs.field.required']);
  assert.equal(validateInfusionRecord({ ...infusion, dose: { value: 2, unit: 'mL' } }, opts).dose?.unit, 'mL');
  assert.deepEqual(
    paths(() => validateInfusionRecord({ ...infusion, volumeMl: 2, thawedAt: '2026-12-14T10:30:00+09:00', vitalsDuring: { ...vitals, respiratoryRatePerMin: 99, measuredAt: '2026-12-14T12:00:00+09:00' } }, opts)),
    ['vitalsDuring.respiratoryRatePerMin:programs.field.out_of_range', 'vitalsDuring.measuredAt:treatment.vitals_during_outside', 'thawedAt:treatment.thawed_after_start'],
  );
});

test('a dose on 12/07 before its window 12/12–16 needs a reason; with one it is kept, inside the window nothing is asked', () => {
  const w = { sessionNumber: 1, date: '2026-12-07', windowStart: '2026-12-12', windowEnd: '2026-12-16' };
  assert.equal(checkSessionWindow({ ...w, date: '2026-12-12' }), undefined);
  assert.equal(checkSessionWindow({ ...w, date: '2026-12-16' }), undefined);
  try {
    checkSessionWindow(w);
    assert.fail();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    assert.equal(e.code, 'conflict');
    assert.deepEqual(e.extra, { needsConfirmation: 'outside_window', windowStart: '2026-12-12', windowEnd: '2026-12-16', date: '2026-12-07' });
    assert.match(formatMessage(e.key, e.params, 'ja'), /第1回の投与日 2026-12-07 は予定の範囲 2026-12-12〜2026-12-16 の外です/);
  }
  assert.deepEqual(paths(() => checkSessionWindow({ ...w, reason: '  ' })), ['outsideWindowReason:treatment.outside_window_reason']);
  assert.deepEqual(checkSessionWindow({ ...w, reason: ' 出張のため前倒し ' }), { windowStart: '2026-12-12', windowEnd: '2026-12-16', reason: '出張のため前倒し' });
});

test('a TMS program refuses 17 years 364 days and takes 18 years 0 days; other treatments are not limited here', () => {
  const on = '2026-12-07';
  assert.throws(
    () => assertTreatmentAge({ treatment: 'tms', birthDate: '2008-12-08', on }),
    (e: unknown) => e instanceof DomainError && e.code === 'invalid_state' && e.key === 'treatment.tms_under_18' && e.params.age === 17,
  );
  assert.doesNotThrow(() => assertTreatmentAge({ treatment: 'tms', birthDate: '2008-12-07', on }));
  assert.doesNotThrow(() => assertTreatmentAge({ treatment: 'infusion', birthDate: '2010-01-01', on }));
  assert.throws(() => assertTreatmentAge({ treatment: 'tms', birthDate: null, on }), (e: unknown) => e instanceof DomainError && e.key === 'treatment.tms_birth_date_required');
  assert.match(formatMessage('treatment.tms_under_18', { age: 17, minAge: 18 }, 'en'), /cannot enrol anyone under 18 \(this patient is 17\)/);
});

const tms: TmsRecordInput = {
  id: 'tms-1', enrolmentId: 'enr-9', sessionNumber: 1, target: 'left_dlpfc', protocol: 'rtms_10hz', frequencyHz: 10, pulses: 3000, intensityPercentMt: 120,
  device: 'NeuroStar（例）', coil: '8の字コイル', targeting: 'beam_f3', trains: 75, interTrainIntervalS: 26, sessionsPerDay: 1,
  motorThreshold: { kind: 'resting', method: 'visual', measuredOn: '2026-12-07', percentMso: 55 },
  seizureScreening: { screenedOn: '2026-12-01', result: 'no_risk_found' },
  startedAt: '2026-12-07T10:00:00+09:00', endedAt: '2026-12-07T10:37:30+09:00', operatorId: 'ns-ito',
};

test('a TMS session keeps device, threshold with method and date, targeting, trains; the first needs seizure screening', () => {
  const r = validateTmsRecord(tms, opts);
  assert.equal(r.motorThresholdPercentMso, 55);
  assert.equal(r.targeting, 'beam_f3');
  assert.deepEqual(paths(() => validateTmsRecord({ ...tms, seizureScreening: undefined }, opts)), ['seizureScreening:treatment.tms_seizure_screening_required']);
  assert.equal(validateTmsRecord({ ...tms, sessionNumber: 2, seizureScreening: undefined }, opts).sessionNumber, 2);
  assert.deepEqual(
    paths(() => validateTmsRecord({ ...tms, trains: 70, seizureScreening: { screenedOn: '2026-12-08', result: 'risk_found', notes: 'てんかんの既往' }, motorThreshold: { ...(tms.motorThreshold as object), measuredOn: '2026-12-08' } }, opts)),
    ['seizureScreening.result:treatment.tms_seizure_risk', 'seizureScreening.screenedOn:treatment.tms_screening_after_start', 'motorThreshold.measuredOn:treatment.tms_threshold_after_start', 'trains:treatment.tms_trains_uneven'],
  );
});
