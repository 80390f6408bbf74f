import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { useSession } from '../../session/session.tsx';
import type { SaeClockView } from './sae-api.ts';
import { SaeDeadlineState } from './sae-deadline-label.tsx';
import { parenthesized } from '../../../shared/format/holiday-name.ts';
import { currentLanguage } from '../../i18n/index.ts';

/**
 * The reporting clock of one serious adverse event: each deadline its pathway sets (recipient, the
 * rule it comes from, due date, state — red when overdue), the reports recorded, and for doctors a
 * form to record a report (when and to whom).
 */
export function SaeClockCard({ enrolmentId, aeId, clock, today }: { readonly enrolmentId: string; readonly aeId: string; readonly clock: SaeClockView; readonly today: string }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const titleId = `sae-clock-${aeId}`;
  return (
    <section className="sae-clock" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('sae.clockTitle')} <span className="small muted">{t('sae.knownOn', { date: clock.knownOn })}</span></h3>
      {clock.periodicOnly ? <p className="small">{t('sae.periodicOnly')}</p> : null}
      {clock.deadlines.length ? (
        <ul className="sae-deadlines">
          {clock.deadlines.map((d) => (
            <li key={d.recipient} className={d.state === 'overdue' ? 'sae-row--overdue' : undefined} data-sae-deadline={d.recipient}>
              <strong>{t(`sae.recipient.${d.recipient}`)}</strong>
              <span className="nowrap">{t('sae.due', { date: d.dueDate })}</span>
              <SaeDeadlineState d={d} />
              <span className="small muted sae-rule">{t(`sae.rule.${d.rule}`, { days: d.days })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {clock.reports.length ? (
        <>
          <h4>{t('sae.reports')}</h4>
          <ul className="small">
            {clock.reports.map((r) => (
              <li key={r.id}>{r.reportedOn} — {t(`sae.recipient.${r.recipient}`)} — {r.reportedTo}{r.note ? `${parenthesized(r.note, currentLanguage())}` : ''}</li>
            ))}
          </ul>
        </>
      ) : null}
      {can('programs:sae_report') && clock.deadlines.some((d) => d.state !== 'reported') ? <ReportForm enrolmentId={enrolmentId} aeId={aeId} clock={clock} today={today} /> : null}
    </section>
  );
}

function ReportForm({ enrolmentId, aeId, clock, today }: { readonly enrolmentId: string; readonly aeId: string; readonly clock: SaeClockView; readonly today: string }): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const open = clock.deadlines.filter((d) => d.state !== 'reported');
  const [f, setF] = useState({ recipient: open[0]?.recipient ?? '', reportedOn: today, reportedTo: '', note: '' });
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState(false);
  const errs = fieldErrors(error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setOk(false);
    try {
      await api(`/api/program-enrolments/${enrolmentId}/adverse-events/${aeId}/reports`, { method: 'POST', body: { recipient: f.recipient, reportedOn: f.reportedOn, reportedTo: f.reportedTo, ...(f.note ? { note: f.note } : {}) } });
      setOk(true);
      await Promise.all([qc.invalidateQueries({ queryKey: ['program-enrolment', enrolmentId] }), qc.invalidateQueries({ queryKey: ['program-sae-tasks'] })]);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details open={error !== null || undefined}>
    <summary>{t('sae.recordReport')}</summary>
    <form className="form form--wide" aria-label={t('sae.recordReport')} onSubmit={(e) => void submit(e)}>
      <SelectField label={t('sae.reportTo')} value={f.recipient} onChange={set('recipient')} options={clock.deadlines.map((d) => ({ value: d.recipient, label: t(`sae.recipient.${d.recipient}`) }))} error={errs.recipient} />
      <TextField label={t('sae.reportedOn')} type="date" value={f.reportedOn} onChange={set('reportedOn')} error={errs.reportedOn} />
      <TextField label={t('sae.reportedToName')} value={f.reportedTo} onChange={set('reportedTo')} error={errs.reportedTo} />
      <TextField label={t('sae.note')} value={f.note} onChange={set('note')} error={errs.note} />
      <ErrorMessage error={error} />
      {ok ? <Alert tone="success">{t('sae.reportRecorded')}</Alert> : null}
      <div className="form__actions"><button className="btn btn--primary" type="submit">{t('sae.recordReport')}</button></div>
    </form>
    </details>
  );
}
