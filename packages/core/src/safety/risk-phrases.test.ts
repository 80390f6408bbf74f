import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenFreeText } from './risk-phrases.ts';

test('the issue\'s sentence is caught: wanting to disappear and an overdose attempt', () => {
  assert.deepEqual(screenFreeText('消えてしまいたい。昨日、薬をたくさん飲もうとした。'), ['消えたい', 'OD・過量服薬']);
});

test('Japanese phrases, including slang and full- or half-width letters', () => {
  assert.deepEqual(screenFreeText('もう死にたい'), ['死にたい']);
  assert.deepEqual(screenFreeText('昨日ＯＤした'), ['OD・過量服薬']);
  assert.deepEqual(screenFreeText('ｵｰﾊﾞｰﾄﾞｰｽﾞしそう'), ['OD・過量服薬']);
  assert.deepEqual(screenFreeText('リスカが止まらない'), ['リスカ・自傷']);
  assert.deepEqual(screenFreeText('自殺を考える'), ['自殺']);
});

test('English phrases, case-insensitive and on word boundaries', () => {
  assert.deepEqual(screenFreeText('Sometimes I want to die'), ['want to die']);
  assert.deepEqual(screenFreeText('I thought about Suicide'), ['suicide']);
  assert.deepEqual(screenFreeText('I took an overdose last year'), ['overdose']);
});

test('ordinary words that contain the letters are not hits', () => {
  assert.deepEqual(screenFreeText('odd period, method, good day'), []);
  assert.deepEqual(screenFreeText('気分の落ち込みと不眠'), []);
  assert.deepEqual(screenFreeText('Nodding off at work'), []);
});
