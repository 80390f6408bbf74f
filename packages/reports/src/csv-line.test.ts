import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvLine } from './csv-line.ts';

test('CSV cells are quoted per RFC 4180', () => {
  assert.equal(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3]), 'a,"b,c","say ""hi""","two\nlines",,3');
});

test('cells a spreadsheet would run as a formula are defused with an apostrophe', () => {
  assert.equal(csvLine(['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx', '山田']), `"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1),'\tx,山田`);
  assert.equal(csvLine([-5]), '-5', 'numbers stay numbers');
});
