export * from './concomitant-medication.ts';
export * from './flag-confounders.ts';
export * from './co-intervention.ts';
