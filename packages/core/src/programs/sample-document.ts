/**
 * Whether a consent text is a sample (the example programs' placeholder texts start with 【見本】 or
 * [Sample]). A sample is never signed outside the demo clinic, however the program marks it.
 *
 * @example
 * isSampleText('説明文書\n\n【見本】この本文は見本です。'); // true
 */
export function isSampleText(text: string): boolean {
  return text.includes('【見本】') || text.includes('[Sample]');
}
