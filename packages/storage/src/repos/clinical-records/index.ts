export * from './clinical-records-repo.ts';
