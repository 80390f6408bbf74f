import { DomainError } from '@mimamori/core';
import type { IntakeDefinition } from '@mimamori/core/intake/intake-definition';
import { intakePartDefinition, type IntakeRespondent } from '@mimamori/core/intake/intake-part-definition';
import { ageOn } from '@mimamori/core/patients/patient';
import type { IntakeRow } from '@mimamori/storage';

/** Who answers this intake; rows from before the respondent was stored are read by their audience. */
export function respondentOf(row: Pick<IntakeRow, 'respondent' | 'audience'>): IntakeRespondent {
  if (row.respondent === 'adolescent' || row.respondent === 'guardian' || row.respondent === 'patient') return row.respondent;
  return row.audience === 'child' ? 'guardian' : 'patient';
}

/**
 * The part of the form this intake's respondent answers (`intakePartDefinition`): the guardian's
 * part without the adolescent's own screens; the adolescent's part with their age from the
 * register on `today` (the clinic's date). Every reader of the intake uses it.
 */
export function intakePartFor(row: Pick<IntakeRow, 'respondent' | 'audience'>, definition: IntakeDefinition, o: { birthDate: string | null | undefined; today: string }): IntakeDefinition {
  const respondent = respondentOf(row);
  const ageYears = o.birthDate ? ageOn(o.birthDate, o.today) : null;
  const part = intakePartDefinition(definition, { respondent, ageYears });
  if (!part) throw new DomainError('invalid_state', { key: 'intake_no_adolescent_part' });
  return part;
}
