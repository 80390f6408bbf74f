export * from './concomitant-medication.ts';
export * from './flag-confounders.ts';
