/** @jsxImportSource preact */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/api-error.ts';
import { fill } from '../../shared/format/fill.ts';
import { APPOINTMENT_MESSAGES } from './messages.ts';
import {
  availability,
  book,
  clinicToday,
  dayLabel,
  instantLabel,
  move,
  myAppointments,
  myServices,
  nearestSlots,
  newKey,
  plusDays,
  type PatientAppointment,
  type PatientAvailability,
  type PatientService,
  type PatientSlot,
} from './patient-appointments-api.ts';
import { CallUs, ErrorBox, Go, WithSession } from './bits.tsx';
import type { PageProps } from './my-appointments-page.tsx';

const SPAN = 14;

/** `/p/appointments/book` (a revisit) and `/p/appointments/:id/change` (same picker, moving one). */
export function BookPage(props: PageProps & { readonly changeId?: string }) {
  const t = APPOINTMENT_MESSAGES[props.lang];
  return (
    <WithSession t={t} lang={props.lang} loading={props.loading} setClinicName={props.setClinicName}>
      {() => <Picker {...props} />}
    </WithSession>
  );
}

type Step = 'pick' | 'confirm' | 'done';

function Picker({ lang, loading, changeId }: PageProps & { readonly changeId?: string }) {
  const t = APPOINTMENT_MESSAGES[lang];
  const today = clinicToday();
  const [services, setServices] = useState<readonly PatientService[] | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [current, setCurrent] = useState<PatientAppointment | null>(null);
  const [phone, setPhone] = useState('');
  const [from, setFrom] = useState(today);
  const [avail, setAvail] = useState<PatientAvailability | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [slot, setSlot] = useState<PatientSlot | null>(null);
  const [step, setStep] = useState<Step>('pick');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [taken, setTaken] = useState<{ slot: PatientSlot; message: string; near: PatientSlot[] } | null>(null);
  const [cutoff, setCutoff] = useState<string | null>(null);
  const [done, setDone] = useState<PatientAppointment | null>(null);
  const key = useRef(newKey());
  const headingRef = useRef<HTMLHeadingElement>(null);

  // What to book: the appointment being moved decides its service; a new one offers 再診 first.
  useEffect(() => {
    let stop = false;
    const load = async (): Promise<void> => {
      const mine = await myAppointments();
      if (stop) return;
      setPhone(mine.clinicPhone);
      if (changeId) {
        const a = mine.appointments.find((x) => x.id === changeId) ?? null;
        setCurrent(a);
        if (!a) return setError(t.notFound);
        if (!a.canChangeOnline) setCutoff(a.changeDeadline);
        setServiceId(a.serviceId);
        setServices([]);
      } else {
        const s = (await myServices()).services;
        if (stop) return;
        setServices(s);
        setServiceId((s.find((x) => x.id === 'saishin') ?? s[0])?.id ?? '');
      }
    };
    load().catch((e: unknown) => !stop && setError(e instanceof Error ? e.message : t.failed));
    return () => {
      stop = true;
    };
  }, [changeId, t]);

  const to = plusDays(from, SPAN - 1);
  const refresh = async (): Promise<PatientAvailability | null> => {
    if (!serviceId) return null;
    const a = await availability({ serviceId, from, to, ...(changeId ? { excludeAppointmentId: changeId } : {}) });
    setAvail(a);
    return a;
  };
  useEffect(() => {
    setAvail(null);
    refresh().catch((e: unknown) => setError(e instanceof Error ? e.message : t.failed));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serviceId, from]);

  const days = useMemo(() => {
    const out: { date: string; n: number; closed?: string }[] = [];
    if (!avail) return out;
    for (let d = from; d <= to; d = plusDays(d, 1)) {
      const n = avail.slots.filter((s) => s.date === d).length;
      const c = avail.closedDates.find((x) => x.date === d);
      if (n > 0) out.push({ date: d, n });
      else if (c && d >= today)
        out.push({ date: d, n: 0, closed: (lang === 'en' ? (c.holidayNameEn ?? c.holidayName) : c.holidayName) ?? c.closureReason ?? (c.reason === 'weekly' ? t.closedWeekly : t.closedOther) });
    }
    return out;
  }, [avail, from, to, today, t, lang]);

  // Moving between steps moves focus to the new heading (screen readers, and the phone scrolls up).
  useEffect(() => headingRef.current?.focus(), [step]);

  const choose = (s: PatientSlot): void => {
    setSlot(s);
    setTaken(null);
    setError(null);
    setStep('confirm');
  };

  const submit = async (): Promise<void> => {
    if (!slot) return;
    setBusy(true);
    setError(null);
    try {
      const r = changeId && current ? await move(changeId, slot.start, current.version) : await book(serviceId, slot.start, key.current);
      setDone(r.appointment);
      setStep('done');
    } catch (e) {
      if (e instanceof ApiError && e.taken) {
        // The time went to someone else: say so and show the nearest free times — never a silent reset.
        const fresh = await refresh().catch(() => null);
        setTaken({ slot, message: e.message, near: nearestSlots(fresh?.slots ?? [], slot.start, 6) });
        key.current = newKey();
        setStep('pick');
      } else if (e instanceof ApiError && e.status === 422) {
        setCutoff(current?.changeDeadline ?? '');
        setError(e.message);
      } else {
        setError(e instanceof Error ? e.message : t.failed);
      }
    } finally {
      setBusy(false);
    }
  };

  const title = changeId ? t.changeTitle : t.book;
  if (error && !services) return <ErrorBox message={error} />;
  if (cutoff !== null) {
    return (
      <section class="panel">
        <h1>{title}</h1>
        <ErrorBox message={error} />
        <div class="appt-phone-only">
          <p>{fill(t.phoneOnly, { deadline: current ? instantLabel(current.changeDeadline, lang) : '' })}</p>
          <CallUs t={t} phone={phone} />
        </div>
        <Go to="/appointments" class="appt-btn">
          {t.toList}
        </Go>
      </section>
    );
  }
  if (step === 'done' && done) {
    return (
      <section class="panel">
        <h1 tabIndex={-1} ref={headingRef}>
          {changeId ? t.changedTitle : t.bookedTitle}
        </h1>
        <p class="appt-summary">
          {dayLabel(done.date, lang)} {done.startTime}–{done.endTime}
          <br />
          {lang === 'en' ? done.serviceNameEn : done.serviceName}
        </p>
        <p class="muted">{t.mailNote}</p>
        <Go to="/appointments" class="appt-btn appt-btn--primary">
          {t.toList}
        </Go>
      </section>
    );
  }
  if (step === 'confirm' && slot) {
    const svc = services?.find((s) => s.id === serviceId);
    const name = current
      ? lang === 'en'
        ? current.serviceNameEn
        : current.serviceName
      : svc
        ? lang === 'en'
          ? svc.nameEn
          : svc.name
        : '';
    return (
      <section class="panel">
        <h1 tabIndex={-1} ref={headingRef}>
          {t.confirmTitle}
        </h1>
        {current ? (
          <p class="muted">
            {t.current}: {dayLabel(current.date, lang)} {current.startTime}
          </p>
        ) : null}
        <p class="appt-summary">
          {dayLabel(slot.date, lang)} {slot.startTime}–{slot.endTime}
          <br />
          {name}
        </p>
        <ErrorBox message={error} />
        <button type="button" class="appt-btn appt-btn--primary" disabled={busy} onClick={() => void submit()}>
          {changeId ? t.confirmChange : t.confirmBook}
        </button>
        <button type="button" class="appt-btn" onClick={() => setStep('pick')}>
          {t.back}
        </button>
      </section>
    );
  }

  const daySlots = avail && day ? avail.slots.filter((s) => s.date === day) : [];
  return (
    <section class="panel">
      <h1 tabIndex={-1} ref={headingRef}>
        {title}
      </h1>
      {current ? (
        <p class="muted">
          {t.current}: {dayLabel(current.date, lang)} {current.startTime} · {lang === 'en' ? current.serviceNameEn : current.serviceName}
        </p>
      ) : null}
      {taken ? (
        <div class="appt-taken" role="alert">
          <p>{fill(t.taken, { time: `${dayLabel(taken.slot.date, lang)} ${taken.slot.startTime}` })}</p>
          <p class="muted">{taken.message}</p>
          <h2>{t.alternatives}</h2>
          {taken.near.length > 0 ? (
            <div class="appt-times">
              {taken.near.map((s) => (
                <button key={s.start} type="button" class="appt-time" onClick={() => choose(s)}>
                  {dayLabel(s.date, lang)} {s.startTime}
                </button>
              ))}
            </div>
          ) : (
            <p>{t.noAlternatives}</p>
          )}
        </div>
      ) : null}
      <ErrorBox message={error} />
      {services && services.length > 1 && !changeId ? (
        <fieldset class="appt-fieldset">
          <legend>{t.chooseService}</legend>
          {services.map((s) => (
            <label key={s.id} class="appt-choice">
              <input
                type="radio"
                name="service"
                checked={s.id === serviceId}
                onChange={() => {
                  setServiceId(s.id);
                  setDay(null);
                }}
              />
              {lang === 'en'
                ? `${s.nameEn} (${fill(t.minutes, { n: s.durationMinutes })})`
                : `${s.name}（${fill(t.minutes, { n: s.durationMinutes })}）`}
            </label>
          ))}
        </fieldset>
      ) : null}
      <h2 id="day-h">{t.chooseDay}</h2>
      <div class="appt-row">
        <button
          type="button"
          class="appt-btn appt-btn--small"
          disabled={from <= today}
          onClick={() => (setFrom(plusDays(from, -SPAN) < today ? today : plusDays(from, -SPAN)), setDay(null))}
        >
          ‹ {t.prevDays}
        </button>
        <button
          type="button"
          class="appt-btn appt-btn--small"
          disabled={Boolean(avail && avail.lastBookableDate <= to)}
          onClick={() => (setFrom(plusDays(from, SPAN)), setDay(null))}
        >
          {t.nextDays} ›
        </button>
        <label class="appt-jump">
          {t.jumpTo}
          <input
            type="date"
            min={today}
            max={avail?.lastBookableDate}
            value={from}
            onChange={(e) => {
              // A chosen date: show the days from there (never before today).
              const d = (e.target as HTMLInputElement).value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(d)) (setFrom(d < today ? today : d), setDay(null));
            }}
          />
        </label>
      </div>
      {!avail ? <p role="status">{loading}</p> : null}
      {avail && avail.slots.length === 0 ? <p>{t.noSlots}</p> : null}
      <ul class="appt-days" aria-labelledby="day-h">
        {days.map((d) => (
          <li key={d.date}>
            {d.n > 0 ? (
              <button type="button" class="appt-day" aria-pressed={day === d.date} onClick={() => setDay(d.date)}>
                <span>{dayLabel(d.date, lang)}</span>
                <span class="appt-day__n">{fill(t.slotsCount, { n: d.n })}</span>
              </button>
            ) : (
              <p class="appt-day appt-day--closed">
                <span>{dayLabel(d.date, lang)}</span>
                <span class="appt-day__n">{lang === 'en' ? `${t.closed} (${d.closed})` : `${t.closed}（${d.closed}）`}</span>
              </p>
            )}
            {day === d.date ? (
              <div class="appt-times" role="group" aria-label={`${t.chooseTime}: ${dayLabel(d.date, lang)}`}>
                {daySlots.map((s) => (
                  <button key={s.start} type="button" class="appt-time" onClick={() => choose(s)}>
                    {s.startTime}
                  </button>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Go to="/appointments" class="appt-btn appt-btn--plain">
        {t.toList}
      </Go>
    </section>
  );
}
