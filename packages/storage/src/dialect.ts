/** The two supported database engines. Only `dialects/`, `create-db.ts` and migrations branch on it. */
export type DialectName = 'sqlite' | 'postgres';
