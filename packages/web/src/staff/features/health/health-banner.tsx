import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { Alert } from '../../components/alert.tsx';
import { useHealth, type Health } from './health-api.ts';

/** One line per problem the server reports, as dictionary keys with their values. */
export function healthProblems(h: Health): { key: string; values?: Record<string, string | number> }[] {
  const lines: { key: string; values?: Record<string, string | number> }[] = [];
  const p = h.storage.problems;
  if (p.includes('database_corrupt')) lines.push({ key: 'health.corrupt' });
  if (p.includes('disk_full')) lines.push({ key: 'health.diskFull' });
  if (p.includes('disk_space_low')) {
    const free = h.storage.disk.freeBytes;
    lines.push(free === null ? { key: 'health.diskLowUnknown' } : { key: 'health.diskLow', values: { free: Math.floor(free / 2 ** 20) } });
  }
  const source: Record<string, string> = h.clock.source ? { source: h.clock.source } : {};
  if (h.clock.problem === 'offset_over_limit' && h.clock.offsetMs !== null) {
    lines.push({ key: 'health.clockOffset', values: { seconds: (Math.abs(h.clock.offsetMs) / 1000).toFixed(1), ...source } });
  } else if (h.clock.problem === 'source_unreachable') {
    lines.push({ key: 'health.clockUnreachable', values: source });
  }
  return lines;
}

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
