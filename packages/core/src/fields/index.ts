// Field checks shared by every feature that validates a form of the core (programs, treatment,
// safety, medication, labs): each check records an issue instead of throwing, so a form shows all
// of its problems at once.
export * from './field-issues.ts';
export * from './check-date.ts';
