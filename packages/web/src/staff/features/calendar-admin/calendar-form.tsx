import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicCalendar, ClinicClosure, DayOverride } from '@mimamori/core/scheduling/index';
import { ApiError } from '../../../shared/api/api-error.ts';
import type { ClosedAppointment } from '@mimamori/server/api-types';
import type { SchedulingConfig } from '../appointments/appointments-api.ts';
import { ClosedAppointmentsReview, type ClosedChoice } from './closed-appointments-review.tsx';
import { ClosureList } from './closure-list.tsx';
import { DayOverrideList } from './day-override-list.tsx';
import { SaveStatus } from './save-status.tsx';
import { useConfigSaver } from './use-config-saver.ts';
import { WEEKDAYS, WeeklyHoursTable, type WeeklyHours } from './weekly-hours-table.tsx';

/** The clinic calendar, saved as one: weekly hours, national holidays, closures and one-day changes. */
export function CalendarForm({ config, onStale }: { readonly config: SchedulingConfig; readonly onStale: () => void }): ReactNode {
  const { t } = useTranslation();
  const [hours, setHours] = useState<WeeklyHours>(
    () => Object.fromEntries(WEEKDAYS.map((d) => [d, [...(config.calendar.weeklyHours[d] ?? [])]])) as WeeklyHours,
  );
  const [holidays, setHolidays] = useState(config.calendar.closedOnNationalHolidays);
  const [closures, setClosures] = useState<ClinicClosure[]>([...config.calendar.closures]);
  const [overrides, setOverrides] = useState<DayOverride[]>([...config.calendar.overrides]);
  const saver = useConfigSaver(onStale);

  // The appointments the server listed (a change that closes booked times saves only with a choice).
  const closed = saver.error instanceof ApiError ? (saver.error.extra.closedAppointments as ClosedAppointment[] | undefined) : undefined;
  const [dismissed, setDismissed] = useState<unknown>(null);

  const body = () => {
    const weeklyHours: ClinicCalendar['weeklyHours'] = Object.fromEntries(
      WEEKDAYS.filter((d) => hours[d].length > 0).map((d) => [d, hours[d]]),
    );
    return {
      weeklyHours,
      closedOnNationalHolidays: holidays,
      closures,
      overrides: overrides.map((o) =>
        o.kind === 'close' && !o.start && !o.end ? { kind: 'close', date: o.date, ...(o.reason ? { reason: o.reason } : {}) } : o,
      ),
      version: config.version,
    };
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void saver.run('/api/scheduling/calendar', body());
  };
  const confirm = (action: ClosedChoice): void => {
    // The message says what happened to the appointments on the closed times, with their count.
    void saver.run('/api/scheduling/calendar', { ...body(), closedAppointments: { action, ids: (closed ?? []).map((a) => a.id) } }, (answer) => {
      const settled = (answer as { settled?: { action: ClosedChoice; count: number } | null }).settled;
      if (!settled) return t('clinicSetup.closureSaved');
      return t(settled.action === 'cancel' ? 'clinicSetup.closureCancelled' : 'clinicSetup.closureKept', { count: settled.count });
    });
  };

  return (
    <form className="card form cal-form" onSubmit={submit} aria-labelledby="cal-hours">
      <h2 id="cal-hours">{t('calAdmin.hours')}</h2>
      <WeeklyHoursTable hours={hours} setHours={setHours} />
      <label className="check">
        <input type="checkbox" checked={holidays} onChange={(e) => setHolidays(e.target.checked)} />
        {t('calAdmin.holidays')}
      </label>
      <ClosureList closures={closures} setClosures={setClosures} />
      <DayOverrideList overrides={overrides} setOverrides={setOverrides} />
      <SaveStatus saver={saver} />
      {closed && closed.length > 0 && dismissed !== saver.error ? (
        <ClosedAppointmentsReview key={closed.map((a) => a.id).join()} list={closed} busy={saver.busy} onConfirm={confirm} onBack={() => setDismissed(saver.error)} />
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={saver.busy}>
        {t('calAdmin.saveCalendar')}
      </button>
    </form>
  );
}
