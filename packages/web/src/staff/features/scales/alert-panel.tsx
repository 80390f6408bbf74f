import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { useOpenAlerts, type AlertItem } from './scales-api.ts';
import './scales.css';

function AcknowledgeForm({ alert }: { readonly alert: AlertItem }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () => api(`/api/alerts/${alert.id}/acknowledge`, { method: 'POST', body: { note: note.trim() } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['alerts'] }),
  });
  const id = `ack-${alert.id}`;
  return (
    <form
      className="alert-ack"
      onSubmit={(e) => {
        e.preventDefault();
        if (note.trim()) m.mutate();
      }}
    >
      <label htmlFor={id}>{t('scl.ackNote')}</label>
      <textarea id={id} rows={2} value={note} required onChange={(e) => setNote(e.target.value)} />
      <ErrorMessage error={m.error} />
      <button type="submit" className="btn btn--primary btn--small" disabled={!note.trim() || m.isPending}>
        {t('scl.acknowledge')}
      </button>
    </form>
  );
}

/** Doctors set how long an alert may stay unacknowledged before it is highlighted (clinic-wide). */
function OverdueSetting({ current }: { readonly current: number }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [value, setValue] = useState(String(current));
  const m = useMutation({
    mutationFn: () => api('/api/alerts/settings', { method: 'PUT', body: { overdueMinutes: Number(value) } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['alerts'] }),
  });
  return (
    <form
      className="alert-overdue-setting"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <label htmlFor="alert-overdue-minutes">{t('scl.overdueSetting')}</label>
      <input
        id="alert-overdue-minutes"
        type="number"
        min={5}
        max={10080}
        step={5}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="btn btn--small" disabled={m.isPending}>
        {t('common.save')}
      </button>
      <ErrorMessage error={m.error} />
    </form>
  );
}

/** The item's own words after its number (「項目 9「死んだ方が…」」), when the scale ships them. */
function itemWords(p: Readonly<Record<string, string | number>>, lang: string): string {
  const w = String((lang.startsWith('en') ? p.itemEn : p.itemJa) ?? '');
  return w ? (lang.startsWith('en') ? ` "${w}"` : `「${w}」`) : '';
}

/**
 * Open safety alerts on the dashboard: every clinician sees them until a doctor acknowledges one
 * with a note; the overdue ones are marked.
 */
export function AlertPanel(): ReactNode {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const q = useOpenAlerts(can('alerts:read'));
  // A role that cannot see alerts must not be told there are none: say who sees them instead.
  if (!can('alerts:read')) return <p className="muted" data-testid="alerts-not-shown">{t('dashboard.alertsNotShown')}</p>;
  if (q.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (q.isError) return <ErrorMessage error={q.error} />;
  const items = q.data.items;
  const setting = can('alerts:acknowledge') ? <OverdueSetting key={q.data.overdueMinutes} current={q.data.overdueMinutes} /> : null;
  if (items.length === 0) {
    return (
      <>
        <p className="empty">{t('dashboard.noAlerts')}</p>
        {setting}
      </>
    );
  }
  return (
    <>
      <ul className="alert-list">
        {items.map((a) => {
          const p = a.summary.params ?? {};
          return (
            <li
              key={a.id}
              className={`alert-item${a.overdue ? ' alert-item--overdue' : ''}${a.severity === 'urgent' ? ' alert-item--critical' : ''}`}
            >
              <p className="alert-item__head">
                <strong>{t(`scl.alertKinds.${a.kind}`, { defaultValue: a.kind })}</strong>{' '}
                <span className={`severity-tag severity-tag--${a.severity}`}>{t(`scl.severity.${a.severity}`, { defaultValue: a.severity })}</span>
                {a.overdue ? <span className="overdue-tag">{t('scl.alertsOverdue', { min: q.data.overdueMinutes })}</span> : null}
              </p>
              <p>
                <span className="mono">{a.patient.patientNumber}</span> {a.patient.nameKanji}
                {a.summary.key === 'alert_scale_safety'
                  ? ` — ${String(p.scale)} ${t('scl.item')} ${String(p.itemNumber ?? p.item)}${itemWords(p, i18n.language)} = ${String(p.score)}`
                  : ''}
              </p>
              <p className="small muted">
                {formatDateTime(a.createdAt)} · <Link to={`/alerts/${encodeURIComponent(a.id)}`}>{t('safety.historyTitle')}</Link>
              </p>
              {can('scales:read') ? (
                <p className="small">
                  <Link to={`/scales/patients/${encodeURIComponent(a.patient.id)}`}>{t('scl.openPatientScales')}</Link>
                </p>
              ) : null}
              {can('alerts:acknowledge') ? <AcknowledgeForm alert={a} /> : null}
            </li>
          );
        })}
      </ul>
      {setting}
    </>
  );
}

export function AckDone(): ReactNode {
  const { t } = useTranslation();
  return <Alert tone="success">{t('scl.ackDone')}</Alert>;
}
