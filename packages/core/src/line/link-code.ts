// Crockford's base32 without I, L, O, U: a code read off a screen or a QR code and typed or sent
// from a phone is not mistaken for another.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters of a link code (40 bits: guessing one of the few live codes in its 15 minutes is hopeless). */
export const LINK_CODE_LENGTH = 8;

/** How long a link code may be sent, in minutes: long enough to add the account and send it, no longer. */
export const LINK_CODE_MINUTES = 15;

/** Wrong codes a LINE user may send within `LINK_CODE_FAILURE_WINDOW_MINUTES` before codes from them are no longer tried. */
export const LINK_CODE_MAX_FAILURES = 5;

/** The window, in minutes, over which a LINE user's wrong codes are counted. */
export const LINK_CODE_FAILURE_WINDOW_MINUTES = 60;

/**
 * Whether a LINE user may try a link code now: fewer than `LINK_CODE_MAX_FAILURES` wrong codes
 * within the window before `now`. A locked-out sender's codes are not even looked up, so guessing
 * learns nothing; the lock lifts as the old failures leave the window.
 *
 * @example
 * linkCodeAttemptAllowed({ failures: ['2026-12-01T00:59:00Z'], now: Date.parse('2026-12-01T01:00:00Z') }); // true
 */
export function linkCodeAttemptAllowed(o: { readonly failures: ReadonlyArray<string>; readonly now: number }): boolean {
  const since = o.now - LINK_CODE_FAILURE_WINDOW_MINUTES * 60_000;
  return o.failures.filter((f) => Date.parse(f) > since).length < LINK_CODE_MAX_FAILURES;
}

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
