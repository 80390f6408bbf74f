import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvDocument } from './csv-document.ts';
import { csvLine } from './csv-line.ts';

test('csvDocument: a byte-order mark, then every line ended by CRLF', () => {
  assert.equal(csvDocument([csvLine(['id', '氏名']), csvLine(['1', '見本 花子'])]), '\uFEFFid,氏名\r\n1,見本 花子\r\n');
  assert.equal(csvDocument([]), '\uFEFF');
});
