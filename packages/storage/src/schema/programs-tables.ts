/**
 * Tables of the programs feature. Add table interfaces here and list them in `ProgramsTables`; the
 * migrations that create them live in `migrations/programs/`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProgramsTables {}
