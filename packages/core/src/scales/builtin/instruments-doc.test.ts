import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { validateScaleDefinition } from '../validate-scale-definition.ts';
import { builtinScales } from './index.ts';

const doc = readFileSync(new URL('../../../../../docs/instruments.md', import.meta.url), 'utf8');

test('docs/instruments.md has a row for every built-in scale with its licence class and bands', () => {
  for (const d of builtinScales) {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${d.id}\` |`));
    assert.ok(row, `no row for ${d.id}`);
    assert.ok(row.includes(`| ${d.licence.class} (${d.licence.status}) |`), `${d.id}: licence class`);
    const set = d.bandSets.find((s) => s.id === d.defaultBandSet);
    for (const b of set?.bands ?? []) assert.ok(row.includes(b.id), `${d.id}: band ${b.id}`);
  }
});

test('the custom definition example in docs/instruments.md is accepted by the validator', () => {
  const block = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
  assert.ok(block, 'no JSON example');
  const r = validateScaleDefinition(JSON.parse(block));
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues));
});
