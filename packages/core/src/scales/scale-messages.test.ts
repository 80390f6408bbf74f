import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCALE_MESSAGES, scaleMessage } from './scale-messages.ts';

const src = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'scale-messages.ts').map((n) => join(dir, n));
}

const placeholders = (t: string) => new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/Ja$/, '')));

test('every issue key the scale checks and the FHIR import use has Japanese and English text', () => {
  const used = new Set<string>();
  for (const f of [...sources(join(src, 'scales')), ...sources(join(src, 'fhir'))]) {
    for (const m of readFileSync(f, 'utf8').matchAll(/'(scale\.[a-z_]+\.[a-z0-9_]+)'/g)) used.add(m[1]!);
  }
  assert.ok(used.size > 60, `found only ${used.size} keys`);
  assert.deepEqual([...used].filter((k) => !SCALE_MESSAGES[k]?.ja || !SCALE_MESSAGES[k]?.en), []);
});

test('both languages of a message take the same params', () => {
  for (const [key, t] of Object.entries(SCALE_MESSAGES)) assert.deepEqual(placeholders(t.ja), placeholders(t.en), key);
});

test('templates are filled from the issue params; an unknown key comes back as itself', () => {
  const params = { v: 4, id: 'q9', allowed: '0, 1, 2, 3' };
  assert.equal(scaleMessage('scale.out_of_range.answer_item_out', params, 'en'), 'the answer 4 to item q9 is out of range; allowed: 0, 1, 2, 3');
  assert.equal(scaleMessage('scale.out_of_range.answer_item_out', params, 'ja'), '項目 q9 の回答 4 は範囲外です（0, 1, 2, 3 のいずれか）');
  assert.equal(scaleMessage('scale.no_such', {}, 'ja'), 'scale.no_such');
});
