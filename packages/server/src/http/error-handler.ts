import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDomainError, type ErrorCode } from '@mimamori/core';
import type { StorageErrorKind } from '@mimamori/storage';
import { langOf, type Lang } from '../i18n/lang.ts';
import type { Messages } from '../i18n/messages.ts';
import { errorStatus } from './error-status.ts';

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode | 'method_not_allowed' | 'route_not_found';
    readonly message: string;
    readonly details?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
    readonly [extra: string]: unknown;
  };
}

interface ZodIssueLike {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message: string;
  readonly params: Record<string, unknown>;
}

/** One field-level message per zod issue, in the request's language. */
function detailOf(issue: ZodIssueLike, o: { readonly lang: Lang; readonly messages: Messages }): Array<{ path: string; message: string }> {
  const { lang, messages } = o;
  const translate = messages.translate;
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      return [{ path, message: translate(/received undefined/.test(issue.message) ? 'required' : 'invalid_type', lang) }];
    case 'too_big':
      return [{ path, message: translate(p.origin === 'string' ? 'too_long' : 'too_big', lang, { max: p.maximum }) }];
    case 'too_small':
      if (p.origin === 'string' && Number(p.minimum) === 1) return [{ path, message: translate('required', lang) }];
      return [{ path, message: translate(p.origin === 'string' ? 'too_short' : 'too_small', lang, { min: p.minimum }) }];
    case 'unrecognized_keys':
      return ((p.keys as string[] | undefined) ?? []).map((k) => ({ path: path ? `${path}.${k}` : k, message: translate('unknown_field', lang) }));
    case 'invalid_value':
      return [{ path, message: translate('invalid_value', lang) }];
    case 'invalid_format':
      return [{ path, message: translate(p.format === 'email' ? 'invalid_email' : p.format === 'date' ? 'invalid_date' : 'invalid_type', lang) }];
    default:
      return [{ path, message: messages.has(issue.message) ? translate(issue.message, lang, p) : translate('invalid_type', lang) }];
  }
}

export function sendError(reply: FastifyReply, req: FastifyRequest, code: ErrorBody['error']['code'], opts: {
  key?: string; params?: Record<string, unknown>; details?: ErrorBody['error']['details']; status?: number; extra?: Record<string, unknown>;
} = {}): FastifyReply {
  const lang = langOf(req.headers['accept-language']);
  const { translate } = req.server.appState.messages;
  const status = opts.status ?? (code === 'method_not_allowed' ? 405 : code === 'route_not_found' ? 404 : errorStatus[code]);
  const body: ErrorBody = {
    error: {
      code,
      message: translate(opts.key ?? code, lang, { ...opts.params, requestId: req.id }),
      ...(opts.details && opts.details.length ? { details: opts.details } : {}),
      ...opts.extra,
    },
  };
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

/**
 * The single translation from thrown errors to HTTP. Domain errors keep their code; schema and
 * parser errors become 4xx; anything else is a generic 500 with the request id and no internals.
 */
export function installErrorHandler(app: FastifyInstance, o: { readonly onStorageError?: (err: unknown) => StorageErrorKind | null } = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = langOf(req.headers['accept-language']);
    const messages = req.server.appState.messages;
    if (isDomainError(err)) {
      // The body keeps its `details: [{ path, message }]` shape: each issue worded in the request's language.
      const details = err.issues.map((i) => ({ path: i.path, message: messages.translate(i.key, lang, { ...err.params, ...i.params }) }));
      return sendError(reply, req, err.code, { key: err.key, params: err.params, details, extra: err.extra ?? undefined });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = (err.validation as unknown as ZodIssueLike[]).flatMap((i) => detailOf(i, { lang, messages }));
      return sendError(reply, req, 'validation', { details });
    }
    const code = err.code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, req, 'payload_too_large');
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return sendError(reply, req, 'unsupported_media_type');
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      return sendError(reply, req, 'validation', { key: 'malformed_json' });
    }
    if (code === 'FST_ERR_RATE_LIMIT' || err.statusCode === 429) {
      return sendError(reply, req, 'rate_limited', { params: { retryAfter: reply.getHeader('retry-after') ?? 60 } });
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, req, 'validation', { status: err.statusCode, key: err.statusCode === 404 ? 'not_found' : 'validation' });
    }
    // The database's storage refused (no space, a damaged page): the transaction was rolled back.
    const storage = o.onStorageError?.(err) ?? null;
    if (storage) {
      req.log.error({ errCode: err.code, route: req.routeOptions.url }, storage === 'disk_full' ? 'write refused: the disk is full' : 'query failed: the database is damaged');
      return sendError(reply, req, storage === 'disk_full' ? 'disk_full' : 'database_corrupt');
    }
    // Log the error class and the route only: messages may quote input, which may be patient data.
    req.log.error({ errName: err.name, errCode: err.code, route: req.routeOptions.url, frames: err.stack?.split('\n').slice(1, 7).map((l) => l.trim()).join(' | ') }, 'unhandled error');
    return sendError(reply, req, 'internal');
  });

}
