import { createHmac } from 'node:crypto';
import { e2eNow } from './clock.ts';

function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of input.replace(/[\s=]+/g, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 code (SHA-1, 6 digits, 30 s) for a base32 secret: what an authenticator app shows. */
export function totpCode(secret: string, atMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 30_000)));
  const h = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const o = (h[19] as number) & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const used = new Map<string, Set<string>>();

/**
 * The current code for a secret, never one this test process has already used: the server
 * refuses a replayed code, so a second sign-in of the same account within one 30-second step
 * waits for the next step (as a person would).
 */
export async function freshTotpCode(secret: string): Promise<string> {
  const seen = used.get(secret) ?? new Set<string>();
  used.set(secret, seen);
  for (;;) {
    // The servers under test run on the tests' clock (e2e/helpers/clock.ts), so their codes do too.
    const now = e2eNow();
    const code = totpCode(secret, now);
    // Also avoid the last seconds of a step: the code could expire on its way to the server.
    if (!seen.has(code) && now % 30_000 < 27_000) {
      seen.add(code);
      return code;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
