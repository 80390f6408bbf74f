import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endsByAbsoluteLimit, sessionEndsAt, sessionPhase } from '../../../shared/api/session-clock.ts';
import { useSession } from '../../session/session.tsx';

/**
 * A banner two minutes before the session ends. "Continue" asks the server for the session, which
 * restarts its idle timer. When the end is the 12-hour limit, continuing cannot help: it says so.
 */
export function IdleWarning(): ReactNode {
  const { t } = useTranslation();
  const { clock, refresh, forget } = useSession();
  const navigate = useNavigate();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);

  const phase = clock ? sessionPhase(clock, now) : 'active';

  useEffect(() => {
    if (phase === 'expired') {
      forget();
      void navigate('/login?expired=1', { replace: true });
    }
  }, [phase, forget, navigate]);

  if (!clock || phase !== 'warning') return null;
  const seconds = Math.max(0, Math.round((sessionEndsAt(clock) - now) / 1000));
  const absolute = endsByAbsoluteLimit(clock);
  const mmss = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

  const onContinue = async (): Promise<void> => {
    setBusy(true);
    try {
      const s = await refresh();
      if (!s) void navigate('/login?expired=1', { replace: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="idle-warning" role="alert">
      {/* The countdown changes every second; screen readers get one static sentence instead. */}
      <p aria-hidden="true">{absolute ? t('session.absoluteWarning', { time: mmss }) : t('session.idleWarning', { time: mmss })}</p>
      <p className="visually-hidden">{absolute ? t('session.absoluteWarningSr') : t('session.idleWarningSr')}</p>
      {absolute ? null : (
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void onContinue()}>
          {t('session.continue')}
        </button>
      )}
    </div>
  );
}
