export * from './audit-action-labels.ts';
