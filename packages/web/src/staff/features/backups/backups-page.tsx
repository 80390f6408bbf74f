import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useBackupStatus } from './backups-api.ts';

/** Bytes as people read them: 1.2 MB, 340 KB. */
function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The file's own name (the path is in the tooltip). */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Administrators: the newest backups, a warning when they are old, and how to make one. */
export function BackupsPage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const q = useBackupStatus();
  const d = q.data;
  const last = d?.runs[0];
  return (
    <Page title={t('backups.title')}>
      <p className="lead">{t('backups.intro')}</p>
      <ErrorMessage error={q.error} />
      {q.isPending ? <Loading /> : null}
      {d ? (
        <section className="card" aria-labelledby="backup-last">
          <h2 id="backup-last">{t('backups.last')}</h2>
          {d.freshness.state === 'none' ? <Alert tone="warning">{t('backups.noneWarning')}</Alert> : null}
          {d.freshness.state === 'stale' ? <Alert tone="warning">{t('backups.stale', { hours: d.freshness.ageHours, limit: d.freshness.warnHours })}</Alert> : null}
          {last ? (
            <dl className="facts">
              <dt>{t('backups.finishedAt')}</dt>
              <dd>
                {formatDateTime(last.finishedAt, lang)}
                {d.freshness.state === 'ok' ? <span className="muted"> — {d.freshness.ageHours ? t('backups.ok', { hours: d.freshness.ageHours }) : t('backups.recent')}</span> : null}
              </dd>
              <dt>{t('backups.file')}</dt>
              <dd>
                <code title={last.file}>{baseName(last.file)}</code>
              </dd>
              <dt>{t('backups.size')}</dt>
              <dd>{size(last.sizeBytes)}</dd>
            </dl>
          ) : (
            <p className="empty">{t('backups.none')}</p>
          )}
        </section>
      ) : null}
      <section className="card" aria-labelledby="backup-how">
        <h2 id="backup-how">{t('backups.howTitle')}</h2>
        <p>{t('backups.howSqlite')}</p>
        <pre className="pre">
          <code>npx mimamori db backup backups/{'$(date +%F)'}.db</code>
        </pre>
        <p className="muted small">{t('backups.howPostgres')}</p>
        <p className="muted small">{t('backups.restoreHint')}</p>
      </section>
      {d && d.runs.length > 1 ? (
        <section className="page-section">
          <h2 id="backup-history">{t('backups.history')}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="backup-history">
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">{t('backups.finishedAt')}</th>
                  <th scope="col">{t('backups.file')}</th>
                  <th scope="col">{t('backups.size')}</th>
                </tr>
              </thead>
              <tbody>
                {d.runs.map((r) => (
                  <tr key={`${r.finishedAt}-${r.file}`}>
                    <td data-label={t('backups.finishedAt')}>{formatDateTime(r.finishedAt, lang)}</td>
                    <td data-label={t('backups.file')}>
                      <code title={r.file}>{baseName(r.file)}</code>
                    </td>
                    <td data-label={t('backups.size')}>{size(r.sizeBytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
