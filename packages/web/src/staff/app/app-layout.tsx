import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Loading } from '../components/page.tsx';
import { IdleWarning } from '../features/auth/idle-warning.tsx';
import { ReauthDialog } from '../features/auth/reauth-dialog.tsx';
import { BreakGlassBanner } from '../features/auth/break-glass.tsx';
import { HealthBanner } from '../features/health/health-banner.tsx';
import { visibleNav } from './nav.ts';
import { useSession } from '../session/session.tsx';

export function AppLayout(): ReactNode {
  const { t } = useTranslation();
  const { session, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  // Close the phone menu after navigating, and on Escape.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  if (!session) return null;
  const items = visibleNav(session.permissions);

  const onLogout = async (): Promise<void> => {
    try {
      await logout();
    } finally {
      void navigate('/login', { replace: true });
    }
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="topbar__menu"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span className="menu-icon" aria-hidden="true" />
          {t('app.menu')}
        </button>
        <div className="topbar__brand">
          <span className="brand">{t('app.name')}</span>
          <span className="topbar__clinic">{session.user.clinicName}</span>
        </div>
        <div className="topbar__tools">
          <LanguageSwitch />
          <span className="topbar__user">
            {session.user.displayName}
            <span className="role-tag">{t(`roles.${session.user.role}`)}</span>
          </span>
          <button type="button" className="btn btn--quiet" onClick={() => void onLogout()}>
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <div className="shell__body">
        <nav id="primary-nav" className={`sidenav${menuOpen ? ' sidenav--open' : ''}`} aria-label={t('app.mainNav')}>
          <ul>
            {items.map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} end={i.to === '/'}>
                  {t(i.label)}
                </NavLink>
              </li>
            ))}
          </ul>
          {/* On phones the header has no room for the user and logout; they live in the menu. */}
          <div className="sidenav__user">
            <span>
              {session.user.displayName} · {t(`roles.${session.user.role}`)}
            </span>
            <button type="button" className="btn" onClick={() => void onLogout()}>
              {t('auth.logout')}
            </button>
          </div>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <HealthBanner />
          <IdleWarning />
          <BreakGlassBanner />
          <ReauthDialog />
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
