import { ADULT_AGE } from '../patients/patient.ts';
import type { ConsentRole } from './program-types.ts';

/** Age (completed years) from which a minor's own consent, not only assent, is asked. */
export const OWN_CONSENT_FROM_AGE = 16;

/**
 * The signatures a person of this age needs (人を対象とする生命科学・医学系研究に関する倫理指針,
 * informed consent of minors; see docs/governance.md):
 * - under 16: a guardian's consent and the child's own assent;
 * - 16–17: a guardian's consent and the minor's own consent — except, when `nonInvasiveOptOut`
 *   is set (research without invasion, approved by the review board with an opt-out offered to
 *   the parents), the minor's own consent alone;
 * - 18 and over: their own consent.
 *
 * @example
 * consentRolesForAge({ age: 15 }); // ['guardian', 'assent']
 * consentRolesForAge({ age: 17 }); // ['guardian', 'participant']
 * consentRolesForAge({ age: 18 }); // ['participant']
 */
export function consentRolesForAge(opts: { readonly age: number; readonly nonInvasiveOptOut?: boolean }): ReadonlyArray<ConsentRole> {
  if (opts.age >= ADULT_AGE) return ['participant'];
  if (opts.age >= OWN_CONSENT_FROM_AGE) return opts.nonInvasiveOptOut ? ['participant'] : ['guardian', 'participant'];
  return ['guardian', 'assent'];
}

/**
 * Every role a program's age range can call for (its consent documents must cover each).
 *
 * @example
 * consentRolesForAgeRange({ minAgeYears: 12 }); // ['participant', 'guardian', 'assent']
 */
export function consentRolesForAgeRange(opts: { readonly minAgeYears?: number | undefined; readonly maxAgeYears?: number | undefined }): ReadonlyArray<ConsentRole> {
  const min = opts.minAgeYears ?? 0;
  const max = opts.maxAgeYears ?? Infinity;
  const roles = new Set<ConsentRole>();
  for (const age of [min, Math.max(min, Math.min(max, OWN_CONSENT_FROM_AGE)), Math.max(min, Math.min(max, ADULT_AGE)), max]) {
    if (age >= min && age <= max && Number.isFinite(age)) for (const r of consentRolesForAge({ age })) roles.add(r);
  }
  if (!Number.isFinite(max)) roles.add('participant');
  return (['participant', 'guardian', 'assent'] as const).filter((r) => roles.has(r));
}
