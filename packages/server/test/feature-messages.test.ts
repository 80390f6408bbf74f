import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAFF_MESSAGES } from '@mimamori/core/auth/staff-messages';
import { PATIENT_MESSAGES } from '@mimamori/core/patients/messages';
import { SCHEDULING_MESSAGES } from '@mimamori/core/scheduling/messages';
import { createMessages } from '../src/i18n/messages.ts';

const src = new URL('../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(join(src, dir)).filter((n) => n.endsWith('.ts')).map((n) => join(src, dir, n));
}

/**
 * The message keys that the scheduling, patient and staff services and routes throw are all in an
 * app's messages once their features registered their core catalogues (the error handler would
 * otherwise answer with the bare key).
 */
test('every key thrown by scheduling, patients and staff translates in both languages', () => {
  const messages = createMessages();
  for (const c of [SCHEDULING_MESSAGES, PATIENT_MESSAGES, STAFF_MESSAGES]) messages.register(c);
  const sources = [
    ...files('services/scheduling'), ...files('routes/scheduling'),
    join(src, 'services/patient-service.ts'), join(src, 'services/staff-service.ts'), join(src, 'services/break-glass-service.ts'),
    join(src, 'services/patient-link-service.ts'), join(src, 'services/sign-in.ts'), join(src, 'services/staff-onboarding.ts'),
  ];
  const used = new Set<string>();
  for (const f of sources) for (const m of readFileSync(f, 'utf8').matchAll(/key: '([a-z0-9_.]+)'/g)) used.add(m[1]!);
  assert.ok(used.size > 20, `found only ${used.size} keys`);
  const missing = [...used].filter((k) => !messages.has(k) || messages.translate(k, 'ja') === k || messages.translate(k, 'en') === k);
  assert.deepEqual(missing, []);
});
