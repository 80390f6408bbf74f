import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDomainError } from '../errors/domain-error.ts';
import { builtinScales } from './builtin/index.ts';
import { cssrsScreener } from './builtin/cssrs-screener.ts';
import { madrs } from './builtin/madrs.ts';
import { phq9 } from './builtin/phq9.ts';
import { qidsSr16 } from './builtin/qids-sr16.ts';
import { sdq } from './builtin/sdq.ts';
import { scoreScale } from './score-scale.ts';
import { SCALE_MESSAGES, scaleMessage } from './scale-messages.ts';
import { parseScaleDefinition, validateScaleDefinition } from './validate-scale-definition.ts';

/** A mutable deep copy of PHQ-9 to tamper with. */
function phq9Copy(): any {
  return JSON.parse(JSON.stringify(phq9));
}

function issuesOf(input: unknown): Array<{ path: string; code: string; en: string; ja: string }> {
  const r = validateScaleDefinition(input);
  assert.equal(r.ok, false, 'expected the definition to be rejected');
  // Every issue names a message of the catalogue in both languages; `code` is the kind in its key.
  for (const i of r.ok ? [] : r.issues) assert.ok(SCALE_MESSAGES[i.key]?.ja && SCALE_MESSAGES[i.key]?.en, `no message for ${i.key}`);
  return r.ok ? [] : r.issues.map((i) => ({ path: i.path, code: i.key.split('.')[1]!, en: scaleMessage(i.key, i.params, 'en'), ja: scaleMessage(i.key, i.params, 'ja') }));
}

function hasIssue(input: unknown, path: string, code: string): void {
  const issues = issuesOf(input);
  const hit = issues.find((i) => i.path === path && i.code === code);
  assert.ok(hit, `expected ${code} at ${path}, got ${JSON.stringify(issues.map((i) => [i.path, i.code]))}`);
  assert.ok(hit.en.length > 0 && hit.ja.length > 0, 'messages in both languages');
}

test('every built-in definition passes the import validator (round trip through JSON)', () => {
  for (const d of builtinScales) {
    const r = validateScaleDefinition(JSON.parse(JSON.stringify(d)));
    assert.equal(r.ok, true, `${d.id}: ${r.ok ? '' : JSON.stringify(r.issues)}`);
  }
});

test('the validated copy is frozen, so a stored definition cannot be changed in memory', () => {
  const r = validateScaleDefinition(phq9Copy());
  assert.ok(r.ok);
  assert.ok(Object.isFrozen(r.definition.items[0].options));
});

test('wrong types are reported with their path, in English and Japanese', () => {
  const d = phq9Copy();
  d.items[2].options[1].value = '1';
  d.version = 1;
  const issues = issuesOf(d);
  const v = issues.find((i) => i.path === 'items[2].options[1].value');
  assert.equal(v?.code, 'wrong_type');
  assert.match(v?.en ?? '', /must be a number \(got string\)/);
  assert.match(v?.ja ?? '', /数値でなければなりません/);
  hasIssue(d, 'version', 'wrong_type');
  assert.ok(isDomainError(catchErr(() => parseScaleDefinition(d))));
});

test('non-object input and missing required fields are rejected', () => {
  hasIssue([], '', 'wrong_type');
  const d = phq9Copy();
  delete d.scoring;
  hasIssue(d, 'scoring', 'required');
});

test('unknown fields are rejected (a tampered or misspelt definition)', () => {
  const d = phq9Copy();
  d.items[0].weight = 2;
  d.scoring.bonus = 1;
  hasIssue(d, 'items[0].weight', 'unknown_field');
  hasIssue(d, 'scoring.bonus', 'unknown_field');
});

test('duplicate item ids are rejected', () => {
  const d = phq9Copy();
  d.items[3].id = 'q2';
  hasIssue(d, 'items[3].id', 'duplicate_id');
});

test('band gaps, overlaps and bands not covering the range are rejected', () => {
  const gap = phq9Copy();
  gap.bandSets[0].bands[2].min = 11;
  hasIssue(gap, 'bandSets[0].bands[2].min', 'band_gap');
  const overlap = phq9Copy();
  overlap.bandSets[0].bands[1].max = 10;
  hasIssue(overlap, 'bandSets[0].bands[2].min', 'band_overlap');
  const short = phq9Copy();
  short.bandSets[0].bands[4].max = 26;
  hasIssue(short, 'bandSets[0].bands[4].max', 'band_gap');
  const start = phq9Copy();
  start.bandSets[0].bands[0].min = 1;
  hasIssue(start, 'bandSets[0].bands[0].min', 'band_gap');
});

test('options out of order or duplicated are rejected', () => {
  const d = phq9Copy();
  d.items[4].options = [{ value: 0 }, { value: 2 }, { value: 1 }, { value: 3 }];
  hasIssue(d, 'items[4].options[2].value', 'options_out_of_order');
  const dup = phq9Copy();
  dup.items[4].options = [{ value: 0 }, { value: 1 }, { value: 1 }, { value: 3 }];
  hasIssue(dup, 'items[4].options[2].value', 'duplicate_value');
});

test('a range that does not match the options is rejected (tampered options or range)', () => {
  const d = phq9Copy();
  d.items[0].options = [...d.items[0].options, { value: 4 }];
  hasIssue(d, 'scoring.range', 'range_mismatch');
});

test('dangling references are rejected: reverse items, safety items, band set', () => {
  const d = phq9Copy();
  d.scoring.reverseItems = ['q99'];
  hasIssue(d, 'scoring.reverseItems[0]', 'bad_reference');
  const s = phq9Copy();
  s.safety[0].anyOf[0].item = 'q10';
  hasIssue(s, 'safety[0].anyOf[0].item', 'bad_reference');
  const b = phq9Copy();
  b.defaultBandSet = 'nope';
  hasIssue(b, 'defaultBandSet', 'bad_reference');
  const t = phq9Copy();
  t.safety[0].anyOf[0].atLeast = 4;
  hasIssue(t, 'safety[0].anyOf[0].atLeast', 'out_of_range');
});

test('item text in a metadata-only definition is rejected', () => {
  const d = phq9Copy();
  d.licence.textIncluded = false;
  d.textSource = { kind: 'none' };
  hasIssue(d, 'items[0].text', 'text_not_licensed');
});

test('a name needs both Japanese and English', () => {
  const d = phq9Copy();
  d.name = { en: 'PHQ-9' };
  hasIssue(d, 'name.ja', 'required');
});

test('bad ids and versions are rejected with a hint', () => {
  const d = phq9Copy();
  d.id = 'PHQ 9';
  d.version = 'v1';
  hasIssue(d, 'id', 'pattern');
  hasIssue(d, 'version', 'pattern');
});

test('the missing rule cannot allow every item to be missing or require an unknown item', () => {
  const d = phq9Copy();
  d.scoring.missing.maxMissing = 9;
  hasIssue(d, 'scoring.missing.maxMissing', 'out_of_range');
  const r = phq9Copy();
  r.scoring.missing.required = ['q0'];
  hasIssue(r, 'scoring.missing.required[0]', 'bad_reference');
});

function catchErr(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

test('triage definitions: unknown bands, prorating and numeric bounds are rejected', () => {
  const c = JSON.parse(JSON.stringify(cssrsScreener));
  c.scoring.rules[0].band = 'extreme';
  hasIssue(c, 'scoring.rules[0].band', 'bad_reference');
  const p = JSON.parse(JSON.stringify(cssrsScreener));
  p.scoring.missing = { kind: 'prorate', maxMissing: 1, basis: 'project-convention' };
  hasIssue(p, 'scoring.missing.kind', 'not_allowed');
  const b = JSON.parse(JSON.stringify(cssrsScreener));
  b.bandSets[0].bands[0].min = 0;
  hasIssue(b, 'bandSets[0].bands[0]', 'not_allowed');
  const r = JSON.parse(JSON.stringify(cssrsScreener));
  r.remission = { atMost: 0, sources: [] };
  hasIssue(r, 'scoring.method', 'not_allowed');
});

test('subscale and group references are checked (SDQ, QIDS)', () => {
  const s = JSON.parse(JSON.stringify(sdq));
  s.scoring.total.subscales[0] = 'anxiety';
  hasIssue(s, 'scoring.total.subscales[0]', 'bad_reference');
  const i = JSON.parse(JSON.stringify(sdq));
  i.scoring.subscales[1].items.push('q26');
  hasIssue(i, 'scoring.subscales[1].items[5]', 'bad_reference');
  const q = JSON.parse(JSON.stringify(qidsSr16));
  q.scoring.maxGroups[1].items.push('q4');
  hasIssue(q, 'scoring.maxGroups', 'duplicate_id');
  const w = phq9Copy();
  w.scoring.weights = { q1: 1.5 };
  hasIssue(w, 'scoring.weights.q1', 'not_integer');
});

test('a definition with weights and a matching range is accepted and scored with the weights', () => {
  const d = phq9Copy();
  d.id = 'phq9_weighted';
  d.scoring.weights = { q9: 2 };
  d.scoring.range = { min: 0, max: 30 };
  d.bandSets[0].bands[4].max = 30;
  const def = parseScaleDefinition(d);
  assert.equal(scoreScale(def, { q1: 1, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 3 }).total, 7);
});

test('a metadata-only definition may not smuggle wording in option labels or instructions', () => {
  const d = JSON.parse(JSON.stringify(madrs));
  d.items[0].options[6].label = { en: 'Continuous, unvarying…' };
  d.instructions = { en: 'Rate on the basis of…' };
  hasIssue(d, 'items[0].options[6].label', 'text_not_licensed');
  hasIssue(d, 'instructions', 'text_not_licensed');
});

test('oversized imports are refused before any deeper check', () => {
  const d = phq9Copy();
  d.items[0].options = Array.from({ length: 51 }, (_, v) => ({ value: v }));
  hasIssue(d, 'items[0].options', 'too_many');
  const t = phq9Copy();
  t.items[0].text.en = 'x'.repeat(4001);
  hasIssue(t, 'items[0].text.en', 'too_long');
});
