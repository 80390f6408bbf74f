import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage, type Language } from '../../shared/api/client.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { initialLanguage, storeLanguage } from './language.ts';

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'ja';
}

function applyLanguage(lang: Language): void {
  setApiLanguage(lang);
  document.documentElement.lang = lang;
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng,
    fallbackLng: 'ja',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  applyLanguage(lng);
}

export async function changeLanguage(lang: Language): Promise<void> {
  storeLanguage(lang);
  applyLanguage(lang);
  await i18next.changeLanguage(lang);
}
