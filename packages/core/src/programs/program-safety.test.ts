import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { EXOSOME_PROGRAM, EXOSOME_PROGRAM_INPUT, TMS_PROGRAM } from './example-programs.ts';
import { defineProgram } from './program-definition.ts';
import { expectednessOf } from './program-safety.ts';

test('the example programs list their expected adverse events, each with a source', () => {
  for (const p of [EXOSOME_PROGRAM, TMS_PROGRAM]) {
    assert.ok((p.safety?.expectedAdverseEvents.length ?? 0) >= 5);
    for (const e of p.safety!.expectedAdverseEvents) assert.ok(e.term.ja && e.term.en && e.source.length > 10);
  }
  assert.ok(TMS_PROGRAM.safety!.expectedAdverseEvents.some((e) => e.id === 'seizure'));
});

test('expectedness is decided by the list, never by a free choice', () => {
  assert.equal(expectednessOf(TMS_PROGRAM.safety, 'seizure'), 'expected');
  assert.equal(expectednessOf(TMS_PROGRAM.safety, 'anaphylaxis'), 'unexpected');
  assert.equal(expectednessOf(TMS_PROGRAM.safety, undefined), 'unexpected');
  assert.equal(expectednessOf(undefined, 'seizure'), 'unexpected');
});

test('a bad safety part names each field: duplicate id, missing English term, missing source, days out of range', () => {
  assert.throws(
    () => defineProgram({
      ...EXOSOME_PROGRAM_INPUT,
      safety: { expectedAdverseEvents: [{ id: 'fever', term: { ja: '発熱', en: 'Fever' }, source: 's' }, { id: 'fever', term: { ja: '発熱' }, source: '' }], saeReportDays: 0 },
    }),
    (e: unknown) => {
      assert.ok(e instanceof DomainError);
      const paths = e.issues.map((i) => i.path);
      for (const p of ['safety.expectedAdverseEvents[1].id', 'safety.expectedAdverseEvents[1].term.en', 'safety.expectedAdverseEvents[1].source', 'safety.saeReportDays']) assert.ok(paths.includes(p), p);
      return true;
    },
  );
});
