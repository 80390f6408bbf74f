import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Page } from '../../components/page.tsx';
import { useSession } from '../../session/session.tsx';

interface QueueItem {
  readonly id: string;
  readonly programId: string;
  readonly status: 'new' | 'contacted' | 'screening_booked' | 'declined';
  readonly createdAt: string;
  readonly name: string;
  readonly phone: string;
  readonly email: string | null;
  readonly age: number;
  readonly callTimes: string | null;
  readonly guardian: { name: string; phone: string } | null;
  readonly complaint: string | null;
  readonly appointment: { readonly id: string; readonly patientId: string; readonly serviceId: string; readonly start: string; readonly status: string } | null;
}
interface QueueView {
  readonly items: ReadonlyArray<QueueItem>;
  readonly counts: ReadonlyArray<{ programId: string; status: string; n: number }>;
}

/**
 * Applications from the recruitment pages, oldest first: staff call back, book the screening
 * visit (a first visit, booked by staff), or decline — each step audited. The counts per program
 * are the first steps of the program's flow.
 */
export function ApplicationQueuePage(): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { can } = useSession();
  // `?application=<id>` (from an appointment's page) shows every application and brings that one into view.
  const [params] = useSearchParams();
  const focus = params.get('application');
  const [all, setAll] = useState(focus !== null);
  const key = ['publicsite', 'applications', all];
  const q = useQuery({ queryKey: key, queryFn: () => api<QueueView>(`/api/publicsite/applications${all ? '?all=1' : ''}`) });
  // The time staff will call back (optional): the applicant is told by mail, or LINE once a linked patient.
  const [callbackAt, setCallbackAt] = useState<Record<string, string>>({});
  const step = useMutation({
    mutationFn: (v: { id: string; to: 'contacted' | 'screening_booked' | 'declined' }) => {
      const at = v.to === 'contacted' ? callbackAt[v.id] : undefined;
      return api<{ status: string; message?: 'queued' | 'duplicate' | 'no_channel' }>(`/api/publicsite/applications/${v.id}/status`, { method: 'POST', body: { to: v.to, ...(v.to === 'contacted' ? { callbackAt: at ? new Date(at).toISOString() : null } : {}) } });
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['publicsite', 'applications'] }),
  });
  const title = t('applications.title');
  const loaded = q.data !== undefined;
  useEffect(() => {
    if (loaded && focus) document.getElementById(`application-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [loaded, focus]);
  if (q.isError) return <Page title={title}><ErrorMessage error={q.error} /></Page>;
  if (!q.data) return <Page title={title}><p>{t('common.loading')}</p></Page>;
  const programs = [...new Set(q.data.counts.map((c) => c.programId))];
  const n = (p: string, s: string) => q.data!.counts.find((c) => c.programId === p && c.status === s)?.n ?? 0;
  return (
    <Page title={title}>
      <p className="lead">{t('applications.lead')}</p>
      <label><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('applications.showAll')}</label>
      {step.isError ? <ErrorMessage error={step.error} /> : null}
      {step.data?.message === 'no_channel' ? <Alert tone="info">{t('applications.noChannel')}</Alert> : null}
      {step.data?.message === 'queued' ? <p role="status" className="muted">{t('applications.callbackSent')}</p> : null}
      {q.data.items.length === 0 ? <p className="empty">{t('applications.none')}</p> : (
        <ul className="cards">
          {q.data.items.map((a) => (
            <li key={a.id} id={`application-${a.id}`} className={a.id === focus ? 'card card--current' : 'card'} aria-current={a.id === focus ? 'true' : undefined}>
              <h2>{a.name}{t('applications.age', { age: a.age })}</h2>
              <p className="muted">{formatDateTime(a.createdAt)} · {a.programId} · {t(`applications.status.${a.status}`)}</p>
              <dl>
                <dt>{t('applications.phone')}</dt><dd><a href={`tel:${a.phone.replace(/[^0-9+]/g, '')}`}>{a.phone}</a></dd>
                {a.email ? <><dt>{t('applications.email')}</dt><dd>{a.email}</dd></> : null}
                {a.callTimes ? <><dt>{t('applications.callTimes')}</dt><dd>{a.callTimes}</dd></> : null}
                {a.guardian ? <><dt>{t('applications.guardian')}</dt><dd>{a.guardian.name} <a href={`tel:${a.guardian.phone.replace(/[^0-9+]/g, '')}`}>{a.guardian.phone}</a></dd></> : null}
                <dt>{t('applications.complaint')}</dt><dd>{a.complaint ?? t('applications.complaintHidden')}</dd>
                {a.appointment ? <><dt>{t('applications.visit')}</dt><dd><Link to={`/appointments/${encodeURIComponent(a.appointment.id)}`}>{formatDateTime(a.appointment.start)}</Link></dd></> : null}
              </dl>
              {a.status === 'new' || a.status === 'contacted' ? (
                <div className="actions">
                  {a.status === 'new' ? (
                    <>
                      <TextField label={t('applications.callbackAt')} hint={t('applications.callbackHint')} type="datetime-local" value={callbackAt[a.id] ?? ''}
                        onChange={(e) => setCallbackAt({ ...callbackAt, [a.id]: e.target.value })} />
                      <button type="button" className="btn" disabled={step.isPending} onClick={() => step.mutate({ id: a.id, to: 'contacted' })}>{t('applications.contacted')}</button>
                    </>
                  ) : null}
                  {can('appointments:write') ? <Link className="btn" to={`/appointments/new?application=${encodeURIComponent(a.id)}`}>{t('applications.book')}</Link> : null}
                  <button type="button" className="btn btn--primary" disabled={step.isPending} onClick={() => step.mutate({ id: a.id, to: 'screening_booked' })}>{t('applications.booked')}</button>
                  <button type="button" className="btn btn--quiet" disabled={step.isPending} onClick={() => step.mutate({ id: a.id, to: 'declined' })}>{t('applications.decline')}</button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {programs.length > 0 ? (
        <section className="card card--wide" aria-labelledby="flow-title">
          <h2 id="flow-title">{t('applications.flow')}</h2>
          <div className="table-scroll" role="region" tabIndex={0} aria-labelledby="flow-title">
            <table className="table">
              <thead><tr><th scope="col">{t('applications.program')}</th>{(['new', 'contacted', 'screening_booked', 'declined'] as const).map((s) => <th key={s} scope="col">{t(`applications.status.${s}`)}</th>)}</tr></thead>
              <tbody>{programs.map((p) => <tr key={p}><th scope="row">{p}</th>{(['new', 'contacted', 'screening_booked', 'declined'] as const).map((s) => <td key={s}>{n(p, s)}</td>)}</tr>)}</tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
