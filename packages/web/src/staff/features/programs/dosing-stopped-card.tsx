import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { useSession } from '../../session/session.tsx';
import type { EnrolmentDetail } from './programs-api.ts';

/**
 * Shown while a participant's dosing is stopped: no further dose, assessments go on; the booked
 * treatment sessions still ahead are offered for cancelling (a doctor confirms; the patient is told).
 */
export function DosingStoppedCard({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  if (d.enrolment.status !== 'dosing_stopped') return null;
  const booked = d.plannedSessions.filter((s) => s.status === 'booked' && s.appointment && s.appointment.date >= d.today).length;
  async function cancel(): Promise<void> {
    setError(null);
    try {
      const r = await api<{ cancelledAppointments: number }>(`/api/program-enrolments/${d.enrolment.id}/cancel-remaining-sessions`, { method: 'POST', body: {} });
      setDone(r.cancelledAppointments);
      setConfirming(false);
      await qc.invalidateQueries({ queryKey: ['program-enrolment', d.enrolment.id] });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card card--wide" aria-labelledby="e-stopped">
      <h2 id="e-stopped">{t('sae.stoppedTitle')}</h2>
      <Alert tone="warning">{t('sae.stoppedLead')}</Alert>
      {done !== null ? <Alert tone="success">{t('sae.cancelled', { count: done })}</Alert> : null}
      {booked > 0 ? <p>{t('sae.remaining', { count: booked })}</p> : null}
      {booked > 0 && can('programs:enrol') ? (
        confirming ? (
          <div role="group" aria-label={t('sae.confirmCancel', { count: booked })}>
            <p><strong>{t('sae.confirmCancel', { count: booked })}</strong></p>
            <div className="form__actions">
              <button className="btn btn--danger" type="button" onClick={() => void cancel()}>{t('sae.confirm')}</button>
              <button className="btn" type="button" onClick={() => setConfirming(false)}>{t('sae.keep')}</button>
            </div>
          </div>
        ) : (
          <button className="btn btn--primary" type="button" onClick={() => setConfirming(true)}>{t('sae.cancelRemaining', { count: booked })}</button>
        )
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
