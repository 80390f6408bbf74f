export * from './errors/domain-error.ts';
