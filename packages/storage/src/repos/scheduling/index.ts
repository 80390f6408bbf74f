export * from './scheduling-config-repo.ts';
export * from './appointment-repo.ts';
