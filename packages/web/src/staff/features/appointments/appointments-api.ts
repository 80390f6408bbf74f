import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BookingPolicy, ClinicCalendar, Resource, SeriesPattern, Service } from '@mimamori/core/scheduling/index';
import { expandAvailability, type CompactAvailability } from '@mimamori/core/scheduling/compact-availability';
import type { ClosedDate } from '@mimamori/core/scheduling/find-available-slots';
import type { PassedOverDate, SeriesOccurrence } from '@mimamori/core/scheduling/propose-series';
import type { AppointmentView, SlotView } from '@mimamori/server/api-types';
import { api, query } from '../../../shared/api/client.ts';

// Shapes of the reservations API (docs/api/scheduling.md). The server owns the truth.

/** An appointment as staff see it (with the patient, the override and the note). */
export type Appointment = AppointmentView;

/** One bookable slot with the staff and rooms it would take. */
export type Slot = SlotView;

/** A date on which the clinic is closed all day, with why (core's, as the server answers it). */
export type { ClosedDate };

/** Availability as the pages use it: the server's compact answer expanded into one object per slot. */
export interface Availability {
  readonly slots: readonly Slot[];
  readonly closedDates: readonly ClosedDate[];
  readonly lastBookableDate: string;
}

export interface SchedulingConfig {
  readonly calendar: ClinicCalendar;
  readonly policy: BookingPolicy;
  readonly clinicPhone: string;
  readonly clinicAddress: string | null;
  readonly services: readonly Service[];
  readonly resources: readonly Resource[];
  readonly version: number;
}

export interface CalendarDayInfo {
  readonly date: string;
  readonly weekday: string;
  readonly open: boolean;
  readonly sessions: readonly { readonly start: string; readonly end: string }[];
  readonly closedReason?: string;
  readonly holidayName?: string;
  readonly holidayNameEn?: string;
  readonly closureReason?: string;
  readonly notes: readonly string[];
}

/** Core's proposed occurrence, its slot as the server shows slots. */
export type SeriesOccurrenceView = Omit<SeriesOccurrence, 'slot'> & { readonly slot?: Slot };

export interface SeriesProposalView {
  readonly occurrences: readonly SeriesOccurrenceView[];
  readonly passedOver: readonly PassedOverDate[];
  readonly complete: boolean;
}

export interface DoubleBook {
  readonly reason: string;
  readonly approvedBy: string;
}

/** A fresh key per user action, kept for its retries (the server answers a repeat with the same booking). */
export function idempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useSchedulingConfig() {
  return useQuery({
    queryKey: ['scheduling', 'config'],
    queryFn: ({ signal }) => api<SchedulingConfig>('/api/scheduling/config', { signal }),
    staleTime: 60_000,
  });
}

/** A doctor who may approve a double booking (`GET /api/scheduling/doctors`). */
export interface ApprovingDoctor {
  readonly id: string;
  readonly displayName: string;
  /** The resource the doctor is booked as, if linked. */
  readonly resourceName: string | null;
}

/** The clinic's active doctors, for the approving-doctor select of a double booking. */
export function useApprovingDoctors(enabled = true) {
  return useQuery({
    queryKey: ['scheduling', 'doctors'],
    queryFn: ({ signal }) => api<{ doctors: ApprovingDoctor[] }>('/api/scheduling/doctors', { signal }),
    select: (r) => r.doctors,
    staleTime: 60_000,
    enabled,
  });
}

export function useCalendarDays(from: string, to: string) {
  return useQuery({
    queryKey: ['scheduling', 'days', from, to],
    queryFn: ({ signal }) => api<{ days: CalendarDayInfo[] }>(`/api/scheduling/days${query({ from, to })}`, { signal }),
    select: (r) => r.days,
    placeholderData: keepPreviousData,
  });
}

export function useAppointments(from: string, to: string, resourceId: string) {
  return useQuery({
    queryKey: ['appointments', 'range', from, to, resourceId],
    queryFn: ({ signal }) => api<{ appointments: Appointment[] }>(`/api/appointments${query({ from, to, resourceId })}`, { signal }),
    select: (r) => r.appointments,
    placeholderData: keepPreviousData,
  });
}

export function useToday(resourceId: string) {
  return useQuery({
    queryKey: ['appointments', 'today', resourceId],
    queryFn: ({ signal }) =>
      api<{ date: string; appointments: Appointment[] }>(`/api/appointments/today${query({ resourceId })}`, { signal }),
    refetchInterval: 60_000,
  });
}

export function useAppointment(id: string) {
  return useQuery({
    queryKey: ['appointments', 'one', id],
    queryFn: ({ signal }) => api<{ appointment: Appointment }>(`/api/appointments/${encodeURIComponent(id)}`, { signal }),
    select: (r) => r.appointment,
  });
}

export function useAvailability(o: {
  readonly serviceId: string;
  readonly from: string;
  readonly to: string;
  readonly resourceId?: string;
  readonly patientId?: string;
  readonly excludeAppointmentId?: string;
  readonly enabled?: boolean;
}) {
  const { enabled = true, ...params } = o;
  return useQuery({
    queryKey: ['scheduling', 'availability', params],
    queryFn: async ({ signal }): Promise<Availability> => {
      const answer = await api<CompactAvailability>(`/api/scheduling/availability${query(params)}`, { signal });
      return { slots: expandAvailability(answer), closedDates: answer.closedDates, lastBookableDate: answer.lastBookableDate };
    },
    enabled: enabled && Boolean(o.serviceId),
    staleTime: 5_000,
  });
}

/** After any write the lists, the day views and the free slots are stale. */
export function useInvalidateAppointments(): () => Promise<void> {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['appointments'] }),
      qc.invalidateQueries({ queryKey: ['scheduling', 'availability'] }),
    ]);
  };
}

export interface BookInput {
  readonly patientId: string;
  readonly serviceId: string;
  readonly start: string;
  readonly resourceIds?: readonly string[];
  readonly note?: string;
  readonly doubleBook?: DoubleBook;
}

export function bookAppointment(input: BookInput, key: string): Promise<{ appointment: Appointment }> {
  return api('/api/appointments', { method: 'POST', body: input, headers: { 'Idempotency-Key': key } });
}

export function moveAppointment(
  id: string,
  body: { start: string; version: number; resourceIds?: readonly string[]; doubleBook?: DoubleBook },
): Promise<{ appointment: Appointment }> {
  return api(`/api/appointments/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function cancelAppointment(
  id: string,
  body: { version: number; reason?: string; late?: boolean },
): Promise<{ appointment: Appointment }> {
  return api(`/api/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST', body });
}

export function markAppointment(
  id: string,
  body: { status: 'no_show' | 'completed' | 'late_cancel'; version: number },
): Promise<{ appointment: Appointment }> {
  return api(`/api/appointments/${encodeURIComponent(id)}/mark`, { method: 'POST', body });
}

export function checkInAppointment(id: string, version: number): Promise<{ appointment: Appointment }> {
  return api(`/api/appointments/${encodeURIComponent(id)}/check-in`, { method: 'POST', body: { version } });
}

export function proposeSeries(body: {
  patientId: string;
  serviceId: string;
  startDate: string;
  pattern: SeriesPattern;
  preferredTime?: string;
  resourceIds?: readonly string[];
}): Promise<SeriesProposalView> {
  return api('/api/appointments/series/propose', { method: 'POST', body });
}

export function bookSeries(
  body: {
    patientId: string;
    serviceId: string;
    pattern: SeriesPattern;
    occurrences: readonly { start: string }[];
    resourceIds?: readonly string[];
  },
  key: string,
): Promise<{ series: { id: string }; appointments: Appointment[] }> {
  return api('/api/appointments/series', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
}

export function issuePatientLink(patientId: string, sendEmail: boolean): Promise<{ url: string; expiresAt: string; emailed: boolean }> {
  return api('/api/appointments/patient-link', { method: 'POST', body: { patientId, sendEmail } });
}

export function useSaveConfig() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (o: { readonly path: string; readonly body: unknown }) => api<SchedulingConfig>(o.path, { method: 'PUT', body: o.body }),
    onSuccess: (config) => {
      qc.setQueryData(['scheduling', 'config'], config);
      void qc.invalidateQueries({ queryKey: ['scheduling', 'days'] });
      void qc.invalidateQueries({ queryKey: ['scheduling', 'availability'] });
    },
  });
}

export type IntakeStatus = 'sent' | 'started' | 'submitted';

/** WEB問診 status of today's appointments (docs/api/intake.md), keyed by appointment and by patient. */
export function useIntakeStatus(appointmentIds: readonly string[], patientIds: readonly string[], enabled: boolean) {
  const a = [...appointmentIds].sort().slice(0, 200).join(',');
  const p = [...new Set(patientIds)].sort().slice(0, 200).join(',');
  return useQuery({
    queryKey: ['intake', 'status', a, p],
    queryFn: ({ signal }) =>
      api<{
        patients: {
          patientId: string;
          appointmentId: string | null;
          status: IntakeStatus;
          progress?: { completed: number; total: number };
        }[];
        appointments: {
          patientId: string;
          appointmentId: string | null;
          status: IntakeStatus;
          progress?: { completed: number; total: number };
        }[];
      }>(`/api/intake/status${query({ appointmentIds: a, patientIds: p })}`, { signal }),
    enabled: enabled && (a.length > 0 || p.length > 0),
    retry: false,
    staleTime: 30_000,
  });
}
