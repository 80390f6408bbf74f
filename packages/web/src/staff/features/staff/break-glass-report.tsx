import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@mimamori/core/auth/permissions';
import { api } from '../../../shared/api/client.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading } from '../../components/page.tsx';

interface BreakGlassUse {
  readonly id: string;
  readonly displayName: string;
  readonly loginId: string;
  readonly role: Role;
  readonly reason: string;
  readonly startedAt: string;
  readonly expiresAt: string;
  readonly endedAt: string | null;
  readonly reads: number;
  readonly reviewedAt: string | null;
  readonly reviewedBy: string | null;
}

/** The review report of emergency access: who, why, when, for how long, and how many reads. */
export function BreakGlassReport(): ReactNode {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['break-glass'], queryFn: () => api<{ items: BreakGlassUse[] }>('/api/break-glass'), select: (r) => r.items });
  const qc = useQueryClient();
  // Listing the uses is not a review: the administrator marks each one after reading its reason and reads.
  const review = useMutation({
    mutationFn: (id: string) => api<{ items: BreakGlassUse[] }>(`/api/break-glass/${encodeURIComponent(id)}/review`, { method: 'POST' }),
    onSuccess: (r) => qc.setQueryData(['break-glass'], r),
  });
  return (
    <section className="page-section">
      <h2 id="break-glass-report-title">{t('breakGlass.reportTitle')}</h2>
      <ErrorMessage error={q.error ?? review.error} />
      {q.isPending ? <Loading /> : null}
      {q.data && q.data.length === 0 ? <p className="empty">{t('breakGlass.reportNone')}</p> : null}
      {q.data && q.data.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="break-glass-report-title">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('breakGlass.who')}</th>
                <th scope="col">{t('breakGlass.reason')}</th>
                <th scope="col">{t('breakGlass.when')}</th>
                <th scope="col">{t('breakGlass.until')}</th>
                <th scope="col">{t('breakGlass.reads')}</th>
                <th scope="col">{t('breakGlass.review')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((u) => (
                <tr key={u.id}>
                  <td data-label={t('breakGlass.who')}>
                    {u.displayName} <span className="muted small">{u.loginId}</span>
                  </td>
                  <td data-label={t('breakGlass.reason')}>{u.reason}</td>
                  <td data-label={t('breakGlass.when')}>{formatDateTime(u.startedAt)}</td>
                  <td data-label={t('breakGlass.until')}>
                    {u.endedAt && u.endedAt < u.expiresAt ? t('breakGlass.endedEarly', { time: formatDateTime(u.endedAt) }) : formatDateTime(u.expiresAt)}
                  </td>
                  <td data-label={t('breakGlass.reads')}>{u.reads}</td>
                  <td data-label={t('breakGlass.review')}>
                    {u.reviewedAt ? (
                      t('breakGlass.reviewedBy', { name: u.reviewedBy ?? '', time: formatDateTime(u.reviewedAt) })
                    ) : (
                      <>
                        <span className="muted">{t('breakGlass.notReviewed')}</span>{' '}
                        <button type="button" className="btn btn--small" disabled={review.isPending} onClick={() => review.mutate(u.id)}>
                          {t('breakGlass.markReviewed')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
