import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hex } from './sha256.ts';
import { priceBreakdown } from './price.ts';
import { registryKind, registryUrl } from './registry-id.ts';
import { addDays, daysBetween, isLocalDate as isIsoDate } from '../time/index.ts';
import { ageOn } from '../patients/patient.ts';
import { isIsoInstant, clinicDate, zonedTimeToInstant } from '../time/index.ts';
import { icd10Matches, isIcd10Code } from './icd10.ts';

test('sha256Hex matches the FIPS 180-4 vectors and UTF-8 input', () => {
  assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(
    sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
  // Compare with Node's implementation on multi-byte text and on lengths around the block edge.
  for (const s of ['同意書 第1版', '😀 emoji', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'あ'.repeat(1000)])
    assert.equal(sha256Hex(s), createHash('sha256').update(s, 'utf8').digest('hex'), s.slice(0, 10));
});

test('consumption tax is computed once on integer yen with the stated rounding', () => {
  assert.deepEqual(priceBreakdown({ amountExclTaxYen: 300_000, taxRatePercent: 10, rounding: 'floor' }), {
    exclTaxYen: 300000,
    taxYen: 30000,
    inclTaxYen: 330000,
    taxRatePercent: 10,
    rounding: 'floor',
  });
  const odd = { amountExclTaxYen: 12_345, taxRatePercent: 10 } as const;
  assert.equal(priceBreakdown({ ...odd, rounding: 'floor' }).taxYen, 1234);
  assert.equal(priceBreakdown({ ...odd, rounding: 'ceil' }).taxYen, 1235);
  assert.equal(priceBreakdown({ ...odd, rounding: 'round' }).taxYen, 1235);
  assert.equal(priceBreakdown({ amountExclTaxYen: 12_344, taxRatePercent: 10, rounding: 'round' }).taxYen, 1234);
  assert.equal(priceBreakdown({ amountExclTaxYen: 12_340, taxRatePercent: 10, rounding: 'ceil' }).taxYen, 1234);
});

test('registry ids: jRCT and UMIN-CTR formats', () => {
  assert.equal(registryKind('jRCTs031180032'), 'jrct');
  assert.equal(registryKind('jRCT2031210123'), 'jrct');
  assert.equal(registryKind('UMIN000012345'), 'umin_ctr');
  for (const bad of ['JRCTs031180032', 'jRCTs03118003', 'UMIN00001234', 'umin000012345', 'NCT01234567', ''])
    assert.equal(registryKind(bad), undefined, bad);
  assert.equal(registryUrl('jRCTb030190173'), 'https://jrct.mhlw.go.jp/latest-detail/jRCTb030190173');
});

test('civil dates: calendar arithmetic, zones and age', () => {
  assert.ok(isIsoDate('2028-02-29'));
  assert.ok(!isIsoDate('2026-02-29'));
  assert.ok(!isIsoDate('2026-2-1'));
  assert.equal(addDays('2026-12-30', 3), '2027-01-02');
  assert.equal(daysBetween('2026-03-01', '2026-02-15'), -14);
  assert.ok(!isIsoInstant('2026-03-02T10:00:00'));
  assert.ok(isIsoInstant('2026-03-02T10:00:00.123Z'));
  assert.equal(clinicDate('2026-03-01T15:00:00Z', 'Asia/Tokyo'), '2026-03-02');
  assert.equal(clinicDate('2026-03-01T14:59:59Z', 'Asia/Tokyo'), '2026-03-01');
  // Across a DST change in a zone that has one.
  assert.equal(clinicDate('2026-03-08T07:30:00Z', 'America/Los_Angeles'), '2026-03-07');
  assert.equal(ageOn('2010-04-02', '2026-04-01'), 15);
  assert.equal(ageOn('2010-04-02', '2026-04-02'), 16);
  assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
  assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
});

test('wall-clock lab times are read in the clinic zone; a time skipped by DST is refused', () => {
  assert.equal(zonedTimeToInstant('2026-04-08 09:30', 'Asia/Tokyo'), '2026-04-08T00:30:00.000Z');
  assert.equal(zonedTimeToInstant('2026-04-08T09:30:15', 'Asia/Tokyo'), '2026-04-08T00:30:15.000Z');
  assert.equal(zonedTimeToInstant('2026-03-08 02:30', 'America/Los_Angeles'), undefined);
  // 01:30 happens twice on 1 November 2026 in Los Angeles: the earlier (PDT) instant is taken.
  assert.equal(zonedTimeToInstant('2026-11-01 01:30', 'America/Los_Angeles'), '2026-11-01T08:30:00.000Z');
  for (const bad of ['2026-02-30 09:00', '2026-04-08 24:00', '2026-04-08', '2026-04-08 9:30'])
    assert.equal(zonedTimeToInstant(bad, 'Asia/Tokyo'), undefined, bad);
  assert.throws(() => clinicDate('2026-03-01T15:00:00Z', 'Asia/Tokio'), (e: unknown) => (e as { key?: string }).key === 'time_zone_invalid');
});

test('ICD-10 prefix matching', () => {
  assert.ok(isIcd10Code('F32'));
  assert.ok(isIcd10Code('f41.1'));
  assert.ok(isIcd10Code('Ｆ３２．１'));
  assert.ok(!isIcd10Code('F3'));
  assert.ok(!isIcd10Code('32.1'));
  assert.ok(icd10Matches('F32.1', 'F32'));
  assert.ok(icd10Matches('F321', 'F32.1'));
  assert.ok(!icd10Matches('F33.0', 'F32'));
  assert.ok(!icd10Matches('F32', 'F32.1'));
});
