import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '@mimamori/core/scheduling/index';
import { WEEKDAYS, type Weekday } from '@mimamori/core/time/local-date';

export { WEEKDAYS };
export type { Weekday };
/** The weekly hours as the form edits them: every weekday present, a closed day without sessions. */
export type WeeklyHours = Record<Weekday, Session[]>;

/** The opening sessions of each weekday, editable; a day without sessions is closed. */
export function WeeklyHoursTable({
  hours,
  setHours,
}: {
  readonly hours: WeeklyHours;
  readonly setHours: Dispatch<SetStateAction<WeeklyHours>>;
}): ReactNode {
  const { t } = useTranslation();
  const setSession = (d: Weekday, i: number, part: 'start' | 'end', v: string): void =>
    setHours((h) => ({ ...h, [d]: h[d].map((s, j) => (j === i ? { ...s, [part]: v } : s)) }));
  return (
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
  );
}
