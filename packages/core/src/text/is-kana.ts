import { normalizeWidth } from './normalize-kana.ts';

// Hiragana, katakana (incl. ヴ, ヵヶ, ヷ–ヺ), the long-vowel mark, the middle dot used between
// the parts of foreign names, iteration marks, and spaces.
const KANA_ONLY = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FB\u30FC\u30FD\u30FE ]+$/u;
const HAS_KANA = /[\u3041-\u3096\u30A1-\u30FA]/u;
const DASH_AFTER_KANA = /([\u3041-\u3096\u30A1-\u30FA\u30FC])[-\u2010\u2011\u2212\uFF0D\u2015\u2500]/gu;

/**
 * Whether a フリガナ field holds only kana: hiragana or katakana (full- or half-width), spaces
 * (incl. U+3000), ー (or a dash typed in its place), ・. Empty or all-space input is not kana.
 *
 * @example
 * isKana('ﾔﾏﾀﾞ　たろう') // → true
 * isKana('山田') // → false
 * isKana('yamada') // → false
 */
export function isKana(s: string): boolean {
  // Width normalisation turns line breaks into spaces; a name field must not contain them at all.
  if (/[\u0000-\u001F\u007F-\u009F]/.test(s)) return false;
  const w = normalizeWidth(s).replace(DASH_AFTER_KANA, '$1ー');
  return KANA_ONLY.test(w) && HAS_KANA.test(w);
}
