import { useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { api } from '../../../shared/api/client.ts';
import type { Patient } from '../../../shared/api/types.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { usePatient } from './patient-api.ts';
import { PatientBanner } from './patient-banner.tsx';
import { PatientForm } from './patient-form.tsx';
import { changedFields, valuesFromPatient } from './patient-form-values.ts';

export function PatientEditPage(): ReactNode {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = usePatient(id);
  const initial = useMemo(() => (q.data ? valuesFromPatient(q.data) : null), [q.data]);
  if (q.isPending) return <Loading />;
  if (q.isError || !initial) {
    return (
      <Page title={t('patients.editTitle')}>
        <ErrorMessage error={q.error} />
        <Link to="/patients">{t('patients.backToList')}</Link>
      </Page>
    );
  }
  const p = q.data;
  const detail = `/patients/${encodeURIComponent(p.id)}`;
  return (
    <Page title={t('patients.editTitle')} before={<PatientBanner patient={p} />}>
      <PatientForm
        // A reload after a conflict starts the form again from the server's version.
        key={p.version}
        mode="edit"
        initial={initial}
        submitLabel={t('common.save')}
        cancelTo={detail}
        onSubmit={async (values) => {
          const changes = changedFields(initial, values);
          if (Object.keys(changes).length === 0) {
            void navigate(detail);
            return;
          }
          try {
            const r = await api<{ patient: Patient }>(`/api/patients/${encodeURIComponent(p.id)}`, {
              method: 'PATCH',
              body: { ...changes, version: p.version },
            });
            qc.setQueryData(['patients', 'one', p.id], { patient: r.patient });
            await qc.invalidateQueries({ queryKey: ['patients'] });
            void navigate(detail);
          } catch (e) {
            if (e instanceof ApiError && e.status === 409) {
              throw new ApiError({ status: 409, code: e.code, message: t('patients.stale') });
            }
            throw e;
          }
        }}
      />
    </Page>
  );
}
