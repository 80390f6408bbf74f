import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import type { Patient } from '../../../shared/api/types.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { PatientForm } from './patient-form.tsx';
import { EMPTY_PATIENT, toPatientInput, valuesFromApplication, type ApplicationContact } from './patient-form-values.ts';

/**
 * `/patients/new`: register a patient. `?application=<id>` (from the booking page opened from the
 * recruitment queue) fills the form from the application's contact for staff to check, and goes on
 * to book that applicant's screening visit.
 */
export function PatientNewPage(): ReactNode {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  // Opened from a booking in progress: after registering, go back to it with this patient chosen.
  const booking = ((useLocation().state ?? null) as { booking?: unknown } | null)?.booking;
  const [params] = useSearchParams();
  const applicationId = params.get('application');
  const application = useQuery({
    queryKey: ['publicsite', 'applications', 'one', applicationId],
    queryFn: () => api<{ application: ApplicationContact & { id: string; age: number } }>(`/api/publicsite/applications/${encodeURIComponent(applicationId ?? '')}`),
    enabled: applicationId !== null,
  });
  if (applicationId !== null && application.isPending) return <Page title={t('patients.newTitle')}><Loading /></Page>;
  const from = application.data?.application;
  return (
    <Page title={t('patients.newTitle')}>
      {application.error ? <ErrorMessage error={application.error} /> : null}
      {from ? <Alert tone="info" title={t('patients.fromApplication')}>{t('patients.fromApplicationCheck', { age: from.age })}</Alert> : null}
      <PatientForm
        mode="new"
        initial={from ? valuesFromApplication(from) : EMPTY_PATIENT}
        submitLabel={t('patients.register')}
        cancelTo={from ? `/appointments/new?application=${encodeURIComponent(from.id)}` : booking ? '/appointments/new' : '/patients'}
        onSubmit={async (values, acknowledgeDuplicates) => {
          const r = await api<{ patient: Patient }>('/api/patients', {
            method: 'POST',
            body: { ...toPatientInput(values), ...(acknowledgeDuplicates ? { acknowledgeDuplicates: true } : {}) },
          });
          await qc.invalidateQueries({ queryKey: ['patients'] });
          if (from) {
            void navigate(`/appointments/new?patientId=${encodeURIComponent(r.patient.id)}&application=${encodeURIComponent(from.id)}`, booking ? { state: { booking, registered: true } } : undefined);
            return;
          }
          if (booking) {
            void navigate(`/appointments/new?patientId=${encodeURIComponent(r.patient.id)}`, { state: { booking, registered: true } });
            return;
          }
          void navigate(`/patients/${encodeURIComponent(r.patient.id)}`, { state: { created: true } });
        }}
      />
    </Page>
  );
}
