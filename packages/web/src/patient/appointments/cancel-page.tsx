/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/api-error.ts';
import { fill } from '../../shared/format/fill.ts';
import { APPOINTMENT_MESSAGES } from './messages.ts';
import { cancel, dayLabel, instantLabel, myAppointments, type PatientAppointment } from './patient-appointments-api.ts';
import { CallUs, ErrorBox, Go, WithSession } from './bits.tsx';
import type { PageProps } from './my-appointments-page.tsx';

/** `/p/appointments/:id/cancel`: asks once, then cancels; after the cutoff it says to phone. */
export function CancelPage(props: PageProps & { readonly id: string }) {
  const t = APPOINTMENT_MESSAGES[props.lang];
  return (
    <WithSession t={t} lang={props.lang} loading={props.loading} setClinicName={props.setClinicName}>
      {() => <Confirm {...props} />}
    </WithSession>
  );
}

function Confirm({ lang, loading, id }: PageProps & { readonly id: string }) {
  const t = APPOINTMENT_MESSAGES[lang];
  const [a, setA] = useState<PatientAppointment | null | undefined>(undefined);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [late, setLate] = useState(false);
  useEffect(() => {
    myAppointments()
      .then((m) => {
        setPhone(m.clinicPhone);
        setA(m.appointments.find((x) => x.id === id) ?? null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t.failed));
  }, [id, t]);

  const go = async (): Promise<void> => {
    if (!a) return;
    setBusy(true);
    setError(null);
    try {
      await cancel(a.id, a.version);
      setDone(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setLate(true);
      setError(e instanceof Error ? e.message : t.failed);
    } finally {
      setBusy(false);
    }
  };

  if (error && a === undefined) return <ErrorBox message={error} />;
  if (a === undefined) return <p role="status">{loading}</p>;
  if (done) {
    return (
      <section class="panel">
        <h1>{t.cancelledTitle}</h1>
        <p class="muted">{t.mailNote}</p>
        <Go to="/appointments" class="appt-btn appt-btn--primary">
          {t.toList}
        </Go>
      </section>
    );
  }
  if (a === null) {
    return (
      <section class="panel">
        <h1>{t.cancelTitle}</h1>
        <p>{t.notFound}</p>
        <Go to="/appointments" class="appt-btn">
          {t.toList}
        </Go>
      </section>
    );
  }
  const phoneOnly = late || !a.canChangeOnline;
  return (
    <section class="panel">
      <h1>{t.cancelTitle}</h1>
      <p class="appt-summary">
        {dayLabel(a.date, lang)} {a.startTime}–{a.endTime}
        <br />
        {lang === 'en' ? a.serviceNameEn : a.serviceName}
      </p>
      <ErrorBox message={error} />
      {phoneOnly ? (
        <div class="appt-phone-only">
          <p>{a.staffOnly ? t.staffOnly : fill(t.phoneOnly, { deadline: instantLabel(a.changeDeadline, lang) })}</p>
          <CallUs t={t} phone={phone} />
        </div>
      ) : (
        <>
          <p>{t.cancelAsk}</p>
          <button type="button" class="appt-btn appt-btn--danger" disabled={busy} onClick={() => void go()}>
            {t.confirmCancel}
          </button>
        </>
      )}
      <Go to="/appointments" class="appt-btn">
        {phoneOnly ? t.toList : t.keep}
      </Go>
    </section>
  );
}
