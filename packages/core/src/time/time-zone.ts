/**
 * IANA time zones through the standard `Intl.DateTimeFormat` — the only zone database the core
 * uses. The machine's own zone is never consulted: every function takes the zone as a parameter.
 */
import { DomainError } from '../errors/domain-error.ts';

/** An IANA time-zone name such as `Asia/Tokyo`. */
export type TimeZone = string;

/** The clinic zone used when a clinic does not say otherwise. */
export const DEFAULT_CLINIC_ZONE: TimeZone = 'Asia/Tokyo';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: TimeZone): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * Whether `zone` is an IANA zone name this runtime knows.
 *
 * @example
 * isTimeZone('Asia/Tokyo'); // true
 * isTimeZone('Mars/Olympus'); // false
 */
export function isTimeZone(zone: unknown): zone is TimeZone {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws a `validation` DomainError (key `time_zone_invalid`) unless `zone` is a known IANA zone.
 *
 * @example
 * assertTimeZone('Asia/Tokio'); // throws
 */
export function assertTimeZone(zone: unknown, field = 'zone'): asserts zone is TimeZone {
  if (!isTimeZone(zone)) {
    throw new DomainError('validation', {
      key: 'time_zone_invalid',
      params: { field },
      issues: [{ path: field, key: 'time_zone_invalid' }],
    });
  }
}

/** Wall-clock fields of an instant in a zone. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The wall-clock reading of epoch milliseconds `ms` in `zone` (seconds precision).
 *
 * @example
 * wallClockAt(Date.UTC(2026, 11, 1, 0, 0), 'Asia/Tokyo'); // { year: 2026, month: 12, day: 1, hour: 9, minute: 0, second: 0 }
 */
export function wallClockAt(ms: number, zone: TimeZone): WallClock {
  assertTimeZone(zone);
  const parts = formatterFor(zone).formatToParts(ms);
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value) % 24; break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      default: break;
    }
  }
  return { year, month, day, hour, minute, second };
}

function rawOffsetMs(ms: number, zone: TimeZone): number {
  const w = wallClockAt(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

// Offsets only change at transitions, so the offset at both ends of a 15-minute bucket, when equal,
// holds for the whole bucket (no zone has two transitions within 15 minutes). This keeps the Intl
// calls per availability query to a handful per day instead of two per slot.
const BUCKET_MS = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

function cachedRawOffset(bucketStart: number, zone: TimeZone): number {
  let byZone = offsetCache.get(zone);
  if (!byZone) {
    byZone = new Map();
    offsetCache.set(zone, byZone);
  }
  let off = byZone.get(bucketStart);
  if (off === undefined) {
    if (byZone.size > 50_000) byZone.clear();
    off = rawOffsetMs(bucketStart, zone);
    byZone.set(bucketStart, off);
  }
  return off;
}

/**
 * The zone's offset from UTC at instant `ms`, in minutes (Tokyo: 540; Los Angeles: −480 or −420).
 *
 * @example
 * zoneOffsetMinutes(Date.UTC(2026, 6, 1), 'America/Los_Angeles'); // -420
 */
export function zoneOffsetMinutes(ms: number, zone: TimeZone): number {
  assertTimeZone(zone);
  const b = Math.floor(ms / BUCKET_MS) * BUCKET_MS;
  const a = cachedRawOffset(b, zone);
  const z = cachedRawOffset(b + BUCKET_MS, zone);
  return Math.round((a === z ? a : rawOffsetMs(ms, zone)) / 60_000);
}
