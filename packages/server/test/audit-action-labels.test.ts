import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AUDIT_ACTION_FAMILIES, AUDIT_ACTION_LABELS, AUDIT_RESOURCE_LABELS, auditActionLabel } from '@mimamori/core/audit/index';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every action code written to the audit log by the server, storage (CLI and seeds) and the CLI: literal codes, and the fixed start of built ones. */
function writtenActions(): { literal: Set<string>; built: Set<string>; resources: Set<string> } {
  const literal = new Set<string>();
  const built = new Set<string>();
  const resources = new Set<string>();
  for (const file of ['server/src', 'storage/src', 'cli/src'].flatMap((d) => sources(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    // `action: 'logout'` (not a type such as `action: 'cancel' | 'keep'`), and every dotted code on a line that sets an action
    // (`action: hold ? 'appointment.hold' : 'appointment.book'`, `o.action ?? 'program.revise'`, `action: 'alert.send'` passed on).
    for (const m of text.matchAll(/\baction: '([a-z_.]+)'(?! \|)/g)) literal.add(m[1]!);
    for (const line of text.split('\n').filter((l) => /\baction\b/.test(l) && !/readonly action|action: '[a-z_]+' \|/.test(l))) {
      for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) if (!m[1]!.startsWith('audit_log.')) literal.add(m[1]!);
    }
    for (const m of text.matchAll(/\baction: `([a-z_.]*)\$\{/g)) built.add(m[1]!);
    for (const m of text.matchAll(/\bresource: '([a-z_]+)'/g)) resources.add(m[1]!);
  }
  return { literal, built, resources };
}

test('every audit action code the server writes has words in Japanese and English', () => {
  const { literal, built, resources } = writtenActions();
  assert.deepEqual([...resources].filter((r) => !Object.hasOwn(AUDIT_RESOURCE_LABELS, r)), [], 'kinds of record without words');
  assert.ok(literal.size > 100, `found ${literal.size} codes: the scan still sees the code`);
  const missing = [...literal].filter((a) => !Object.hasOwn(AUDIT_ACTION_LABELS, a));
  assert.deepEqual(missing, [], 'codes without a label in packages/core/src/audit/audit-action-labels.ts');
  // A code built from a state or kind (`appointment.${status}`) reads as its family when its state has no label of its own.
  const familiesMissing = [...built].filter((prefix) => prefix !== '' && !Object.hasOwn(AUDIT_ACTION_FAMILIES, prefix));
  assert.deepEqual(familiesMissing, []);
  for (const l of Object.values(AUDIT_ACTION_LABELS)) {
    assert.match(l.ja, /[ぁ-んァ-ン一-龯]/);
    assert.doesNotMatch(l.en, /[ぁ-んァ-ン一-龯]/);
  }
});

test('an action code reads as words; a family member without its own words reads as its family; an unknown code as itself', () => {
  assert.equal(auditActionLabel('alert.list', 'ja'), 'アラート一覧を表示');
  assert.equal(auditActionLabel('alert.list', 'en'), 'Viewed the alert list');
  assert.equal(auditActionLabel('program_enrolment.withdrawn', 'ja'), '参加者の状態を変更');
  assert.equal(auditActionLabel('something.new', 'en'), 'something.new');
  assert.equal(auditActionLabel('constructor', 'en'), 'constructor');
});
