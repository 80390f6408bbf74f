import type { Writable } from 'node:stream';

/**
 * Structured request logs with no patient data: method, route *pattern* (never the URL, whose query
 * may hold a name), status and request id. Bodies, headers and cookies are never logged.
 */
export function loggerOptions(level: string, stream?: Writable) {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string }; id: string }) => ({ method: req.method, route: req.routeOptions?.url, id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
