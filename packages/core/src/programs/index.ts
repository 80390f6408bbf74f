// Public surface of monitor programs: definitions, eligibility, enrolment, consent, schedule,
// dashboard, plus the ja/en message catalogue for every error these folders raise.
// The field checks and the two-language text type live below programs (labs, treatment, safety
// and medication use them too); they are re-exported here for the programs' callers.
export * from '../text/localized-text.ts';
export * from '../fields/index.ts';
export * from './sha256.ts';
export * from './icd10.ts';
export * from './price.ts';
export * from './registry-id.ts';
export * from './program-definition.ts';
export * from './regulatory-pathway.ts';
export * from './consent-roles-by-age.ts';
export * from './sample-document.ts';
export * from './current-consent-document.ts';
export * from './example-programs.ts';
export * from './eligibility.ts';
export * from './enrolment.ts';
export * from './consent-record.ts';
export * from './consent-state.ts';
export * from './propose-schedule.ts';
export * from './program-booking.ts';
export * from './reanchor-schedule.ts';
export * from './assessment-status.ts';
export * from './program-dashboard.ts';
export * from './messages.ts';
export * from './revise-program.ts';
export * from './program-safety.ts';
export * from './sae-reporting-deadlines.ts';
export * from './reconsent.ts';
export * from './retention.ts';
