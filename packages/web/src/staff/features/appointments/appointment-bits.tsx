import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import type { Appointment, SchedulingConfig } from './appointments-api.ts';

/** The appointment's state as a short tag; expired holds are shown as such. */
export function StatusTag({ a }: { readonly a: Appointment }): ReactNode {
  const { t } = useTranslation();
  const expired = a.status === 'held' && a.holdExpiresAt !== null && Date.parse(a.holdExpiresAt) < Date.now();
  const status = expired ? 'expired' : a.status;
  return <span className={`appt-status appt-status--${status}`}>{t(`appt.statuses.${status}`)}</span>;
}

export function serviceName(a: { readonly serviceName: string; readonly serviceNameEn: string }): string {
  return currentLanguage() === 'en' ? a.serviceNameEn : a.serviceName;
}

/** One appointment in a day or week column: time, patient, service, resources, tags. */
export function AppointmentCard({ a, showResources = true }: { readonly a: Appointment; readonly showResources?: boolean }): ReactNode {
  const { t } = useTranslation();
  const inactive = a.status === 'cancelled' || a.status === 'late_cancel' || a.status === 'no_show';
  return (
    <li className={`appt-card${inactive ? ' appt-card--inactive' : ''}${a.doubleBooked ? ' appt-card--double' : ''}`}>
      <Link to={`/appointments/${encodeURIComponent(a.id)}`} className="appt-card__link">
        <span className="appt-card__time">
          {a.startTime}–{a.endTime}
        </span>
        <span className="appt-card__patient">{a.patient?.nameKanji ?? ''}</span>
        <span className="appt-card__service">{serviceName(a)}</span>
      </Link>
      <span className="appt-card__meta">
        {showResources && a.resources.length > 0 ? <span>{a.resources.map((r) => r.name).join('・')}</span> : null}
        <StatusTag a={a} />
        {a.doubleBooked ? <span className="appt-tag appt-tag--warn">{t('appt.doubleBooked')}</span> : null}
        {a.moveReason ? <span className="appt-tag appt-tag--warn">{t('appt.moveNeeded', { reason: a.moveReason })}</span> : null}
        {a.seriesId ? <span className="appt-tag">{t('appt.seriesTag')}</span> : null}
        {a.checkedInAt ? <span className="appt-tag appt-tag--ok">{t('appt.checkedIn', { time: shortTime(a.checkedInAt) })}</span> : null}
      </span>
    </li>
  );
}

export function shortTime(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** Role labels for resource groups: doctors/people first, equipment after. */
const EQUIPMENT_ROLES = ['infusion_chair', 'tms_device', 'room'];

export function isEquipment(roles: readonly string[]): boolean {
  return roles.some((r) => EQUIPMENT_ROLES.includes(r));
}

/** "All / each doctor / each piece of equipment" as one select. */
export function ResourceSelect(props: {
  readonly config: SchedulingConfig | undefined;
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly id: string;
  readonly label: string;
  readonly allLabel: string;
  readonly roles?: readonly string[];
}): ReactNode {
  const { t } = useTranslation();
  const resources = (props.config?.resources ?? []).filter(
    (r) => r.active !== false && (!props.roles || r.roles.some((role) => props.roles!.includes(role))),
  );
  const people = resources.filter((r) => !isEquipment(r.roles));
  const equipment = resources.filter((r) => isEquipment(r.roles));
  return (
    <div className="field field--inline">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.allLabel}</option>
        {people.length > 0 ? (
          <optgroup label={t('appt.doctors')}>
            {people.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {equipment.length > 0 ? (
          <optgroup label={t('appt.equipment')}>
            {equipment.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}
