/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { setApiLanguage } from '../shared/api/client.ts';
import { MESSAGES, loadLang, saveLang, type Lang } from './shared/i18n.ts';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { localPath, matchPath } from './shared/router.ts';
import { ROUTES } from './routes.tsx';

export function App() {
  const [lang, setLang] = useState<Lang>(loadLang);
  const [path, setPath] = useState(() => localPath(window.location.pathname));
  const [clinicName, setClinicName] = useState<string | null>(null);
  const m = MESSAGES[lang];

  useEffect(() => {
    const onPop = (): void => setPath(localPath(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    setApiLanguage(lang);
    saveLang(lang);
  }, [lang]);

  let page = null;
  for (const r of ROUTES) {
    const hit = matchPath(r.path, path);
    if (hit) {
      page = r.render({ params: hit.params, m, lang, setClinicName });
      break;
    }
  }

  useEffect(() => {
    document.title = m.service;
  }, [m]);

  return (
    <div class="page">
      <header class="header">
        <div class="header__brand">
          <span class="header__clinic">{clinicName ?? m.clinic}</span>
          <span class="header__service">{m.service}</span>
        </div>
        <div class="lang" role="group" aria-label={m.language}>
          <button type="button" lang="ja" aria-pressed={lang === 'ja'} onClick={() => setLang('ja')}>
            日本語
          </button>
          <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
            English
          </button>
        </div>
      </header>
      <main id="main" class="main">
        {page ?? <NotFoundPage m={m} />}
      </main>
      <footer class="footer">
        <p class="crisis">
          {m.crisisBefore}
          <a href="tel:119">119</a>
          {m.crisisAfter}
        </p>
        <p class="muted">{m.privacy}</p>
      </footer>
    </div>
  );
}
