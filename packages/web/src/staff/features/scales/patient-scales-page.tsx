import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { usePatient } from '../patients/patient-api.ts';
import { PatientBanner } from '../patients/patient-banner.tsx';
import { AssignForm } from './assign-form.tsx';
import { AssignmentList } from './assignment-list.tsx';
import { RatingForm } from './rating-form.tsx';
import { TimelineSection } from './timeline-section.tsx';
import './scales.css';

/** One patient's scales: assign, links and QR codes, clinician ratings, and the timeline. */
export function PatientScalesPage(): ReactNode {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const p = usePatient(id);
  if (p.isPending) return <Loading />;
  if (p.isError) {
    return (
      <Page title={t('scl.patientTitle')}>
        <ErrorMessage error={p.error} />
        <Link to="/scales">{t('scl.title')}</Link>
      </Page>
    );
  }
  return (
    <Page title={t('scl.patientTitle')} before={<PatientBanner patient={p.data} />}>
      {can('scales:read') ? (
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('scl.timelineTitle')}</h2>
          <TimelineSection patientId={id} />
        </section>
      ) : null}
      <div className="cards">
        {can('scales:assign') ? (
          <section className="card card--wide" aria-labelledby="assign-title">
            <h2 id="assign-title">{t('scl.assignTitle')}</h2>
            <AssignForm patientId={id} />
          </section>
        ) : null}
        {can('scales:deliver') ? (
          <section className="card card--wide" aria-labelledby="assignments-title">
            <h2 id="assignments-title">{t('scl.assignments')}</h2>
            <AssignmentList patientId={id} />
          </section>
        ) : null}
        {can('scales:rate') ? (
          <section className="card card--wide" aria-labelledby="rating-title">
            <h2 id="rating-title">{t('scl.ratingTitle')}</h2>
            <RatingForm patientId={id} />
          </section>
        ) : null}
      </div>
    </Page>
  );
}
