import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeKana, normalizeFurigana, normalizeWidth, toHiragana, toKatakana } from './normalize-kana.ts';
import { isKana } from './is-kana.ts';

test('every spelling of the same reading gives one search key', () => {
  const key = normalizeKana('ヤマダ タロウ');
  for (const v of ['やまだ　たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞﾀﾛｳ', 'ヤマダ　　タロウ', ' やまだたろう ', 'ヤマタ゛タロウ']) {
    assert.equal(normalizeKana(v), key, v);
  }
  assert.equal(key, 'ヤマダタロウ');
});

test('half-width voiced and semi-voiced kana combine into one character', () => {
  assert.equal(normalizeKana('ｶﾞｷﾞｸﾞｹﾞｺﾞ'), 'ガギグゲゴ');
  assert.equal(normalizeKana('ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ'), 'パピプペポ');
  assert.equal(normalizeKana('ｳﾞｧｲｵﾘﾝ'), 'ヴァイオリン');
  assert.equal([...normalizeKana('ｶﾞ')].length, 1);
  assert.equal(normalizeKana('ゔぁいおりん'), 'ヴァイオリン');
  assert.equal(normalizeKana('は゜'), 'パ');
});

test('long-vowel marks: half-width, hyphens and dashes after kana become ー', () => {
  const want = 'コーヒー';
  for (const v of ['ｺｰﾋｰ', 'こーひー', 'コ-ヒ-', 'コ－ヒ－', 'コ—ヒ―', 'こ−ひ−']) assert.equal(normalizeKana(v), want, v);
  // A hyphen between Latin letters or digits is not a long vowel.
  assert.equal(normalizeKana('A-1'), 'a-1');
});

test('full-width Latin letters and digits fold to lower-case ASCII', () => {
  assert.equal(normalizeKana('ＳＭＩＴＨ　Ｊｏｈｎ１２'), 'smithjohn12');
  assert.equal(normalizeWidth('ＡＢ　１２'), 'AB 12');
});

test('different readings stay different', () => {
  assert.notEqual(normalizeKana('サトウ'), normalizeKana('サトオ'));
  assert.notEqual(normalizeKana('ハ'), normalizeKana('バ'));
  assert.notEqual(normalizeKana('ツ'), normalizeKana('ッ'));
});

test('furigana storage form keeps one space between words and uses katakana', () => {
  assert.equal(normalizeFurigana('やまだ　　ﾀﾛｰ '), 'ヤマダ タロー');
  assert.equal(toKatakana('きょう'), 'キョウ');
  assert.equal(toHiragana('キョウ・ヴ'), 'きょう・ゔ');
});

test('isKana accepts hiragana, katakana, half-width kana, spaces and ー only', () => {
  for (const ok of ['やまだ たろう', 'ヤマダ　タロウ', 'ﾔﾏﾀﾞ ﾀﾛｰ', 'スミス・ジョン', 'コ-ヒー', 'ゆう゛']) assert.ok(isKana(ok), ok);
  for (const bad of ['山田', 'yamada', 'ヤマダ1', '', '   ', 'ー', 'ヤマダ<b>', 'ヤマダ\n']) assert.ok(!isKana(bad), JSON.stringify(bad));
});
