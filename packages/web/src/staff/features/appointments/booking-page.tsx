import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BookingNotReady } from '../setup/booking-not-ready.tsx';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { Patient, PatientSummary } from '../../../shared/api/types.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { ResourceSelect } from './appointment-bits.tsx';
import {
  bookAppointment,
  idempotencyKey,
  useInvalidateAppointments,
  useSchedulingConfig,
  type Appointment,
  type Slot,
} from './appointments-api.ts';
import { clinicInstant, formatDay } from './calendar-dates.ts';
import { OverrideFields, type OverrideValue } from './override-fields.tsx';
import { PatientPicker } from './patient-picker.tsx';
import { SlotPicker } from './slot-picker.tsx';
import './appointments.css';

/**
 * A booking under way, carried through 新規患者登録 in the router's state so that registering the
 * caller does not lose the chosen service, resource and time.
 */
export interface BookingDraft {
  readonly serviceId: string;
  readonly resourceId: string;
  readonly slot: Slot | null;
  readonly note: string;
}

/** The router state of `/appointments/new` coming back from registering a patient. */
export interface BookingReturnState {
  readonly booking?: BookingDraft;
  /** The patient was just registered from this booking. */
  readonly registered?: boolean;
}

/**
 * `/appointments/new`: quick booking during a phone call — patient, service (初診 first), a free
 * time, book. `?patientId=` starts with that patient chosen; a draft in the router state (back from
 * 新規患者登録) restores the rest.
 */
export function BookingPage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [params] = useSearchParams();
  const back = (useLocation().state ?? null) as BookingReturnState | null;
  const draft = back?.booking;
  const preset = params.get('patientId') ?? '';
  // Opened from the recruitment queue: the visit booked here is that application's screening visit.
  const applicationId = params.get('application');
  const [linked, setLinked] = useState<'no' | 'yes' | Error>('no');
  const qc = useQueryClient();
  const presetPatient = useQuery({
    queryKey: ['patients', 'one', preset],
    queryFn: ({ signal }) => api<{ patient: Patient }>(`/api/patients/${encodeURIComponent(preset)}`, { signal }),
    select: (r) => r.patient,
    enabled: Boolean(preset),
  });
  const config = useSchedulingConfig();
  const invalidate = useInvalidateAppointments();
  const { session } = useSession();

  // undefined: nobody picked yet (the `?patientId=` patient, if any); null: cleared.
  const [picked, setPicked] = useState<PatientSummary | null | undefined>(undefined);
  const patient = picked === undefined ? (presetPatient.data ?? null) : picked;
  const services = (config.data?.services ?? []).filter((s) => s.active !== false);
  const [serviceId, setServiceId] = useState(draft?.serviceId ?? '');
  const service = services.find((s) => s.id === serviceId) ?? services[0];
  const [resourceId, setResourceId] = useState(draft?.resourceId ?? '');
  const [slot, setSlot] = useState<Slot | null>(draft?.slot ?? null);
  const [note, setNote] = useState(draft?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Appointment | null>(null);
  const [override, setOverride] = useState<OverrideValue | null>(null);
  // One key per booking attempt: a retry after a network failure books once.
  const key = useRef(idempotencyKey());

  const roles = useMemo(() => service?.requires.map((r) => r.role) ?? [], [service]);

  const reset = (): void => {
    setLinked('no');
    setPicked(null);
    setSlot(null);
    setNote('');
    setDone(null);
    setError(null);
    setOverride(null);
    key.current = idempotencyKey();
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!patient || !service) return;
    const start = override ? clinicInstant(override.date, override.time) : slot?.start;
    if (!start) return;
    setBusy(true);
    setError(null);
    try {
      const r = await bookAppointment(
        {
          patientId: patient.id,
          serviceId: service.id,
          start,
          ...(override
            ? { resourceIds: [override.resourceId], doubleBook: { reason: override.reason, approvedBy: override.approvedBy } }
            : slot
              ? { resourceIds: slot.resourceIds }
              : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        key.current,
      );
      setDone(r.appointment);
      if (applicationId) {
        await api(`/api/publicsite/applications/${encodeURIComponent(applicationId)}/status`, { method: 'POST', body: { to: 'screening_booked', appointmentId: r.appointment.id } })
          .then(async () => {
            setLinked('yes');
            await qc.invalidateQueries({ queryKey: ['publicsite', 'applications'] });
          })
          .catch((e: unknown) => setLinked(e instanceof Error ? e : new Error(String(e))));
      }
      await invalidate();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.status === 409) {
        // The slot went while we talked: show fresh times, keep everything else.
        setSlot(null);
        key.current = idempotencyKey();
        await invalidate();
      }
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Page title={t('appt.bookTitle')}>
        <Alert
          tone="success"
          title={t('appt.booked', {
            date: formatDay(done.date, lang),
            time: done.startTime,
            service: lang === 'en' ? done.serviceNameEn : done.serviceName,
          })}
        >
          <p>
            {done.patient?.nameKanji} · {done.resources.map((r) => r.name).join('・')}
          </p>
        </Alert>
        {linked === 'yes' ? <p>{t('applications.linked')} <Link to="/applications">{t('applications.title')}</Link></p> : null}
        {linked instanceof Error ? <ErrorMessage error={linked} /> : null}
        <p className="row-actions">
          <Link className="btn btn--primary" to={`/appointments/${encodeURIComponent(done.id)}`}>
            {t('appt.openBooked')}
          </Link>
          <button type="button" className="btn" onClick={reset}>
            {t('appt.bookAnother')}
          </button>
          <Link className="btn btn--quiet" to="/appointments">
            {t('appt.backToList')}
          </Link>
        </p>
      </Page>
    );
  }

  const ready = Boolean(patient && service && (override ? override.valid : slot));
  return (
    <Page title={t('appt.bookTitle')}>
      <BookingNotReady config={config.data} />
      <form className="booking" onSubmit={(e) => void submit(e)} noValidate>
        <section className="card booking__step" aria-labelledby="step-patient">
          <h2 id="step-patient">{t('appt.stepPatient')}</h2>
          {back?.registered && patient ? <Alert tone="success">{t('patients.backToBooking')}</Alert> : null}
          <PatientPicker
            value={patient}
            onChange={setPicked}
            newPatientState={{ booking: { serviceId: service?.id ?? '', resourceId, slot, note } satisfies BookingDraft }}
          />
          {applicationId && !patient ? (
            <p>
              <Link className="btn" to={`/patients/new?application=${encodeURIComponent(applicationId)}`}>{t('appt.registerApplicant')}</Link>
            </p>
          ) : null}
        </section>
        <section className="card booking__step" aria-labelledby="step-service">
          <h2 id="step-service">{t('appt.stepService')}</h2>
          <ErrorMessage error={config.error} />
          <div className="booking__row">
            <SelectField
              label={t('appt.service')}
              value={service?.id ?? ''}
              onChange={(e) => {
                setServiceId(e.target.value);
                setResourceId('');
                setSlot(null);
              }}
              options={services.map((s) => ({
                value: s.id,
                label: lang === 'en' ? `${s.nameEn} (${s.durationMinutes} min)` : `${s.name}（${s.durationMinutes}分）`,
              }))}
            />
            <ResourceSelect
              id="booking-resource"
              label={t('appt.resource')}
              allLabel={t('appt.anyDoctor')}
              config={config.data}
              roles={roles}
              value={resourceId}
              onChange={(id) => {
                setResourceId(id);
                setSlot(null);
              }}
            />
          </div>
        </section>
        <section className="card booking__step" aria-labelledby="step-slot">
          <h2 id="step-slot">{t('appt.stepSlot')}</h2>
          {service ? (
            <SlotPicker
              serviceId={service.id}
              resourceId={resourceId}
              patientId={patient?.id}
              value={slot}
              onChange={(s) => {
                setSlot(s);
                setOverride(null);
                setError(null);
              }}
            />
          ) : null}
          <details className="override">
            <summary>{t('appt.override')}</summary>
            <OverrideFields
              config={config.data}
              roles={roles}
              self={session?.user ?? null}
              value={override}
              onChange={(v) => {
                setOverride(v);
                if (v) setSlot(null);
              }}
            />
          </details>
        </section>
        <section className="card booking__step" aria-labelledby="step-confirm">
          <h2 id="step-confirm">{t('appt.stepConfirm')}</h2>
          {patient && service && (slot || override?.valid) ? (
            <p className="booking__summary" aria-live="polite">
              <strong>{patient.nameKanji}</strong> · {lang === 'en' ? service.nameEn : service.name} ·{' '}
              {slot
                ? `${formatDay(slot.date, lang)} ${slot.startTime}–${slot.endTime}`
                : `${formatDay(override!.date, lang)} ${override!.time}`}
              {override ? <span className="appt-tag appt-tag--warn">{t('appt.doubleBooked')}</span> : null}
            </p>
          ) : null}
          <TextField
            label={t('appt.note')}
            hint={t('appt.noteHint')}
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
          />
          {error instanceof ApiError && error.taken ? (
            <Alert tone="error">
              {error.message} {t('appt.slotTaken')}
            </Alert>
          ) : (
            <ErrorMessage error={error} />
          )}
          <button type="submit" className={`btn ${override ? 'btn--danger' : 'btn--primary'}`} disabled={!ready || busy}>
            {busy ? t('common.working') : override ? t('appt.overrideBook') : t('appt.book')}
          </button>
        </section>
      </form>
    </Page>
  );
}
