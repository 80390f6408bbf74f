export * from './errors/domain-error.ts';
export * from './auth/permissions.ts';
export * from './patients/patient.ts';
export * from './patients/check-patient-input.ts';
