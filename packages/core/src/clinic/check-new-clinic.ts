import { DomainError, type Issue } from '../errors/domain-error.ts';

/** The longest clinic name (as the setup form allows). */
export const CLINIC_NAME_MAX = 100;

const CLINIC_ID = /^[a-z][a-z0-9-]{1,39}$/;

/** A new clinic as given: its name, an optional readable id (slug) and its IANA time zone. */
export interface NewClinicInput {
  readonly name: string;
  readonly id?: string;
  readonly timeZone: string;
}

/**
 * Checks a new clinic's name, id and zone and returns them trimmed; throws one `validation` error
 * listing every field at fault. Whether the name or id is already taken is the caller's question
 * (it needs the database).
 *
 * @example
 * checkNewClinic({ name: ' 見守りクリニック 梅田 ', id: 'umeda', timeZone: 'Asia/Tokyo' });
 * // { name: '見守りクリニック 梅田', id: 'umeda', timeZone: 'Asia/Tokyo' }
 */
export function checkNewClinic(input: NewClinicInput): NewClinicInput {
  const issues: Issue[] = [];
  const name = input.name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name) issues.push({ path: 'name', key: 'clinic.name_required' });
  else if ([...name].length > CLINIC_NAME_MAX) issues.push({ path: 'name', key: 'clinic.name_too_long', params: { max: CLINIC_NAME_MAX } });
  const id = input.id?.trim();
  if (id !== undefined && !CLINIC_ID.test(id)) issues.push({ path: 'id', key: 'clinic.id_invalid' });
  if (!isTimeZone(input.timeZone)) issues.push({ path: 'timeZone', key: 'clinic.zone_invalid', params: { zone: input.timeZone } });
  if (issues.length) throw new DomainError('validation', { key: issues.length === 1 ? issues[0]!.key : 'clinic.invalid', params: issues.length === 1 ? issues[0]!.params : undefined, issues });
  return { name, ...(id !== undefined ? { id } : {}), timeZone: input.timeZone };
}

function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
