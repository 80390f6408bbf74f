import i18next from 'i18next';
import { setApiLanguage, type Language } from '../../shared/api/client.ts';
import { storeLanguage } from './language.ts';

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'ja';
}

/** Tells the API client and the page (`<html lang>`) the language in use. */
export function applyLanguage(lang: Language): void {
  setApiLanguage(lang);
  document.documentElement.lang = lang;
}

export async function changeLanguage(lang: Language): Promise<void> {
  storeLanguage(lang);
  applyLanguage(lang);
  await i18next.changeLanguage(lang);
}
