export * from './analysis-plan-repo.ts';
export * from './data-cut-repo.ts';
