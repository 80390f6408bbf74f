import type { ScaleDefinition } from './scale-definition.ts';

/**
 * Whether a scale may be given to a patient of this age: null when it may (or the scale has no age
 * range, or the age is unknown), else the range it is validated for. PHQ-9 is for 13 and over;
 * PHQ-9 Modified for Teens for 12–18.
 *
 * @example
 * scaleAgeIssue(phq9, 10); // { min: 13 }
 * scaleAgeIssue(phq9, 30); // null
 */
export function scaleAgeIssue(definition: Pick<ScaleDefinition, 'ageRange'>, ageYears: number | null): { readonly min?: number; readonly max?: number } | null {
  const r = definition.ageRange;
  if (!r || ageYears === null) return null;
  if ((r.min !== undefined && ageYears < r.min) || (r.max !== undefined && ageYears > r.max)) return r;
  return null;
}
