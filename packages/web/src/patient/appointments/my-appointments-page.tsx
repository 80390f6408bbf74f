/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../shared/router.ts';
import { fill } from '../../shared/format/fill.ts';
import { APPOINTMENT_MESSAGES } from './messages.ts';
import { dayLabel, instantLabel, myAppointments, signOut, type MyAppointments } from './patient-appointments-api.ts';
import { CallUs, ErrorBox, Go, WithSession } from './bits.tsx';

export interface PageProps {
  readonly lang: 'ja' | 'en';
  readonly loading: string;
  readonly setClinicName: (name: string) => void;
}

/** `/p/appointments`: the patient's upcoming appointments, each with change and cancel (or "please call"). */
export function MyAppointmentsPage(props: PageProps) {
  const t = APPOINTMENT_MESSAGES[props.lang];
  return (
    <WithSession t={t} lang={props.lang} loading={props.loading} setClinicName={props.setClinicName}>
      {() => <List {...props} />}
    </WithSession>
  );
}

function List({ lang, loading }: PageProps) {
  const t = APPOINTMENT_MESSAGES[lang];
  const [data, setData] = useState<MyAppointments | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    myAppointments()
      .then(setData)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t.failed));
  }, [t]);
  if (error) return <ErrorBox message={error} />;
  if (!data) return <p role="status">{loading}</p>;
  const finish = async (): Promise<void> => {
    await signOut().catch(() => undefined);
    navigate('/');
  };
  return (
    <section class="panel">
      <h1>{t.myTitle}</h1>
      {data.appointments.length === 0 ? <p>{t.none}</p> : null}
      <ul class="appt-items">
        {data.appointments.map((a) => (
          <li key={a.id} class="appt-item">
            <p class="appt-item__when">
              {dayLabel(a.date, lang)} {a.startTime}
            </p>
            <p class="appt-item__what">
              {lang === 'en' ? a.serviceNameEn : a.serviceName}
              {a.status === 'held' ? <span class="appt-badge">{t.held}</span> : null}
            </p>
            {a.canChangeOnline ? (
              <>
                <p class="muted">{fill(t.deadline, { deadline: instantLabel(a.changeDeadline, lang) })}</p>
                <div class="appt-row">
                  <Go to={`/appointments/${encodeURIComponent(a.id)}/change`} class="appt-btn">
                    {t.change}
                  </Go>
                  <Go to={`/appointments/${encodeURIComponent(a.id)}/cancel`} class="appt-btn appt-btn--quiet-danger">
                    {t.cancel}
                  </Go>
                </div>
              </>
            ) : (
              <div class="appt-phone-only">
                <p>{a.staffOnly ? t.staffOnly : fill(t.phoneOnly, { deadline: instantLabel(a.changeDeadline, lang) })}</p>
                <CallUs t={t} phone={data.clinicPhone} />
              </div>
            )}
          </li>
        ))}
      </ul>
      <Go to="/appointments/book" class="appt-btn appt-btn--primary">
        {t.book}
      </Go>
      <Go to="/line" class="appt-btn">
        {t.line}
      </Go>
      <button type="button" class="appt-btn appt-btn--plain" onClick={() => void finish()}>
        {t.signOut}
      </button>
    </section>
  );
}
