import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from './parse-csv.ts';

test('quoted cells keep commas, quotes and line breaks; CRLF and a BOM are handled', () => {
  assert.deepEqual(parseCsv('\ufeffa,b\r\n1,"x, ""y"""\r\n2,"two\nlines"\n'), [['a', 'b'], ['1', 'x, "y"'], ['2', 'two\nlines']]);
});

test('empty cells stay empty strings and blank lines are skipped', () => {
  assert.deepEqual(parseCsv('a,b,c\n\n1,,3\n,,\n'), [['a', 'b', 'c'], ['1', '', '3'], ['', '', '']]);
  assert.deepEqual(parseCsv(''), []);
  assert.deepEqual(parseCsv('a\n""\n'), [['a'], ['']]);
});
