import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 8 * 512;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * A random 16-hex-digit id for a request (in the `x-request-id` header, error bodies and the log).
 * Random bytes are drawn 4 kB at a time rather than one system call per request.
 */
export function newRequestId(): string {
  if (offset === POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const id = pool.toString('hex', offset, offset + 8);
  offset += 8;
  return id;
}
