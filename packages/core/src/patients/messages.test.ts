import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PATIENT_MESSAGES } from './messages.ts';

/** Field keys every feature shares: the server's base catalogue has them. */
const GENERIC = new Set(['required', 'invalid_date', 'invalid_email', 'invalid_phone']);

test('every key the patient checks emit has Japanese and English text', () => {
  const text = readFileSync(new URL('./check-patient-input.ts', import.meta.url), 'utf8');
  const used = new Set([...text.matchAll(/'((?:invalid|date|guardian)_[a-z_]+|required)'/g)].map((m) => m[1]!));
  assert.ok(used.size >= 8, `found only ${used.size} keys`);
  const missing = [...used].filter((k) => !GENERIC.has(k) && (!PATIENT_MESSAGES[k]?.ja || !PATIENT_MESSAGES[k]?.en));
  assert.deepEqual(missing, []);
});
