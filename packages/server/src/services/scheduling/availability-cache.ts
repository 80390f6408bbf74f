/**
 * A short-lived cache of availability answers, kept serialized (JSON text and its entity tag) so a
 * hit costs no computing and no serializing. Availability is advisory — the booking transaction
 * checks again — so an answer may be reused for a moment: every write of this app clears it at
 * once (the generation), and answers live at most TTL_MS (2 × TTL_MS while a fresh one is being
 * computed), which bounds what a second server process may show after a booking made elsewhere.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const TTL_MS = 2_000;
const MAX_ENTRIES = 256;

/**
 * An answer as sent: the JSON bytes with a strong entity tag, and the same bytes gzip-compressed
 * with their own tag (a different representation). Three months of 再診: 18.7 kB, 0.9 kB gzipped.
 */
export interface CachedBody {
  readonly body: Buffer;
  readonly etag: string;
  readonly gzip: Buffer;
  readonly gzipEtag: string;
}

/** The cached form of a JSON text: compressed once, so a hit sends bytes as they are. */
export function cachedBodyOf(json: string): CachedBody {
  const body = Buffer.from(json, 'utf8');
  const etag = etagOf(json);
  return { body, etag, gzip: gzipSync(body), gzipEtag: `${etag.slice(0, -1)}-gz"` };
}

/** The entity tag of a JSON answer: a hash of its text, so equal answers share a tag across processes. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** A cache with the rules above: `(key, nowMs, compute)` gives the cached value or computes it. */
export type MomentCache<T> = (key: string, nowMs: number, compute: () => Promise<T>) => Promise<T>;

/**
 * Caches that one write empties together (an app's availability answers and the clinic
 * configurations they are computed from). Each app has its own group (`scheduling-state.ts`), so
 * nothing cached by one app is served by another.
 */
export interface CacheGroup {
  /** Called after every committed scheduling write (bookings, config): empties every cache of the group at once. */
  readonly invalidate: () => void;
  /** A new cache in this group, with the rules above (generation, TTL_MS, single flight, stale while revalidating). */
  readonly cache: <T>(maxEntries: number) => MomentCache<T>;
}

export function createCacheGroup(): CacheGroup {
  let generation = 0;
  const clears: Array<() => void> = [];
  const cache = <T>(maxEntries: number): MomentCache<T> => {
    const entries = new Map<string, { readonly at: number; readonly generation: number; readonly value: T }>();
    /** Computations in progress, so that requests missing the cache at the same moment share one. */
    const inflight = new Map<string, { readonly generation: number; readonly promise: Promise<T> }>();
    clears.push(() => {
      entries.clear();
      inflight.clear();
    });
    return async (key, nowMs, compute) => {
      const hit = entries.get(key);
      if (hit && hit.generation === generation && nowMs >= hit.at && nowMs - hit.at < TTL_MS) return hit.value;
      // Single flight: when an answer expires under load, every request then waiting would otherwise
      // compute it again at once (a stall of 50 computations for 50 clients).
      const running = inflight.get(key);
      if (running && running.generation === generation) {
        // Stale while revalidating: an answer just past its time (same generation, so no write of this
        // app since) is served while one request computes the new one.
        if (hit && hit.generation === generation && nowMs >= hit.at && nowMs - hit.at < 2 * TTL_MS) return hit.value;
        return running.promise;
      }
      const gen = generation;
      const promise = (async () => {
        const value = await compute();
        if (gen === generation) {
          entries.delete(key);
          entries.set(key, { at: nowMs, generation: gen, value });
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
        }
        return value;
      })();
      inflight.set(key, { generation: gen, promise });
      try {
        return await promise;
      } finally {
        if (inflight.get(key)?.promise === promise) inflight.delete(key);
      }
    };
  };
  return {
    invalidate: () => {
      generation++;
      for (const clear of clears) clear();
    },
    cache,
  };
}

/** An answers cache of {@link MAX_ENTRIES} serialized bodies, in `group`. */
export function answersCache(group: CacheGroup): (key: string, nowMs: number, compute: () => Promise<unknown>) => Promise<CachedBody> {
  const answers = group.cache<CachedBody>(MAX_ENTRIES);
  return (key, nowMs, compute) => answers(key, nowMs, async () => cachedBodyOf(JSON.stringify(await compute())));
}

/**
 * Whether an `If-None-Match` request header names `etag` (a list, `*`, or a weak form of it), so
 * the answer may be `304 Not Modified`.
 */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || v === `W/${etag}`;
  });
}
