import { holidayName } from '../../../shared/format/holiday-name.ts';
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SeriesPattern } from '@mimamori/core/scheduling/index';
import type { PatientSummary } from '../../../shared/api/types.ts';
import { todayIn } from '../../../shared/format/age.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { ResourceSelect } from './appointment-bits.tsx';
import {
  bookSeries,
  idempotencyKey,
  proposeSeries,
  useInvalidateAppointments,
  useSchedulingConfig,
  type SeriesProposalView,
} from './appointments-api.ts';
import { addDays, formatDay, isDate } from './calendar-dates.ts';
import { PatientPicker } from './patient-picker.tsx';
import './appointments.css';

/**
 * `/appointments/series`: propose a TMS course or an infusion series on the clinic's open days,
 * see what moved and why, then book it as one series (all or nothing).
 */
export function SeriesPage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const config = useSchedulingConfig();
  const invalidate = useInvalidateAppointments();
  const services = (config.data?.services ?? []).filter((s) => s.active !== false);
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [serviceId, setServiceId] = useState('');
  const service = services.find((s) => s.id === serviceId) ?? services.find((s) => s.id === 'tms') ?? services[0];
  const [resourceId, setResourceId] = useState('');
  const [kind, setKind] = useState<'weekly' | 'interval'>('weekly');
  const [perWeek, setPerWeek] = useState('5');
  const [weeks, setWeeks] = useState('6');
  const [everyDays, setEveryDays] = useState('14');
  const [count, setCount] = useState('5');
  const [tolerance, setTolerance] = useState('2');
  const [startDate, setStartDate] = useState(addDays(todayIn(new Date()), 1));
  const [time, setTime] = useState('10:00');
  const [proposal, setProposal] = useState<SeriesProposalView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [booked, setBooked] = useState<number | null>(null);
  const key = useRef(idempotencyKey());
  const roles = useMemo(() => service?.requires.map((r) => r.role) ?? [], [service]);

  const pattern: SeriesPattern =
    kind === 'weekly'
      ? { kind: 'weekly', perWeek: Number(perWeek), weeks: Number(weeks) }
      : { kind: 'interval', everyDays: Number(everyDays), count: Number(count), toleranceDays: Number(tolerance) };

  const propose = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!patient || !service || !isDate(startDate)) return;
    setBusy(true);
    setError(null);
    setBooked(null);
    try {
      setProposal(
        await proposeSeries({
          patientId: patient.id,
          serviceId: service.id,
          startDate,
          pattern,
          ...(/^\d{2}:\d{2}$/.test(time) ? { preferredTime: time } : {}),
          ...(resourceId ? { resourceIds: [resourceId] } : {}),
        }),
      );
      key.current = idempotencyKey();
    } catch (err) {
      setError(err);
      setProposal(null);
    } finally {
      setBusy(false);
    }
  };

  const placed = proposal?.occurrences.filter((o) => o.slot) ?? [];
  const book = async (): Promise<void> => {
    if (!patient || !service || placed.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const r = await bookSeries(
        {
          patientId: patient.id,
          serviceId: service.id,
          pattern,
          occurrences: placed.map((o) => ({ start: o.slot!.start })),
          ...(resourceId ? { resourceIds: [resourceId] } : {}),
        },
        key.current,
      );
      setBooked(r.appointments.length);
      setProposal(null);
      await invalidate();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={t('appt.seriesTitle')}
      before={
        <p>
          <Link to="/appointments">{t('appt.backToList')}</Link>
        </p>
      }
    >
      <p className="lead">{t('appt.seriesIntro')}</p>
      {booked !== null ? <Alert tone="success">{t('appt.seriesBooked', { count: booked })}</Alert> : null}
      <form className="booking" onSubmit={(e) => void propose(e)} noValidate>
        <section className="card booking__step" aria-labelledby="s-patient">
          <h2 id="s-patient">{t('appt.stepPatient')}</h2>
          <PatientPicker value={patient} onChange={setPatient} />
        </section>
        <section className="card booking__step" aria-labelledby="s-pattern">
          <h2 id="s-pattern">{t('appt.stepService')}</h2>
          <div className="booking__row">
            <SelectField
              label={t('appt.service')}
              value={service?.id ?? ''}
              onChange={(e) => setServiceId(e.target.value)}
              options={services.map((s) => ({ value: s.id, label: lang === 'en' ? s.nameEn : s.name }))}
            />
            <ResourceSelect
              id="series-resource"
              label={t('appt.resource')}
              allLabel={t('appt.anyDoctor')}
              config={config.data}
              roles={roles}
              value={resourceId}
              onChange={setResourceId}
            />
          </div>
          <fieldset className="series-kind">
            <legend>{t('appt.patternKind')}</legend>
            <label className="check">
              <input type="radio" name="kind" checked={kind === 'weekly'} onChange={() => setKind('weekly')} />
              {t('appt.weekly')}
            </label>
            <label className="check">
              <input type="radio" name="kind" checked={kind === 'interval'} onChange={() => setKind('interval')} />
              {t('appt.interval')}
            </label>
          </fieldset>
          <div className="booking__row">
            {kind === 'weekly' ? (
              <>
                <TextField
                  label={t('appt.perWeek')}
                  type="number"
                  min={1}
                  max={7}
                  inputMode="numeric"
                  value={perWeek}
                  onChange={(e) => setPerWeek(e.target.value)}
                />
                <TextField
                  label={t('appt.weeks')}
                  type="number"
                  min={1}
                  max={52}
                  inputMode="numeric"
                  value={weeks}
                  onChange={(e) => setWeeks(e.target.value)}
                />
              </>
            ) : (
              <>
                <TextField
                  label={t('appt.everyDays')}
                  type="number"
                  min={1}
                  max={365}
                  inputMode="numeric"
                  value={everyDays}
                  onChange={(e) => setEveryDays(e.target.value)}
                />
                <TextField
                  label={t('appt.countTimes')}
                  type="number"
                  min={1}
                  max={100}
                  inputMode="numeric"
                  value={count}
                  onChange={(e) => setCount(e.target.value)}
                />
                <TextField
                  label={t('appt.tolerance')}
                  type="number"
                  min={0}
                  max={14}
                  inputMode="numeric"
                  value={tolerance}
                  onChange={(e) => setTolerance(e.target.value)}
                />
              </>
            )}
            <TextField label={t('appt.startDate')} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
            <TextField label={t('appt.preferredTime')} type="time" step={300} value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
          <ErrorMessage error={error} />
          <button type="submit" className="btn btn--primary" disabled={!patient || !service || busy}>
            {t('appt.propose')}
          </button>
        </section>
      </form>
      {proposal ? (
        <section className="card" aria-labelledby="s-proposal">
          <h2 id="s-proposal">{t('appt.proposal')}</h2>
          {!proposal.complete || placed.length < proposal.occurrences.length ? (
            <Alert tone="warning">{t('appt.seriesIncomplete')}</Alert>
          ) : null}
          <table className="table table--cards">
            <caption className="visually-hidden">{t('appt.proposal')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('appt.occurrence')}</th>
                <th scope="col">{t('appt.planned')}</th>
                <th scope="col">{t('appt.placed')}</th>
                <th scope="col">{t('appt.result')}</th>
              </tr>
            </thead>
            <tbody>
              {proposal.occurrences.map((o) => (
                <tr key={o.index} className={`occ occ--${o.status}`}>
                  <td data-label={t('appt.occurrence')}>{o.index + 1}</td>
                  <td data-label={t('appt.planned')}>{formatDay(o.targetDate, lang)}</td>
                  <td data-label={t('appt.placed')}>{o.date && o.slot ? `${formatDay(o.date, lang)} ${o.slot.startTime}` : '—'}</td>
                  <td data-label={t('appt.result')}>
                    <span className={`occ-tag occ-tag--${o.status}`}>{t(`appt.occStatus.${o.status}`)}</span>
                    {holidayName(o, lang) ??
                      o.closureReason ??
                      (o.reason ? ` ${t(`appt.closedReasons.${o.reason}`, { defaultValue: o.reason })}` : '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {proposal.passedOver.length > 0 ? (
            <>
              <h3>{t('appt.passedOver')}</h3>
              <ul className="plain-list small">
                {proposal.passedOver.map((p) => (
                  <li key={p.date}>
                    {formatDay(p.date, lang)}:{' '}
                    {holidayName(p, lang) ?? p.closureReason ?? t(`appt.closedReasons.${p.reason}`, { defaultValue: p.reason })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" className="btn btn--primary" disabled={busy || placed.length === 0} onClick={() => void book()}>
            {t('appt.bookSeries', { count: placed.length })}
          </button>
        </section>
      ) : null}
    </Page>
  );
}
