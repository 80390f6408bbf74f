/** The shape of a dictionary: the same keys as Japanese, each a string. */
export type Dict<T> = { readonly [K in keyof T]: T[K] extends string ? string : Dict<T[K]> };
