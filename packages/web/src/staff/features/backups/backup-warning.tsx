import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/alert.tsx';
import { useBackupStatus } from './backups-api.ts';

/** On an administrator's home page: a warning when there is no backup, or the newest is older than the limit. */
export function BackupWarning(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const admin = can('staff:admin');
  const q = useBackupStatus(admin);
  const f = q.data?.freshness;
  if (!admin || !f || f.state === 'ok') return null;
  return (
    <Alert tone="warning" title={t('backups.title')}>
      {f.state === 'none' ? t('backups.noneWarning') : t('backups.stale', { hours: f.ageHours, limit: f.warnHours })}{' '}
      <Link to="/backups">{t('backups.open')}</Link>
    </Alert>
  );
}
