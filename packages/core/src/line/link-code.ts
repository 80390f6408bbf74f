// Crockford's base32 without I, L, O, U: a code read off a screen or a QR code and typed or sent
// from a phone is not mistaken for another.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters of a link code (40 bits: guessing one of the few live codes in its 30 minutes is hopeless). */
export const LINK_CODE_LENGTH = 8;

/** How long a link code may be sent, in minutes. */
export const LINK_CODE_MINUTES = 30;

/**
 * Makes a link code from random bytes (the caller draws them from a CSPRNG; the core has no
 * randomness), shown as `MM-XXXX-XXXX`.
 *
 * @example
 * linkCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7])); // 'MM-0123-4567'
 */
export function linkCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < LINK_CODE_LENGTH) throw new RangeError(`a link code needs ${LINK_CODE_LENGTH} random bytes`);
  let s = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) s += ALPHABET[bytes[i]! % 32];
  return `MM-${s.slice(0, 4)}-${s.slice(4)}`;
}

/**
 * Finds a link code in a message as a patient may type it (full-width, lower case, with or without
 * the dashes, with words around it; the `MM` must be there, so a phone number is never taken for one) and returns it in the shown form; null when the
 * message holds none.
 *
 * @example
 * findLinkCode('ｍｍ－０１２３－４５６７ です'); // 'MM-0123-4567'
 */
export function findLinkCode(text: string): string | null {
  const plain = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[‐‑‒–—―ー−]/g, '-');
  const m = /(?:^|[^0-9A-Z])MM-?([0-9A-Z]{4})-?([0-9A-Z]{4})(?![0-9A-Z])/.exec(plain);
  if (!m) return null;
  const body = `${m[1]}${m[2]}`.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (![...body].every((c) => ALPHABET.includes(c))) return null;
  return `MM-${body.slice(0, 4)}-${body.slice(4)}`;
}
