/**
 * Japanese telephone numbers: what patients type (全角数字, hyphens of every kind, brackets,
 * "+81 90-…", "+81 (0)3 …", "0081…") turned into E.164 for storage and a hyphenated national form for
 * display.
 *
 * Numbering plan (Ministry of Internal Affairs and Communications, 電気通信番号計画): a national
 * number starts with 0; fixed lines have 10 digits (0 + area code + local number); mobile
 * (060/070/080/090), IP (050) and 020 numbers have 11; 0120 and 0570 have 10; 0800 has 11.
 */

export type PhoneKind = 'mobile' | 'ip' | 'fixed' | 'toll_free' | 'navi_dial' | 'm2m';

export type PhoneInvalidReason =
  | 'empty'
  | 'characters'
  | 'foreign'
  | 'prefix'
  | 'length';

export type PhoneResult =
  | {
      readonly ok: true;
      /** `+819012345678`: store this. */
      readonly e164: string;
      /** `09012345678`: the national number, digits only. */
      readonly national: string;
      /** `090-1234-5678`: for display; see {@link formatPhoneDisplay} for the grouping rule. */
      readonly display: string;
      readonly kind: PhoneKind;
    }
  | { readonly ok: false; readonly reason: PhoneInvalidReason };

const SEPARATORS = /[\s\u3000()\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF70.]/g;

// Two-digit area codes (03 Tokyo, 06 Osaka). Other fixed numbers are
// grouped 3-3-4, which is right for the common three-digit codes (045, 052, 011, …) and keeps all
// digits for the rest; the E.164 form is the authority, not this grouping.
const TWO_DIGIT_AREA = new Set(['03', '06']);

function classify(n: string): { readonly kind: PhoneKind; readonly length: number } | null {
  // 0800 (free dial) before the 080 mobile block: both are 11 digits, so 080-0… cannot be a mobile.
  if (n.startsWith('0800')) return { kind: 'toll_free', length: 11 };
  if (/^0[6-9]0/.test(n)) return { kind: 'mobile', length: 11 };
  if (n.startsWith('050')) return { kind: 'ip', length: 11 };
  if (n.startsWith('020')) return { kind: 'm2m', length: 11 };
  if (n.startsWith('0120')) return { kind: 'toll_free', length: 10 };
  if (n.startsWith('0570')) return { kind: 'navi_dial', length: 10 };
  if (/^0[1-9]/.test(n) && !/^0[2-9]0/.test(n)) return { kind: 'fixed', length: 10 };
  return null;
}

/**
 * Normalises a Japanese phone number. Accepts full-width digits, any hyphen or dash, spaces,
 * brackets, and the international forms +81 / 0081 / 010-81 (with or without the trunk 0).
 *
 * @example
 * normalizePhone('０９０ー１２３４ー５６７８')
 * // → { ok: true, e164: '+819012345678', national: '09012345678', display: '090-1234-5678', kind: 'mobile' }
 * normalizePhone('+81 (0)3-1234-5678').display // → '03-1234-5678'
 * normalizePhone('090-1234-567') // → { ok: false, reason: 'length' }
 */
export function normalizePhone(input: string): PhoneResult {
  const raw = input.normalize('NFKC').replace(SEPARATORS, '');
  if (raw === '') return { ok: false, reason: 'empty' };
  if (!/^\+?\d+$/.test(raw)) return { ok: false, reason: 'characters' };
  let n = raw;
  const intl = /^(?:\+|00|010)(\d*)$/.exec(n);
  if (intl) {
    if (!intl[1].startsWith('81')) return { ok: false, reason: 'foreign' };
    const rest = intl[1].slice(2);
    n = rest.startsWith('0') ? rest : `0${rest}`;
  }
  if (!n.startsWith('0')) return { ok: false, reason: 'prefix' };
  const cls = classify(n);
  if (!cls) return { ok: false, reason: 'prefix' };
  if (n.length !== cls.length) return { ok: false, reason: 'length' };
  return { ok: true, e164: `+81${n.slice(1)}`, national: n, display: formatNational(n, cls.kind), kind: cls.kind };
}

function formatNational(n: string, kind: PhoneKind): string {
  switch (kind) {
    case 'mobile':
    case 'ip':
    case 'm2m':
      return `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
    case 'toll_free':
    case 'navi_dial':
      return `${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}`;
    case 'fixed': {
      const area = TWO_DIGIT_AREA.has(n.slice(0, 2)) ? 2 : 3;
      return `${n.slice(0, area)}-${n.slice(area, 6)}-${n.slice(6)}`;
    }
  }
}

/**
 * Whether the input is a valid Japanese phone number in any accepted spelling.
 *
 * @example
 * isValidPhone('03(1234)5678') // → true
 */
export function isValidPhone(input: string): boolean {
  return normalizePhone(input).ok;
}

/**
 * Display form of a stored E.164 (or national) number; returns the input unchanged when it is not a
 * valid Japanese number, so a bad stored value is still shown rather than hidden.
 *
 * @example
 * formatPhoneDisplay('+81612345678') // → '06-1234-5678'
 */
export function formatPhoneDisplay(stored: string): string {
  const r = normalizePhone(stored);
  return r.ok ? r.display : stored;
}
