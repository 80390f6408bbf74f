import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEDULING_MESSAGES } from './messages.ts';

const here = new URL('.', import.meta.url).pathname;

/** Message keys named in scheduling's sources: `key: '…'` and every `'booking.…'` literal. */
function usedKeys(): Set<string> {
  const used = new Set<string>();
  for (const n of readdirSync(here)) {
    if (!n.endsWith('.ts') || n.endsWith('.test.ts') || n === 'messages.ts' || n === 'test-fixtures.ts') continue;
    const text = readFileSync(join(here, n), 'utf8');
    for (const m of text.matchAll(/key: '([a-z0-9_.]+)'/g)) used.add(m[1]!);
    for (const m of text.matchAll(/'(booking\.[a-z0-9_]+)'/g)) used.add(m[1]!);
    // Configuration issues pick between two keys: `c.kind === 'dates' ? 'date_invalid' : 'month_day_invalid'`.
    for (const m of text.matchAll(/\? '([a-z_]+_invalid)' : '([a-z_]+_invalid)'/g)) used.add(m[1]!).add(m[2]!);
  }
  return used;
}

test('every message key scheduling emits has Japanese and English text', () => {
  const used = usedKeys();
  assert.ok(used.size > 25, `found only ${used.size} keys`);
  // `required` is a key of the server's base catalogue, shared by every feature.
  const missing = [...used].filter((k) => k !== 'required' && (!SCHEDULING_MESSAGES[k]?.ja || !SCHEDULING_MESSAGES[k]?.en));
  assert.deepEqual(missing, []);
});

test('both languages of a message take the same placeholders', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, m] of Object.entries(SCHEDULING_MESSAGES)) assert.deepEqual(names(m.en), names(m.ja), key);
});
