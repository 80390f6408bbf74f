import { holidayName } from '../../../shared/format/holiday-name.ts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { todayIn } from '../../../shared/format/age.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { AppointmentCard, ResourceSelect, serviceName, shortTime, StatusTag } from './appointment-bits.tsx';
import {
  checkInAppointment,
  useIntakeStatus,
  useAppointments,
  useCalendarDays,
  useInvalidateAppointments,
  useSchedulingConfig,
  useToday,
  type Appointment,
  type CalendarDayInfo,
} from './appointments-api.ts';
import { addDays, datesFrom, formatDay, isDate, weekStart } from './calendar-dates.ts';
import { paren } from './slot-picker.tsx';
import './appointments.css';

type View = 'today' | 'day' | 'week';

/** `/appointments`: today's desk list, and day and week views per doctor or resource. */
export function AppointmentsPage(): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const today = todayIn(new Date());
  const view: View = params.get('view') === 'day' || params.get('view') === 'week' ? (params.get('view') as View) : 'today';
  const dateParam = params.get('date') ?? '';
  const date = isDate(dateParam) ? dateParam : today;
  const resourceId = params.get('resource') ?? '';
  const config = useSchedulingConfig();

  const set = (next: Partial<{ view: View; date: string; resource: string }>): void => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  const step = view === 'week' ? 7 : 1;

  return (
    <Page
      title={t('appt.title')}
      actions={
        <>
          {can('appointments:write') ? (
            <Link className="btn btn--primary" to="/appointments/new">
              {t('appt.newBooking')}
            </Link>
          ) : null}
          {can('appointments:write') ? (
            <Link className="btn" to="/appointments/series">
              {t('appt.series')}
            </Link>
          ) : null}
          {can('scheduling:admin') ? (
            <Link className="btn btn--quiet" to="/calendar-admin">
              {t('appt.calendarAdmin')}
            </Link>
          ) : null}
        </>
      }
    >
      <div className="appt-toolbar">
        <div className="segmented" role="group" aria-label={t('appt.views')}>
          {(['today', 'day', 'week'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => set({ view: v === 'today' ? undefined : v })}>
              {t(`appt.${v}`)}
            </button>
          ))}
        </div>
        {view !== 'today' ? (
          <div className="appt-datenav">
            <button type="button" className="btn" onClick={() => set({ date: addDays(date, -step) })}>
              <span aria-hidden="true">‹ </span>
              {t('appt.prev')}
            </button>
            <button type="button" className="btn" onClick={() => set({ date: today })}>
              {t('appt.goToday')}
            </button>
            <button type="button" className="btn" onClick={() => set({ date: addDays(date, step) })}>
              {t('appt.next')}
              <span aria-hidden="true"> ›</span>
            </button>
            <div className="field field--inline">
              <label htmlFor="appt-date">{t('appt.date')}</label>
              <input id="appt-date" type="date" value={date} onChange={(e) => isDate(e.target.value) && set({ date: e.target.value })} />
            </div>
          </div>
        ) : null}
        <ResourceSelect
          id="appt-resource"
          label={t('appt.target')}
          allLabel={t('appt.allResources')}
          config={config.data}
          value={resourceId}
          onChange={(id) => set({ resource: id })}
        />
      </div>
      <ErrorMessage error={config.error} />
      {view === 'today' ? <TodayList resourceId={resourceId} /> : null}
      {view === 'day' ? <DayView date={date} resourceId={resourceId} /> : null}
      {view === 'week' ? <WeekView date={date} resourceId={resourceId} /> : null}
    </Page>
  );
}

function dayHeading(day: CalendarDayInfo | undefined, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (!day) return '';
  if (!day.open) {
    const why =
      holidayName(day, currentLanguage()) ??
      day.closureReason ??
      (day.notes.join('、') || (day.closedReason ? t(`appt.closedReasons.${day.closedReason}`) : ''));
    return `${t('appt.closed')}${why ? paren(why, currentLanguage()) : ''}`;
  }
  return t('appt.sessions', { list: day.sessions.map((s) => `${s.start}–${s.end}`).join(', ') });
}

/** Today's list at the desk: check in as patients arrive. */
function TodayList({ resourceId }: { readonly resourceId: string }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const lang = currentLanguage();
  const list = useToday(resourceId);
  const invalidate = useInvalidateAppointments();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const checkIn = async (a: Appointment): Promise<void> => {
    setBusy(a.id);
    setError(null);
    try {
      await checkInAppointment(a.id, a.version);
      await invalidate();
    } catch (e) {
      setError(e);
      await invalidate();
    } finally {
      setBusy(null);
    }
  };

  const all = list.data?.appointments ?? [];
  const intake = useIntakeStatus(
    all.map((a) => a.id),
    all.map((a) => a.patientId),
    can('intake:status'),
  );
  const intakeOf = (a: Appointment) =>
    intake.data?.appointments.find((x) => x.appointmentId === a.id) ?? intake.data?.patients.find((x) => x.patientId === a.patientId);

  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorMessage error={list.error} />;
  const items = list.data.appointments;
  return (
    <section aria-labelledby="today-h">
      <h2 id="today-h">{t('appt.todayTitle', { date: formatDay(list.data.date, lang) })}</h2>
      <ErrorMessage error={error} />
      <p className="result-count" role="status">
        {t('appt.count', { count: items.filter((a) => a.status !== 'cancelled').length })}
      </p>
      {items.length === 0 ? (
        <p className="empty">{t('appt.none')}</p>
      ) : (
        <table className="table table--cards appt-table">
          <caption className="visually-hidden">{t('appt.todayTitle', { date: formatDay(list.data.date, lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('appt.time')}</th>
              <th scope="col">{t('appt.patient')}</th>
              <th scope="col">{t('appt.service')}</th>
              <th scope="col">{t('appt.resource')}</th>
              <th scope="col">{t('appt.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} className={a.status === 'cancelled' || a.status === 'late_cancel' ? 'appt-row--inactive' : undefined}>
                <td data-label={t('appt.time')} className="mono nowrap">
                  {a.startTime}–{a.endTime}
                </td>
                <td data-label={t('appt.patient')}>
                  {a.patient ? (
                    <Link to={`/patients/${encodeURIComponent(a.patient.id)}`} className="patient-link">
                      <span className="patient-link__kanji">{a.patient.nameKanji}</span>
                      <span className="patient-link__kana">
                        {a.patient.nameKana} · <span className="mono">{a.patient.patientNumber}</span>
                      </span>
                    </Link>
                  ) : null}
                </td>
                <td data-label={t('appt.service')}>{serviceName(a)}</td>
                <td data-label={t('appt.resource')}>{a.resources.map((r) => r.name).join('・')}</td>
                <td data-label={t('appt.status')}>
                  <StatusTag a={a} />
                  {a.checkedInAt ? (
                    <span className="appt-tag appt-tag--ok">{t('appt.checkedIn', { time: shortTime(a.checkedInAt) })}</span>
                  ) : null}
                  {a.doubleBooked ? <span className="appt-tag appt-tag--warn">{t('appt.doubleBooked')}</span> : null}
                  {a.moveReason ? <span className="appt-tag appt-tag--warn">{t('appt.moveNeeded', { reason: a.moveReason })}</span> : null}
                  <IntakeTag status={intakeOf(a)} />
                </td>
                <td data-label={t('common.actions')}>
                  <div className="row-actions">
                    {can('appointments:write') && a.status === 'confirmed' && !a.checkedInAt ? (
                      <button
                        type="button"
                        className="btn btn--primary btn--small"
                        disabled={busy === a.id}
                        aria-label={`${t('appt.checkIn')}: ${a.patient?.nameKanji ?? ''} ${a.startTime}`}
                        onClick={() => void checkIn(a)}
                      >
                        {t('appt.checkIn')}
                      </button>
                    ) : null}
                    <Link
                      className="btn btn--small"
                      to={`/appointments/${encodeURIComponent(a.id)}`}
                      aria-label={`${t('appt.detail')}: ${a.patient?.nameKanji ?? ''} ${a.startTime}`}
                    >
                      {t('appt.detail')}
                    </Link>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One day: a column per doctor / resource (stacked on phones). */
function DayView({ date, resourceId }: { readonly date: string; readonly resourceId: string }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const config = useSchedulingConfig();
  const days = useCalendarDays(date, date);
  const list = useAppointments(date, date, resourceId);
  const day = days.data?.find((d) => d.date === date);
  const resources = (config.data?.resources ?? []).filter((r) => r.active !== false && (!resourceId || r.id === resourceId));
  const appts = list.data ?? [];
  return (
    <section aria-labelledby="day-h">
      <h2 id="day-h">{formatDay(date, lang)}</h2>
      <p className={day && !day.open ? 'appt-closed' : 'muted'}>{dayHeading(day, t)}</p>
      <ErrorMessage error={list.error ?? days.error} />
      {list.isPending ? <Loading /> : null}
      <div className="appt-columns">
        {resources.map((r) => {
          const mine = appts.filter((a) => a.resources.some((x) => x.id === r.id));
          return (
            <section key={r.id} className="appt-column" aria-label={r.name}>
              <h3>
                {r.name}{' '}
                <span className="muted small">{t('appt.count', { count: mine.filter((a) => a.status !== 'cancelled').length })}</span>
              </h3>
              {mine.length === 0 ? (
                <p className="empty small">{t('appt.none')}</p>
              ) : (
                <ul className="appt-list">
                  {mine.map((a) => (
                    <AppointmentCard key={a.id} a={a} showResources={false} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

/** Monday to Sunday for one doctor / resource (or everyone). */
function WeekView({ date, resourceId }: { readonly date: string; readonly resourceId: string }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const from = weekStart(date);
  const to = addDays(from, 6);
  const days = useCalendarDays(from, to);
  const list = useAppointments(from, to, resourceId);
  return (
    <section aria-labelledby="week-h">
      <h2 id="week-h">{t('appt.weekOf', { from: formatDay(from, lang), to: formatDay(to, lang) })}</h2>
      <ErrorMessage error={list.error ?? days.error} />
      {list.isPending ? <Loading /> : null}
      <div className="appt-week">
        {datesFrom(from, to).map((d) => {
          const info = days.data?.find((x) => x.date === d);
          const mine = (list.data ?? []).filter((a) => a.date === d);
          return (
            <section key={d} className={`appt-weekday${info && !info.open ? ' appt-weekday--closed' : ''}`} aria-label={formatDay(d, lang)}>
              <h3>
                <Link to={`/appointments?view=day&date=${d}${resourceId ? `&resource=${encodeURIComponent(resourceId)}` : ''}`}>
                  {formatDay(d, lang)}
                </Link>
              </h3>
              <p className="small muted">{dayHeading(info, t)}</p>
              {mine.length > 0 ? (
                <ul className="appt-list">
                  {mine.map((a) => (
                    <AppointmentCard key={a.id} a={a} />
                  ))}
                </ul>
              ) : null}
            </section>
          );
        })}
      </div>
    </section>
  );
}

function IntakeTag({
  status,
}: {
  readonly status: { status: string; progress?: { completed: number; total: number } } | undefined;
}): ReactNode {
  const { t } = useTranslation();
  if (!status) return null;
  const progress = status.status === 'started' && status.progress ? ` ${status.progress.completed}/${status.progress.total}` : '';
  return (
    <span className={`appt-tag${status.status === 'submitted' ? ' appt-tag--ok' : ''}`}>
      {t('appt.intake')}: {t(`appt.intakeStatuses.${status.status}`, { defaultValue: status.status })}
      {progress}
    </span>
  );
}
