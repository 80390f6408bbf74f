/**
 * Tables of the scales feature. Add table interfaces here and list them in `ScalesTables`; the
 * migrations that create them live in `migrations/scales/`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScalesTables {}
