/**
 * Kana and width normalisation for Japanese names and search.
 *
 * Patients type the same name many ways: ひらがな or カタカナ, half-width ｶﾀｶﾅ from old keyboards
 * (where a voiced sound is two characters, ｶﾞ), full-width ＡＢＣ/１２３, ideographic spaces
 * (U+3000), and a hyphen or dash where a long-vowel mark ー belongs. Search must find them all, so
 * every form folds to one key.
 */

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KANA_OFFSET = 0x60;

// Stand-alone (spacing) sound marks ゛゜ turn into a space plus a combining mark under NFKC; map them
// to the combining marks first so that NFC composes カ゛ into ガ like ｶﾞ.
const SPACING_MARKS: Readonly<Record<string, string>> = { '\u309B': '\u3099', '\u309C': '\u309A' };

// Characters people type for ー after a kana (hyphen, minus, dashes, box-drawing line, tilde-like
// wave dashes are left alone because they mean "from … to" in Japanese).
const LONG_VOWEL_LOOKALIKES = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\uFF0D\uFF70]/;
const KANA_CHAR = /[\u3041-\u3096\u30A1-\u30FA\u30FC]/;

/** Unicode space separators, including the ideographic space U+3000 and tabs. */
const SPACES = /[\s\u3000\u00A0\u2000-\u200B\u202F\u205F\uFEFF]+/g;

/**
 * Width normalisation only: half-width katakana → full-width (ｶﾞ → ガ), full-width ASCII and digits →
 * ASCII (ＡＢ１２ → AB12), any space (incl. U+3000) → one ASCII space, trimmed. Kana script is kept.
 *
 * @example
 * normalizeWidth('ﾔﾏﾀﾞ　ﾀﾛｳ１２') // → 'ヤマダ タロウ12'
 */
export function normalizeWidth(s: string): string {
  let out = '';
  for (const ch of s) out += SPACING_MARKS[ch] ?? ch;
  return out.normalize('NFKC').normalize('NFC').replace(SPACES, ' ').trim();
}

/**
 * Hiragana → katakana (ゔ → ヴ included); everything else unchanged.
 *
 * @example
 * toKatakana('やまだ たろう') // → 'ヤマダ タロウ'
 */
export function toKatakana(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= HIRAGANA_START && c <= HIRAGANA_END ? String.fromCodePoint(c + KANA_OFFSET) : ch;
  }
  return out;
}

/**
 * Katakana → hiragana where a hiragana exists (ヴ → ゔ; ヷ–ヺ and ー stay).
 *
 * @example
 * toHiragana('ヤマダ タロウ') // → 'やまだ たろう'
 */
export function toHiragana(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out +=
      c >= HIRAGANA_START + KANA_OFFSET && c <= HIRAGANA_END + KANA_OFFSET
        ? String.fromCodePoint(c - KANA_OFFSET)
        : ch;
  }
  return out;
}

/** Replaces dash-like characters that follow a kana by the long-vowel mark ー. */
function foldLongVowel(s: string): string {
  const chars = [...s];
  for (let i = 1; i < chars.length; i++) {
    if (LONG_VOWEL_LOOKALIKES.test(chars[i]) && KANA_CHAR.test(chars[i - 1])) chars[i] = 'ー';
  }
  return chars.join('');
}

/**
 * A フリガナ in its stored form: full-width katakana, long-vowel marks fixed, single spaces between
 * words. Use for display and storage; use {@link normalizeKana} for search keys.
 *
 * @example
 * normalizeFurigana('やまだ　ﾀﾛｰ') // → 'ヤマダ タロー'
 */
export function normalizeFurigana(s: string): string {
  return foldLongVowel(toKatakana(normalizeWidth(s)));
}

/**
 * The canonical search key of a name or kana string: width-normalised (ｶﾞ → ガ, ＡＢ → ab),
 * hiragana folded to katakana, dash look-alikes after kana made ー, spaces removed and Latin letters
 * lower-cased. Two spellings of the same reading give the same key.
 *
 * @example
 * normalizeKana('やまだ　たろう') === normalizeKana('ﾔﾏﾀﾞ ﾀﾛｳ') // → true ('ヤマダタロウ')
 * normalizeKana('ｺｰﾋｰ') === normalizeKana('こ-ひ-') // → true ('コーヒー')
 */
export function normalizeKana(s: string): string {
  return normalizeFurigana(s).replace(/ /g, '').toLowerCase();
}
