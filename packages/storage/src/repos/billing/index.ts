export * from './billing-repo.ts';
