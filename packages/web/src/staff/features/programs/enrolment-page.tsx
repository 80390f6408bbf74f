import './programs.css';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { AdverseEventList, SERIOUSNESS } from './adverse-event-list.tsx';
import { DosingStoppedCard } from './dosing-stopped-card.tsx';
import { ReconsentCard } from './reconsent-card.tsx';
import { ExpectedEventField } from './expected-event-field.tsx';
import { BookingPanel, QuestionnairesCard } from './booking-panel.tsx';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { pick, useEnrolment, type EnrolmentDetail } from './programs-api.ts';
import { InfusionForm } from './infusion-form.tsx';
import { TmsForm } from './tms-form.tsx';
import { useScrollToHash } from './use-scroll-to-hash.ts';
import { Criteria, DeclineForm, EligibilityForm } from './eligibility-section.tsx';
import { parenthesized } from '../../../shared/format/holiday-name.ts';

/** A form that posts, shows field errors in place and refreshes the enrolment on success. */
function useAction(id: string) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  async function run(path: string, body: unknown, success: string | ((r: unknown) => string)): Promise<unknown> {
    setError(null);
    setOk(null);
    try {
      const r = await api(path, { method: 'POST', body });
      setOk(typeof success === 'string' ? success : success(r));
      await qc.invalidateQueries({ queryKey: ['program-enrolment', id] });
      return r;
    } catch (e) {
      setError(e);
      return undefined;
    }
  }
  return { error, ok, run, errs: fieldErrors(error) };
}

/** One participant: status and history, eligibility, consent, schedule, sessions, adverse events, withdrawal. */
export function EnrolmentPage(): ReactNode {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { can } = useSession();
  const q = useEnrolment(id);
  const d = q.data;
  // Reached from an appointment or the timeline with #record: the form comes into view once loaded.
  useScrollToHash(Boolean(d));
  if (!d) return <Page title={t('prg.enrolmentTitle')}>{q.isLoading ? <Loading /> : <ErrorMessage error={q.error} />}</Page>;
  const s = d.enrolment.status;
  return (
    <Page title={`${d.patient.nameKanji}${parenthesized(d.patient.patientNumber, currentLanguage())}— ${pick(d.program.title, lang)}`}>
      <p>
        <span className="tag">{t(`prg.statuses.${s}`)}</span>{' '}
        <Link to={`/programs/${d.program.id}`}>{t('prg.dashboard')}</Link> · <Link to={`/patients/${d.patient.id}/program-timeline`}>{t('prg.timeline')}</Link> · <Link to={`/patients/${d.patient.id}/records`}>{t('rec.open')}</Link>
      </p>
      <section className="card card--wide" aria-labelledby="e-history">
        <h2 id="e-history">{t('prg.history')}</h2>
        <ol>
          {d.events.map((e, i) => (
            <li key={i}>{new Date(e.at).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })} — {t(`prg.statuses.${e.to}`)}{e.reason ? `${parenthesized(e.reason, currentLanguage())}` : ''}</li>
          ))}
        </ol>
      </section>
      <DosingStoppedCard d={d} />
      <ReconsentCard d={d} />
      {s === 'screening' && can('programs:enrol') ? <EligibilityForm d={d} /> : null}
      {d.eligibility ? <Criteria d={d} /> : null}
      <section className="card card--wide" aria-labelledby="e-consent">
        <h2 id="e-consent">{t('prg.consent')}</h2>
        {d.consents.length ? (
          <ul>
            {d.consents.map((c) => (
              <li key={c.id}>
                {t(`prg.roles.${c.record.role}`)} — {c.record.signer.name} — {new Date(c.record.signedAt).toLocaleString(currentLanguage() === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })} — {c.record.document.id} v{c.record.document.version} ({c.record.document.language}) <code className="small">{c.record.document.contentHash.slice(0, 12)}…</code>{' '}
                <a href={`/api/program-enrolments/${d.enrolment.id}/consents/${c.id}/pdf`}>{t('prg.pdf')}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {s === 'eligible' && can('programs:consent') ? <Link className="btn btn--primary" to={`/program-enrolments/${d.enrolment.id}/consent`}>{t('prg.takeConsent')}</Link> : null}
      </section>
      {s === 'consented' && can('programs:enrol') ? <EnrolForm d={d} /> : null}
      {d.schedule ? <BookingPanel d={d} /> : null}
      {d.schedule ? <ScheduleTable d={d} /> : null}
      {d.schedule ? <QuestionnairesCard d={d} /> : null}
      {(s === 'enrolled' || s === 'active') && can('programs:record') ? (d.program.treatment === 'infusion' ? <InfusionForm d={d} /> : <TmsForm d={d} />) : null}
      {can('programs:record') && s !== 'screening' ? <AdverseEventForm d={d} /> : null}
      <AdverseEventList d={d} />
      {/* Before consent there is nothing to withdraw: 不適格・辞退 instead of 中止（同意撤回）. */}
      {(s === 'screening' || s === 'eligible') && can('programs:enrol') ? <DeclineForm d={d} /> : null}
      {((d.enrolment.nextStatuses.includes('withdrawn') && s !== 'screening' && s !== 'eligible') || s === 'withdrawn') && can('programs:enrol') ? <WithdrawForm d={d} /> : null}
    </Page>
  );
}

function EnrolForm({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const a = useAction(d.enrolment.id);
  const [date, setDate] = useState(d.today);
  return (
    <section className="card card--wide" aria-labelledby="e-enrol">
      <h2 id="e-enrol">{t('prg.enrol')}</h2>
      <form className="form" onSubmit={(e) => { e.preventDefault(); void a.run(`/api/program-enrolments/${d.enrolment.id}/enrol`, { enrolmentDate: date }, t('prg.recorded')); }}>
        <TextField label={t('prg.enrolmentDate')} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={a.errs.enrolmentDate} />
        <ErrorMessage error={a.error} />
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('prg.enrol')}</button></div>
      </form>
    </section>
  );
}

function ScheduleTable({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sch = d.schedule!;
  const status = new Map(d.scheduleStatus.map((s) => [s.itemId, s.status]));
  return (
    <section className="card card--wide" aria-labelledby="e-schedule">
      <h2 id="e-schedule">{t('prg.schedule')}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('prg.schedule')}>
        <table className="table table--dense prg-schedule">
          <thead><tr><th scope="col">{t('prg.date')}</th><th scope="col">{t('prg.item')}</th><th scope="col">{t('prg.window')}</th><th scope="col">{t('prg.status')}</th><th scope="col">{t('prg.event')}</th></tr></thead>
          <tbody>
            {sch.items.map((i) => {
              const shift = sch.shifts.find((s) => s.itemId === i.id);
              const conflict = sch.conflicts.find((c) => c.itemId === i.id);
              return (
                <tr key={i.id} data-item={i.id}>
                  <td className="nowrap">{i.date}</td>
                  <td>{i.kind === 'session' ? t('prg.session', { n: i.sessionNumber }) : pick(d.program.assessments.find((a) => a.id === i.visitId)?.label, lang) || i.visitId}</td>
                  <td className="nowrap small">{i.windowStart} – {i.windowEnd}</td>
                  <td>{t(`prg.aStatus.${status.get(i.id) ?? 'upcoming'}`)}</td>
                  <td className="small">
                    {shift ? <span className="prg-shift">{t(shift.reason === 'closed' ? 'prg.shifted' : 'prg.aligned', { from: shift.from })}</span> : null}
                    {conflict ? <span className="tag tag--bad">{t('prg.conflict')}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// The core's seriousness criteria (ICH E2A), shared with the edit form.
const SERIOUS = SERIOUSNESS;

function AdverseEventForm({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const a = useAction(d.enrolment.id);
  const [f, setF] = useState({ term: '', onsetDate: d.today, endDate: '', grade: '1', relatedness: 'possible', expectedEventId: '', actionTaken: 'none', outcome: 'recovering' });
  const [serious, setSerious] = useState<string[]>([]);
  const [raised, setRaised] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const opts = (keys: string[], base: string) => keys.map((k) => ({ value: k, label: t(`${base}.${k}`) }));
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setRaised(false);
    const r = (await a.run(`/api/program-enrolments/${d.enrolment.id}/adverse-events`, {
      term: f.term, grade: Number(f.grade), seriousness: serious, relatedness: f.relatedness, actionTaken: f.actionTaken, outcome: f.outcome,
      ...(f.expectedEventId ? { expectedEventId: f.expectedEventId } : {}),
      ...(f.onsetDate ? { onsetDate: f.onsetDate } : {}), ...(f.endDate ? { endDate: f.endDate } : {}),
    }, t('prg.recorded'))) as { alertRaised?: boolean } | undefined;
    if (r?.alertRaised) setRaised(true);
  }
  return (
    <section className="card card--wide" aria-labelledby="e-ae">
      <h2 id="e-ae">{t('prg.ae')}</h2>
      <form className="form form--wide" onSubmit={(e) => void submit(e)}>
        <TextField label={t('prg.term')} value={f.term} onChange={set('term')} error={a.errs.term} />
        <TextField label={t('prg.onset')} type="date" value={f.onsetDate} onChange={set('onsetDate')} error={a.errs.onsetDate} />
        <TextField label={t('prg.aeEnd')} type="date" value={f.endDate} onChange={set('endDate')} error={a.errs.endDate} />
        <SelectField label={t('prg.grade')} value={f.grade} onChange={set('grade')} options={['1', '2', '3', '4', '5'].map((g) => ({ value: g, label: g }))} error={a.errs.grade} />
        <fieldset>
          <legend>{t('prg.serious')}</legend>
          {SERIOUS.map((k) => (
            <label key={k} className="check"><input type="checkbox" checked={serious.includes(k)} onChange={(e) => setSerious((s) => (e.target.checked ? [...s, k] : s.filter((x) => x !== k)))} /> {t(`prg.seriousness.${k}`)}</label>
          ))}
        </fieldset>
        <SelectField label={t('prg.relatedness')} value={f.relatedness} onChange={set('relatedness')} options={opts(['not_related', 'unlikely', 'possible', 'probable', 'definite'], 'prg.rel')} />
        <ExpectedEventField program={d.program} value={f.expectedEventId} onChange={(v) => setF((x) => ({ ...x, expectedEventId: v }))} error={a.errs.expectedEventId} />
        <SelectField label={t('prg.action')} value={f.actionTaken} onChange={set('actionTaken')} options={opts(['none', 'infusion_interrupted', 'dose_reduced', 'session_postponed', 'treatment_withdrawn', 'other'], 'prg.act')} />
        <SelectField label={t('prg.outcome')} value={f.outcome} onChange={set('outcome')} options={opts(['recovering', 'not_recovered', 'recovered', 'recovered_with_sequelae', 'fatal', 'unknown'], 'prg.out')} error={a.errs.outcome} />
        <ErrorMessage error={a.error} />
        {raised ? <Alert tone="warning">{t('prg.saeRaised')}</Alert> : a.ok ? <Alert tone="success">{a.ok}</Alert> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('prg.record')}</button></div>
      </form>
    </section>
  );
}

function WithdrawForm({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const a = useAction(d.enrolment.id);
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState('keep');
  // Once withdrawn the form goes; what the withdrawal cancelled stays in view.
  if (d.enrolment.status === 'withdrawn') return a.ok ? <Alert tone="success">{a.ok}</Alert> : null;
  return (
    <section className="card card--wide" aria-labelledby="e-withdraw">
      <h2 id="e-withdraw">{t('prg.withdraw')}</h2>
      <form className="form form--wide" onSubmit={(e) => { e.preventDefault(); void a.run(`/api/program-enrolments/${d.enrolment.id}/withdraw`, { dataChoice: choice, ...(reason ? { reason } : {}) }, (r) => {
        const x = r as { cancelledAppointments?: number; cancelledAssessments?: number };
        return `${t('prg.withdrawn')} ${t('prg.withdrawnCancelled', { appointments: x.cancelledAppointments ?? 0, questionnaires: x.cancelledAssessments ?? 0 })}`;
      }); }}>
        <TextField label={t('prg.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={a.errs.reason} />
        <SelectField label={t('prg.dataChoice')} value={choice} onChange={(e) => setChoice(e.target.value)} options={[{ value: 'keep', label: t('prg.keep') }, { value: 'delete_from_future_exports', label: t('prg.deleteData') }]} />
        <ErrorMessage error={a.error} />
        {a.ok ? <Alert tone="success">{a.ok}</Alert> : null}
        <div className="form__actions"><button className="btn" type="submit">{t('prg.withdraw')}</button></div>
      </form>
    </section>
  );
}
