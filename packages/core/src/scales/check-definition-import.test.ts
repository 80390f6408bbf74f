import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyTextPack } from './apply-text-pack.ts';
import { builtinScales } from './builtin/index.ts';
import { madrs } from './builtin/madrs.ts';
import { phq9 } from './builtin/phq9.ts';
import { checkDefinitionImport } from './check-definition-import.ts';
import { parseScaleDefinition } from './validate-scale-definition.ts';

const edited = (f: (d: any) => void) => {
  const d = JSON.parse(JSON.stringify(phq9));
  f(d);
  return parseScaleDefinition(d);
};

test('re-importing a built-in unchanged is a no-op; a new id is a new scale', () => {
  assert.deepEqual(checkDefinitionImport({ candidate: edited(() => {}), existing: builtinScales }), { ok: true, decision: 'unchanged' });
  assert.deepEqual(checkDefinitionImport({ candidate: edited((d) => (d.id = 'my_phq')), existing: builtinScales }), { ok: true, decision: 'new-scale' });
});

test('the same version with other bands is refused: stored scores would change meaning', () => {
  const tampered = edited((d) => {
    d.bandSets[0].bands[2].max = 15;
    d.bandSets[0].bands[3].min = 16;
  });
  const r = checkDefinitionImport({ candidate: tampered, existing: builtinScales });
  assert.equal(r.ok, false);
  assert.equal(r.ok ? '' : r.issues[0].key.split('.')[1], 'version_conflict');
  const bumped = edited((d) => {
    d.version = '1.1.0';
    d.bandSets[0].bands[2].max = 15;
    d.bandSets[0].bands[3].min = 16;
  });
  assert.deepEqual(checkDefinitionImport({ candidate: bumped, existing: builtinScales }), { ok: true, decision: 'new-version' });
  const older = edited((d) => (d.version = '0.9.0'));
  const o = checkDefinitionImport({ candidate: older, existing: builtinScales });
  assert.equal(o.ok ? '' : o.issues[0].key.split('.')[1], 'version_not_newer');
});

test('a licensed text pack keeps the version: wording-only change', () => {
  const items: Record<string, unknown> = {};
  for (const it of madrs.items) items[it.id] = { text: { en: `text ${it.id}` } };
  const r = applyTextPack(madrs, { scaleId: 'madrs', scaleVersion: '1.0.0', licensee: 'Clinic', items });
  assert.ok(r.ok);
  assert.deepEqual(checkDefinitionImport({ candidate: r.definition, existing: builtinScales }), { ok: true, decision: 'text-update' });
});
