import { DomainError } from '../errors/domain-error.ts';
import { ageOn } from '../patients/patient.ts';

/**
 * The youngest age rTMS is given at: the Japanese Society of Psychiatry and Neurology's rTMS
 * guideline (2023) does not recommend it under 18 (see `docs/governance.md`).
 */
export const TMS_MIN_AGE_YEARS = 18;

/**
 * Refuses (`invalid_state`, `treatment.tms_under_18`) to screen or enrol a patient under 18 in a TMS
 * program; other treatments pass. Age in completed years on `on` (a clinic date).
 *
 * @example
 * assertTreatmentAge({ treatment: 'tms', birthDate: '2008-12-08', on: '2026-12-07' }); // throws: 17 years
 * assertTreatmentAge({ treatment: 'tms', birthDate: '2008-12-07', on: '2026-12-07' }); // passes: 18 today
 */
export function assertTreatmentAge(o: { readonly treatment: string; readonly birthDate: string | null | undefined; readonly on: string }): void {
  if (o.treatment !== 'tms') return;
  if (!o.birthDate) {
    throw new DomainError('invalid_state', { key: 'treatment.tms_birth_date_required', issues: [{ path: 'birthDate', key: 'treatment.tms_birth_date_required' }] });
  }
  const age = ageOn(o.birthDate, o.on);
  if (age < TMS_MIN_AGE_YEARS) {
    const params = { age, minAge: TMS_MIN_AGE_YEARS };
    throw new DomainError('invalid_state', { key: 'treatment.tms_under_18', params, issues: [{ path: 'birthDate', key: 'treatment.tms_under_18', params }] });
  }
}
