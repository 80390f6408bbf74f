import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * A signature line at the end of an exported file (the audit CSV), so that an edited copy can be
 * detected: HMAC-SHA-256 over every byte before the line, under a key derived from the clinic's
 * key file. The clinic checks a copy with `mimamori audit check-export FILE`.
 */
const PREFIX = '# signature: hmac-sha256 ';

function exportKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'mimamori export signature v1', 32));
}

function mac(masterKey: Buffer, body: string): string {
  return createHmac('sha256', exportKey(masterKey)).update(body, 'utf8').digest('hex');
}

/** `text` followed by its signature line (`\r\n`-terminated, as CSV lines are). */
export function appendExportSignature(masterKey: Buffer, text: string): string {
  return `${text}${PREFIX}${mac(masterKey, text)}\r\n`;
}

export type ExportCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'unsigned' | 'edited' };

/** Whether a signed export is exactly as it was written (by a server holding the same key file). */
export function checkExportSignature(masterKey: Buffer, text: string): ExportCheck {
  const at = text.lastIndexOf(PREFIX);
  if (at < 0 || (at > 0 && text[at - 1] !== '\n')) return { ok: false, reason: 'unsigned' };
  const m = /^([0-9a-f]{64})\r?\n?$/.exec(text.slice(at + PREFIX.length));
  if (!m) return { ok: false, reason: 'unsigned' };
  const expected = Buffer.from(mac(masterKey, text.slice(0, at)), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[1]!, 'hex')) ? { ok: true } : { ok: false, reason: 'edited' };
}
