import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicCalendar, ClinicClosure, DayOverride, Service, Session } from '@mimamori/core/scheduling/index';
import { ApiError, fieldErrors } from '../../../shared/api/api-error.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useSchedulingConfig, useSaveConfig, type SchedulingConfig } from '../appointments/appointments-api.ts';
import '../appointments/appointments.css';
import './calendar-admin.css';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof WEEKDAYS)[number];

/** `/calendar-admin`: weekly hours, holidays, closures, one-day changes, services and booking rules. */
export function CalendarAdminPage(): ReactNode {
  const { t } = useTranslation();
  const config = useSchedulingConfig();
  // A stale save reloads the settings and starts the forms again from them (never overwrites
  // someone else's change with an old copy).
  const [generation, setGeneration] = useState(0);
  const [stale, setStale] = useState(false);
  const onStale = (): void => {
    setStale(true);
    setGeneration((g) => g + 1);
  };
  if (config.isPending) return <Loading />;
  if (config.error) return <ErrorMessage error={config.error} />;
  return (
    <Page title={t('calAdmin.title')}>
      <p className="lead">{t('calAdmin.intro')}</p>
      {stale ? <Alert tone="warning">{t('calAdmin.stale')}</Alert> : null}
      <CalendarForm config={config.data} key={`cal-${generation}`} onStale={onStale} />
      <ServicesForm config={config.data} key={`svc-${generation}`} onStale={onStale} />
      <PolicyForm config={config.data} key={`pol-${generation}`} onStale={onStale} />
    </Page>
  );
}

function useSaver(onStale: () => void) {
  const { t } = useTranslation();
  const save = useSaveConfig();
  const [message, setMessage] = useState<string | null>(null);
  const config = useSchedulingConfig();
  const run = async (path: string, body: unknown): Promise<void> => {
    setMessage(null);
    try {
      await save.mutateAsync({ path, body });
      setMessage(t('calAdmin.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') {
        await config.refetch();
        onStale();
      }
    }
  };
  const error = save.error instanceof ApiError && save.error.code === 'conflict' ? null : save.error;
  return { run, busy: save.isPending, error, issues: fieldErrors(save.error), message };
}

function Issues({ issues }: { readonly issues: Readonly<Record<string, string>> }): ReactNode {
  const list = Object.entries(issues);
  if (list.length === 0) return null;
  return (
    <ul className="small">
      {list.map(([k, v]) => (
        <li key={k}>
          <code>{k}</code>: {v}
        </li>
      ))}
    </ul>
  );
}

function CalendarForm({ config, onStale }: { readonly config: SchedulingConfig; readonly onStale: () => void }): ReactNode {
  const { t } = useTranslation();
  const [hours, setHours] = useState<Record<Weekday, Session[]>>(
    () => Object.fromEntries(WEEKDAYS.map((d) => [d, [...(config.calendar.weeklyHours[d] ?? [])]])) as Record<Weekday, Session[]>,
  );
  const [holidays, setHolidays] = useState(config.calendar.closedOnNationalHolidays);
  const [closures, setClosures] = useState<ClinicClosure[]>([...config.calendar.closures]);
  const [overrides, setOverrides] = useState<DayOverride[]>([...config.calendar.overrides]);
  const saver = useSaver(onStale);

  const setSession = (d: Weekday, i: number, part: 'start' | 'end', v: string): void =>
    setHours((h) => ({ ...h, [d]: h[d].map((s, j) => (j === i ? { ...s, [part]: v } : s)) }));

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const weeklyHours: ClinicCalendar['weeklyHours'] = Object.fromEntries(
      WEEKDAYS.filter((d) => hours[d].length > 0).map((d) => [d, hours[d]]),
    );
    void saver.run('/api/scheduling/calendar', {
      weeklyHours,
      closedOnNationalHolidays: holidays,
      closures,
      overrides: overrides.map((o) =>
        o.kind === 'close' && !o.start && !o.end ? { kind: 'close', date: o.date, ...(o.reason ? { reason: o.reason } : {}) } : o,
      ),
      version: config.version,
    });
  };

  return (
    <form className="card form cal-form" onSubmit={submit} aria-labelledby="cal-hours">
      <h2 id="cal-hours">{t('calAdmin.hours')}</h2>
      <table className="table cal-hours">
        <caption className="visually-hidden">{t('calAdmin.hours')}</caption>
        <tbody>
          {WEEKDAYS.map((d) => {
            const day = t(`calAdmin.weekdays.${d}`);
            return (
              <tr key={d}>
                <th scope="row">{day}</th>
                <td>
                  {hours[d].length === 0 ? <span className="muted">{t('calAdmin.closedDay')}</span> : null}
                  {hours[d].map((s, i) => (
                    <div key={i} className="cal-session">
                      <input
                        type="time"
                        step={300}
                        aria-label={`${day} ${t('calAdmin.from')}`}
                        value={s.start}
                        onChange={(e) => setSession(d, i, 'start', e.target.value)}
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        type="time"
                        step={300}
                        aria-label={`${day} ${t('calAdmin.to')}`}
                        value={s.end}
                        onChange={(e) => setSession(d, i, 'end', e.target.value)}
                      />
                      <button
                        type="button"
                        className="btn btn--small btn--danger"
                        aria-label={t('calAdmin.removeSession', { day, start: s.start, end: s.end })}
                        onClick={() => setHours((h) => ({ ...h, [d]: h[d].filter((_, j) => j !== i) }))}
                      >
                        ×
                      </button>
                    </div>
                  ))}
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => setHours((h) => ({ ...h, [d]: [...h[d], { start: '09:00', end: '13:00' }] }))}
                  >
                    + <span className="visually-hidden">{t('calAdmin.addSession', { day })}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="check">
        <input type="checkbox" checked={holidays} onChange={(e) => setHolidays(e.target.checked)} />
        {t('calAdmin.holidays')}
      </label>

      <h2>{t('calAdmin.closures')}</h2>
      <p className="field__hint">{t('calAdmin.closuresHint')}</p>
      {closures.map((c, i) => (
        <fieldset key={i} className="cal-row">
          <legend>
            {t('calAdmin.closures')} {i + 1}
          </legend>
          <SelectField
            label={t('calAdmin.kind')}
            value={c.kind}
            options={[
              { value: 'annual', label: t('calAdmin.annual') },
              { value: 'dates', label: t('calAdmin.once') },
            ]}
            onChange={(e) =>
              setClosures(
                (l) =>
                  l.map((x, j) =>
                    j === i ? { ...x, kind: e.target.value as 'annual' | 'dates', from: '', to: '' } : x,
                  ) as ClinicClosure[],
              )
            }
          />
          <TextField
            label={t('calAdmin.from')}
            type={c.kind === 'dates' ? 'date' : 'text'}
            placeholder={c.kind === 'annual' ? '12-29' : undefined}
            value={c.from}
            onChange={(e) => setClosures((l) => l.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)))}
          />
          <TextField
            label={t('calAdmin.to')}
            type={c.kind === 'dates' ? 'date' : 'text'}
            placeholder={c.kind === 'annual' ? '01-03' : undefined}
            value={c.to}
            onChange={(e) => setClosures((l) => l.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))}
          />
          <TextField
            label={t('calAdmin.reason')}
            value={c.reason}
            onChange={(e) => setClosures((l) => l.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)))}
          />
          <button type="button" className="btn btn--small btn--danger" onClick={() => setClosures((l) => l.filter((_, j) => j !== i))}>
            {t('calAdmin.removeClosure', { reason: c.reason })}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" className="btn" onClick={() => setClosures((l) => [...l, { kind: 'dates', from: '', to: '', reason: '' }])}>
          {t('calAdmin.addClosure')}
        </button>
      </p>

      <h2>{t('calAdmin.overrides')}</h2>
      <p className="field__hint">
        {t('calAdmin.overridesHint')} {t('calAdmin.wholeDay')}
      </p>
      {overrides.map((o, i) => {
        const start = o.kind === 'open' ? (o.sessions[0]?.start ?? '') : (o.start ?? '');
        const end = o.kind === 'open' ? (o.sessions[0]?.end ?? '') : (o.end ?? '');
        const update = (patch: { kind?: 'open' | 'close'; date?: string; start?: string; end?: string; reason?: string }): void =>
          setOverrides((l) =>
            l.map((x, j) => {
              if (j !== i) return x;
              const kind = patch.kind ?? x.kind;
              const s = patch.start ?? start;
              const en = patch.end ?? end;
              const base = { date: patch.date ?? x.date, ...((patch.reason ?? x.reason) ? { reason: patch.reason ?? x.reason } : {}) };
              return kind === 'open'
                ? { kind: 'open', ...base, sessions: [{ start: s || '09:00', end: en || '13:00' }] }
                : { kind: 'close', ...base, ...(s ? { start: s } : {}), ...(en ? { end: en } : {}) };
            }),
          );
        return (
          <fieldset key={i} className="cal-row">
            <legend>
              {t('calAdmin.overrides')} {i + 1}
            </legend>
            <SelectField
              label={t('calAdmin.kind')}
              value={o.kind}
              options={[
                { value: 'close', label: t('calAdmin.close') },
                { value: 'open', label: t('calAdmin.open') },
              ]}
              onChange={(e) => update({ kind: e.target.value as 'open' | 'close' })}
            />
            <TextField label={t('calAdmin.date')} type="date" value={o.date} onChange={(e) => update({ date: e.target.value })} />
            <TextField
              label={t('calAdmin.from')}
              type="time"
              step={300}
              value={start}
              onChange={(e) => update({ start: e.target.value })}
            />
            <TextField label={t('calAdmin.to')} type="time" step={300} value={end} onChange={(e) => update({ end: e.target.value })} />
            <TextField label={t('calAdmin.reason')} value={o.reason ?? ''} onChange={(e) => update({ reason: e.target.value })} />
            <button type="button" className="btn btn--small btn--danger" onClick={() => setOverrides((l) => l.filter((_, j) => j !== i))}>
              {t('calAdmin.removeOverride', { date: o.date })}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button type="button" className="btn" onClick={() => setOverrides((l) => [...l, { kind: 'close', date: '' }])}>
          {t('calAdmin.addOverride')}
        </button>
      </p>
      {saver.message ? <Alert tone="success">{saver.message}</Alert> : null}
      <ErrorMessage error={saver.error} />
      <Issues issues={saver.issues} />
      <button type="submit" className="btn btn--primary" disabled={saver.busy}>
        {t('calAdmin.saveCalendar')}
      </button>
    </form>
  );
}

function ServicesForm({ config, onStale }: { readonly config: SchedulingConfig; readonly onStale: () => void }): ReactNode {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="cal-services">
      <h2 id="cal-services">{t('calAdmin.services')}</h2>
      <div className="cal-services">
        {config.services.map((s) => (
          <ServiceRow key={s.id} service={s} version={config.version} onStale={onStale} en={i18n.language === 'en'} />
        ))}
      </div>
    </section>
  );
}

function ServiceRow(props: {
  readonly service: Service;
  readonly version: number;
  readonly en: boolean;
  readonly onStale: () => void;
}): ReactNode {
  const { service, version, en, onStale } = props;
  const { t } = useTranslation();
  const [duration, setDuration] = useState(String(service.durationMinutes));
  const [buffer, setBuffer] = useState(String(service.bufferAfterMinutes ?? 0));
  const [channel, setChannel] = useState(service.channel);
  const [active, setActive] = useState(service.active !== false);
  const saver = useSaver(onStale);
  const name = en ? service.nameEn : service.name;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void saver.run(`/api/scheduling/services/${encodeURIComponent(service.id)}`, {
      service: { ...service, durationMinutes: Number(duration), bufferAfterMinutes: Number(buffer), channel, active },
      version,
    });
  };
  return (
    <form className="cal-service" onSubmit={submit}>
      <fieldset>
        <legend>
          {name} <span className="muted small">({service.requires.map((r) => r.role).join(' + ')})</span>
        </legend>
        <div className="booking__row">
          <TextField
            label={t('calAdmin.duration')}
            type="number"
            min={5}
            max={480}
            inputMode="numeric"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
          <TextField
            label={t('calAdmin.bufferAfter')}
            type="number"
            min={0}
            max={120}
            inputMode="numeric"
            value={buffer}
            onChange={(e) => setBuffer(e.target.value)}
          />
          <SelectField
            label={t('calAdmin.channel')}
            value={channel}
            options={(['staff_only', 'patient_online'] as const).map((c) => ({ value: c, label: t(`calAdmin.channels.${c}`) }))}
            onChange={(e) => setChannel(e.target.value as Service['channel'])}
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('calAdmin.active')}
        </label>
        {saver.message ? <Alert tone="success">{saver.message}</Alert> : null}
        <ErrorMessage error={saver.error} />
        <Issues issues={saver.issues} />
        <button type="submit" className="btn btn--small" disabled={saver.busy}>
          {t('calAdmin.saveService', { name })}
        </button>
      </fieldset>
    </form>
  );
}

function PolicyForm({ config, onStale }: { readonly config: SchedulingConfig; readonly onStale: () => void }): ReactNode {
  const { t } = useTranslation();
  const p = config.policy;
  const [phone, setPhone] = useState(config.clinicPhone);
  const [cutoff, setCutoff] = useState(p.changeCutoff.kind === 'day_before_at' ? p.changeCutoff.time : '18:00');
  const [hold, setHold] = useState(String(p.holdMinutes));
  const [notice, setNotice] = useState(String(p.limits.patient.minNoticeMinutes));
  const [horizon, setHorizon] = useState(String(p.limits.patient.horizonDays));
  const saver = useSaver(onStale);
  useEffect(() => setPhone(config.clinicPhone), [config.clinicPhone]);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void saver.run('/api/scheduling/policy', {
      policy: {
        ...p,
        limits: { ...p.limits, patient: { minNoticeMinutes: Number(notice), horizonDays: Number(horizon) } },
        changeCutoff: { kind: 'day_before_at', time: cutoff },
        holdMinutes: Number(hold),
      },
      clinicPhone: phone.trim(),
      clinicAddress: config.clinicAddress,
      version: config.version,
    });
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="cal-policy">
      <h2 id="cal-policy">{t('calAdmin.policy')}</h2>
      <div className="booking__row">
        <TextField label={t('calAdmin.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        <TextField label={t('calAdmin.cutoffTime')} type="time" step={300} value={cutoff} onChange={(e) => setCutoff(e.target.value)} />
        <TextField
          label={t('calAdmin.holdMinutes')}
          type="number"
          min={1}
          max={60}
          value={hold}
          onChange={(e) => setHold(e.target.value)}
        />
        <TextField label={t('calAdmin.patientNotice')} type="number" min={0} value={notice} onChange={(e) => setNotice(e.target.value)} />
        <TextField
          label={t('calAdmin.patientHorizon')}
          type="number"
          min={1}
          max={400}
          value={horizon}
          onChange={(e) => setHorizon(e.target.value)}
        />
      </div>
      {saver.message ? <Alert tone="success">{saver.message}</Alert> : null}
      <ErrorMessage error={saver.error} />
      <Issues issues={saver.issues} />
      <button type="submit" className="btn btn--primary" disabled={saver.busy}>
        {t('calAdmin.savePolicy')}
      </button>
    </form>
  );
}
