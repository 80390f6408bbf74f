import { useQuery } from '@tanstack/react-query';
import { parenthesized } from '../../../shared/format/holiday-name.ts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Page } from '../../components/page.tsx';

interface AlertHistory {
  readonly alert: { id: string; kind: string; severity: string; createdAt: string; acknowledgedAt: string | null; patientId: string };
  readonly events: ReadonlyArray<{ at: string; type: string; staffId: string | null; staffName: string | null; detail: Record<string, unknown> }>;
}

function detailText(e: AlertHistory['events'][number], t: TFunction): string {
  const d = e.detail;
  if (e.type === 'answer_changed') return `${String(d.item)}: ${String(d.from)} → ${String(d.to ?? '—')}`;
  if (e.type === 'answer') return d.item !== undefined ? `${String(d.item)} = ${String(d.value)}` : String(d.answer ?? '');
  if (e.type === 'severity_raised') return `${String(d.from)} → ${String(d.to)}`;
  if (e.type === 'sent' || e.type === 'delivered' || e.type === 'delivery_failed') return d.channel ? t(`safety.channelNames.${String(d.channel)}`, { defaultValue: String(d.channel) }) : '';
  return '';
}

/** One alert's history: what raised it, answers as given, every send, delivery, escalation and the acknowledgement. */
export function AlertHistoryPage(): ReactNode {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['alerts', 'history', id], queryFn: () => api<AlertHistory>(`/api/alerts/${encodeURIComponent(id)}/history`) });
  if (q.isError) return <Page title={t('safety.historyTitle')}><ErrorMessage error={q.error} /></Page>;
  if (!q.data) return <Page title={t('safety.historyTitle')}><p>{t('common.loading')}</p></Page>;
  const { alert, events } = q.data;
  return (
    <Page title={t('safety.historyTitle')}>
      <p>
        <strong>{t(`scl.alertKinds.${alert.kind}`, { defaultValue: alert.kind })}</strong>{' '}
        <span className={`severity-tag severity-tag--${alert.severity}`}>{t(`scl.severity.${alert.severity}`, { defaultValue: alert.severity })}</span>{' '}
        — {t('safety.created')} {formatDateTime(alert.createdAt)} — {alert.acknowledgedAt ? `${t('safety.acknowledged')} ${formatDateTime(alert.acknowledgedAt)}` : t('safety.open')}
      </p>
      <ol className="alert-history">
        {events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> <strong>{t(`safety.events.${e.type}`, { defaultValue: e.type })}</strong>
            {e.staffName ? ` — ${e.staffName}` : ''} {detailText(e, t) ? <span className="muted">{parenthesized(detailText(e, t), i18n.language === 'en' ? 'en' : 'ja')}</span> : null}
          </li>
        ))}
      </ol>
      <p><Link to="/">{t('nav.home')}</Link></p>
    </Page>
  );
}
