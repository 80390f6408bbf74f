import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { acceptsGzip } from './accepts-gzip.ts';

/** Below this size compression costs more than it saves. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|javascript)|text\/(html|css|plain|javascript|csv)|image\/svg\+xml)/i;

/** Whether `Accept-Encoding` offers brotli with a weight above zero. */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.split(';');
    if (coding.trim().toLowerCase() !== 'br') return false;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/**
 * Compresses the answers the server builds in memory (API JSON, the public HTML pages) with brotli
 * or gzip when the client offers it. Files are served pre-compressed by the static handler instead
 * (`scripts/compress-web.mjs` writes `.br` and `.gz` beside each built asset), and an answer that
 * already carries a `Content-Encoding` is left alone.
 */
export function installAnswerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.getHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < MIN_BYTES) return payload;
    const accept = req.headers['accept-encoding'];
    let out: Buffer;
    if (acceptsBrotli(accept)) {
      out = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      reply.header('content-encoding', 'br');
    } else if (acceptsGzip(accept)) {
      out = gzipSync(body, { level: 6 });
      reply.header('content-encoding', 'gzip');
    } else {
      return payload;
    }
    reply.header('vary', 'accept-encoding');
    reply.removeHeader('content-length');
    return out;
  });
}
