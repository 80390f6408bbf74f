import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthdayAt, reconsentDue, type ReconsentOptions } from './reconsent.ts';

const zone = 'Asia/Tokyo';
const doc = (id: string, version: string, role: 'participant' | 'guardian' | 'assent', effectiveFrom = '2025-01-01') => ({ id, version, role, effectiveFrom });
const signed = (role: 'participant' | 'guardian' | 'assent', on: string, id = `exo-${role}`, version = '1') => ({
  role, signedAt: `${on}T10:00:00+09:00`, document: { id, version, language: 'ja' as const, contentHash: 'x'.repeat(64) },
});
const DOCS = [doc('exo-participant', '1', 'participant'), doc('exo-guardian', '1', 'guardian'), doc('exo-assent', '1', 'assent')];
// Born 2010-05-10; consented at 15 with a guardian and their own assent.
const base: Omit<ReconsentOptions, 'today'> = { birthDate: '2010-05-10', consents: [signed('guardian', '2025-06-01'), signed('assent', '2025-06-01')], currentDocuments: DOCS, zone };
const reasons = (o: ReconsentOptions) => reconsentDue(o).map((i) => `${i.reason}:${i.dueDate}:${i.blocking}`);

test('turning 16 during the program: nothing at 15y364d; due and blocking at 16y0d; done once the minor signs their own consent', () => {
  assert.deepEqual(reasons({ ...base, today: '2026-05-09' }), []);
  assert.deepEqual(reasons({ ...base, today: '2026-05-10' }), ['turned_16:2026-05-10:true']);
  // An assent signed on the birthday is not the minor's own consent.
  assert.deepEqual(reasons({ ...base, consents: [...base.consents, signed('assent', '2026-05-10')], today: '2026-05-11' }), ['turned_16:2026-05-10:true']);
  assert.deepEqual(reasons({ ...base, consents: [...base.consents, signed('participant', '2026-05-10')], today: '2026-05-10' }), []);
});

test('turning 18: nothing at 17y364d; own adult consent due at 18y0d; a consent signed at 17 does not count', () => {
  const at16 = { ...base, consents: [...base.consents, signed('participant', '2026-05-10'), signed('guardian', '2026-05-10')] };
  assert.deepEqual(reasons({ ...at16, today: '2028-05-09' }), []);
  assert.deepEqual(reasons({ ...at16, today: '2028-05-10' }), ['turned_18:2028-05-10:true']);
  assert.deepEqual(reasons({ ...at16, consents: [...at16.consents, signed('participant', '2028-05-10')], today: '2028-05-10' }), []);
});

test('both birthdays passed without re-consent: two items; an adult consented at 20 owes none', () => {
  assert.deepEqual(reasons({ ...base, today: '2028-06-01' }), ['turned_16:2026-05-10:true', 'turned_18:2028-05-10:true']);
  assert.deepEqual(reasons({ birthDate: '1990-01-01', consents: [signed('participant', '2010-02-01')], currentDocuments: DOCS, zone, today: '2026-12-07' }), []);
});

test('the signing day is the clinic day: signed 2026-05-09T23:30 JST is before the birthday, 2026-05-09T15:30Z is on it', () => {
  const late = { ...signed('participant', '2026-05-09'), signedAt: '2026-05-09T23:30:00+09:00' };
  assert.deepEqual(reasons({ ...base, consents: [...base.consents, late], today: '2026-05-10' }), ['turned_16:2026-05-10:true']);
  const utc = { ...signed('participant', '2026-05-09'), signedAt: '2026-05-09T15:30:00Z' };
  assert.deepEqual(reasons({ ...base, consents: [...base.consents, utc], today: '2026-05-10' }), []);
});

test('a new approved version of a signed document: upcoming before it takes effect, blocking from then, done when the new version is signed', () => {
  const adult = { birthDate: '1990-01-01', consents: [signed('participant', '2026-01-10')], zone };
  const v2 = [doc('exo-participant', '2', 'participant', '2026-12-01'), doc('exo-guardian', '1', 'guardian')];
  assert.deepEqual(reasons({ ...adult, currentDocuments: v2, today: '2026-11-30' }), ['document_version:2026-12-01:false']);
  assert.deepEqual(reasons({ ...adult, currentDocuments: v2, today: '2026-12-01' }), ['document_version:2026-12-01:true']);
  assert.equal(reconsentDue({ ...adult, currentDocuments: v2, today: '2026-12-01' })[0]!.key, 'document_version:exo-participant@2');
  assert.deepEqual(reasons({ ...adult, consents: [...adult.consents, signed('participant', '2026-12-02', 'exo-participant', '2')], currentDocuments: v2, today: '2026-12-02' }), []);
});

test('birthdays on 29 February fall on 1 March in common years', () => {
  assert.equal(birthdayAt('2012-02-29', 16), '2028-02-29');
  assert.equal(birthdayAt('2012-02-29', 18), '2030-03-01');
});
