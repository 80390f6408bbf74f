import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/index.ts';

/** Two buttons, 日本語 / English; the current one is pressed. */
export function LanguageSwitch(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      <button type="button" lang="ja" aria-pressed={lang === 'ja'} onClick={() => void changeLanguage('ja')}>
        日本語
      </button>
      <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => void changeLanguage('en')}>
        English
      </button>
    </div>
  );
}
