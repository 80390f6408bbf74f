import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { usePatient } from './patient-api.ts';
import { PatientAppointments } from './patient-appointments.tsx';
import { PatientBanner } from './patient-banner.tsx';

function Row({ label, children }: { readonly label: string; readonly children: ReactNode }): ReactNode {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children === '' || children === null || children === undefined ? <span className="muted">—</span> : children}</dd>
    </div>
  );
}

export function PatientDetailPage(): ReactNode {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const location = useLocation();
  const lang = currentLanguage();
  const q = usePatient(id);
  if (q.isPending) return <Loading />;
  if (q.isError) {
    return (
      <Page title={t('patients.detailTitle')}>
        <ErrorMessage error={q.error} />
        <Link to="/patients">{t('patients.backToList')}</Link>
      </Page>
    );
  }
  const p = q.data;
  const created = (location.state as { created?: boolean } | null)?.created === true;
  return (
    <Page
      title={t('patients.detailTitle')}
      before={<PatientBanner patient={p} />}
      actions={
        <>
          {can('appointments:write') ? (
            <Link className="btn btn--primary" to={`/appointments/new?patientId=${encodeURIComponent(p.id)}`}>
              {t('patients.book')}
            </Link>
          ) : null}
          {can('intake:status') ? (
            <Link className="btn" to={`/patients/${encodeURIComponent(p.id)}/intake`}>
              {t('nav.intake')}
            </Link>
          ) : null}
          {can('scales:deliver') ? (
            <Link className="btn" to={`/scales/patients/${encodeURIComponent(p.id)}`}>
              {t('nav.scales')}
            </Link>
          ) : null}
          {can('line:link') ? (
            <Link className="btn" to={`/patients/${encodeURIComponent(p.id)}/line`}>
              LINE
            </Link>
          ) : null}
          {can('programs:clinical_read') ? (
            <Link className="btn" to={`/patients/${encodeURIComponent(p.id)}/program-timeline`}>
              {t('nav.programs')}
            </Link>
          ) : null}
          {can('programs:record') ? (
            <Link className="btn" to={`/patients/${encodeURIComponent(p.id)}/records`}>
              {t('rec.open')}
            </Link>
          ) : null}
          <Link className="btn" to={`/patients/${encodeURIComponent(p.id)}/history`}>
            {t('patients.history')}
          </Link>
          {can('patients:write') ? (
            <Link className="btn" to={`/patients/${encodeURIComponent(p.id)}/edit`}>
              {t('common.edit')}
            </Link>
          ) : null}
        </>
      }
    >
      {created ? <Alert tone="success">{t('patients.created', { number: p.patientNumber })}</Alert> : null}
      <div className="cards">
        <section className="card" aria-labelledby="sec-contact">
          <h2 id="sec-contact">{t('patients.contact')}</h2>
          <dl className="facts">
            <Row label={t('patients.phone')}>{p.phone}</Row>
            <Row label={t('patients.email')}>{p.email}</Row>
            <Row label={t('patients.postalCode')}>{p.postalCode}</Row>
            <Row label={t('patients.address')}>{p.address}</Row>
          </dl>
        </section>
        <section className="card" aria-labelledby="sec-guardians">
          <h2 id="sec-guardians">{t('patients.guardians')}</h2>
          {p.guardians.length === 0 ? (
            <p className="muted">{t('patients.noGuardians')}</p>
          ) : (
            <ul className="plain-list">
              {p.guardians.map((g, i) => (
                <li key={i}>
                  <strong>{g.name}</strong>
                  {g.nameKana ? `（${g.nameKana}）` : ''} · {g.relation}
                  {g.phone ? (
                    <>
                      <br />
                      <span className="mono">{g.phone}</span>
                    </>
                  ) : null}
                  {g.email ? (
                    <>
                      <br />
                      {g.email}
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        {can('appointments:read') ? (
          <section className="card card--wide" aria-labelledby="sec-appointments">
            <h2 id="sec-appointments">{t('patients.appointments')}</h2>
            <PatientAppointments patientId={p.id} />
          </section>
        ) : null}
        <section className="card card--wide" aria-labelledby="sec-notes">
          <h2 id="sec-notes">{t('patients.notes')}</h2>
          {p.notes ? <p className="pre">{p.notes}</p> : <p className="muted">{t('patients.noNotes')}</p>}
        </section>
      </div>
      <p className="muted small">
        {t('patients.recordMeta', {
          created: formatDateTime(p.createdAt, lang),
          updated: formatDateTime(p.updatedAt, lang),
          version: p.version,
        })}
      </p>
    </Page>
  );
}
