export * from './check-new-clinic.ts';
export * from './clinic-messages.ts';
