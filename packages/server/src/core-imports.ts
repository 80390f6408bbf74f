// Core functions the server uses, gathered so deep import paths live in one place.
export { DomainError, checkPatientInput, formatPatientNumber, type Guardian, type Patient, type PatientInput, type Sex } from '@mimamori/core';
export { normalizeKana } from '@mimamori/core/text/normalize-kana';
import { instantToZoned } from '@mimamori/core/time/instant-to-zoned';

/** Today's date in the clinic's zone. */
export function instantToZonedDate(ms: number, zone: string): string {
  return instantToZoned(ms, zone).date;
}
