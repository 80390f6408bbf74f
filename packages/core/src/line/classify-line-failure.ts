/**
 * What to do after a LINE API call failed:
 * - `retry`: a network failure, a timeout or a 5xx; try again later with the same retry key.
 * - `rate_limited`: 429 for a rate or concurrency limit; back off, then try again.
 * - `quota`: 429 for the monthly message quota or the additional-message cap; LINE will refuse
 *   every push until the month changes, so never retry automatically: fall back to mail now.
 * - `already_sent`: 409 on a retry key LINE already accepted; the message went out.
 * - `permanent`: any other 4xx (a bad token, a user who blocked the account, a malformed message);
 *   retrying would fail the same way, so fall back to mail.
 */
export type LineFailureKind = 'retry' | 'rate_limited' | 'quota' | 'already_sent' | 'permanent';

/**
 * Classifies a failed LINE Messaging API call from its HTTP status (null when no answer came back)
 * and the `message` of its error body.
 *
 * @example
 * classifyLineFailure({ status: 429, message: 'You have reached your monthly limit.' }); // 'quota'
 */
export function classifyLineFailure(o: { readonly status: number | null; readonly message?: string | null }): LineFailureKind {
  const s = o.status;
  if (s === null || s >= 500 || s === 408) return 'retry';
  if (s === 409) return 'already_sent';
  if (s === 429) return /monthly limit|quota|additional message/i.test(o.message ?? '') ? 'quota' : 'rate_limited';
  return 'permanent';
}

const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 2 * 3600_000];

/** The most attempts of one LINE message before it counts as failed (and mail is sent instead). */
export const LINE_MAX_ATTEMPTS = 6;

/**
 * How long to wait before attempt `attempts + 1` of a LINE message (`attempts` made so far, ≥ 1):
 * 30 s, 2 min, 10 min, 30 min, then every 2 h; a `Retry-After` from LINE (seconds) is honoured when
 * it asks for longer.
 *
 * @example
 * lineBackoffMs({ attempts: 1 }); // 30000
 */
export function lineBackoffMs(o: { readonly attempts: number; readonly retryAfterSeconds?: number | null }): number {
  const base = BACKOFF_MS[Math.min(Math.max(o.attempts, 1) - 1, BACKOFF_MS.length - 1)]!;
  const asked = o.retryAfterSeconds && o.retryAfterSeconds > 0 ? o.retryAfterSeconds * 1000 : 0;
  return Math.max(base, asked);
}
