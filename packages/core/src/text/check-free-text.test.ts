import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFreeText, hasControlCharacters } from './check-free-text.ts';

test('markup is kept verbatim as plain text', () => {
  const s = '<script>alert("x")</script> & <b>頭痛</b>';
  assert.deepEqual(checkFreeText(s, { maxLength: 100 }), { ok: true, value: s, length: [...s].length });
});

test('control characters and bidi overrides are rejected; newlines only in long text', () => {
  assert.ok(hasControlCharacters('a\u0000b'));
  assert.ok(hasControlCharacters('a\u001bb'));
  assert.ok(hasControlCharacters('a\u0085b'));
  assert.ok(hasControlCharacters('abc\u202Edef'));
  assert.ok(hasControlCharacters('x\uD800y'));
  assert.ok(hasControlCharacters('1\n2'));
  assert.ok(!hasControlCharacters('1\n2\t3', { multiline: true }));
  assert.ok(!hasControlCharacters('絵文字😀'));
  assert.equal(checkFreeText('a\u0007', { maxLength: 10 }).ok, false);
});

test('length counts code points, line endings become \\n, ends are trimmed', () => {
  assert.deepEqual(checkFreeText('  😀😀\r\n行  ', { maxLength: 4, multiline: true }), { ok: true, value: '😀😀\n行', length: 4 });
  assert.deepEqual(checkFreeText('あいうえお', { maxLength: 4 }), { ok: false, reason: 'too_long', length: 5 });
});
