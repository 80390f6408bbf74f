export * from './fhir-common.ts';
export * from './scale-to-questionnaire.ts';
export * from './to-questionnaire-response.ts';
export * from './score-to-observation.ts';
export * from './scale-from-questionnaire.ts';
