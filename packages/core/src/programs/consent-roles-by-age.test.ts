import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateConsent } from './consent-record.ts';
import { consentRolesForAge, consentRolesForAgeRange } from './consent-roles-by-age.ts';
import { EXOSOME_PROGRAM } from './example-programs.ts';

test('consent roles by age: under 16 guardian + assent, 16–17 guardian + own consent, 18+ own consent', () => {
  assert.deepEqual(consentRolesForAge({ age: 12 }), ['guardian', 'assent']);
  assert.deepEqual(consentRolesForAge({ age: 15 }), ['guardian', 'assent']);
  assert.deepEqual(consentRolesForAge({ age: 16 }), ['guardian', 'participant']);
  assert.deepEqual(consentRolesForAge({ age: 17 }), ['guardian', 'participant']);
  assert.deepEqual(consentRolesForAge({ age: 18 }), ['participant']);
  assert.deepEqual(consentRolesForAge({ age: 40 }), ['participant']);
  // The guideline's exception (non-invasive research, parents offered an opt-out) applies from 16 only.
  assert.deepEqual(consentRolesForAge({ age: 16, nonInvasiveOptOut: true }), ['participant']);
  assert.deepEqual(consentRolesForAge({ age: 15, nonInvasiveOptOut: true }), ['guardian', 'assent']);
});

test('the age tiers at their boundaries, on the clinic date with a fixed clock', () => {
  // Born 2010-06-15. On 2026-06-14 the person is 15 years 364 days; on 2026-06-15, 16 years 0 days;
  // on 2028-06-14, 17 years 364 days; on 2028-06-15, 18 years 0 days.
  const roles = (on: string) => evaluateConsent({ program: EXOSOME_PROGRAM, birthDate: '2010-06-15', records: [], zone: 'Asia/Tokyo', on });
  assert.deepEqual([roles('2026-06-14').ageAtConsent, roles('2026-06-14').requiredRoles], [15, ['guardian', 'assent']]);
  assert.deepEqual([roles('2026-06-15').ageAtConsent, roles('2026-06-15').requiredRoles], [16, ['guardian', 'participant']]);
  assert.deepEqual([roles('2028-06-14').ageAtConsent, roles('2028-06-14').requiredRoles], [17, ['guardian', 'participant']]);
  assert.deepEqual([roles('2028-06-15').ageAtConsent, roles('2028-06-15').requiredRoles], [18, ['participant']]);
  assert.equal(roles('2028-06-14').minor, true);
  assert.equal(roles('2028-06-15').minor, false);
  // Born on 29 February: the register counts the birthday as 1 March in a common year.
  const leap = (on: string) => evaluateConsent({ program: EXOSOME_PROGRAM, birthDate: '2008-02-29', records: [], zone: 'Asia/Tokyo', on });
  assert.deepEqual(leap('2026-02-28').requiredRoles, ['guardian', 'participant']);
  assert.deepEqual(leap('2026-03-01').requiredRoles, ['participant']);
});

test('the documents an age range needs', () => {
  assert.deepEqual(consentRolesForAgeRange({ minAgeYears: 12, maxAgeYears: 75 }), ['participant', 'guardian', 'assent']);
  assert.deepEqual(consentRolesForAgeRange({ minAgeYears: 16, maxAgeYears: 17 }), ['participant', 'guardian']);
  assert.deepEqual(consentRolesForAgeRange({ minAgeYears: 18 }), ['participant']);
  assert.deepEqual(consentRolesForAgeRange({ minAgeYears: 6, maxAgeYears: 15 }), ['guardian', 'assent']);
});
