/** The server's one source of "now", passed in so tests can move time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * The environment variable that starts the server's clock at a given instant, for browser tests and
 * date checks only (never in production: see `clockFromEnv`).
 */
export const FIXED_NOW_ENV = 'MIMAMORI_FIXED_NOW';

/**
 * A clock that reads `startMs` at `originMs` (by the system clock) and runs on in real time from
 * there, so sessions, holds and timeouts behave as usual while "today" is a date the caller chose.
 */
export function shiftedClock(startMs: number, originMs: number, wall: () => number = Date.now): Clock {
  const offset = startMs - originMs;
  return () => new Date(wall() + offset);
}

/**
 * The clock `main.ts` runs on: the system clock, or — with `MIMAMORI_FIXED_NOW` set to an ISO 8601
 * instant with its offset (`2026-12-07T10:00:00+09:00`) — a clock that reads that instant when the
 * process started and runs on in real time. Refused when `NODE_ENV=production` or the value is not
 * a complete instant, so it cannot be switched on by a stray or mistyped variable on a clinic's
 * server. `fixed` is the start instant, for the loud warning the caller prints.
 */
export function clockFromEnv(env: Readonly<Record<string, string | undefined>>, processStartMs: number): { clock: Clock; fixed: string | null } {
  const raw = env[FIXED_NOW_ENV]?.trim();
  if (!raw) return { clock: systemClock, fixed: null };
  if (env.NODE_ENV === 'production') {
    throw new Error(`${FIXED_NOW_ENV} is set but NODE_ENV=production: a fixed clock is for tests only. Unset ${FIXED_NOW_ENV}.`);
  }
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new Error(`${FIXED_NOW_ENV}=${raw} is not an ISO 8601 instant with its offset (for example 2026-12-07T10:00:00+09:00).`);
  }
  return { clock: shiftedClock(ms, processStartMs), fixed: new Date(ms).toISOString() };
}
