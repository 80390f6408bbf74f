import { useEffect, type ReactNode } from 'react';
import type { Permission } from '@mimamori/core/auth/permissions';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from '../../shared/api/client.ts';
import { Loading } from '../components/page.tsx';
import { InvitePage } from '../features/auth/invite-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { SetupPage } from '../features/auth/setup-page.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { ForbiddenPage, NotFoundPage } from '../features/placeholder/not-found-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { visibleNav } from './nav.ts';
import { STAFF_ROUTES } from './routes.ts';
import { useSession } from '../session/session.tsx';

/** Staff pages need a session; without one the user goes to login and comes back afterwards. */
function RequireSession({ children }: { readonly children: ReactNode }): ReactNode {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return children;
}

/** A page the role may not open says so, without asking the server for data it would refuse. */
function Allow({ permission, children }: { readonly permission: Permission; readonly children: ReactNode }): ReactNode {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenPage permission={permission} />;
}

export function App(): ReactNode {
  const navigate = useNavigate();
  const { forget } = useSession();

  // A 401 from any API call means the session ended (idle, absolute, disabled, logged out elsewhere).
  useEffect(() => {
    setUnauthorizedHandler(() => {
      forget();
      void navigate('/login?expired=1', { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [forget, navigate]);

  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/invite" element={<InvitePage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<DashboardPage visibleNav={visibleNav} />} />
        {STAFF_ROUTES.map(({ path, access, page: Page }) => (
          <Route
            key={path}
            path={path}
            element={
              access === 'authenticated' ? (
                <Page />
              ) : (
                <Allow permission={access}>
                  <Page />
                </Allow>
              )
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
