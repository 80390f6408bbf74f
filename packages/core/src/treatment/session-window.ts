import { DomainError } from '../errors/domain-error.ts';

/** A dose given outside its window, confirmed with the reason (kept in the session record). */
export type OutsideWindow = {
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly reason: string;
};

/**
 * Whether a session given on `date` (clinic date) lies inside its window. Outside it, the session is
 * refused (`conflict`, `treatment.outside_window`, with the window in the message and in `extra`)
 * until it is confirmed with a reason; the confirmed deviation is returned to be stored and audited.
 * Inside the window, nothing is returned.
 *
 * @example
 * checkSessionWindow({ sessionNumber: 1, date: '2026-12-07', windowStart: '2026-12-12', windowEnd: '2026-12-16' });
 * // throws conflict: 第1回の投与日 12月7日（月）は予定の範囲 12月12日（土）〜12月16日（水）の外です …
 */
export function checkSessionWindow(o: {
  readonly sessionNumber: number;
  readonly date: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  /** The reason given when the staff confirmed the out-of-window dose. */
  readonly reason?: unknown;
}): OutsideWindow | undefined {
  if (o.date >= o.windowStart && o.date <= o.windowEnd) return undefined;
  const params = { n: o.sessionNumber, date: o.date, windowStartDate: o.windowStart, windowEndDate: o.windowEnd };
  if (o.reason === undefined || o.reason === null) {
    throw new DomainError('conflict', {
      key: 'treatment.outside_window',
      params,
      issues: [{ path: 'outsideWindowReason', key: 'treatment.outside_window', params }],
      extra: { needsConfirmation: 'outside_window', windowStart: o.windowStart, windowEnd: o.windowEnd, date: o.date },
    });
  }
  const reason = typeof o.reason === 'string' ? o.reason.trim() : '';
  if (reason === '' || reason.length > 1000) {
    const key = reason === '' ? 'treatment.outside_window_reason' : 'programs.field.too_long';
    throw new DomainError('validation', { key, params: { ...params, max: 1000 }, issues: [{ path: 'outsideWindowReason', key, params: { ...params, max: 1000 } }] });
  }
  return { windowStart: o.windowStart, windowEnd: o.windowEnd, reason };
}
