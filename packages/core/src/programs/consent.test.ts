import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { evaluateConsent, validateConsentRecord, type ConsentRecord, type ConsentRecordInput } from './consent-record.ts';
import { consentStateFrom, mayExport, withdrawConsent, type ConsentState } from './consent-state.ts';
import { EXOSOME_PROGRAM } from './example-programs.ts';
import { sha256Hex } from './sha256.ts';

const zone = 'Asia/Tokyo';
const doc = (role: 'participant' | 'guardian' | 'assent') => {
  const d = EXOSOME_PROGRAM.consentDocuments.find((x) => x.role === role && x.language === 'ja')!;
  return { id: d.id, version: d.version, language: d.language, contentHash: d.contentHash };
};
const identity = { confirmedBy: 'ns-ito', method: 'health_insurance_card', at: '2026-04-01T10:00:00+09:00' };

function record(over: Partial<Record<keyof ConsentRecordInput, unknown>>): ConsentRecordInput {
  return {
    id: 'c-1',
    enrolmentId: 'enr-1',
    role: 'participant',
    signer: { kind: 'self', name: '山田 太郎' },
    signature: { method: 'typed', typedName: '山田 太郎' },
    signedAt: '2026-04-01T10:05:00+09:00',
    document: doc('participant'),
    questions: [{ question: '副作用はありますか？', answer: '発熱などがあり得ます。説明文書の4章を参照。' }],
    identity,
    scopes: ['secondary_research'],
    ...over,
  };
}

function errorPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.issues.map((d) => d.path);
  }
  assert.fail('expected an error');
}

test('an adult consent record stores the exact document version and hash', () => {
  const r = validateConsentRecord(record({}), { program: EXOSOME_PROGRAM, zone });
  assert.equal(r.document.version, '1');
  assert.equal(r.document.contentHash, doc('participant').contentHash);
  assert.equal(r.questions.length, 1);
  assert.equal(r.identity.confirmedBy, 'ns-ito');
});

test('a record for another text, without identity check, or with the wrong signer is refused', () => {
  assert.deepEqual(
    errorPaths(() =>
      validateConsentRecord(record({ document: { ...doc('participant'), contentHash: sha256Hex('edited text') } }), {
        program: EXOSOME_PROGRAM,
        zone,
      }),
    ),
    ['document.contentHash'],
  );
  assert.deepEqual(
    errorPaths(() => validateConsentRecord(record({ identity: undefined }), { program: EXOSOME_PROGRAM, zone })),
    ['identity'],
  );
  assert.deepEqual(
    errorPaths(() => validateConsentRecord(record({ role: 'guardian', document: doc('guardian') }), { program: EXOSOME_PROGRAM, zone })),
    ['signer.kind'],
  );
  assert.deepEqual(
    errorPaths(() =>
      validateConsentRecord(record({ signature: { method: 'drawn', imageRef: 'sig-1' } }), { program: EXOSOME_PROGRAM, zone }),
    ),
    ['signature.imageHash'],
  );
  assert.deepEqual(
    errorPaths(() =>
      validateConsentRecord(
        record({
          role: 'guardian',
          document: doc('guardian'),
          signer: { kind: 'guardian', name: '山田 花子', relation: 'other' },
          signature: { method: 'typed', typedName: '山田 花子' },
        }),
        {
          program: EXOSOME_PROGRAM,
          zone,
        },
      ),
    ),
    ['signer.relationOther'],
  );
  assert.deepEqual(
    errorPaths(() =>
      validateConsentRecord(record({ signature: { method: 'typed', typedName: '山田 花子' } }), { program: EXOSOME_PROGRAM, zone }),
    ),
    ['signature.typedName'],
  );
  // Spacing and full-width characters do not matter.
  validateConsentRecord(record({ signature: { method: 'typed', typedName: '山田　太郎' } }), { program: EXOSOME_PROGRAM, zone });
  // A document signed before it came into force.
  assert.deepEqual(
    errorPaths(() => validateConsentRecord(record({ signedAt: '2025-12-31T10:00:00+09:00' }), { program: EXOSOME_PROGRAM, zone })),
    ['document.version'],
  );
});

function minorRecords(): ConsentRecord[] {
  const guardian = validateConsentRecord(
    record({
      id: 'c-g',
      role: 'guardian',
      document: doc('guardian'),
      signer: { kind: 'guardian', name: '山田 花子', relation: 'mother' },
      signature: { method: 'drawn', imageRef: 'sig-7', imageHash: sha256Hex('png bytes') },
    }),
    { program: EXOSOME_PROGRAM, zone },
  );
  const assent = validateConsentRecord(
    record({
      id: 'c-a',
      role: 'assent',
      document: doc('assent'),
      signer: { kind: 'self', name: '山田 一郎' },
      signature: { method: 'typed', typedName: '山田 一郎' },
      scopes: [],
    }),
    {
      program: EXOSOME_PROGRAM,
      zone,
    },
  );
  return [guardian, assent];
}

test('under 16 on the consent date (clinic zone) needs guardian consent and child assent, as two records', () => {
  const [guardian, assent] = minorRecords();
  // Born 2010-04-02: still 15 on 2026-04-01 in Tokyo.
  const both = evaluateConsent({
    program: EXOSOME_PROGRAM,
    birthDate: '2010-04-02',
    records: [guardian!, assent!],
    zone,
    on: '2026-04-01',
  });
  assert.deepEqual([both.ageAtConsent, both.minor, both.complete], [15, true, true]);
  assert.deepEqual(both.requiredRoles, ['guardian', 'assent']);
  const onlyGuardian = evaluateConsent({ program: EXOSOME_PROGRAM, birthDate: '2010-04-02', records: [guardian!], zone, on: '2026-04-01' });
  assert.deepEqual(onlyGuardian.missingRoles, ['assent']);
  assert.equal(onlyGuardian.complete, false);
  // A minor signing the adult form alone is not enough.
  const adultForm = validateConsentRecord(record({}), { program: EXOSOME_PROGRAM, zone });
  const self = evaluateConsent({ program: EXOSOME_PROGRAM, birthDate: '2010-04-02', records: [adultForm], zone, on: '2026-04-01' });
  assert.deepEqual(self.missingRoles, ['guardian', 'assent']);
  assert.deepEqual(self.extraRecordIds, ['c-1']);
});

test('the consent date is the local date in the clinic zone, not UTC', () => {
  // 2026-04-01T15:30Z is already 2 April in Tokyo: the patient has turned 16, so the own consent
  // counts but a guardian's consent is still needed until 18.
  const r = validateConsentRecord(record({ signedAt: '2026-04-01T15:30:00Z' }), { program: EXOSOME_PROGRAM, zone });
  const ev = evaluateConsent({ program: EXOSOME_PROGRAM, birthDate: '2010-04-02', records: [r], zone, on: '2026-04-01' });
  assert.deepEqual([ev.consentDate, ev.ageAtConsent, ev.minor, ev.complete], ['2026-04-02', 16, true, false]);
  assert.deepEqual(ev.missingRoles, ['guardian']);
  const guardian = validateConsentRecord(
    record({ id: 'c-g', role: 'guardian', document: doc('guardian'), signedAt: '2026-04-01T15:40:00Z', signer: { kind: 'guardian', name: '山田 花子', relation: 'mother' }, signature: { method: 'typed', typedName: '山田 花子' } }),
    { program: EXOSOME_PROGRAM, zone },
  );
  const both = evaluateConsent({ program: EXOSOME_PROGRAM, birthDate: '2010-04-02', records: [guardian, r], zone, on: '2026-04-01' });
  assert.deepEqual([both.requiredRoles, both.complete], [['guardian', 'participant'], true]);
  // Scopes: only what both the guardian and the 16-year-old agreed to.
  assert.deepEqual((consentStateFrom(both, [guardian, r]) as { scopes: unknown }).scopes, ['secondary_research']);
});

function givenState(): ConsentState {
  const r = validateConsentRecord(record({}), { program: EXOSOME_PROGRAM, zone });
  const ev = evaluateConsent({ program: EXOSOME_PROGRAM, birthDate: '1990-05-05', records: [r], zone, on: '2026-04-01' });
  return consentStateFrom(ev, [r]);
}

test('mayExport: consent and its scopes decide every export', () => {
  assert.equal(mayExport({ status: 'not_given' }, 'program_analysis'), false);
  const s = givenState();
  assert.deepEqual(s, { status: 'given', since: '2026-04-01', scopes: ['secondary_research'] });
  assert.equal(mayExport(s, 'program_analysis'), true);
  assert.equal(mayExport(s, 'secondary_research'), true);
  assert.equal(mayExport(s, 'publication'), false);
  // For a minor the guardian's scopes count, not the child's.
  const recs = minorRecords();
  const ev = evaluateConsent({ program: EXOSOME_PROGRAM, birthDate: '2012-01-01', records: recs, zone, on: '2026-04-01' });
  assert.deepEqual(consentStateFrom(ev, recs), { status: 'given', since: '2026-04-01', scopes: ['secondary_research'] });
});

test('withdrawal honours the patient choice about data already collected', () => {
  const keep = withdrawConsent(givenState(), { at: '2026-05-01T11:00:00+09:00', zone, dataChoice: 'keep', recordedBy: 'ns-ito' });
  assert.equal(mayExport(keep, 'program_analysis', { collectedOn: '2026-04-20' }), true);
  assert.equal(mayExport(keep, 'program_analysis', { collectedOn: '2026-05-02' }), false);
  assert.equal(mayExport(keep, 'publication', { collectedOn: '2026-04-20' }), false);
  const del = withdrawConsent(givenState(), {
    at: '2026-05-01T11:00:00+09:00',
    zone,
    dataChoice: 'delete_from_future_exports',
    recordedBy: 'ns-ito',
  });
  assert.equal(mayExport(del, 'program_analysis', { collectedOn: '2026-04-20' }), false);
  assert.equal(mayExport(del, 'secondary_research'), false);
  assert.throws(
    () => withdrawConsent(del, { at: '2026-05-02T11:00:00+09:00', zone, dataChoice: 'keep', recordedBy: 'x' }),
    (e: unknown) => e instanceof DomainError && e.code === 'invalid_state',
  );
  assert.deepEqual(
    errorPaths(() =>
      withdrawConsent(givenState(), { at: '2026-05-01T11:00:00+09:00', zone, dataChoice: 'forget' as never, recordedBy: 'ns-ito' }),
    ),
    ['dataChoice'],
  );
});
