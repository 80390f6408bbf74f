export const sexes = ['male', 'female', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

export interface Guardian {
  readonly name: string;
  readonly nameKana: string | null;
  /** e.g. 母, 父, 祖母, 後見人 — free text, as families are not all alike. */
  readonly relation: string;
  readonly phone: string | null;
  readonly email: string | null;
}

/** What staff enter to register or edit a patient (before normalisation). */
export interface PatientInput {
  readonly nameKanji: string;
  readonly nameKana: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly postalCode?: string | null;
  readonly address?: string | null;
  readonly notes?: string | null;
  readonly guardians?: ReadonlyArray<{
    readonly name: string;
    readonly nameKana?: string | null;
    readonly relation: string;
    readonly phone?: string | null;
    readonly email?: string | null;
  }>;
}

/** A patient as the register holds it. */
export interface Patient {
  readonly id: string;
  readonly clinicId: string;
  /** 診察券番号, assigned by the clinic in order of registration. */
  readonly patientNumber: string;
  readonly nameKanji: string;
  readonly nameKana: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly phone: string | null;
  readonly email: string | null;
  readonly postalCode: string | null;
  readonly address: string | null;
  readonly notes: string | null;
  readonly guardians: ReadonlyArray<Guardian>;
  readonly isDemo: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The fields kept in each history version (everything a user can edit). */
export const patientEditableFields = [
  'nameKanji', 'nameKana', 'birthDate', 'sex', 'phone', 'email', 'postalCode', 'address', 'notes', 'guardians',
] as const;
export type PatientEditableField = (typeof patientEditableFields)[number];

/** 診察券番号: zero-padded sequence, six digits (grows past 999999 without breaking order by length). */
export function formatPatientNumber(n: number): string {
  return String(n).padStart(6, '0');
}

/**
 * Age in completed years on `on` (both YYYY-MM-DD, clinic dates). Someone born on 29 February
 * turns a year older on 1 March in common years (年齢計算ニ関スル法律 counts the day before the
 * birthday; for clinical age the calendar birthday is the convention used here).
 *
 * @example ageOn('2010-05-10', '2026-05-09') // 15
 */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Minors (under 18) are registered with at least one guardian. */
export const ADULT_AGE = 18;
