import type { ErrorCode } from '@mimamori/core';

/** The one table from domain error codes to HTTP statuses. */
export const errorStatus: Readonly<Record<ErrorCode, number>> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  reauth_required: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  slot_unavailable: 409,
  invalid_state: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  cutoff_passed: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  // The storage under the database refused (nothing was saved): the request was fine, the server is not.
  disk_full: 503,
  database_corrupt: 503,
};
