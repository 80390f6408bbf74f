/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordProblem } from './password-rules.ts';
import { groupSecret, svgDataUrl } from './totp-display.ts';

test('the secret is shown in groups of four', () => {
  assert.equal(groupSecret('JBSWY3DPEHPK3PXP'), 'JBSW Y3DP EHPK 3PXP');
  assert.equal(groupSecret('JBSWY3DPEHPK3PXPA'), 'JBSW Y3DP EHPK 3PXP A');
});

test('the QR SVG becomes an image URL, with markup escaped', () => {
  const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>');
  assert.ok(url.startsWith('data:image/svg+xml;charset=utf-8,'));
  assert.ok(!url.includes('<'));
  // An <img> never runs scripts inside an SVG, and the markup round-trips intact.
  assert.equal(decodeURIComponent(url.split(',')[1] ?? ''), '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>');
});

test('a new password is long enough and confirmed', () => {
  assert.equal(passwordProblem('short', 'short'), 'short');
  assert.equal(passwordProblem('a long passphrase', 'a long passphrase!'), 'mismatch');
  assert.equal(passwordProblem('a long passphrase', 'a long passphrase'), null);
  // Counted in characters, not UTF-16 units: 12 kanji are enough.
  assert.equal(passwordProblem('見守り見守り見守り見守り', '見守り見守り見守り見守り'), null);
});
