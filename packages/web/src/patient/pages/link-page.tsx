/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken } from '../../shared/api/client.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import type { Messages } from '../shared/i18n.ts';
import { navigate } from '../shared/router.ts';
import '../appointments/appointments.css';

/** Where a link of each purpose leads after "continue". Features add their purpose here. */
export const LINK_DESTINATIONS: Readonly<Record<string, (resourceId: string | null) => string>> = {
  appointments: () => '/appointments',
  intake: (id) => (id ? `/intake/${encodeURIComponent(id)}` : '/'),
  questionnaire: (id) => (id ? `/q/${encodeURIComponent(id)}` : '/'),
  statement: () => '/statement',
};

const TEXT = {
  ja: {
    title: 'ご案内',
    body: '「続ける」を押すと、ページが開きます。',
    go: '続ける',
    failed: 'うまくいきませんでした。もう一度お試しください。',
  },
  en: { title: 'Welcome', body: 'Press "Continue" to open the page.', go: 'Continue', failed: 'Something went wrong. Please try again.' },
} as const;

interface LinkInfo {
  readonly purpose: string;
  readonly clinicName: string;
  readonly expiresAt: string;
}

/**
 * `/p/l/<token>`: shows "continue" first. Opening the link spends nothing (mail scanners prefetch
 * links); only the button exchanges it for a session. The token leaves the address bar at once.
 */
export function LinkPage(props: {
  readonly token: string;
  readonly m: Messages;
  readonly lang: 'ja' | 'en';
  readonly setClinicName: (name: string) => void;
  /** Fetches ahead the code of the page at a path (where "continue" will lead). */
  readonly preloadPath?: (path: string) => void;
}) {
  const { token, m, lang, setClinicName, preloadPath } = props;
  const t = TEXT[lang];
  const [info, setInfo] = useState<LinkInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Keep the token out of history and screenshots; it lives in this component's memory only.
    window.history.replaceState(null, '', '/p/l');
    let stop = false;
    api<LinkInfo>(`/api/p/links/${encodeURIComponent(token)}`)
      .then((i) => {
        if (stop) return;
        setInfo(i);
        if (i.clinicName) setClinicName(i.clinicName);
        // The page "continue" leads to: its code arrives while the patient reads.
        const dest = LINK_DESTINATIONS[i.purpose];
        if (dest) preloadPath?.(dest('_'));
      })
      .catch(() => {
        if (!stop) navigate('/link-invalid');
      });
    return () => {
      stop = true;
    };
  }, [token, setClinicName]);

  const go = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const s = await api<{ purpose: string; resourceId: string | null; csrfToken: string }>('/api/p/links/exchange', {
        method: 'POST',
        body: { token },
      });
      setCsrfToken(s.csrfToken);
      const dest = LINK_DESTINATIONS[s.purpose];
      navigate(dest ? dest(s.resourceId) : '/');
    } catch (e) {
      if (e instanceof ApiError && (e.status === 410 || e.status === 404)) navigate('/link-invalid');
      else setError(e instanceof Error ? e.message : t.failed);
      setBusy(false);
    }
  };

  if (!info) return <p role="status">{m.loading}</p>;
  return (
    <section class="panel">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      {error ? (
        <p class="appt-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" class="appt-btn appt-btn--primary" disabled={busy} onClick={() => void go()}>
        {t.go}
      </button>
    </section>
  );
}
