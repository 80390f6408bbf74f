import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppointmentView } from '@mimamori/server/api-types';
import { formatDate } from '../../../shared/format/dates.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { serviceName, StatusTag } from '../appointments/appointment-bits.tsx';
import { usePatientAppointments } from './patient-api.ts';

function AppointmentRows({ items, label }: { readonly items: readonly AppointmentView[]; readonly label: string }): ReactNode {
  const lang = currentLanguage();
  return (
    <ul className="plain-list patient-appts" aria-label={label}>
      {items.map((a) => (
        <li key={a.id}>
          <Link to={`/appointments/${encodeURIComponent(a.id)}`}>
            {formatDate(a.date, lang)} {a.startTime}–{a.endTime}
          </Link>{' '}
          {serviceName(a)}
          {a.resources.length ? ` · ${a.resources.map((r) => r.name).join('・')}` : ''} <StatusTag a={a} />
        </li>
      ))}
    </ul>
  );
}

/** The patient page's appointments: upcoming ones first, then the past, each with its status. */
export function PatientAppointments({ patientId }: { readonly patientId: string }): ReactNode {
  const { t } = useTranslation();
  const q = usePatientAppointments(patientId, true);
  if (q.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (q.isError) return <ErrorMessage error={q.error} />;
  const { upcoming, past, morePast } = q.data;
  return (
    <>
      <h3>{t('patients.upcomingAppointments')}</h3>
      {upcoming.length ? <AppointmentRows items={upcoming} label={t('patients.upcomingAppointments')} /> : <p className="muted">{t('patients.noUpcoming')}</p>}
      <h3>{t('patients.pastAppointments')}</h3>
      {past.length ? <AppointmentRows items={past} label={t('patients.pastAppointments')} /> : <p className="muted">{t('patients.noPast')}</p>}
      {morePast ? <p className="muted small">{t('patients.morePast', { n: past.length })}</p> : null}
    </>
  );
}
