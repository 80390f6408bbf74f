/**
 * A short-lived cache of availability answers (serialized JSON). Availability is advisory — the
 * booking transaction checks again — so an answer may be reused for a moment: every write of this
 * process clears it at once (the generation), and answers live at most TTL_MS, which bounds what a
 * second server process may show after a booking made elsewhere.
 */
const TTL_MS = 2_000;
const MAX_ENTRIES = 256;

let generation = 0;
const entries = new Map<string, { readonly at: number; readonly generation: number; readonly body: string }>();

/** Called after every committed scheduling write (bookings, config). */
export function bumpSchedulingGeneration(): void {
  generation++;
  entries.clear();
}

export async function cachedJson(key: string, nowMs: number, compute: () => Promise<unknown>): Promise<string> {
  const hit = entries.get(key);
  if (hit && hit.generation === generation && nowMs >= hit.at && nowMs - hit.at < TTL_MS) return hit.body;
  const gen = generation;
  const body = JSON.stringify(await compute());
  if (gen === generation) {
    entries.delete(key);
    entries.set(key, { at: nowMs, generation: gen, body });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  return body;
}
