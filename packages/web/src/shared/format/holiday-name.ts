/**
 * A holiday's name in the page's language: the server sends the Japanese name and, beside it, the
 * English one (`holidayNameEn`); undefined when the day is no holiday.
 */
export function holidayName(d: { readonly holidayName?: string; readonly holidayNameEn?: string }, lang: 'ja' | 'en'): string | undefined {
  return lang === 'en' ? (d.holidayNameEn ?? d.holidayName) : d.holidayName;
}

/** Text in brackets as the language writes them: （…） in Japanese, " (…)" in English. */
export function parenthesized(text: string, lang: 'ja' | 'en'): string {
  return lang === 'en' ? ` (${text})` : `（${text}）`;
}
