import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { holidayName, parenthesized } from '../../../shared/format/holiday-name.ts';
import { api } from '../../../shared/api/client.ts';
import { ApiError, fieldErrors } from '../../../shared/api/api-error.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading } from '../../components/page.tsx';
import { TextField } from '../../components/field.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useBookingProposal, type BookingProposal, type EnrolmentDetail, type PlannedSession } from './programs-api.ts';

/** The treatment sessions of the enrolment: booked or not, with the appointment date and time. */
export function SessionPlan({ sessions }: { readonly sessions: readonly PlannedSession[] }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('prg.sessions')}>
      <table className="table table--dense prg-plan">
        <caption className="visually-hidden">{t('prg.sessions')}</caption>
        <thead><tr><th scope="col">{t('prg.item')}</th><th scope="col">{t('prg.window')}</th><th scope="col">{t('prg.status')}</th><th scope="col">{t('prg.bookedAt')}</th></tr></thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.sessionNumber} data-session={s.sessionNumber} data-status={s.status}>
              <th scope="row" className="nowrap">{t('prg.session', { n: s.sessionNumber })}</th>
              <td className="nowrap small">{s.windowStart} – {s.windowEnd}</td>
              <td><span className={`tag${s.status === 'not_booked' || s.status === 'cancelled' ? ' tag--bad' : ''}`}>{t(`prg.sStatus.${s.status}`)}</span></td>
              <td className="nowrap">
                {s.appointment ? `${s.appointment.date} ${s.appointment.time}` : '—'}
                {s.status === 'recorded' && s.appointment && (s.appointment.status === 'cancelled' || s.appointment.status === 'late_cancel') ? <span className="small">{parenthesized(t('trt.apptStatus.cancelled'), currentLanguage())}</span> : null}
                {s.outsideWindow ? <span className="prg-warn small">{parenthesized(t('prg.outsideWindow'), currentLanguage())}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Row = { sessionNumber: number; date: string; time: string };
type Occurrence = BookingProposal['occurrences'][number];

function rowsOf(p: BookingProposal): Row[] {
  return p.occurrences.map((o) => ({ sessionNumber: o.sessionNumber, date: o.date ?? o.programDate ?? o.targetDate, time: o.slot?.startTime ?? '' }));
}

/**
 * Review and book the treatment course: the reservations feature's proposal of the series (dates
 * moved off holidays and closures, the free slot nearest the preferred time), editable per
 * session, booked all at once as one series.
 */
export function BookingPanel({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const lang = currentLanguage();
  const qc = useQueryClient();
  const bookable = (d.enrolment.status === 'enrolled' || d.enrolment.status === 'active') && d.schedule !== null;
  const needsBooking = bookable && d.plannedSessions.some((s) => s.status === 'not_booked' || s.status === 'cancelled') && !d.plannedSessions.some((s) => s.status === 'booked');
  const [preferred, setPreferred] = useState('10:00');
  const [asked, setAsked] = useState('10:00');
  const proposal = useBookingProposal(d.enrolment.id, asked, needsBooking && can('programs:record'));
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (proposal.data) setRows(rowsOf(proposal.data));
  }, [proposal.data]);
  const errs = fieldErrors(error);

  /** Why the proposal has no slot for a session: the closed day's name, or the reason's label. */
  const whyNot = (o: Occurrence): string => holidayName(o, lang) ?? o.closureReason ?? (o.reason ? t(`prg.passedReasons.${o.reason}`, { defaultValue: o.reason }) : t('prg.passedReasons.no_free_slot'));

  async function book(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setDone(null);
    // A session without a date or time is named here, next to its fields, before anything is sent.
    const missing = rows.flatMap((r, i) => (['date', 'time'] as const).filter((k) => !r[k]).map((k) => ({
      path: `occurrences[${i}].${k}`,
      message: t(k === 'date' ? 'prg.bookingDateMissing' : 'prg.bookingTimeMissing', { session: t('prg.session', { n: r.sessionNumber }) }),
    })));
    if (missing.length) {
      setError(new ApiError({ status: 400, code: 'validation', message: missing.map((m) => m.message).join(' '), details: missing }));
      return;
    }
    setBusy(true);
    try {
      await api(`/api/program-enrolments/${d.enrolment.id}/booking`, { method: 'POST', body: { occurrences: rows } });
      await qc.invalidateQueries({ queryKey: ['program-enrolment', d.enrolment.id] });
      setDone(t('prg.booked', { count: rows.length }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (d.plannedSessions.length === 0) return null;
  const p = proposal.data;
  return (
    <section className="card card--wide" aria-labelledby="e-booking">
      <h2 id="e-booking">{t('prg.sessions')}</h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <SessionPlan sessions={d.plannedSessions} />
      {needsBooking && can('programs:record') ? (
        <>
          <h3>{t('prg.booking')}</h3>
          {proposal.isLoading ? <Loading /> : null}
          <ErrorMessage error={proposal.error} />
          {p ? (
            <form className="form form--wide prg-book" onSubmit={(e) => void book(e)} noValidate>
              <p>{t('prg.bookingIntro', { service: lang === 'en' && p.service.nameEn ? p.service.nameEn : p.service.name, minutes: p.service.durationMinutes, count: p.occurrences.length })}</p>
              <div className="prg-book__pref">
                <TextField label={t('prg.preferredTime')} type="time" step={900} value={preferred} onChange={(e) => setPreferred(e.target.value)} />
                <button className="btn" type="button" onClick={() => setAsked(preferred)}>{t('prg.repropose')}</button>
              </div>
              {p.passedOver.length ? (
                <div className="prg-book__passed">
                  <h4>{t('prg.passedOver')}</h4>
                  <ul>
                    {p.passedOver.map((x) => (
                      <li key={x.date} data-passed={x.date}>{x.date} — {holidayName(x, lang) ?? x.closureReason ?? t(`prg.passedReasons.${x.reason}`)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {!p.complete ? (
                <Alert tone="warning">
                  {t('prg.bookingNone', { sessions: p.occurrences.filter((o) => !o.date || !o.slot).map((o) => t('prg.session', { n: o.sessionNumber })).join('、') })}
                </Alert>
              ) : null}
              <ol className="prg-book__list">
                {p.occurrences.map((o, i) => {
                  const row = rows[i];
                  if (!row) return null;
                  const set = (k: 'date' | 'time', v: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
                  return (
                    <li key={o.sessionNumber} className="prg-book__item" data-occurrence={o.sessionNumber}>
                      <p className="prg-book__head">
                        <strong>{t('prg.session', { n: o.sessionNumber })}</strong>{' '}
                        <span className={`tag${o.status === 'ok' ? '' : o.status === 'shifted' ? ' prg-tag--moved' : ' tag--bad'}`}>{t(`prg.occStatus.${o.status}`)}</span>
                        {o.status === 'shifted' ? <span className="prg-shift small"> {o.targetDate} → {o.date}{o.holidayName ? parenthesized(holidayName(o, lang)!, lang) : o.reason ? parenthesized(t(`prg.passedReasons.${o.reason}`), lang) : ''}</span> : null}
                      </p>
                      {!o.date || !o.slot ? (
                        <p className="prg-warn small" data-no-slot={o.sessionNumber}>
                          {t('prg.occNoSlot', { date: o.date ?? o.targetDate, why: whyNot(o), from: o.windowStart ?? o.targetDate, to: o.windowEnd ?? o.targetDate })}
                        </p>
                      ) : null}
                      <TextField label={t('prg.date')} type="date" value={row.date} onChange={(e) => set('date', e.target.value)} error={errs[`occurrences.${i}.date`]} required />
                      <TextField label={t('prg.startTime')} type="time" step={900} value={row.time} onChange={(e) => set('time', e.target.value)} error={errs[`occurrences.${i}.time`]} required />
                    </li>
                  );
                })}
              </ol>
              <ErrorMessage error={error} />
              <div className="form__actions">
                <button className="btn btn--primary" type="submit" disabled={busy}>{t('prg.bookAll', { count: rows.length })}</button>
              </div>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Which questionnaires go to the patient by email as their windows open; retry what failed. */
export function QuestionnairesCard({ d }: { readonly d: EnrolmentDetail }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!d.schedule) return null;
  const links = d.assessmentLinks;
  const scales = [...new Set(links.map((l) => l.scaleId))];
  async function retry(): Promise<void> {
    setError(null);
    setDone(null);
    try {
      const r = await api<{ assigned: number; replaced?: number }>(`/api/program-enrolments/${d.enrolment.id}/assessment-links`, { method: 'POST', body: {} });
      setDone(r.replaced ? t('prg.questionnairesMoved', { count: r.replaced }) : t('prg.questionnairesDone', { count: r.assigned }));
      await qc.invalidateQueries({ queryKey: ['program-enrolment', d.enrolment.id] });
    } catch (err) {
      setError(err);
    }
  }
  const active = ['enrolled', 'active'].includes(d.enrolment.status);
  return (
    <section className="card card--wide" aria-labelledby="e-questionnaires">
      <h2 id="e-questionnaires">{t('prg.questionnaires')}</h2>
      <p>{t('prg.questionnairesText', { scales: scales.map((s) => s.toUpperCase()).join('・'), count: links.length })}</p>
      {d.assessmentLinksStale ? <Alert tone="warning">{t('prg.questionnairesStale')}</Alert> : null}
      {links.length ? (
        <ul className="small">
          {[...new Set(links.map((l) => l.visitId))].map((v) => {
            const ls = links.filter((l) => l.visitId === v);
            return <li key={v}>{ls[0]!.opensOn} – {ls[0]!.closesOn}: {ls.map((l) => l.scaleId.toUpperCase()).join('・')}</li>;
          })}
        </ul>
      ) : null}
      <ErrorMessage error={error} />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {active && can('programs:enrol') ? <button className="btn" type="button" onClick={() => void retry()}>{t(d.assessmentLinksStale ? 'prg.questionnairesReplan' : 'prg.questionnairesRetry')}</button> : null}
    </section>
  );
}
