import type { Language } from '../../shared/api/client.ts';

// Only the language choice is stored in the browser, never patient data.
const KEY = 'mimamori.lang';

export function storedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'ja' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

export function storeLanguage(lang: Language): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Storage may be blocked (private mode); the choice then lasts for this page only.
  }
}

/** The stored choice, else English for English-language browsers, else Japanese. */
export function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  const nav = typeof navigator === 'undefined' ? 'ja' : navigator.language.toLowerCase();
  return nav.startsWith('en') ? 'en' : 'ja';
}
