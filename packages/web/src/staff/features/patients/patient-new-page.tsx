import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import type { Patient } from '../../../shared/api/types.ts';
import { Page } from '../../components/page.tsx';
import { PatientForm } from './patient-form.tsx';
import { EMPTY_PATIENT, toPatientInput } from './patient-form-values.ts';

export function PatientNewPage(): ReactNode {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return (
    <Page title={t('patients.newTitle')}>
      <PatientForm
        mode="new"
        initial={EMPTY_PATIENT}
        submitLabel={t('patients.register')}
        cancelTo="/patients"
        onSubmit={async (values, acknowledgeDuplicates) => {
          const r = await api<{ patient: Patient }>('/api/patients', {
            method: 'POST',
            body: { ...toPatientInput(values), ...(acknowledgeDuplicates ? { acknowledgeDuplicates: true } : {}) },
          });
          await qc.invalidateQueries({ queryKey: ['patients'] });
          void navigate(`/patients/${encodeURIComponent(r.patient.id)}`, { state: { created: true } });
        }}
      />
    </Page>
  );
}
