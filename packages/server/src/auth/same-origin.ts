import type { FastifyRequest } from 'fastify';

/**
 * Whether a request's `Origin` is this server's own origin: scheme, host and port all equal. At the
 * configured public address (`PUBLIC_URL`) its scheme counts, so that behind a proxy that ends TLS
 * only `https://…` is accepted although the request reaches the server as http; at any other
 * address (e.g. 127.0.0.1 on the clinic's network) the request's own scheme and Host header do.
 */
export function sameOrigin(origin: string, req: FastifyRequest, publicUrl: string): boolean {
  const host = req.headers.host?.toLowerCase();
  if (!host) return false;
  try {
    const sent = new URL(origin);
    const pub = new URL(publicUrl);
    const own = pub.host === host ? pub.origin : new URL(`${req.protocol}://${host}`).origin;
    return sent.origin !== 'null' && sent.origin === own;
  } catch {
    return false;
  }
}
