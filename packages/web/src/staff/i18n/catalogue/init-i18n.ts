import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { applyLanguage } from '../index.ts';
import { initialLanguage } from '../language.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';

/**
 * Starts i18next with the staff app's catalogue: the foundation's strings and every feature's
 * dictionary (`ja.ts`, `en.ts` here gather them; the features only import the tools in `i18n/`).
 */
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
