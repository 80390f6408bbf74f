import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeKana } from '../text/normalize-kana.ts';
import { DEFAULT_INTAKE_DEFINITION as D } from './default-intake-definition.ts';
import { exampleAdultIntakeAnswers, exampleChildIntakeAnswers } from './example-intake-answers.ts';
import type { IntakeAnswers } from './intake-definition.ts';
import { intakeProgress } from './intake-progress.ts';
import { summarizeIntake } from './summarize-intake.ts';
import { validateIntakeAnswers } from './validate-intake-answers.ts';
import { validateIntakeDefinition } from './validate-intake-definition.ts';
import { INTAKE_MESSAGES } from './intake-messages.ts';

// A small deterministic PRNG (mulberry32) so that a failure reproduces.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function junk(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 12);
  switch (pick) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return Math.floor(r() * 200) - 50;
    case 3: return r() * 1e6;
    case 4: return ['', ' ', 'ｶﾞ', '<script>x</script>', '2026-02-30', '090-1234-5678', 'a\u0000b', 'あ'.repeat(3000), 'prn', 'none', 'other'][Math.floor(r() * 11)];
    case 5: return depth > 2 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => junk(r, depth + 1));
    case 6: return depth > 2 ? {} : { choice: junk(r, depth + 1), other: junk(r, depth + 1) };
    case 7: return depth > 2 ? {} : { choices: junk(r, depth + 1) };
    case 8: return depth > 2 ? {} : { scaleId: 'phq9', answers: { q1: junk(r, depth + 1), q9: 1 } };
    case 9: return { agreed: r() < 0.5, policyVersion: r() < 0.5 ? '2026-04' : 'x' };
    case 10: return depth > 2 ? [] : [{ generic_name: junk(r, depth + 1), frequency: junk(r, depth + 1), prn_when: junk(r, depth + 1) }];
    default: return Number.NaN;
  }
}

const ids = D.sections.flatMap((s) => s.groups).flatMap((g) => g.questions).map((q) => q.id);

test('arbitrary answer values never throw and give well-formed errors', () => {
  const r = rng(20261129);
  for (let i = 0; i < 300; i++) {
    const audience = r() < 0.5 ? 'adult' : 'child';
    const values: Record<string, unknown> = {};
    for (const id of ids) if (r() < 0.6) values[id] = junk(r);
    values.__proto__junk = junk(r);
    const answers = { definitionId: 'default', definitionVersion: 1, audience, values } as const;
    for (const mode of ['submit', 'draft'] as const) {
      const v = validateIntakeAnswers(D, answers, { today: '2026-11-29', audience, mode });
      for (const e of v.errors) {
        assert.ok(ids.includes(e.questionId), e.path);
        assert.ok(e.message.ja.length > 0 && e.message.en.length > 0);
        assert.ok(!e.message.ja.includes('undefined'));
      }
      for (const k of Object.keys(v.values)) assert.ok(ids.includes(k), k);
    }
    // Readers never throw on stored drafts either.
    const stored = validateIntakeAnswers(D, answers, { today: '2026-11-29', audience, mode: 'draft' }).values;
    const asStored: IntakeAnswers = { definitionId: 'default', definitionVersion: 1, audience, values: stored };
    summarizeIntake(D, asStored, { lang: 'ja', today: '2026-11-29' });
    intakeProgress(D, asStored, { today: '2026-11-29' });
  }
});

test('validating the stored values again changes nothing (autosave and submit are idempotent)', () => {
  for (const a of [exampleAdultIntakeAnswers(), exampleChildIntakeAnswers()]) {
    const messy = {
      ...a,
      values: { ...a.values, patient_name_kana: 'ﾐﾏﾓﾘ　たろう', birth_date: '２０１２/５/１', sex: 'male', symptoms: ['school_work_refusal', 'low_mood', 'low_mood'] },
    };
    const first = validateIntakeAnswers(D, messy, { today: '2026-11-29', audience: a.audience });
    assert.ok(first.ok);
    const second = validateIntakeAnswers(D, { ...a, values: first.values }, { today: '2026-11-29', audience: a.audience });
    assert.deepEqual(second.values, first.values);
    assert.equal(first.values.patient_name_kana, 'ミマモリ タロウ');
    assert.deepEqual(first.values.symptoms, { choices: ['low_mood', 'school_work_refusal'] });
  }
});

test('arbitrary definitions never throw in the definition validator', () => {
  const r = rng(7);
  const base = JSON.parse(JSON.stringify(D)) as Record<string, unknown>;
  for (let i = 0; i < 200; i++) {
    const d = JSON.parse(JSON.stringify(base)) as { sections: { groups: { questions: Record<string, unknown>[] }[] }[] };
    const s = d.sections[Math.floor(r() * d.sections.length)];
    const g = s.groups[Math.floor(r() * s.groups.length)];
    const q = g.questions[Math.floor(r() * g.questions.length)];
    const keys = ['type', 'options', 'showIf', 'label', 'fields', 'maxLength', 'id', 'summary'];
    q[keys[Math.floor(r() * keys.length)]] = junk(r);
    const res = validateIntakeDefinition(d);
    if (!res.ok) for (const e of res.errors) assert.ok(e.path.length > 0 && INTAKE_MESSAGES[e.key]?.en && INTAKE_MESSAGES[e.key]?.ja, e.key);
  }
});

test('the kana search key is idempotent', () => {
  for (const s of ['ﾔﾏﾀﾞ ﾀﾛｳ', 'こーひー', 'ＳＭＩＴＨ', 'ヴァイオリン', 'きょう は゛']) assert.equal(normalizeKana(normalizeKana(s)), normalizeKana(s));
});
