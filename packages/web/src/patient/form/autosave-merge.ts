// The pure rules of an autosaving form: which answers changed, what one save sends, and how the
// server's stored answers are taken over without losing what the patient typed meanwhile.

export type Answers<V> = Readonly<Record<string, V>>;

/** The answers that differ between two sets, including those only one of them has. */
export function changedKeys<V>(before: Answers<V>, after: Answers<V>): ReadonlyArray<string> {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
}

/** What one save sends for the given changed answers: each one's value, `null` for a cleared one. */
export function changesOf<V>(keys: Iterable<string>, answers: Answers<V>): Record<string, V | null> {
  const out: Record<string, V | null> = {};
  for (const k of keys) out[k] = answers[k] ?? null;
  return out;
}

/**
 * The answers after a save: the server's stored ones, except those changed since the save was sent
 * (`pending`), which keep the value on screen (or stay cleared).
 */
export function adoptStored<V>(stored: Answers<V>, onScreen: Answers<V>, pending: Iterable<string>): Answers<V> {
  const next: Record<string, V> = { ...stored };
  for (const k of pending) {
    const v = onScreen[k];
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  return next;
}

/** One answer set or cleared (`null` or `undefined` clears it). */
export function withAnswer<V>(answers: Answers<V>, key: string, value: NoInfer<V> | null | undefined): Answers<V> {
  const next: Record<string, V> = { ...answers };
  if (value === null || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
