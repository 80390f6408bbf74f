/**
 * When the session ends, as seen from this browser. The server restarts its idle timer on every
 * request, so the idle deadline moves with each successful API answer; the absolute deadline never
 * moves. Server times are converted to local time with the offset between the server's clock (its
 * `Date` header) and ours, so a wrong PC clock does not make the warning early or late.
 */
export interface SessionClock {
  /** Idle timeout length in ms, as the server granted it. */
  readonly idleMs: number;
  /** Local time (ms) of the last request the server saw. */
  readonly lastActivityAt: number;
  /** Local time (ms) at which the session ends regardless of activity. */
  readonly absoluteEndsAt: number;
}

export function clockFromSession(options: {
  readonly idleExpiresAt: string;
  readonly absoluteExpiresAt: string;
  /** Server time of the answer (Date header), or null to trust the local clock. */
  readonly serverNow: number | null;
  readonly localNow: number;
}): SessionClock {
  const serverNow = options.serverNow ?? options.localNow;
  const offset = options.localNow - serverNow;
  const idleMs = Math.max(0, Date.parse(options.idleExpiresAt) - serverNow);
  return { idleMs, lastActivityAt: options.localNow, absoluteEndsAt: Date.parse(options.absoluteExpiresAt) + offset };
}

/** The local time at which the session will end if nothing else happens. */
export function sessionEndsAt(clock: SessionClock): number {
  return Math.min(clock.lastActivityAt + clock.idleMs, clock.absoluteEndsAt);
}

export type SessionPhase = 'active' | 'warning' | 'expired';

/** Warn `warnMs` before the end; "continue" helps only when the end is the idle one. */
export function sessionPhase(clock: SessionClock, localNow: number, warnMs = 120_000): SessionPhase {
  const end = sessionEndsAt(clock);
  if (localNow >= end) return 'expired';
  return end - localNow <= warnMs ? 'warning' : 'active';
}

/** True when the coming end is the absolute (12 h) limit, which "continue" cannot extend. */
export function endsByAbsoluteLimit(clock: SessionClock): boolean {
  return clock.absoluteEndsAt <= clock.lastActivityAt + clock.idleMs;
}
