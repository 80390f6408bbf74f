export * from './adverse-event.ts';
export * from './sae-alert.ts';
