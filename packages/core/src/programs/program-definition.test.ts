import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { defineProgram, type ProgramDefinitionInput } from './program-definition.ts';
import { currentConsentDocument } from './current-consent-document.ts';
import { EXOSOME_PROGRAM, EXOSOME_PROGRAM_INPUT, TMS_PROGRAM } from './example-programs.ts';

function invalid(input: ProgramDefinitionInput): DomainError {
  try {
    defineProgram(input);
  } catch (e) {
    assert.ok(e instanceof DomainError);
    assert.equal(e.code, 'validation');
    return e;
  }
  assert.fail('expected a validation error');
}

const paths = (e: DomainError): string[] => e.issues.map((d) => d.path);

test('the seeded exosome program has 5 infusions 14 days apart ±2 and two baselines', () => {
  assert.equal(EXOSOME_PROGRAM.title.ja, 'エクソソーム点滴モニタープログラム（うつ・不安）');
  assert.deepEqual(
    [
      EXOSOME_PROGRAM.sessions.count,
      EXOSOME_PROGRAM.sessions.intervalDays,
      EXOSOME_PROGRAM.sessions.windowBeforeDays,
      EXOSOME_PROGRAM.sessions.windowAfterDays,
    ],
    [5, 14, 2, 2],
  );
  assert.deepEqual(
    EXOSOME_PROGRAM.assessments.map((a) => a.id),
    ['screening', 'baseline', 'week2', 'week4', 'week8', 'week12', 'week24'],
  );
  const blood = EXOSOME_PROGRAM.assessments.filter((a) => a.biomarkers.length > 0).map((a) => a.id);
  assert.deepEqual(blood, ['baseline', 'week8']);
  assert.ok(Object.isFrozen(EXOSOME_PROGRAM.assessments[0]));
  assert.equal(TMS_PROGRAM.sessions.spacing, 'each_open_day');
});

test('a program accepting minors needs guardian and assent documents in both languages', () => {
  const e = invalid({
    ...EXOSOME_PROGRAM_INPUT,
    consentDocuments: EXOSOME_PROGRAM_INPUT.consentDocuments!.filter((d) => d.role === 'participant'),
  });
  const missing = e.issues
    .filter((d) => d.key === 'programs.consent_document_missing')
    .map((d) => {
      const p = (d as { params?: Record<string, unknown> }).params ?? {};
      return { role: p.role, language: p.language };
    });
  assert.deepEqual(missing, [
    { role: 'guardian', language: 'ja' },
    { role: 'guardian', language: 'en' },
    { role: 'assent', language: 'ja' },
    { role: 'assent', language: 'en' },
  ]);
  // An adults-only program does not.
  defineProgram({
    ...EXOSOME_PROGRAM_INPUT,
    eligibility: { ...EXOSOME_PROGRAM_INPUT.eligibility, minAgeYears: 18 },
    consentDocuments: EXOSOME_PROGRAM_INPUT.consentDocuments!.filter((d) => d.role === 'participant'),
  });
});

test('both baselines are required and the pre-treatment one must end before dosing', () => {
  const noScreening = invalid({
    ...EXOSOME_PROGRAM_INPUT,
    assessments: EXOSOME_PROGRAM_INPUT.assessments!.filter((a) => a.baseline !== 'screening'),
  });
  assert.ok(noScreening.issues.some((d) => d.key === 'programs.two_baselines_required'));
  const late = invalid({
    ...EXOSOME_PROGRAM_INPUT,
    assessments: EXOSOME_PROGRAM_INPUT.assessments!.map((a) => (a.id === 'baseline' ? { ...a, windowAfterDays: 1 } : a)),
  });
  assert.deepEqual(paths(late), ['assessments[1].windowAfterDays']);
});

test('bad fields are named by path, all at once', () => {
  const e = invalid({
    ...EXOSOME_PROGRAM_INPUT,
    id: 'Bad Id',
    registryId: 'jRCT123',
    price: { amountExclTaxYen: 1000.5 },
    sessions: { ...EXOSOME_PROGRAM_INPUT.sessions, windowAfterDays: 14 },
    eligibility: { ...EXOSOME_PROGRAM_INPUT.eligibility, diagnosisCodes: ['F3'], minAgeYears: 40, maxAgeYears: 30 },
  });
  assert.deepEqual(paths(e).sort(), [
    'eligibility.diagnosisCodes[0]',
    'eligibility.maxAgeYears',
    'id',
    'price.amountExclTaxYen',
    'registryId',
    'sessions.windowAfterDays',
  ]);
  assert.equal(e.key, 'programs.definition_invalid');
});

test('a consent document hash must be a SHA-256 hex digest', () => {
  const docs = EXOSOME_PROGRAM_INPUT.consentDocuments!.map((d, i) => (i === 0 ? { ...d, contentHash: 'abc' } : d));
  const e = invalid({ ...EXOSOME_PROGRAM_INPUT, consentDocuments: docs });
  assert.deepEqual(paths(e), ['consentDocuments[0].contentHash']);
});

test('registry ids in jRCT and UMIN-CTR format are accepted', () => {
  assert.equal(defineProgram({ ...EXOSOME_PROGRAM_INPUT, registryId: 'jRCTb030190173' }).registryId, 'jRCTb030190173');
  assert.equal(defineProgram({ ...EXOSOME_PROGRAM_INPUT, registryId: 'UMIN000012345' }).registryId, 'UMIN000012345');
});

test('the current consent document is the newest in force on the date', () => {
  const v2 = { ...EXOSOME_PROGRAM_INPUT.consentDocuments![0]!, version: '2', effectiveFrom: '2026-06-01' };
  const p = defineProgram({ ...EXOSOME_PROGRAM_INPUT, consentDocuments: [...EXOSOME_PROGRAM_INPUT.consentDocuments!, v2] });
  assert.equal(currentConsentDocument(p, { role: 'participant', language: 'ja', on: '2026-05-31' })?.version, '1');
  assert.equal(currentConsentDocument(p, { role: 'participant', language: 'ja', on: '2026-06-01' })?.version, '2');
});

test('a revision bumps the version and may not rewrite a published consent document', async () => {
  const { reviseProgram } = await import('./revise-program.ts');
  const { sha256Hex } = await import('./sha256.ts');
  const v2 = reviseProgram(EXOSOME_PROGRAM, { ...EXOSOME_PROGRAM_INPUT, version: 99, price: { amountExclTaxYen: 280_000 } });
  assert.deepEqual([v2.id, v2.version, v2.price.amountExclTaxYen], [EXOSOME_PROGRAM.id, 2, 280_000]);
  const edited = EXOSOME_PROGRAM_INPUT.consentDocuments!.map((d, i) => (i === 0 ? { ...d, contentHash: sha256Hex('quietly edited') } : d));
  // The edited input is a valid program on its own; only as a revision of v1 is it refused.
  defineProgram({ ...EXOSOME_PROGRAM_INPUT, consentDocuments: edited });
  try {
    reviseProgram(EXOSOME_PROGRAM, { ...EXOSOME_PROGRAM_INPUT, consentDocuments: edited });
    assert.fail('expected an error');
  } catch (err) {
    assert.ok(err instanceof DomainError);
    assert.deepEqual(
      err.issues.map((d) => [d.path, d.key]),
      [['consentDocuments[0].contentHash', 'programs.document_version_changed']],
    );
  }
  // Publishing the edited text as document version 2 is fine.
  const v2docs = [...EXOSOME_PROGRAM_INPUT.consentDocuments!, { ...edited[0]!, version: '2', effectiveFrom: '2026-07-01' }];
  assert.equal(reviseProgram(EXOSOME_PROGRAM, { ...EXOSOME_PROGRAM_INPUT, consentDocuments: v2docs }).consentDocuments.length, 7);
});
