import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { useSession } from '../../session/session.tsx';
import type { EnrolmentDetail } from './programs-api.ts';

/**
 * The re-consent a participant owes (turned 16 or 18, a revised document): what and from when,
 * a link to take it, and for doctors an override with a reason while it is pending (audited).
 */
export function ReconsentCard({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState(false);
  const r = d.reconsent;
  if (!r || (r.items.length === 0 && r.overrides.length === 0)) return null;
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/program-enrolments/${d.enrolment.id}/reconsent-override`, { method: 'POST', body: { reason } });
      setOk(true);
      setReason('');
      await qc.invalidateQueries({ queryKey: ['program-enrolment', d.enrolment.id] });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card card--wide" aria-labelledby="e-reconsent">
      <h2 id="e-reconsent">{t('sae.reconsentTitle')}</h2>
      {r.blocked ? <Alert tone="error">{t('sae.reconsentBlocked')}</Alert> : null}
      <ul>
        {r.items.map((i) => (
          <li key={i.key}>
            {t(`sae.reconsentReason.${i.reason}`, { date: i.dueDate, document: i.document ? `${i.document.id} v${i.document.version}` : '' })}
            {i.overridden ? <span className="tag sae-tag--warn">{t('sae.overridden')}</span> : i.blocking ? <span className="tag sae-tag--bad">{t('sae.dosesHeld')}</span> : <span className="tag">{t('sae.upcoming')}</span>}
          </li>
        ))}
      </ul>
      {r.items.length && can('programs:consent') ? <Link className="btn btn--primary" to={`/program-enrolments/${d.enrolment.id}/consent`}>{t('sae.takeReconsent')}</Link> : null}
      {r.overrides.length ? (
        <ul className="small">
          {r.overrides.map((o) => <li key={o.id}>{new Date(o.at).toLocaleDateString()} — {t('sae.overrideBy')}: {o.reason}</li>)}
        </ul>
      ) : null}
      {r.blocked && can('programs:enrol') ? (
        <details>
          <summary>{t('sae.overrideTitle')}</summary>
          <form className="form form--wide" aria-label={t('sae.overrideTitle')} onSubmit={(e) => void submit(e)}>
            <TextField label={t('sae.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldErrors(error).reason} />
            <ErrorMessage error={error} />
            <div className="form__actions"><button className="btn" type="submit">{t('sae.overrideSubmit')}</button></div>
          </form>
        </details>
      ) : null}
      {ok ? <Alert tone="success">{t('sae.overrideDone')}</Alert> : null}
    </section>
  );
}
