import type { ErrorBody, FieldIssue, PatientSummary } from './types.ts';

/** An error answer from the server (or a network failure, status 0), with its message already translated. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly FieldIssue[];
  readonly duplicates: readonly PatientSummary[];
  readonly retryAfterSeconds: number | null;
  /** The rest of the error body: data the page acts on (`taken`, `closedAppointments` …). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    details?: readonly FieldIssue[];
    duplicates?: readonly PatientSummary[];
    retryAfterSeconds?: number | null;
    extra?: Readonly<Record<string, unknown>>;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details ?? [];
    this.duplicates = options.duplicates ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.extra = options.extra ?? {};
  }

  /** A time someone else took a moment ago (not a holiday, a closed day or a rule). */
  get taken(): boolean {
    return this.extra.taken === true;
  }
}

/** Reads the error body of a non-2xx answer; falls back to the status text when it is not our JSON. */
export function toApiError(status: number, body: unknown, retryAfter: string | null, fallbackMessage: string): ApiError {
  const err = (body as ErrorBody | null)?.error;
  const retry = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    return new ApiError({
      status,
      code: err.code,
      message: err.message,
      details: Array.isArray(err.details) ? err.details : [],
      duplicates: Array.isArray(err.duplicates) ? err.duplicates : [],
      retryAfterSeconds: retry,
      extra: err as Readonly<Record<string, unknown>>,
    });
  }
  return new ApiError({ status, code: `http_${status}`, message: fallbackMessage, retryAfterSeconds: retry });
}

/**
 * Turns the server's issue paths ("nameKana", "/guardians/0/name", "body.guardians[0].name") into
 * one form the forms use as keys: "guardians.0.name".
 */
export function fieldKey(path: string): string {
  return path
    .replace(/^body[./]?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** Field errors keyed by `fieldKey`; the first message for a field wins. */
export function fieldErrors(error: unknown): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const d of error.details) {
      const key = fieldKey(d.path);
      if (key && !(key in out)) out[key] = d.message;
    }
  }
  return out;
}
