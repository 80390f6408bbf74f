export * from './vitals.ts';
export * from './infusion-record.ts';
export * from './tms-record.ts';
export * from './normalise-lot.ts';
export * from './product-lot.ts';
export * from './certificate-file.ts';
export * from './session-window.ts';
export * from './tms-age.ts';
