import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboxItem } from '@mimamori/server/api-types';
import { api, query } from '../../../shared/api/client.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import './outbox.css';
import { LineQuota } from './line-quota.tsx';

interface OutboxView {
  readonly smtpConfigured: boolean;
  readonly lineConfigured: boolean;
  readonly lineQuota: { readonly limit: number; readonly used: number } | null;
  readonly items: ReadonlyArray<OutboxItem>;
}

const STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;


/** 送信メッセージ: every outgoing mail and LINE message with its state; failures with their reason, and resend. */
export function OutboxPage(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const lang = currentLanguage();
  const qc = useQueryClient();
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const q = useQuery({ queryKey: ['outbox', status, channel], queryFn: () => api<OutboxView>(`/api/outbox${query({ status, channel, limit: 200 })}`) });
  const resend = useMutation({ mutationFn: (id: string) => api(`/api/outbox/${id}/retry`, { method: 'POST' }), onSuccess: () => void qc.invalidateQueries({ queryKey: ['outbox'] }) });
  const items = q.data?.items ?? [];
  return (
    <Page title={t('outbox.title')} actions={can('messaging:admin') ? <Link className="btn" to="/settings/line">{t('outbox.settingsLink')}</Link> : null}>
      <p className="muted">{t('outbox.lead')}</p>
      {q.data && !q.data.smtpConfigured ? <Alert tone="warning">{t('outbox.smtpMissing')}</Alert> : null}
      {q.data && !q.data.lineConfigured ? <p className="muted small">{t('outbox.lineOff')}</p> : null}
      {q.data?.lineQuota ? <LineQuota limit={q.data.lineQuota.limit} used={q.data.lineQuota.used} /> : null}
      <div className="filters">
        <SelectField label={t('outbox.filterStatus')} value={status} onChange={(e) => setStatus(e.target.value)}
          options={[{ value: '', label: t('outbox.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))]} />
        <SelectField label={t('outbox.filterChannel')} value={channel} onChange={(e) => setChannel(e.target.value)}
          options={[{ value: '', label: t('outbox.all') }, { value: 'mail', label: t('outbox.channels.mail') }, { value: 'line', label: t('outbox.channels.line') }, { value: 'none', label: t('outbox.channels.none') }]} />
      </div>
      <ErrorMessage error={q.error ?? resend.error} />
      {resend.isSuccess ? <Alert tone="success">{t('outbox.resent')}</Alert> : null}
      {q.isPending ? <Loading /> : null}
      {q.data && items.length === 0 ? <p className="empty">{t('outbox.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="table table--cards table--dense outbox-table">
            <caption className="visually-hidden">{t('outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.created')}</th>
                <th scope="col">{t('outbox.channel')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.status')}</th>
                <th scope="col">{t('outbox.reason')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} data-status={m.status}>
                  <td data-label={t('outbox.created')} className="nowrap">{formatDateTime(m.createdAt, lang)}</td>
                  <td data-label={t('outbox.channel')}>
                    <span className={`badge badge--${m.channel}`}>{t(`outbox.channels.${m.channel}`)}</span>
                    {m.fallbackOf ? <span className="muted small"> · {t('outbox.fallback')}</span> : null}
                  </td>
                  <td data-label={t('outbox.to')} className="break">
                    {m.patientId ? <Link to={`/patients/${m.patientId}`}>{m.patientName ?? t('outbox.patient')}</Link> : null}
                    {m.channel === 'mail' ? <span className="muted small">{m.patientId ? ' · ' : ''}{m.to}</span> : null}
                  </td>
                  <td data-label={t('outbox.subject')}>
                    {m.subject}
                    <span className="muted small"> · <code>{m.kind}</code></span>
                  </td>
                  <td data-label={t('outbox.status')}>
                    <span className={`status status--${m.status}`}>{t(`outbox.statuses.${m.status}`, { defaultValue: m.status })}</span>
                    <span className="muted small">
                      {' '}· {t('outbox.attempts')} {m.attempts}
                      {m.sentAt ? ` · ${t('outbox.sentAt')} ${formatDateTime(m.sentAt, lang)}` : ''}
                      {m.status === 'pending' && m.attempts > 0 ? ` · ${t('outbox.nextAttempt')} ${formatDateTime(m.nextAttemptAt, lang)}` : ''}
                    </span>
                  </td>
                  <td data-label={t('outbox.reason')} className="break">{m.channel === 'none' ? t('outbox.noChannel') : (m.lastError ?? '')}</td>
                  <td data-label={t('common.actions')}>
                    {m.status === 'failed' && m.channel !== 'none' && can('outbox:retry') ? (
                      <button type="button" className="btn btn--small" disabled={resend.isPending} onClick={() => resend.mutate(m.id)}>
                        {t('outbox.resend')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
