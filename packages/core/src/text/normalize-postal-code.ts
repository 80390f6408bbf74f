export type PostalCodeResult =
  | { readonly ok: true; readonly digits: string; readonly display: string }
  | { readonly ok: false; readonly reason: 'empty' | 'format' };

/**
 * Japanese postal code (郵便番号): seven digits, written 123-4567. Accepts a leading 〒, full-width
 * digits and any hyphen or space between the parts.
 *
 * @example
 * normalizePostalCode('〒１２３ー４５６７') // → { ok: true, digits: '1234567', display: '123-4567' }
 * normalizePostalCode('123-456') // → { ok: false, reason: 'format' }
 */
export function normalizePostalCode(input: string): PostalCodeResult {
  const s = input
    .normalize('NFKC')
    .replace(/^\s*〒\s*/, '')
    .replace(/[\s\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF70]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^\d{7}$/.test(s)) return { ok: false, reason: 'format' };
  return { ok: true, digits: s, display: `${s.slice(0, 3)}-${s.slice(3)}` };
}
