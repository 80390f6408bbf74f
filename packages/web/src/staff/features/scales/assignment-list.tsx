import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { formatDate } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { LinkBox } from './link-box.tsx';
import { useAssignments, type ReissuedLink } from './scales-api.ts';
import { clinicDate as clinicDateIn } from '@mimamori/core/time/clinic-date';
import { DEFAULT_CLINIC_ZONE } from '@mimamori/core/time/time-zone';

/** The clinic date (Asia/Tokyo) of an instant, as YYYY-MM-DD. */
export function clinicDate(iso: string): string {
  return clinicDateIn(iso, DEFAULT_CLINIC_ZONE);
}

/** A window closes at midnight: its last open day is the day before. */
function lastDay(closesAt: string): string {
  return clinicDate(new Date(Date.parse(closesAt) - 60_000).toISOString());
}

/** Assignments and their windows: status only (reception sees this too), with a link/QR per open window. */
export function AssignmentList({ patientId }: { readonly patientId: string }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { can } = useSession();
  const qc = useQueryClient();
  const q = useAssignments(patientId, can('scales:deliver'));
  const [links, setLinks] = useState<Record<string, ReissuedLink>>({});
  // Only roles that may read the answers see the link; for the others the server mails it to the patient.
  const seesLink = can('scales:read');
  const link = useMutation({
    mutationFn: (instanceId: string) => api<ReissuedLink>(`/api/scale-instances/${instanceId}/link`, { method: 'POST' }).then((l) => ({ instanceId, l })),
    onSuccess: ({ instanceId, l }) => setLinks((x) => ({ ...x, [instanceId]: l })),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => api(`/api/scale-assignments/${id}/cancel`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['scales', 'assignments', patientId] }),
  });
  if (!can('scales:deliver')) return null;
  if (q.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (q.isError) return <ErrorMessage error={q.error} />;
  if (q.data.length === 0) return <p className="empty">{t('scl.noAssignments')}</p>;
  return (
    <div className="assignment-list">
      <ErrorMessage error={link.error ?? cancel.error} />
      {q.data.map((a) => (
        <section key={a.id} className="assignment" aria-label={a.shortName}>
          <h3>
            {a.shortName} · {t(`scl.informants.${a.informant}`)} ·{' '}
            {a.kind === 'once' ? t('scl.once') : t('scl.every', { days: a.intervalDays, n: a.occurrences })}
            {a.cancelledAt ? <span className="status status--disabled">{t('scl.statuses.cancelled')}</span> : null}
          </h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`${a.shortName} ${t('scl.window')}`}>
            <table className="table table--dense">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('scl.window')}</th>
                  <th scope="col">{t('scl.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('scl.showLink')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {a.instances.map((i) => (
                  <tr key={i.id}>
                    <td>{i.seq}</td>
                    <td className="nowrap">
                      {formatDate(clinicDate(i.opensAt), lang)}
                      {clinicDate(i.opensAt) === lastDay(i.closesAt) ? '' : ` – ${formatDate(lastDay(i.closesAt), lang)}`}
                    </td>
                    <td>
                      <span className={`q-status q-status--${i.status}`}>{t(`scl.statuses.${i.status}`)}</span>
                    </td>
                    <td>
                      {i.status === 'open' || i.status === 'started' ? (
                        <button type="button" className="btn btn--small" disabled={link.isPending} onClick={() => link.mutate(i.id)}>
                          {seesLink ? t('scl.showLink') : t('scl.mailLink')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {a.instances.map((i) => {
            const l = links[i.id];
            if (!l) return null;
            return l.mailed ? (
              <p key={i.id} className="small" role="status">{t('scl.linkMailed')}</p>
            ) : (
              <div key={i.id}>
                <p className="small">{t('scl.linkReissued')}</p>
                <LinkBox link={l} />
              </div>
            );
          })}
          {can('scales:assign') && !a.cancelledAt && a.instances.some((i) => ['open', 'started', 'scheduled'].includes(i.status)) ? (
            <button type="button" className="btn btn--quiet btn--small" disabled={cancel.isPending} onClick={() => cancel.mutate(a.id)}>
              {t('scl.cancel')}
            </button>
          ) : null}
        </section>
      ))}
    </div>
  );
}
