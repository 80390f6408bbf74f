import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/api/api-error.ts';
import { api, setActivityHandler, setCsrfToken } from '../../shared/api/client.ts';
import { clockFromSession, type SessionClock } from '../../shared/api/session-clock.ts';
import type { Permission } from '@mimamori/core/auth/permissions';
import type { Session } from '../../shared/api/types.ts';

interface SessionState {
  readonly session: Session | null;
  readonly loading: boolean;
  readonly clock: SessionClock | null;
  /** Store a session the login or enrolment answer returned. */
  readonly signedIn: (session: Session) => void;
  /** Ask the server again (restarts its idle timer). */
  readonly refresh: () => Promise<Session | null>;
  readonly logout: () => Promise<void>;
  /** Forget the session locally (after a 401). */
  readonly forget: () => void;
  readonly can: (permission: Permission) => boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export const SESSION_KEY = ['session'] as const;

/** The session, or null when signed out (the status route answers 200 either way: no failed request on the sign-in page). */
async function fetchSession(): Promise<Session | null> {
  try {
    return (await api<{ session: Session | null }>('/api/auth/status')).session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function SessionProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, retry: false, staleTime: Infinity });
  const session = q.data ?? null;
  const [clock, setClock] = useState<SessionClock | null>(null);
  const clockRef = useRef<SessionClock | null>(null);
  clockRef.current = clock;

  // A new session object (login, refresh) resets the clock from the server's deadlines.
  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
    setClock(
      session
        ? clockFromSession({
            idleExpiresAt: session.idleExpiresAt,
            absoluteExpiresAt: session.absoluteExpiresAt,
            serverNow: null,
            localNow: Date.now(),
          })
        : null,
    );
  }, [session]);

  // Every successful request restarts the server's idle timer; mirror that.
  useEffect(() => {
    setActivityHandler(() => {
      const c = clockRef.current;
      if (c) setClock({ ...c, lastActivityAt: Date.now() });
    });
    return () => setActivityHandler(null);
  }, []);

  const signedIn = useCallback((s: Session) => qc.setQueryData(SESSION_KEY, s), [qc]);
  const refresh = useCallback(async () => {
    const s = await fetchSession();
    qc.setQueryData(SESSION_KEY, s);
    return s;
  }, [qc]);
  const forget = useCallback(() => {
    setCsrfToken(null);
    qc.clear();
    qc.setQueryData(SESSION_KEY, null);
  }, [qc]);
  const logout = useCallback(async () => {
    try {
      await api<void>('/api/auth/logout', { method: 'POST' });
    } finally {
      forget();
    }
  }, [forget]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      loading: q.isPending,
      clock,
      signedIn,
      refresh,
      logout,
      forget,
      can: (p: Permission) => session?.permissions.includes(p) ?? false,
    }),
    [session, q.isPending, clock, signedIn, refresh, logout, forget],
  );
  // Not knowing whether we are signed in (server down, rate limit, 5xx) is not "signed out":
  // say so and offer a retry instead of sending the user to the login page.
  if (q.isError) return <SessionUnavailable error={q.error} onRetry={() => void q.refetch()} />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function SessionUnavailable({ error, onRetry }: { readonly error: unknown; readonly onRetry: () => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <main id="main" className="auth__main">
      <div className="card auth__card">
        <h1>{t('session.unavailable')}</h1>
        <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
        <button type="button" className="btn btn--primary" onClick={onRetry}>
          {t('session.retry')}
        </button>
      </div>
    </main>
  );
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
