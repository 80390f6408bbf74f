import { DomainError } from '../errors/domain-error.ts';

/** File types a certificate of analysis may be: a PDF from the laboratory or a photo / scan of it. */
export type CertificateMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** Largest certificate file accepted: a scanned multi-page PDF fits; anything bigger is a mistake. */
export const CERTIFICATE_MAX_BYTES = 5 * 1024 * 1024;

function startsWith(bytes: Uint8Array, sig: ReadonlyArray<number>): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/**
 * The media type of a certificate file judged from its first bytes (what the name or the browser
 * says is not trusted): `%PDF-`, the PNG signature, or the JPEG SOI marker. Refuses (`validation`)
 * an empty file, one over `CERTIFICATE_MAX_BYTES`, and any other content.
 *
 * @example
 * certificateMediaType(new TextEncoder().encode('%PDF-1.7 …')); // 'application/pdf'
 */
export function certificateMediaType(bytes: Uint8Array): CertificateMediaType {
  const fail = (key: string, params: Record<string, number> = {}): never => {
    throw new DomainError('validation', { key, params, issues: [{ path: 'certificate', key, params }] });
  };
  if (bytes.length === 0) fail('treatment.certificate_empty');
  if (bytes.length > CERTIFICATE_MAX_BYTES) fail('treatment.certificate_too_large', { maxMb: CERTIFICATE_MAX_BYTES / 1024 / 1024 });
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return fail('treatment.certificate_type');
}
