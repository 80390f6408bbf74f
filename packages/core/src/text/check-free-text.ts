export type FreeTextInvalidReason = 'control_characters' | 'too_long';

export type FreeTextResult =
  | { readonly ok: true; readonly value: string; readonly length: number }
  | { readonly ok: false; readonly reason: FreeTextInvalidReason; readonly length: number };

export interface CheckFreeTextOptions {
  /** Maximum length in Unicode code points (an emoji or a kanji counts 1). */
  readonly maxLength: number;
  /** Allow line breaks (long text); otherwise a line break is a control character. */
  readonly multiline?: boolean;
}

// C0 controls except tab/newline, DEL, C1 controls, and the bidirectional overrides/isolates that
// can make text display differently from what it says ("Trojan Source", CVE-2021-42574). Lone
// surrogates cannot be stored as UTF-8 either.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether text holds characters that must not be stored: control characters (tab and, when
 * `multiline`, line breaks allowed), bidirectional overrides, lone surrogates.
 *
 * @example
 * hasControlCharacters('a\u0000b') // → true
 * hasControlCharacters('1行目\n2行目', { multiline: true }) // → false
 */
export function hasControlCharacters(s: string, options: { readonly multiline?: boolean } = {}): boolean {
  if (CONTROL.test(s)) return true;
  return !options.multiline && /[\r\n]/.test(s);
}

/**
 * Checks free text and returns the value to store: line endings made `\n`, ends trimmed, nothing
 * else changed. Markup such as `<b>` or `<script>` is kept verbatim: it is plain text to be escaped
 * by whatever renders it, and silently stripping it would change what the patient wrote.
 *
 * @example
 * checkFreeText(' <b>頭痛</b> \r\n', { maxLength: 100, multiline: true }) // → { ok: true, value: '<b>頭痛</b>', length: 8 }
 * checkFreeText('あ'.repeat(5), { maxLength: 4 }) // → { ok: false, reason: 'too_long', length: 5 }
 */
export function checkFreeText(s: string, options: CheckFreeTextOptions): FreeTextResult {
  const value = s.replace(/\r\n?/g, '\n').trim();
  const length = [...value].length;
  if (hasControlCharacters(value, { multiline: options.multiline })) {
    return { ok: false, reason: 'control_characters', length };
  }
  if (length > options.maxLength) return { ok: false, reason: 'too_long', length };
  return { ok: true, value, length };
}
