import { holidayName } from '../../../shared/format/holiday-name.ts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../shared/format/age.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAvailability, useCalendarDays, type Slot } from './appointments-api.ts';
import { addDays, datesFrom, formatDay } from './calendar-dates.ts';

/**
 * Free start times of a service, a week at a time, grouped by day. Closed days say why (holiday,
 * closure) instead of just being empty.
 */
export function SlotPicker(props: {
  readonly serviceId: string;
  readonly resourceId?: string;
  readonly patientId?: string;
  readonly excludeAppointmentId?: string;
  readonly value: Slot | null;
  readonly onChange: (slot: Slot) => void;
}): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const today = todayIn(new Date());
  // A time already chosen (a booking restored after registering its patient): open on its week.
  const [from, setFrom] = useState(props.value && props.value.date > today ? props.value.date : today);
  const to = addDays(from, 6);
  const avail = useAvailability({
    serviceId: props.serviceId,
    from,
    to,
    resourceId: props.resourceId || undefined,
    patientId: props.patientId,
    excludeAppointmentId: props.excludeAppointmentId,
  });
  // The day list names why a day is closed (an override's reason is only there).
  const calendarDays = useCalendarDays(from, to);
  const slots = avail.data?.slots ?? [];
  return (
    <div className="slot-picker">
      <div className="appt-datenav">
        <button
          type="button"
          className="btn"
          disabled={from <= today}
          onClick={() => setFrom(addDays(from, -7) < today ? today : addDays(from, -7))}
        >
          <span aria-hidden="true">‹ </span>
          {t('appt.prev')}
        </button>
        <span className="slot-picker__range" aria-live="polite">
          {t('appt.weekOf', { from: formatDay(from, lang), to: formatDay(to, lang) })}
        </span>
        <button type="button" className="btn" onClick={() => setFrom(addDays(from, 7))}>
          {t('appt.next')}
          <span aria-hidden="true"> ›</span>
        </button>
        <label className="slot-picker__jump">
          {t('appt.jumpTo')}
          <input
            type="date"
            min={today}
            value={from}
            onChange={(e) => {
              // A date typed or picked: show the week starting there (never before today).
              const d = e.target.value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(d)) setFrom(d < today ? today : d);
            }}
          />
        </label>
      </div>
      <ErrorMessage error={avail.error} />
      {avail.isPending ? <Loading /> : null}
      {avail.data ? (
        <>
          {slots.length === 0 ? <p className="empty">{t('appt.noSlots')}</p> : null}
          {datesFrom(from, to).map((d) => {
            const closed = avail.data.closedDates.find((c) => c.date === d);
            const mine = slots.filter((s) => s.date === d);
            if (!closed && mine.length === 0) return null;
            return (
              <fieldset key={d} className="slot-day">
                <legend>{formatDay(d, lang)}</legend>
                {closed ? (
                  <p className="small muted">
                    {t('appt.closed')}
                    {paren(
                      holidayName(closed, lang) ??
                        closed.closureReason ??
                        (calendarDays.data?.find((x) => x.date === d)?.notes.join('、') || t(`appt.closedReasons.${closed.reason}`)),
                      lang,
                    )}
                  </p>
                ) : (
                  <div className="slot-grid">
                    {mine.map((s) => {
                      const on = props.value?.start === s.start && props.value?.resourceIds.join() === s.resourceIds.join();
                      return (
                        <button
                          key={`${s.start}-${s.resourceIds.join()}`}
                          type="button"
                          className="slot"
                          aria-pressed={on}
                          aria-label={t('appt.pickSlot', { date: formatDay(d, lang), time: s.startTime })}
                          onClick={() => props.onChange(s)}
                        >
                          {s.startTime}
                        </button>
                      );
                    })}
                  </div>
                )}
              </fieldset>
            );
          })}
          {avail.data.lastBookableDate && avail.data.lastBookableDate < to ? (
            <p className="small muted">{t('appt.lastBookable', { date: formatDay(avail.data.lastBookableDate, lang) })}</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** （…） in Japanese, ( … ) in English. */
export function paren(text: string, lang: 'ja' | 'en'): string {
  return lang === 'en' ? ` (${text})` : `（${text}）`;
}
