import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/api/types.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import type { SchedulingConfig } from './appointments-api.ts';
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
 * approving doctor. The server still refuses closed days and times outside hours.
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
  const resources = (props.config?.resources ?? []).filter((r) => r.active !== false && r.roles.some((x) => props.roles.includes(x)));
  const approvedBy = isDoctor && props.self ? props.self.id : '';

  const { onChange } = props;
  useEffect(() => {
    const touched = Boolean(date || time || reason);
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
  }, [date, time, resourceId, reason, approvedBy]);

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
        onChange={(e) => setReason(e.target.value)}
      />
      {isDoctor && props.self ? (
        <p>
          {t('appt.overrideDoctor')}: {t('appt.overrideSelf', { name: props.self.displayName })}
        </p>
      ) : (
        <p className="alert alert--warning">{t('appt.overrideNoDoctor')}</p>
      )}
    </div>
  );
}
