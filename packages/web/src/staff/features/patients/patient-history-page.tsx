import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format/dates.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { usePatient, usePatientHistory } from './patient-api.ts';
import { PatientBanner } from './patient-banner.tsx';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A field value as staff read it: guardians as "name（kana）relation phone", the rest as text. */
function show(value: unknown): string {
  if (isEmpty(value)) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value
      .map((g) => {
        if (!g || typeof g !== 'object') return String(g);
        const r = g as Record<string, unknown>;
        return [
          r.name,
          r.nameKana ? `（${String(r.nameKana)}）` : '',
          r.relation ? ` ${String(r.relation)}` : '',
          r.phone ? ` ${String(r.phone)}` : '',
          r.email ? ` ${String(r.email)}` : '',
        ]
          .filter(Boolean)
          .join('');
      })
      .join(' / ');
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
  const value = (field: string, v: unknown): string => {
    if (isEmpty(v)) return '—';
    if (field === 'sex' && typeof v === 'string') return t(`sex.${v}`, { defaultValue: v });
    if (field === 'birthDate' && typeof v === 'string') return formatDate(v, lang);
    return show(v);
  };

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
              {h.changedBy?.displayName || t('patients.system')}
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
                  {h.changes
                    .filter((c) => !(isEmpty(c.before) && isEmpty(c.after)))
                    .map((c) => (
                      <tr key={c.field}>
                        <th scope="row" data-label={t('patients.field')}>
                          {fieldLabel(c.field)}
                        </th>
                        <td data-label={t('patients.before')}>{isEmpty(c.before) ? '—' : <del>{value(c.field, c.before)}</del>}</td>
                        <td data-label={t('patients.after')}>{isEmpty(c.after) ? '—' : <ins>{value(c.field, c.after)}</ins>}</td>
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
