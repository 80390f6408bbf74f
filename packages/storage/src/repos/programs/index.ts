export * from './program-repo.ts';
