export * from './adverse-event.ts';
export * from './sae-alert.ts';
export * from './alert-severity.ts';
export * from './risk-phrases.ts';
export * from './on-call.ts';
export * from './crisis-contacts-for.ts';
export * from './safety-messages.ts';
