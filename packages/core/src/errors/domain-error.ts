/**
 * The one error vocabulary of Mimamori. Domain code throws (or returns) a `DomainError` with a
 * string-literal `code`; the server maps each code to an HTTP status in exactly one table
 * (`packages/server/src/http/error-status.ts`) and renders the message in the request's language.
 *
 * `params` fill the message template (`{field}` etc.) and may be shown to the user; they must never
 * carry patient data that the user could not already see.
 *
 * `key` names the message in the catalogue (the code when absent); `issues` list the fields at
 * fault, each with its own message key and params, for a form to show next to the field; `extra`
 * carries data the client acts on.
 *
 * @example
 * throw new DomainError('validation', {
 *   key: 'booking.override_reason',
 *   issues: [{ path: 'doubleBook.reason', key: 'booking.override_reason' }],
 * });
 * throw new DomainError('not_found');
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'reauth_required'
  | 'csrf'
  | 'rate_limited'
  | 'locked'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'gone'
  | 'precondition_failed'
  | 'slot_unavailable'
  | 'cutoff_passed'
  | 'invalid_state'
  | 'disk_full'
  | 'database_corrupt'
  | 'internal';

export type ErrorParams = Readonly<Record<string, string | number | boolean | null>>;

/**
 * One problem with one field of an input: the one validation-issue shape of every feature. `path`
 * names the field (dot-separated, `answers.q3`, `schedule.0.day`; empty for the whole input), `key`
 * the message in the catalogue, `params` fill its template. Core returns issues; only the server's
 * error handler translates them, in the request's language.
 */
export interface Issue {
  readonly path: string;
  readonly key: string;
  readonly params?: ErrorParams;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Optional message key (in the server's message catalogue); defaults to the code. */
  readonly key: string;
  /** The fields at fault, each with its message key and params (translated by the server's error handler). */
  readonly issues: readonly Issue[];
  /** Data the client acts on, sent beside the message (e.g. the duplicates found, the clinic's phone). Never patient data the user could not already see. */
  readonly extra: Readonly<Record<string, unknown>> | null;

  constructor(
    code: ErrorCode,
    options: {
      readonly key?: string;
      readonly params?: ErrorParams;
      readonly message?: string;
      readonly issues?: readonly Issue[];
      readonly extra?: Readonly<Record<string, unknown>>;
    } = {},
  ) {
    super(options.message ?? options.key ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.key = options.key ?? code;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
    this.extra = options.extra ?? null;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
