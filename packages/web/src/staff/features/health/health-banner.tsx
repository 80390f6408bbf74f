import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/alert.tsx';
import { useHealth } from './health-api.ts';
import { healthProblems } from './health-problems.ts';

/**
 * Tells administrators, at the top of every page, when `/api/health` is degraded (a damaged
 * database, a full or nearly full disk, a clock off its time source), so they act before staff
 * run into failed saves. Asked on page load and every few minutes; other roles see nothing.
 */
export function HealthBanner(): ReactNode {
  const { t } = useTranslation();
  const { session } = useSession();
  const isAdmin = session?.user.role === 'admin';
  const { data } = useHealth(isAdmin);
  if (!isAdmin || !data || data.status !== 'degraded') return null;
  const lines = healthProblems(data);
  if (lines.length === 0) return null;
  const serious = data.storage.problems.includes('database_corrupt') || data.storage.problems.includes('disk_full');
  return (
    <Alert tone={serious ? 'error' : 'warning'} title={t('health.title')}>
      <ul className="health-banner__list">
        {lines.map((l) => (
          <li key={l.key}>{t(l.key, { source: t('health.unknownSource'), ...l.values })}</li>
        ))}
      </ul>
    </Alert>
  );
}
