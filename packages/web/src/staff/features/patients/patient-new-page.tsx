import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import type { Patient } from '../../../shared/api/types.ts';
import { Page } from '../../components/page.tsx';
import { PatientForm } from './patient-form.tsx';
import { EMPTY_PATIENT, toPatientInput } from './patient-form-values.ts';

export function PatientNewPage(): ReactNode {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  // Opened from a booking in progress: after registering, go back to it with this patient chosen.
  const booking = ((useLocation().state ?? null) as { booking?: unknown } | null)?.booking;
  return (
    <Page title={t('patients.newTitle')}>
      <PatientForm
        mode="new"
        initial={EMPTY_PATIENT}
        submitLabel={t('patients.register')}
        cancelTo={booking ? '/appointments/new' : '/patients'}
        onSubmit={async (values, acknowledgeDuplicates) => {
          const r = await api<{ patient: Patient }>('/api/patients', {
            method: 'POST',
            body: { ...toPatientInput(values), ...(acknowledgeDuplicates ? { acknowledgeDuplicates: true } : {}) },
          });
          await qc.invalidateQueries({ queryKey: ['patients'] });
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
