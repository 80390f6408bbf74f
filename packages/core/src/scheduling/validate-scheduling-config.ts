/**
 * Checks of what an administrator edits — hours, closures, overrides, services, resources and the
 * booking policy — so that the admin form can show every problem at once, by field path, before
 * anything is saved. The scheduling functions assume valid configuration.
 */
import { DomainError, type Issue } from '../errors/domain-error.ts';
import { isLocalDate, WEEKDAYS } from '../time/local-date.ts';
import { isLocalTime, timeToMinutes } from '../time/local-time.ts';
import { isTimeZone } from '../time/time-zone.ts';
import type { BookingPolicy } from './booking-policy.ts';
import type { ClinicCalendar, Session, WeeklyHours } from './clinic-calendar.ts';
import type { Resource } from './resource.ts';
import type { Service } from './service.ts';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isMonthDay = (v: unknown): v is string => {
  if (typeof v !== 'string' || !/^\d{2}-\d{2}$/.test(v)) return false;
  const m = Number(v.slice(0, 2));
  const d = Number(v.slice(3));
  return m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1];
};
const isInt = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function checkSessions(sessions: ReadonlyArray<Session> | undefined, path: string, out: Issue[]): void {
  if (sessions === undefined) return;
  const valid: Array<readonly [number, number, number]> = [];
  sessions.forEach((s, i) => {
    const p = `${path}[${i}]`;
    if (!isLocalTime(s.start)) out.push({ path: `${p}.start`, key: 'time_invalid' });
    if (!isLocalTime(s.end)) out.push({ path: `${p}.end`, key: 'time_invalid' });
    if (isLocalTime(s.start) && isLocalTime(s.end)) {
      const a = timeToMinutes(s.start);
      const b = timeToMinutes(s.end);
      if (b <= a) out.push({ path: `${p}.end`, key: 'session_end_not_after_start' });
      else valid.push([a, b, i]);
    }
  });
  valid.sort((x, y) => x[0] - y[0]);
  for (let k = 1; k < valid.length; k++) {
    if (valid[k][0] < valid[k - 1][1]) out.push({ path: `${path}[${valid[k][2]}]`, key: 'sessions_overlap' });
  }
}

function checkWeeklyHours(hours: WeeklyHours | undefined, path: string, out: Issue[]): void {
  if (hours === undefined) return;
  for (const key of Object.keys(hours)) {
    if (!(WEEKDAYS as ReadonlyArray<string>).includes(key)) out.push({ path: `${path}.${key}`, key: 'weekday_invalid' });
  }
  for (const wd of WEEKDAYS) checkSessions(hours[wd], `${path}.${wd}`, out);
}

/**
 * Problems in a clinic calendar (empty when valid).
 *
 * @example
 * validateClinicCalendar({ ...seedClinicCalendar, closures: [{ kind: 'dates', from: '2027-08-16', to: '2027-08-12', reason: '夏季休診' }] });
 * // [{ path: 'closures[0].to', key: 'range_end_before_start' }]
 */
export function validateClinicCalendar(calendar: ClinicCalendar): ReadonlyArray<Issue> {
  const out: Issue[] = [];
  if (!isTimeZone(calendar.zone)) out.push({ path: 'zone', key: 'time_zone_invalid' });
  checkWeeklyHours(calendar.weeklyHours, 'weeklyHours', out);
  calendar.closures.forEach((c, i) => {
    const p = `closures[${i}]`;
    const ok = c.kind === 'dates' ? isLocalDate : isMonthDay;
    if (!ok(c.from)) out.push({ path: `${p}.from`, key: c.kind === 'dates' ? 'date_invalid' : 'month_day_invalid' });
    if (!ok(c.to)) out.push({ path: `${p}.to`, key: c.kind === 'dates' ? 'date_invalid' : 'month_day_invalid' });
    // Annual closures may wrap the new year (12-29 → 01-03); dated ones may not run backwards.
    if (c.kind === 'dates' && ok(c.from) && ok(c.to) && c.to < c.from) out.push({ path: `${p}.to`, key: 'range_end_before_start' });
  });
  calendar.overrides.forEach((o, i) => {
    const p = `overrides[${i}]`;
    if (!isLocalDate(o.date)) out.push({ path: `${p}.date`, key: 'date_invalid' });
    if (o.kind === 'open') {
      if (o.sessions.length === 0) out.push({ path: `${p}.sessions`, key: 'sessions_required' });
      checkSessions(o.sessions, `${p}.sessions`, out);
    } else {
      if (o.start !== undefined && !isLocalTime(o.start)) out.push({ path: `${p}.start`, key: 'time_invalid' });
      if (o.end !== undefined && !isLocalTime(o.end)) out.push({ path: `${p}.end`, key: 'time_invalid' });
      if (isLocalTime(o.start) && isLocalTime(o.end) && timeToMinutes(o.end) <= timeToMinutes(o.start)) {
        out.push({ path: `${p}.end`, key: 'session_end_not_after_start' });
      }
    }
  });
  return out;
}

/**
 * Problems in a service (empty when valid).
 *
 * @example
 * validateService({ ...saishin, durationMinutes: 0 }); // [{ path: 'durationMinutes', key: 'duration_invalid' }]
 */
export function validateService(service: Service): ReadonlyArray<Issue> {
  const out: Issue[] = [];
  if (typeof service.id !== 'string' || service.id.length === 0) out.push({ path: 'id', key: 'required' });
  if (typeof service.name !== 'string' || service.name.trim().length === 0) out.push({ path: 'name', key: 'required' });
  if (!isInt(service.durationMinutes, 1, 1440)) out.push({ path: 'durationMinutes', key: 'duration_invalid' });
  if (service.bufferBeforeMinutes !== undefined && !isInt(service.bufferBeforeMinutes, 0, 240)) out.push({ path: 'bufferBeforeMinutes', key: 'buffer_invalid' });
  if (service.bufferAfterMinutes !== undefined && !isInt(service.bufferAfterMinutes, 0, 240)) out.push({ path: 'bufferAfterMinutes', key: 'buffer_invalid' });
  if (service.slotStepMinutes !== undefined && !isInt(service.slotStepMinutes, 1, 240)) out.push({ path: 'slotStepMinutes', key: 'step_invalid' });
  if (service.channel !== 'staff_only' && service.channel !== 'patient_online') out.push({ path: 'channel', key: 'channel_invalid' });
  // The first visit (the service that sends the WEB問診) is booked by staff over the phone.
  if (service.sendsIntake === true && service.channel === 'patient_online') out.push({ path: 'channel', key: 'first_visit_staff_only' });
  if (service.requires.length === 0) out.push({ path: 'requires', key: 'requires_required' });
  service.requires.forEach((r, i) => {
    if (typeof r.role !== 'string' || r.role.length === 0) out.push({ path: `requires[${i}].role`, key: 'required' });
    if (r.count !== undefined && !isInt(r.count, 1, 20)) out.push({ path: `requires[${i}].count`, key: 'count_invalid' });
  });
  const roles = service.requires.map((r) => r.role);
  roles.forEach((r, i) => {
    if (roles.indexOf(r) !== i) out.push({ path: `requires[${i}].role`, key: 'role_repeated' });
  });
  return out;
}

/**
 * Problems in a resource (empty when valid).
 *
 * @example
 * validateResource({ id: 'chair-3', name: 'チェア3', roles: ['infusion_chair'], capacity: 0 });
 * // [{ path: 'capacity', key: 'capacity_invalid' }]
 */
export function validateResource(resource: Resource): ReadonlyArray<Issue> {
  const out: Issue[] = [];
  if (typeof resource.id !== 'string' || resource.id.length === 0) out.push({ path: 'id', key: 'required' });
  if (resource.roles.length === 0) out.push({ path: 'roles', key: 'required' });
  if (resource.capacity !== undefined && !isInt(resource.capacity, 1, 100)) out.push({ path: 'capacity', key: 'capacity_invalid' });
  checkWeeklyHours(resource.weeklyHours, 'weeklyHours', out);
  (resource.absences ?? []).forEach((a, i) => {
    const p = `absences[${i}]`;
    if (!isLocalDate(a.from)) out.push({ path: `${p}.from`, key: 'date_invalid' });
    if (a.to !== undefined && !isLocalDate(a.to)) out.push({ path: `${p}.to`, key: 'date_invalid' });
    if (isLocalDate(a.from) && isLocalDate(a.to) && a.to < a.from) out.push({ path: `${p}.to`, key: 'range_end_before_start' });
    if (a.start !== undefined && !isLocalTime(a.start)) out.push({ path: `${p}.start`, key: 'time_invalid' });
    if (a.end !== undefined && !isLocalTime(a.end)) out.push({ path: `${p}.end`, key: 'time_invalid' });
    if (isLocalTime(a.start) && isLocalTime(a.end) && timeToMinutes(a.end) <= timeToMinutes(a.start)) {
      out.push({ path: `${p}.end`, key: 'session_end_not_after_start' });
    }
  });
  return out;
}

/**
 * Problems in the booking policy (empty when valid).
 *
 * @example
 * validateBookingPolicy({ ...seedBookingPolicy, holdMinutes: 0 }); // [{ path: 'holdMinutes', key: 'minutes_invalid' }]
 */
export function validateBookingPolicy(policy: BookingPolicy): ReadonlyArray<Issue> {
  const out: Issue[] = [];
  for (const ch of ['patient', 'staff'] as const) {
    const l = policy.limits[ch];
    if (!isInt(l.minNoticeMinutes, 0, 60 * 24 * 60)) out.push({ path: `limits.${ch}.minNoticeMinutes`, key: 'minutes_invalid' });
    if (!isInt(l.horizonDays, 0, 3660)) out.push({ path: `limits.${ch}.horizonDays`, key: 'days_invalid' });
  }
  if (!isInt(policy.slotStepMinutes, 1, 240)) out.push({ path: 'slotStepMinutes', key: 'step_invalid' });
  if (!isInt(policy.holdMinutes, 1, 120)) out.push({ path: 'holdMinutes', key: 'minutes_invalid' });
  const c = policy.changeCutoff;
  if (c.kind === 'day_before_at') {
    if (!isLocalTime(c.time)) out.push({ path: 'changeCutoff.time', key: 'time_invalid' });
    if (c.daysBefore !== undefined && !isInt(c.daysBefore, 0, 30)) out.push({ path: 'changeCutoff.daysBefore', key: 'days_invalid' });
  } else if (!(typeof c.hours === 'number' && c.hours >= 0 && c.hours <= 24 * 30)) {
    out.push({ path: 'changeCutoff.hours', key: 'hours_invalid' });
  }
  return out;
}

/**
 * Throws a `validation` DomainError (key `scheduling_config_invalid`, `issues` = the issues) when
 * there are any.
 *
 * @example
 * assertNoConfigIssues(validateService(edited)); // throws when the admin's edit is invalid
 */
export function assertNoConfigIssues(issues: ReadonlyArray<Issue>): void {
  if (issues.length > 0) throw new DomainError('validation', { key: 'scheduling_config_invalid', issues });
}
