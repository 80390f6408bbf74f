import { isKana } from '../text/is-kana.ts';
import { normalizeFurigana, normalizeKana } from '../text/normalize-kana.ts';
import { normalizePhone } from '../text/normalize-phone.ts';
import { normalizePostalCode } from '../text/normalize-postal-code.ts';
import { validateDateString } from '../text/validate-date-string.ts';
import { DomainError, type Issue } from '../errors/domain-error.ts';
import { ADULT_AGE, ageOn, type Guardian, type PatientInput, type Sex } from './patient.ts';

/** A patient input after validation: normalised values plus the search keys to store. */
export interface NormalizedPatient {
  readonly nameKanji: string;
  readonly nameKana: string;
  readonly nameKanaNorm: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly phone: string | null;
  readonly phoneNorm: string | null;
  readonly email: string | null;
  readonly postalCode: string | null;
  readonly address: string | null;
  readonly notes: string | null;
  readonly guardians: ReadonlyArray<Guardian>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function blank(s: string | null | undefined): boolean {
  return s === undefined || s === null || s.trim() === '';
}

/**
 * Validates and normalises a patient registration: フリガナ is kana (stored as full-width katakana),
 * the birth date is a real past date, phone and postal code are Japanese formats (stored in
 * display form; the phone's digits are the search key), minors have a guardian. Throws one
 * `validation` DomainError listing every field problem (message keys), so the form can show them
 * all at once.
 *
 * @example
 * checkPatientInput({ nameKanji: '山田 太郎', nameKana: 'やまだ たろう', birthDate: '1990-04-01', sex: 'male' }, { today: '2026-11-29' })
 * // → { nameKana: 'ヤマダ タロウ', nameKanaNorm: 'ヤマダタロウ', … }
 */
export function checkPatientInput(input: PatientInput, options: { readonly today: string }): NormalizedPatient {
  const issues: Issue[] = [];
  const add = (path: string, key: string): void => {
    issues.push({ path, key });
  };
  if (blank(input.nameKanji)) add('nameKanji', 'required');
  if (blank(input.nameKana)) add('nameKana', 'required');
  else if (!isKana(input.nameKana)) add('nameKana', 'invalid_kana');
  const birth = validateDateString(input.birthDate, { today: options.today, birthDate: true });
  if (!birth.ok) add('birthDate', birth.reason === 'future' ? 'date_in_future' : birth.reason === 'implausible' ? 'date_too_old' : birth.reason === 'empty' ? 'required' : 'invalid_date');
  let phone: string | null = null;
  let phoneNorm: string | null = null;
  if (!blank(input.phone)) {
    const p = normalizePhone(input.phone!);
    if (p.ok) {
      phone = p.display;
      phoneNorm = p.national;
    } else add('phone', 'invalid_phone');
  }
  if (!blank(input.email) && !EMAIL.test(input.email!.trim())) add('email', 'invalid_email');
  let postalCode: string | null = null;
  if (!blank(input.postalCode)) {
    const pc = normalizePostalCode(input.postalCode!);
    if (pc.ok) postalCode = pc.display;
    else add('postalCode', 'invalid_postal_code');
  }
  const guardians: Guardian[] = [];
  (input.guardians ?? []).forEach((g, i) => {
    if (blank(g.name)) add(`guardians.${i}.name`, 'required');
    if (blank(g.relation)) add(`guardians.${i}.relation`, 'required');
    if (!blank(g.nameKana) && !isKana(g.nameKana!)) add(`guardians.${i}.nameKana`, 'invalid_kana');
    let gPhone: string | null = null;
    if (!blank(g.phone)) {
      const p = normalizePhone(g.phone!);
      if (p.ok) gPhone = p.display;
      else add(`guardians.${i}.phone`, 'invalid_phone');
    }
    if (!blank(g.email) && !EMAIL.test(g.email!.trim())) add(`guardians.${i}.email`, 'invalid_email');
    guardians.push({
      name: g.name.trim(),
      nameKana: blank(g.nameKana) ? null : normalizeFurigana(g.nameKana!.trim()),
      relation: g.relation.trim(),
      phone: gPhone,
      email: blank(g.email) ? null : g.email!.trim(),
    });
  });
  if (birth.ok && ageOn(birth.value, options.today) < ADULT_AGE && guardians.length === 0) add('guardians', 'guardian_required');
  if (issues.length) throw new DomainError('validation', { issues });
  const nameKana = normalizeFurigana(input.nameKana.trim());
  return {
    nameKanji: input.nameKanji.trim().replace(/\s+/g, ' '),
    nameKana,
    nameKanaNorm: normalizeKana(nameKana),
    birthDate: birth.ok ? birth.value : input.birthDate,
    sex: input.sex,
    phone,
    phoneNorm,
    email: blank(input.email) ? null : input.email!.trim(),
    postalCode,
    address: blank(input.address) ? null : input.address!.trim(),
    notes: blank(input.notes) ? null : input.notes!,
    guardians,
  };
}
