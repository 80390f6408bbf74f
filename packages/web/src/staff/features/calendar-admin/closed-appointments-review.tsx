import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosedAppointment } from '@mimamori/server/api-types';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDay } from '../appointments/calendar-dates.ts';

export type ClosedChoice = 'cancel' | 'keep';

/**
 * The appointments a calendar change would close, shown before anything is saved: date, time,
 * patient, service and why. The admin chooses to cancel them (each patient gets a notice) or keep
 * them marked for reception to move; nothing is preselected, so nothing saves by default.
 */
export function ClosedAppointmentsReview(props: {
  readonly list: ReadonlyArray<ClosedAppointment>;
  readonly busy: boolean;
  readonly onConfirm: (choice: ClosedChoice) => void;
  readonly onBack: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [choice, setChoice] = useState<ClosedChoice | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="cal-closed" aria-labelledby="cal-closed-title">
      <h3 id="cal-closed-title" tabIndex={-1} ref={heading}>
        {t('calAdmin.closedTitle', { count: props.list.length })}
      </h3>
        <table className="table table--cards cal-closed__table">
          <thead>
            <tr>
              <th scope="col">{t('calAdmin.closedDate')}</th>
              <th scope="col">{t('calAdmin.closedTime')}</th>
              <th scope="col">{t('calAdmin.closedPatient')}</th>
              <th scope="col">{t('calAdmin.closedService')}</th>
              <th scope="col">{t('calAdmin.closedWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {props.list.map((a) => (
              <tr key={a.id}>
                <td data-label={t('calAdmin.closedDate')}>{formatDay(a.date, lang)}</td>
                <td data-label={t('calAdmin.closedTime')}>
                  {a.startTime}–{a.endTime}
                  {a.status === 'held' ? ` ${t('calAdmin.closedHeld')}` : ''}
                </td>
                <td data-label={t('calAdmin.closedPatient')}>
                  {a.patient ? `${a.patient.nameKanji}（${a.patient.patientNumber}）` : ''}
                </td>
                <td data-label={t('calAdmin.closedService')}>{lang === 'en' ? a.serviceNameEn : a.serviceName}</td>
                <td data-label={t('calAdmin.closedWhy')}>{a.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      <fieldset className="cal-closed__choice">
        <legend>{t('calAdmin.closedChoose')}</legend>
        <label className="check">
          <input type="radio" name="closed-choice" checked={choice === 'cancel'} onChange={() => setChoice('cancel')} />
          {t('calAdmin.closedCancel')}
        </label>
        <label className="check">
          <input type="radio" name="closed-choice" checked={choice === 'keep'} onChange={() => setChoice('keep')} />
          {t('calAdmin.closedKeep')}
        </label>
      </fieldset>
      <div className="row-actions">
        <button type="button" className="btn btn--primary" disabled={choice === null || props.busy} onClick={() => choice && props.onConfirm(choice)}>
          {t('calAdmin.closedSave')}
        </button>
        <button type="button" className="btn" onClick={props.onBack}>
          {t('calAdmin.closedBack')}
        </button>
      </div>
    </section>
  );
}
