/** Before/after values of the rows where both are present, and how many rows were left out. */
export interface CompletePairs {
  readonly before: ReadonlyArray<number>;
  readonly after: ReadonlyArray<number>;
  /** Rows left out because the before or the after value (or both) is missing. */
  readonly missing: number;
}

/**
 * Keeps the rows where both values are present (null or a non-finite number is missing) and
 * counts the rest, so that every paired result can say how many rows it left out.
 * @example completePairs({ before: [10, null, 12], after: [8, 9, null] }) // { before: [10], after: [8], missing: 2 }
 */
export function completePairs(input: { readonly before: ReadonlyArray<number | null>; readonly after: ReadonlyArray<number | null> }): CompletePairs {
  const before: number[] = [];
  const after: number[] = [];
  let missing = 0;
  input.before.forEach((x, i) => {
    const y = input.after[i];
    if (x !== null && y !== null && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) {
      before.push(x);
      after.push(y);
    } else missing++;
  });
  return { before, after, missing };
}
