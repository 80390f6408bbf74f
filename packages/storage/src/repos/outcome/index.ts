export * from './analysis-plan-repo.ts';
