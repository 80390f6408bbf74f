import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../../shared/api/client.ts';
import type { AppointmentView } from '@mimamori/server/api-types';
import type { Patient, PatientHistoryEntry, PatientSummary } from '../../../shared/api/types.ts';

export const PAGE_SIZE = 50;

export function usePatientSearch(q: string, offset: number) {
  return useQuery({
    queryKey: ['patients', 'search', q, offset],
    queryFn: ({ signal }) =>
      api<{ items: PatientSummary[]; total: number }>(`/api/patients${query({ q, limit: PAGE_SIZE, offset })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePatient(id: string) {
  return useQuery({
    queryKey: ['patients', 'one', id],
    queryFn: ({ signal }) => api<{ patient: Patient }>(`/api/patients/${encodeURIComponent(id)}`, { signal }),
    select: (r) => r.patient,
    // Pages that learn the id from another answer (the intake view) ask only once they have it.
    enabled: id !== '',
  });
}

/** The patient page's appointments: upcoming (soonest first) and past (newest first). */
export function usePatientAppointments(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['appointments', 'patient', id],
    queryFn: ({ signal }) =>
      api<{ upcoming: AppointmentView[]; past: AppointmentView[]; morePast: boolean }>(`/api/patients/${encodeURIComponent(id)}/appointments`, { signal }),
    enabled,
  });
}

export function usePatientHistory(id: string) {
  return useQuery({
    queryKey: ['patients', 'history', id],
    queryFn: ({ signal }) => api<{ items: PatientHistoryEntry[] }>(`/api/patients/${encodeURIComponent(id)}/history`, { signal }),
    select: (r) => r.items,
  });
}

/**
 * Likely duplicates for what is being typed: asks once name kana + birth date are filled, or a
 * phone number is complete (10+ digits).
 */
export function useDuplicates(nameKana: string, birthDate: string, phone: string) {
  const ready = (nameKana.trim().length >= 2 && /^\d{4}-\d{2}-\d{2}$/.test(birthDate)) || phone.replace(/\D/g, '').length >= 10;
  return useQuery({
    queryKey: ['patients', 'duplicates', nameKana.trim(), birthDate, phone.trim()],
    queryFn: ({ signal }) =>
      api<{ items: PatientSummary[] }>(`/api/patients/duplicates${query({ nameKana: nameKana.trim(), birthDate, phone: phone.trim() })}`, {
        signal,
      }),
    enabled: ready,
    select: (r) => r.items,
    staleTime: 5_000,
  });
}
