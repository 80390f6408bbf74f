import { expandAvailability, type CompactAvailability } from '@mimamori/core/scheduling/compact-availability';
import type { ClosedDate } from '@mimamori/core/scheduling/find-available-slots';
import type { AppointmentView, SlotView } from '@mimamori/server/api-types';
import { api, setCsrfToken } from '../../shared/api/client.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { DEFAULT_CLINIC_ZONE } from '@mimamori/core/time/time-zone';

// The patient side of the reservations API (docs/api/scheduling.md, "Patient routes").

/** An appointment as its patient sees it: with the online change deadline, without staff details. */
export type PatientAppointment = AppointmentView & Required<Pick<AppointmentView, 'changeDeadline' | 'canChangeOnline'>>;

/** A slot as a patient sees it: no staff or rooms named. */
export type PatientSlot = Omit<SlotView, 'resourceIds'>;

export interface PatientAvailability {
  readonly slots: readonly PatientSlot[];
  readonly closedDates: readonly ClosedDate[];
  readonly lastBookableDate: string;
}

export interface PatientService {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly durationMinutes: number;
}

export interface MyAppointments {
  readonly appointments: readonly PatientAppointment[];
  readonly clinicPhone: string;
}

export interface PatientSession {
  readonly purpose: string;
  readonly csrfToken: string;
  readonly clinicName: string;
  readonly patientName: string;
}

/** The current patient session for appointments, or null (none, expired, or for something else). */
export async function loadSession(): Promise<PatientSession | null> {
  try {
    const s = await api<PatientSession>('/api/p/session');
    if (s.purpose !== 'appointments') return null;
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
    throw e;
  }
}

export function requestCode(patientNumber: string, birthDate: string): Promise<{ challengeId: string; expiresAt: string }> {
  return api('/api/p/appointments/sign-in/request', { method: 'POST', body: { patientNumber, birthDate } });
}

export async function verifyCode(challengeId: string, code: string): Promise<void> {
  const s = await api<{ csrfToken: string }>('/api/p/appointments/sign-in/verify', { method: 'POST', body: { challengeId, code } });
  setCsrfToken(s.csrfToken);
}

export function myAppointments(): Promise<MyAppointments> {
  return api('/api/p/appointments');
}

export function myServices(): Promise<{ services: PatientService[] }> {
  return api('/api/p/appointments/services');
}

/** Free times, sent compactly (start times per day) and expanded here into one object per slot. */
export async function availability(o: {
  serviceId: string;
  from: string;
  to: string;
  excludeAppointmentId?: string;
}): Promise<PatientAvailability> {
  const q = new URLSearchParams({ serviceId: o.serviceId, from: o.from, to: o.to });
  if (o.excludeAppointmentId) q.set('excludeAppointmentId', o.excludeAppointmentId);
  const answer = await api<CompactAvailability>(`/api/p/appointments/availability?${q.toString()}`);
  return { slots: expandAvailability(answer), closedDates: answer.closedDates, lastBookableDate: answer.lastBookableDate };
}

export function book(serviceId: string, start: string, key: string): Promise<{ appointment: PatientAppointment }> {
  return api('/api/p/appointments', { method: 'POST', body: { serviceId, start }, headers: { 'Idempotency-Key': key } });
}

export function move(id: string, start: string, version: number): Promise<{ appointment: PatientAppointment }> {
  return api(`/api/p/appointments/${encodeURIComponent(id)}`, { method: 'PATCH', body: { start, version } });
}

export function cancel(id: string, version: number): Promise<{ appointment: PatientAppointment }> {
  return api(`/api/p/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: { version } });
}

export function signOut(): Promise<void> {
  return api('/api/p/logout', { method: 'POST' });
}

export function newKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const DAY = 86_400_000;

/** Clinic date plus days (UTC arithmetic on the date alone: the phone's zone never shifts it). */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Today in the clinic's zone. */
export function clinicToday(): string {
  return clinicDate(Date.now(), DEFAULT_CLINIC_ZONE);
}

/** "12月2日(水)" / "Wed 2 Dec". */
export function dayLabel(date: string, lang: 'ja' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'UTC',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** An instant as the clinic's date and time, e.g. "12月1日(火) 18:00". */
export function instantLabel(instant: string, lang: 'ja' | 'en'): string {
  const d = new Date(instant);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${dayLabel(date, lang)} ${time}`;
}

/** The free slots nearest in time to `wanted` (for "that time has gone, here are others"). */
export function nearestSlots(slots: readonly PatientSlot[], wanted: string, n: number): PatientSlot[] {
  const t = Date.parse(wanted);
  return [...slots]
    .filter((s) => s.start !== wanted)
    .sort((a, b) => Math.abs(Date.parse(a.start) - t) - Math.abs(Date.parse(b.start) - t) || a.start.localeCompare(b.start))
    .slice(0, n)
    .sort((a, b) => a.start.localeCompare(b.start));
}
