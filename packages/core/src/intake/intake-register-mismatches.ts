import type { Sex } from '../patients/patient.ts';
import type { IntakeValues } from './intake-definition.ts';

/** A fact the register and the intake both hold, where they disagree. */
export interface IntakeRegisterMismatch {
  /** The intake question: `sex` or `birth_date`. */
  readonly field: 'sex' | 'birth_date';
  /** The register's value: a `Sex` or a `YYYY-MM-DD` date. */
  readonly registered: string;
  /** The intake's answer, in the register's terms (`Sex` or `YYYY-MM-DD`). */
  readonly answered: string;
}

// The intake's sex choices in the register's words; "prefer not to say" matches nothing.
const SEX_OF_CHOICE: Readonly<Record<string, Sex>> = { female: 'female', male: 'male', another: 'other' };

function choiceOf(v: unknown): string | undefined {
  return typeof v === 'object' && v !== null && 'choice' in v && typeof v.choice === 'string' ? v.choice : undefined;
}

/**
 * What the intake says differently from the patient register — sex and birth date, the facts both
 * hold — so that staff check which is right before the visit. An answer left out, "prefer not to
 * say", or an unknown sex in the register is no mismatch.
 *
 * @example
 * intakeRegisterMismatches({ sex: 'male', birthDate: '1990-06-15' }, { sex: { choice: 'female' }, birth_date: '1990-06-15' });
 * // [{ field: 'sex', registered: 'male', answered: 'female' }]
 */
export function intakeRegisterMismatches(
  register: { readonly sex: Sex; readonly birthDate: string },
  values: IntakeValues,
): ReadonlyArray<IntakeRegisterMismatch> {
  const out: IntakeRegisterMismatch[] = [];
  const answeredSex = SEX_OF_CHOICE[choiceOf(values.sex) ?? ''];
  if (answeredSex && register.sex !== 'unknown' && answeredSex !== register.sex) out.push({ field: 'sex', registered: register.sex, answered: answeredSex });
  const birth = values.birth_date;
  if (typeof birth === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(birth) && birth !== register.birthDate) {
    out.push({ field: 'birth_date', registered: register.birthDate, answered: birth });
  }
  return out;
}
