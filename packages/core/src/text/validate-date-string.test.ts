import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRealDate, normalizeDateString, validateDateString } from './validate-date-string.ts';
import { normalizePostalCode } from './normalize-postal-code.ts';

test('impossible calendar dates are rejected', () => {
  assert.deepEqual(validateDateString('2026-02-30'), { ok: false, reason: 'not_a_date' });
  assert.deepEqual(validateDateString('2026-02-29'), { ok: false, reason: 'not_a_date' });
  assert.deepEqual(validateDateString('2026-13-01'), { ok: false, reason: 'not_a_date' });
  assert.deepEqual(validateDateString('2026-04-31'), { ok: false, reason: 'not_a_date' });
  assert.deepEqual(validateDateString('2026-00-10'), { ok: false, reason: 'not_a_date' });
  assert.deepEqual(validateDateString('2024-02-29'), { ok: true, value: '2024-02-29' });
  assert.ok(!isRealDate(1900, 2, 29));
  assert.ok(isRealDate(2000, 2, 29));
});

test('typed forms are normalised; nonsense is a format error', () => {
  assert.equal(normalizeDateString('２０１２/５/１'), '2012-05-01');
  assert.equal(normalizeDateString('2012年5月1日'), '2012-05-01');
  assert.equal(normalizeDateString('2012.05.01'), '2012-05-01');
  // The WEB問診 hint says 「19900615 も可」: eight digits, half- or full-width, are a date.
  assert.equal(normalizeDateString('19900615'), '1990-06-15');
  assert.equal(normalizeDateString('１９９００６１５'), '1990-06-15');
  assert.deepEqual(validateDateString('19900230'), { ok: false, reason: 'not_a_date' });
  assert.deepEqual(validateDateString('1990061'), { ok: false, reason: 'format' });
  assert.deepEqual(validateDateString('5/1/2012'), { ok: false, reason: 'format' });
  assert.deepEqual(validateDateString('yesterday'), { ok: false, reason: 'format' });
  assert.deepEqual(validateDateString(''), { ok: false, reason: 'empty' });
});

test('future and implausible birth dates are rejected relative to the given today', () => {
  const today = '2026-11-29';
  assert.deepEqual(validateDateString('2026-11-30', { today, notFuture: true }), { ok: false, reason: 'future' });
  assert.deepEqual(validateDateString('2026-11-29', { today, notFuture: true }), { ok: true, value: '2026-11-29' });
  assert.deepEqual(validateDateString('2027-01-01', { today, birthDate: true }), { ok: false, reason: 'future' });
  assert.deepEqual(validateDateString('1900-06-01', { today, birthDate: true }), { ok: false, reason: 'implausible' });
  assert.deepEqual(validateDateString('1930-06-01', { today, birthDate: true }), { ok: true, value: '1930-06-01' });
  // Future dates are fine when not forbidden (a planned visit).
  assert.deepEqual(validateDateString('2027-01-01', { today }), { ok: true, value: '2027-01-01' });
});

test('postal codes accept 〒, full width and hyphen variants', () => {
  for (const v of ['123-4567', '1234567', '〒123-4567', '〒 １２３－４５６７', '123ー4567']) {
    assert.deepEqual(normalizePostalCode(v), { ok: true, digits: '1234567', display: '123-4567' }, v);
  }
  assert.deepEqual(normalizePostalCode('123-456'), { ok: false, reason: 'format' });
  assert.deepEqual(normalizePostalCode('abc-defg'), { ok: false, reason: 'format' });
  assert.deepEqual(normalizePostalCode(''), { ok: false, reason: 'empty' });
});
