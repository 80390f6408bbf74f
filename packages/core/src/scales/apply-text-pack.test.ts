import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyTextPack, parseTextPack } from './apply-text-pack.ts';
import { madrs } from './builtin/madrs.ts';
import { phq9 } from './builtin/phq9.ts';
import { scoreScale } from './score-scale.ts';

function madrsPack(): any {
  const items: Record<string, unknown> = {};
  for (const it of madrs.items) items[it.id] = { text: { ja: `（許諾テキスト ${it.id}）`, en: `(licensed text ${it.id})` }, options: { '0': { en: 'anchor 0' }, '6': { en: 'anchor 6' } } };
  return { scaleId: 'madrs', scaleVersion: '1.0.0', licensee: 'Test Clinic', items };
}

test('a licensed text pack adds wording to a metadata-only scale and keeps its scoring', () => {
  const d = parseTextPack(madrs, madrsPack());
  assert.equal(d.textSource.kind, 'imported');
  assert.equal(d.licence.textIncluded, true);
  assert.equal(d.items[9].text?.en, '(licensed text q10)');
  assert.equal(d.items[0].options[6].label?.en, 'anchor 6');
  assert.equal(d.items[0].options[3].label, undefined);
  assert.equal(d.version, madrs.version);
  assert.deepEqual(d.scoring, madrs.scoring);
  const answers = Object.fromEntries(d.items.map((i) => [i.id, 3]));
  assert.equal(scoreScale(d, answers).total, scoreScale(madrs, answers).total);
  // The built-in definition itself is not changed.
  assert.equal(madrs.items[0].text, undefined);
});

test('a text pack for another scale or version, or with unknown items/options, is rejected with paths', () => {
  const p = madrsPack();
  p.scaleVersion = '2.0.0';
  p.items.q11 = { text: { en: 'x' } };
  p.items.q1.options['7'] = { en: 'x' };
  delete p.items.q2;
  const r = applyTextPack(madrs, p);
  assert.equal(r.ok, false);
  const paths = r.ok ? [] : r.issues.map((i) => `${i.path}:${i.key.split('.')[1]}`);
  assert.deepEqual(paths.sort(), ['items.q1.options.7:unknown_option', 'items.q11:unknown_item', 'items.q2:required', 'scaleVersion:mismatch']);
  assert.throws(() => parseTextPack(phq9, madrsPack()), /the pack is for "madrs", not "phq9"/);
});

test('a malformed text pack is rejected before anything is merged', () => {
  const r = applyTextPack(madrs, { scaleId: 'madrs', scaleVersion: '1.0.0', licensee: 'x', items: { q1: { text: 'plain' } }, extra: 1 });
  assert.equal(r.ok, false);
  const codes = r.ok ? [] : r.issues.map((i) => `${i.path}:${i.key.split('.')[1]}`);
  assert.ok(codes.includes('items.q1.text:wrong_type'));
  assert.ok(codes.includes('extra:unknown_field'));
});
