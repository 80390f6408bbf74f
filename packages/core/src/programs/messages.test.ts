import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROGRAM_MESSAGES, formatMessage } from './messages.ts';

const src = new URL('..', import.meta.url).pathname;
const FOLDERS = ['programs', 'treatment', 'safety', 'medication', 'labs'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'messages.ts' ? [p] : [];
  });
}

test('every message key used in the monitor-program folders has Japanese and English text', () => {
  const used = new Set<string>();
  for (const f of FOLDERS.flatMap((d) => sources(join(src, d)))) {
    for (const m of readFileSync(f, 'utf8').matchAll(
      /'((?:programs|enrolment|consent|schedule|treatment|safety|medication|labs)\.[a-z0-9_.]+)'/g,
    ))
      used.add(m[1]!);
  }
  assert.ok(used.size > 20, `found only ${used.size} keys`);
  const missing = [...used].filter((k) => !PROGRAM_MESSAGES[k]?.ja || !PROGRAM_MESSAGES[k]?.en);
  assert.deepEqual(missing, []);
});

test('templates are filled from params in both languages', () => {
  assert.equal(formatMessage('programs.field.too_long', { max: 5 }, 'en'), 'Use at most 5 characters.');
  assert.equal(formatMessage('programs.field.too_long', { max: 5 }, 'ja'), '5文字以内で入力してください。');
  assert.equal(formatMessage('no.such.key', {}, 'ja'), 'no.such.key');
  assert.equal(formatMessage('programs.field.out_of_range', { min: 1, max: 10, unit: '', value: 11 }, 'en'), 'Enter a value between 1 and 10 (entered: 11).');
});
