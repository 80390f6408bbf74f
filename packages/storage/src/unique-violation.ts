/** True when a database error is a unique-constraint violation, on PostgreSQL (23505) or SQLite. */
export function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: string; message?: string } | null;
  return Boolean(x && (x.code === '23505' || x.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(x.message ?? '')));
}
