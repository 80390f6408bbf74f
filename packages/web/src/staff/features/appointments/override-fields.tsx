import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/api/types.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { useApprovingDoctors, type SchedulingConfig } from './appointments-api.ts';
import { isDate } from './calendar-dates.ts';

export interface OverrideValue {
  readonly date: string;
  readonly time: string;
  readonly resourceId: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly valid: boolean;
}

/**
 * A deliberate double booking: a time typed by hand, the resource to put it on, a reason and the
 * approving doctor, chosen from the clinic's active doctors (a doctor's own account suggests
 * itself). Reason and doctor are required. The server checks the doctor again and still refuses
 * closed days and times outside hours.
 */
export function OverrideFields(props: {
  readonly config: SchedulingConfig | undefined;
  readonly roles: readonly string[];
  readonly self: SessionUser | null;
  readonly value: OverrideValue | null;
  readonly onChange: (v: OverrideValue | null) => void;
}): ReactNode {
  const { t } = useTranslation();
  const isDoctor = props.self?.role === 'doctor';
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [resourceId, setResourceId] = useState('');
  const [reason, setReason] = useState('');
  const [doctorId, setDoctorId] = useState(isDoctor && props.self ? props.self.id : '');
  const [tried, setTried] = useState(false);
  const doctors = useApprovingDoctors();
  const resources = (props.config?.resources ?? []).filter((r) => r.active !== false && r.roles.some((x) => props.roles.includes(x)));
  const approvedBy = (doctors.data ?? []).some((d) => d.id === doctorId) ? doctorId : '';

  const { onChange } = props;
  useEffect(() => {
    // Choosing a doctor alone (or a doctor's own preset) does not start a double booking.
    const touched = Boolean(date || time || reason);
    if (touched) setTried(true);
    if (!touched) {
      onChange(null);
      return;
    }
    const rid = resourceId || resources[0]?.id || '';
    onChange({
      date,
      time,
      resourceId: rid,
      reason: reason.trim(),
      approvedBy,
      valid: isDate(date) && /^\d{2}:\d{2}$/.test(time) && Boolean(rid) && reason.trim().length > 0 && Boolean(approvedBy),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [date, time, resourceId, reason, approvedBy, doctorId]);

  return (
    <div className="override__body">
      <p className="small">{t('appt.overrideIntro')}</p>
      <div className="booking__row">
        <TextField label={t('appt.overrideDate')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField label={t('appt.overrideTime')} type="time" step={300} value={time} onChange={(e) => setTime(e.target.value)} />
        <SelectField
          label={t('appt.overrideResource')}
          value={resourceId || resources[0]?.id || ''}
          onChange={(e) => setResourceId(e.target.value)}
          options={resources.map((r) => ({ value: r.id, label: r.name }))}
        />
      </div>
      <TextField
        label={t('appt.overrideReason')}
        hint={t('appt.overrideReasonHint')}
        value={reason}
        maxLength={200}
        required
        error={tried && !reason.trim() ? t('appt.overrideReasonRequired') : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      <ErrorMessage error={doctors.error} />
      {doctors.data && doctors.data.length === 0 ? (
        <p className="alert alert--warning">{t('appt.overrideNoDoctors')}</p>
      ) : (
        <SelectField
          label={t('appt.overrideDoctor')}
          hint={t('appt.overrideDoctorHint')}
          value={doctorId}
          required
          error={tried && !approvedBy ? t('appt.overrideDoctorRequired') : undefined}
          onChange={(e) => setDoctorId(e.target.value)}
          options={[
            { value: '', label: t('appt.overrideDoctorChoose') },
            ...(doctors.data ?? []).map((d) => {
              // The doctor's account and the doctor who is booked are one person: name both.
              const name = d.resourceName && d.resourceName !== d.displayName ? t('clinicSetup.withRole', { name: d.displayName, role: d.resourceName }) : d.displayName;
              return { value: d.id, label: d.id === props.self?.id ? t('appt.overrideSelf', { name }) : name };
            }),
          ]}
        />
      )}
    </div>
  );
}
