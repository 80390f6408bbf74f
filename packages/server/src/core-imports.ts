// Core functions the server uses, gathered so deep import paths live in one place.
export { DomainError, checkPatientInput, formatPatientNumber, type Guardian, type Patient, type PatientInput, type Sex } from '@mimamori/core';
export { normalizeKana } from '@mimamori/core/text/normalize-kana';
export { clinicDate } from '@mimamori/core/time/clinic-date';
export { formatWallClock } from '@mimamori/core/time/format-wall-clock';
export { DEFAULT_CLINIC_ZONE } from '@mimamori/core/time/time-zone';
