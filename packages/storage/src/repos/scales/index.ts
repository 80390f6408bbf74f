export * from './scale-response-repo.ts';
export * from './scale-definition-repo.ts';
export * from './scale-instance-repo.ts';
export * from './crisis-contact-repo.ts';
