/**
 * Tables of the intake feature. Add table interfaces here and list them in `IntakeTables`; the
 * migrations that create them live in `migrations/intake/`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IntakeTables {}
