/**
 * Tables of the scheduling feature. Add table interfaces here and list them in `SchedulingTables`; the
 * migrations that create them live in `migrations/scheduling/`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchedulingTables {}
