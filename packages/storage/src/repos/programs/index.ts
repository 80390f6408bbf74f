export * from './program-repo.ts';
export * from './program-data-cut-repo.ts';
export * from './product-lot-repo.ts';
export * from './sae-report-repo.ts';
