/**
 * The clinic's own facts — name, address, phone — as the administrator enters them, checked once
 * for every place that shows them (patient mails, the public page, statements, booking messages).
 */
import { createIssues, throwIfIssues } from '../fields/field-issues.ts';
import { normalizePhone } from '../text/normalize-phone.ts';

export interface ClinicFactsInput {
  readonly name: string;
  readonly address: string;
  readonly phone: string;
}

export interface ClinicFacts {
  readonly name: string;
  /** Null until the administrator enters one. */
  readonly address: string | null;
  /** The national display form (`03-1234-5678`); empty until the administrator enters one. */
  readonly phone: string;
}

export const CLINIC_NAME_MAX = 100;
export const CLINIC_ADDRESS_MAX = 200;

/**
 * Checks and normalises the clinic's facts: a name (required), a Japanese phone number in any
 * usual spelling (stored in its hyphenated national form; empty means "none yet"), an address.
 * Every problem is reported at once (`validation`, key `clinic.facts_invalid`).
 *
 * @example
 * checkClinicFacts({ name: ' さくらクリニック ', address: '', phone: '０３（１２３４）５６７８' });
 * // { name: 'さくらクリニック', address: null, phone: '03-1234-5678' }
 */
export function checkClinicFacts(input: ClinicFactsInput): ClinicFacts {
  const issues = createIssues();
  const name = input.name.trim();
  if (name === '') issues.add('name', 'clinic.name_required');
  else if (name.length > CLINIC_NAME_MAX) issues.add('name', 'clinic.too_long', { max: CLINIC_NAME_MAX });
  const address = input.address.trim();
  if (address.length > CLINIC_ADDRESS_MAX) issues.add('address', 'clinic.too_long', { max: CLINIC_ADDRESS_MAX });
  let phone = '';
  if (input.phone.trim() !== '') {
    const p = normalizePhone(input.phone);
    if (p.ok) phone = p.display;
    else issues.add('phone', 'clinic.phone_invalid');
  }
  throwIfIssues(issues, 'clinic.facts_invalid');
  return { name, address: address === '' ? null : address, phone };
}
