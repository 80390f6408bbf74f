/**
 * What a database error means, on either engine. Callers above storage ask these questions and
 * never look at SQLSTATE codes (PostgreSQL) or `SQLITE_*` codes themselves.
 */

interface DriverError {
  readonly code?: unknown;
  readonly message?: unknown;
  /** PostgreSQL: the constraint that refused the row. */
  readonly constraint?: unknown;
}

function fieldsOf(e: unknown): { code: string; message: string; constraint: string | undefined } | null {
  if (typeof e !== 'object' || e === null) return null;
  const x = e as DriverError;
  return {
    code: typeof x.code === 'string' ? x.code : '',
    message: typeof x.message === 'string' ? x.message : '',
    constraint: typeof x.constraint === 'string' ? x.constraint : undefined,
  };
}

/**
 * True when a row was refused for a duplicate key: a unique index or a primary key. PostgreSQL
 * 23505 `unique_violation` (both kinds); SQLite `SQLITE_CONSTRAINT_UNIQUE` or
 * `SQLITE_CONSTRAINT_PRIMARYKEY` (both say "UNIQUE constraint failed").
 */
export function isUniqueViolation(e: unknown): boolean {
  const x = fieldsOf(e);
  if (!x) return false;
  return x.code === '23505' || x.code === 'SQLITE_CONSTRAINT_UNIQUE' || x.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(x.message);
}

/**
 * True when the exclusion rule named `constraint` refused a row: on PostgreSQL the exclusion
 * constraint of that name (23P01 `exclusion_violation`); on SQLite, which has no exclusion
 * constraints, the trigger that stands in for it and aborts with the constraint's name.
 */
export function isExclusionViolation(e: unknown, constraint: string): boolean {
  const x = fieldsOf(e);
  if (!x) return false;
  if (x.code === '23P01') return x.constraint === undefined || x.constraint === constraint;
  return x.message.includes(constraint);
}

/**
 * True when the transaction failed only because another one ran at the same time, so running it
 * again from the start may succeed: PostgreSQL 40001 `serialization_failure` and 40P01
 * `deadlock_detected`. SQLite's `SQLITE_BUSY` is not among them: the connection already waits up
 * to its busy timeout for the one writer (`dialects/sqlite.ts`), and better-sqlite3 waits
 * synchronously, so another try would only hold the process longer.
 */
export function isRetryable(e: unknown): boolean {
  const code = fieldsOf(e)?.code;
  return code === '40001' || code === '40P01';
}
