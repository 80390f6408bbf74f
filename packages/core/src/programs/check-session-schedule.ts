import type { Issues } from '../fields/field-issues.ts';
import { checkNumber, checkOneOf, checkText } from '../fields/field-issues.ts';
import { TREATMENT_KINDS, type SessionSchedule } from './program-types.ts';

/** The `sessions` part of a program definition: count, interval and windows that cannot overlap. */
export function checkSessions(issues: Issues, v: Partial<SessionSchedule> | undefined): SessionSchedule | undefined {
  const p = 'sessions';
  if (!v) {
    issues.add(p, 'programs.field.required');
    return undefined;
  }
  const kind = checkOneOf(issues, `${p}.kind`, v.kind, TREATMENT_KINDS);
  const spacing = checkOneOf(issues, `${p}.spacing`, v.spacing ?? 'fixed_interval', ['fixed_interval', 'each_open_day'] as const);
  const count = checkNumber(issues, `${p}.count`, v.count, { integer: true, min: 1, max: 200 });
  const intervalDays = checkNumber(issues, `${p}.intervalDays`, v.intervalDays, { integer: true, min: 1, max: 365, unit: 'days' });
  const before = checkNumber(issues, `${p}.windowBeforeDays`, v.windowBeforeDays ?? 0, { integer: true, min: 0, max: 60 });
  const after = checkNumber(issues, `${p}.windowAfterDays`, v.windowAfterDays ?? 0, { integer: true, min: 0, max: 60 });
  const first = checkNumber(issues, `${p}.firstSessionAfterEnrolmentDays`, v.firstSessionAfterEnrolmentDays ?? 0, {
    integer: true,
    min: 0,
    max: 180,
  });
  // Windows of neighbouring sessions must not overlap, or "session 2 early" and "session 3 late"
  // could land on the same day.
  if (
    spacing === 'fixed_interval' &&
    intervalDays !== undefined &&
    before !== undefined &&
    after !== undefined &&
    before + after >= intervalDays &&
    (count ?? 1) > 1
  ) {
    issues.add(`${p}.windowAfterDays`, 'programs.session_windows_overlap', { intervalDays });
  }
  // Same form as the reservations feature's service ids; whether the clinic has it is checked where
  // the clinic's services are known (saving the program, booking).
  let serviceId: string | undefined;
  if (v.serviceId !== undefined) {
    const t = checkText(issues, `${p}.serviceId`, v.serviceId, { max: 40 });
    if (t !== undefined && !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(t)) issues.add(`${p}.serviceId`, 'programs.field.invalid_id');
    else serviceId = t;
  }
  if (
    spacing === undefined ||
    kind === undefined ||
    count === undefined ||
    intervalDays === undefined ||
    before === undefined ||
    after === undefined ||
    first === undefined
  ) {
    return undefined;
  }
  return {
    kind, spacing, count, intervalDays, windowBeforeDays: before, windowAfterDays: after, firstSessionAfterEnrolmentDays: first,
    ...(serviceId !== undefined ? { serviceId } : {}),
  };
}
