export * from './vitals.ts';
export * from './infusion-record.ts';
export * from './tms-record.ts';
export * from './normalise-lot.ts';
