import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { usePatient, usePatientHistory } from './patient-api.ts';
import { PatientBanner } from './patient-banner.tsx';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value
      .map((g) => (g && typeof g === 'object' ? Object.values(g as Record<string, unknown>).filter(Boolean).join(' / ') : String(g)))
      .join('; ');
  }
  return JSON.stringify(value);
}

export function PatientHistoryPage(): ReactNode {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const lang = currentLanguage();
  const patient = usePatient(id);
  const history = usePatientHistory(id);
  const fieldLabel = (f: string): string => (i18n.exists(`fields.${f}`) ? t(`fields.${f}`) : f);

  return (
    <Page
      title={t('patients.historyTitle')}
      before={patient.data ? <PatientBanner patient={patient.data} /> : null}
      actions={
        <Link className="btn" to={`/patients/${encodeURIComponent(id)}`}>
          {t('patients.backToDetail')}
        </Link>
      }
    >
      <ErrorMessage error={patient.error ?? history.error} />
      {history.isPending ? <Loading /> : null}
      {history.data && history.data.length === 0 ? <p className="empty">{t('patients.noHistory')}</p> : null}
      <ol className="history">
        {(history.data ?? []).map((h) => (
          <li key={h.version} className="history__entry">
            <p className="history__meta">
              <strong>{t('patients.versionN', { n: h.version })}</strong> · {formatDateTime(h.changedAt, lang)} ·{' '}
              {h.changedBy?.displayName ?? t('patients.system')}
            </p>
            {h.changes.length === 0 ? (
              <p className="muted">{t('patients.createdEntry')}</p>
            ) : (
              <table className="table table--cards history__table">
                <thead>
                  <tr>
                    <th scope="col">{t('patients.field')}</th>
                    <th scope="col">{t('patients.before')}</th>
                    <th scope="col">{t('patients.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row" data-label={t('patients.field')}>
                        {fieldLabel(c.field)}
                      </th>
                      <td data-label={t('patients.before')}>
                        <del>{show(c.before)}</del>
                      </td>
                      <td data-label={t('patients.after')}>
                        <ins>{show(c.after)}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
    </Page>
  );
}
