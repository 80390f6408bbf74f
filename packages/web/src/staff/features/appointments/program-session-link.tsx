import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { useSession } from '../../session/session.tsx';

/**
 * On an appointment of a booked treatment course: the button to the enrolment's infusion (or TMS)
 * form, so the nurse records the session from the visit she is looking at.
 */
export function ProgramSessionLink({ appointmentId, seriesId }: { readonly appointmentId: string; readonly seriesId: string | null }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const enabled = seriesId !== null && can('programs:record');
  const q = useQuery({
    queryKey: ['appointment-program-session', appointmentId],
    queryFn: ({ signal }) => api<{ enrolmentId: string; sessionNumber: number; treatment: 'infusion' | 'tms'; enrolmentStatus: string }>(`/api/appointments/${encodeURIComponent(appointmentId)}/program-session`, { signal }),
    enabled,
    retry: false,
  });
  const s = q.data;
  if (!enabled || !s || (s.enrolmentStatus !== 'enrolled' && s.enrolmentStatus !== 'active')) return null;
  return (
    <Link className="btn btn--primary" to={`/program-enrolments/${s.enrolmentId}#record`}>
      {t(s.treatment === 'infusion' ? 'trt.recordInfusion' : 'trt.recordTms')}（{t('prg.session', { n: s.sessionNumber })}）
    </Link>
  );
}
