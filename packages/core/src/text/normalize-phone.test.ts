import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPhoneDisplay, isValidPhone, normalizePhone } from './normalize-phone.ts';

test('mobile numbers in every common spelling give one E.164', () => {
  for (const v of [
    '090-1234-5678',
    '09012345678',
    '０９０－１２３４－５６７８',
    '０９０ー１２３４ー５６７８',
    '090 1234 5678',
    '(090)1234-5678',
    '+81 90-1234-5678',
    '+81 (0)90 1234 5678',
    '+819012345678',
    '0081-90-1234-5678',
    '＋８１９０１２３４５６７８',
  ]) {
    const r = normalizePhone(v);
    assert.ok(r.ok, v);
    assert.equal(r.e164, '+819012345678', v);
    assert.equal(r.national, '09012345678');
    assert.equal(r.display, '090-1234-5678');
    assert.equal(r.kind, 'mobile');
  }
});

test('fixed, IP and free-dial numbers are grouped for display', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['0312345678', '03-1234-5678', 'fixed'],
    ['06-1234-5678', '06-1234-5678', 'fixed'],
    ['045-123-4567', '045-123-4567', 'fixed'],
    ['050-1234-5678', '050-1234-5678', 'ip'],
    ['0120-123-456', '0120-123-456', 'toll_free'],
    ['0800-123-4567', '0800-123-4567', 'toll_free'],
    ['0570-123-456', '0570-123-456', 'navi_dial'],
    ['070-1234-5678', '070-1234-5678', 'mobile'],
  ];
  for (const [input, display, kind] of cases) {
    const r = normalizePhone(input);
    assert.ok(r.ok, input);
    assert.equal(r.display, display);
    assert.equal(r.kind, kind);
  }
  assert.equal(formatPhoneDisplay('+81312345678'), '03-1234-5678');
  assert.equal(formatPhoneDisplay('not a number'), 'not a number');
});

test('wrong length, prefix, characters and foreign numbers are rejected with a reason', () => {
  assert.deepEqual(normalizePhone('090-1234-567'), { ok: false, reason: 'length' });
  assert.deepEqual(normalizePhone('090-1234-56789'), { ok: false, reason: 'length' });
  assert.deepEqual(normalizePhone('03-1234-56789'), { ok: false, reason: 'length' });
  assert.deepEqual(normalizePhone('0120-123-4567'), { ok: false, reason: 'length' });
  assert.deepEqual(normalizePhone('9012345678'), { ok: false, reason: 'prefix' });
  assert.deepEqual(normalizePhone('110'), { ok: false, reason: 'prefix' });
  assert.deepEqual(normalizePhone('0012345678'), { ok: false, reason: 'foreign' });
  assert.deepEqual(normalizePhone('+1 415 555 0100'), { ok: false, reason: 'foreign' });
  assert.deepEqual(normalizePhone('090-abcd-5678'), { ok: false, reason: 'characters' });
  assert.deepEqual(normalizePhone('  '), { ok: false, reason: 'empty' });
  assert.ok(!isValidPhone('000-0000-0000'));
  assert.ok(isValidPhone('03(1234)5678'));
});
