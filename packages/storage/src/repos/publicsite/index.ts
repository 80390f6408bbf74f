export * from './site-content-repo.ts';
export * from './recruitment-page-repo.ts';
export * from './application-repo.ts';
