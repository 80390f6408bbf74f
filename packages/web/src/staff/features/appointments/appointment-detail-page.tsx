import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { api } from '../../../shared/api/client.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { serviceName, StatusTag } from './appointment-bits.tsx';
import {
  cancelAppointment,
  checkInAppointment,
  issuePatientLink,
  markAppointment,
  moveAppointment,
  useAppointment,
  useInvalidateAppointments,
  type Appointment,
  type Slot,
} from './appointments-api.ts';
import { formatDay } from './calendar-dates.ts';
import { SlotPicker } from './slot-picker.tsx';
import { ProgramSessionLink } from './program-session-link.tsx';
import './appointments.css';

type Panel = 'none' | 'change' | 'cancel' | 'link';

/** `/appointments/:id`: what, when, who — and check in, change, cancel, no-show, patient link. */
export function AppointmentDetailPage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const { can } = useSession();
  const appt = useAppointment(id);
  // The recruitment application this visit was booked for, for the roles that work the queue.
  const fromApplication = useQuery({
    queryKey: ['publicsite', 'applications', 'for-appointment', id],
    queryFn: () => api<{ application: { id: string; programId: string; status: string; createdAt: string } | null }>(`/api/publicsite/applications/for-appointment/${encodeURIComponent(id)}`),
    enabled: can('recruitment:queue') && id !== '',
  });
  const invalidate = useInvalidateAppointments();
  const [panel, setPanel] = useState<Panel>('none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (appt.isPending) return <Loading />;
  if (appt.error) return <ErrorMessage error={appt.error} />;
  const a = appt.data;
  const active = a.status === 'confirmed' || a.status === 'held';
  const started = Date.parse(a.start) <= Date.now();
  const write = can('appointments:write');

  const run = async (action: () => Promise<{ appointment: Appointment }>, message: (x: Appointment) => string): Promise<void> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await action();
      setNotice(message(r.appointment));
      setPanel('none');
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 && e.code === 'conflict' ? new Error(t('appt.stale')) : e);
    } finally {
      await invalidate();
      setBusy(false);
    }
  };

  return (
    <Page
      title={t('appt.detailTitle')}
      before={
        <p>
          <Link to="/appointments">{t('appt.backToList')}</Link>
        </p>
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ErrorMessage error={error} />
      <section className="card">
        <dl className="appt-facts">
          <dt>{t('appt.patient')}</dt>
          <dd>
            {a.patient ? (
              <Link to={`/patients/${encodeURIComponent(a.patient.id)}`}>
                {a.patient.nameKanji}（{a.patient.nameKana}）· <span className="mono">{a.patient.patientNumber}</span>
              </Link>
            ) : null}
          </dd>
          <dt>{t('appt.when')}</dt>
          <dd>
            {formatDay(a.date, lang)} {a.startTime}–{a.endTime}
          </dd>
          <dt>{t('appt.service')}</dt>
          <dd>{serviceName(a)}</dd>
          <dt>{t('appt.resource')}</dt>
          <dd>{a.resources.map((r) => r.name).join('・')}</dd>
          <dt>{t('appt.status')}</dt>
          <dd>
            <StatusTag a={a} />
            {a.checkedInAt ? (
              <span className="appt-tag appt-tag--ok">{t('appt.checkedIn', { time: formatDateTime(a.checkedInAt).slice(11, 16) })}</span>
            ) : null}
            {a.seriesId ? <span className="appt-tag">{t('appt.seriesTag')}</span> : null}
          </dd>
          <dt>{t('appt.createdVia')}</dt>
          <dd>{a.channel === 'patient' ? t('appt.viaPatient') : t('appt.viaStaff')}</dd>
          {fromApplication.data?.application ? (
            <>
              <dt>{t('appt.fromApplication')}</dt>
              <dd>
                <Link to={`/applications?application=${encodeURIComponent(fromApplication.data.application.id)}`}>
                  {t('appt.applicationLink', { program: fromApplication.data.application.programId, date: formatDateTime(fromApplication.data.application.createdAt).slice(0, 10) })}
                </Link>
              </dd>
            </>
          ) : null}
          {a.override ? (
            <>
              <dt>{t('appt.doubleBooked')}</dt>
              <dd>{t('appt.overrideMarked', { doctor: a.override.approvedBy.displayName, reason: a.override.reason })}</dd>
            </>
          ) : null}
          {a.note ? (
            <>
              <dt>{t('appt.note')}</dt>
              <dd className="pre">{a.note}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {a.status === 'confirmed' && a.seriesId ? <p className="row-actions"><ProgramSessionLink appointmentId={a.id} seriesId={a.seriesId} /></p> : null}
      {write ? (
        <div className="row-actions appt-actions">
          {a.status === 'confirmed' && !a.checkedInAt ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy}
              onClick={() =>
                void run(
                  () => checkInAppointment(a.id, a.version),
                  () => t('appt.marked'),
                )
              }
            >
              {t('appt.checkIn')}
            </button>
          ) : null}
          {active ? (
            <button
              type="button"
              className="btn"
              aria-expanded={panel === 'change'}
              onClick={() => setPanel(panel === 'change' ? 'none' : 'change')}
            >
              {t('appt.change')}
            </button>
          ) : null}
          {active ? (
            <button
              type="button"
              className="btn btn--danger"
              aria-expanded={panel === 'cancel'}
              onClick={() => setPanel(panel === 'cancel' ? 'none' : 'cancel')}
            >
              {t('appt.cancel')}
            </button>
          ) : null}
          {a.status === 'confirmed' && started ? (
            <>
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => markAppointment(a.id, { status: 'completed', version: a.version }),
                    () => t('appt.marked'),
                  )
                }
              >
                {t('appt.markCompleted')}
              </button>
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => markAppointment(a.id, { status: 'no_show', version: a.version }),
                    () => t('appt.marked'),
                  )
                }
              >
                {t('appt.markNoShow')}
              </button>
            </>
          ) : null}
          <button
            type="button"
            className="btn btn--quiet"
            aria-expanded={panel === 'link'}
            onClick={() => setPanel(panel === 'link' ? 'none' : 'link')}
          >
            {t('appt.patientLink')}
          </button>
        </div>
      ) : null}
      {panel === 'change' ? (
        <ChangePanel
          a={a}
          busy={busy}
          onMove={(slot) =>
            void run(
              () => moveAppointment(a.id, { start: slot.start, resourceIds: slot.resourceIds, version: a.version }),
              (x) => t('appt.changeDone', { date: formatDay(x.date, lang), time: x.startTime }),
            )
          }
        />
      ) : null}
      {panel === 'cancel' ? (
        <CancelPanel
          busy={busy}
          onCancel={(reason, late) =>
            void run(
              () => cancelAppointment(a.id, { version: a.version, ...(reason ? { reason } : {}), late }),
              () => t('appt.cancelled'),
            )
          }
        />
      ) : null}
      {panel === 'link' ? <PatientLinkPanel patientId={a.patientId} /> : null}
    </Page>
  );
}

function ChangePanel(props: { readonly a: Appointment; readonly busy: boolean; readonly onMove: (s: Slot) => void }): ReactNode {
  const { t } = useTranslation();
  const [slot, setSlot] = useState<Slot | null>(null);
  return (
    <section className="card" aria-labelledby="change-h">
      <h2 id="change-h">{t('appt.changeTitle')}</h2>
      <SlotPicker
        serviceId={props.a.serviceId}
        resourceId={props.a.resources.find((r) => r.role === 'doctor')?.id ?? ''}
        patientId={props.a.patientId}
        excludeAppointmentId={props.a.id}
        value={slot}
        onChange={setSlot}
      />
      <button type="button" className="btn btn--primary" disabled={!slot || props.busy} onClick={() => slot && props.onMove(slot)}>
        {t('appt.change')}
      </button>
    </section>
  );
}

function CancelPanel(props: { readonly busy: boolean; readonly onCancel: (reason: string, late: boolean) => void }): ReactNode {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [late, setLate] = useState(false);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    props.onCancel(reason.trim(), late);
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="cancel-h">
      <h2 id="cancel-h">{t('appt.cancelTitle')}</h2>
      <TextField label={t('appt.cancelReason')} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      <label className="check">
        <input type="checkbox" checked={late} onChange={(e) => setLate(e.target.checked)} />
        {t('appt.lateCancel')}
      </label>
      <button type="submit" className="btn btn--danger" disabled={props.busy}>
        {t('appt.confirmCancel')}
      </button>
    </form>
  );
}

function PatientLinkPanel({ patientId }: { readonly patientId: string }): ReactNode {
  const { t } = useTranslation();
  const [sendEmail, setSendEmail] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string; emailed: boolean } | null>(null);
  const [copied, setCopied] = useState(false);
  const make = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setLink(await issuePatientLink(patientId, sendEmail));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="link-h">
      <h2 id="link-h">{t('appt.patientLink')}</h2>
      <p>{t('appt.patientLinkIntro')}</p>
      <ErrorMessage error={error} />
      {link ? (
        <Alert tone="success">
          <p>{t('appt.linkMade', { expires: formatDateTime(link.expiresAt) })}</p>
          <p>{link.emailed ? t('appt.linkEmailed') : sendEmail ? t('appt.linkNotEmailed') : null}</p>
          <div className="link-box">
            <code className="mono">{link.url}</code>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => void navigator.clipboard?.writeText(link.url).then(() => setCopied(true))}
            >
              {copied ? t('appt.copied') : t('appt.copy')}
            </button>
          </div>
        </Alert>
      ) : (
        <>
          <label className="check">
            <input type="checkbox" checked={sendEmail} onChange={(e) => setSendEmail(e.target.checked)} />
            {t('appt.sendEmail')}
          </label>
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void make()}>
            {t('appt.makeLink')}
          </button>
        </>
      )}
    </section>
  );
}
