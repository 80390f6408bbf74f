import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch.tsx';

/** The frame of the signed-out pages: brand, language switch, one card. */
export function AuthFrame({ title, children }: { readonly title: string; readonly children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="auth">
      <header className="auth__header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="auth__main">
        <div className="card auth__card">
          <h1>{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
