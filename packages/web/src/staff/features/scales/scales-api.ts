import { useQuery } from '@tanstack/react-query';
import type { CrisisContact as StoredCrisisContact } from '@mimamori/server/api-types';
import type { Informant, ScaleDefinition } from '@mimamori/core/scales/scale-definition';
import { api } from '../../../shared/api/client.ts';

export interface Localized {
  readonly ja?: string;
  readonly en?: string;
}

export function loc(t: Localized | null | undefined, lang: 'ja' | 'en'): string {
  if (!t) return '';
  return (lang === 'ja' ? (t.ja ?? t.en) : (t.en ?? t.ja)) ?? '';
}

export interface CatalogueEntry {
  readonly id: string;
  readonly version: string;
  readonly name: Localized;
  readonly shortName: string;
  readonly informants: readonly Informant[];
  readonly items: number;
  readonly licenceClass: string;
  readonly textIncluded: boolean;
  readonly textSource: string;
}

/** A re-issued questionnaire link: shown to roles that may read the answers, otherwise mailed to the patient. */
export type ReissuedLink = (IssuedLink & { readonly mailed: false }) | { readonly mailed: true; readonly expiresAt: string };

export interface IssuedLink {
  readonly url: string;
  readonly expiresAt: string;
  readonly qr: string;
  readonly mailed?: boolean;
}

export interface InstanceView {
  readonly id: string;
  readonly seq: number;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly linkSentAt: string | null;
  readonly status: 'scheduled' | 'open' | 'started' | 'submitted' | 'expired' | 'cancelled';
}

export interface AssignmentView {
  readonly id: string;
  readonly scaleId: string;
  readonly shortName: string;
  readonly informant: Informant;
  readonly kind: 'once' | 'recurring';
  readonly startDate: string;
  readonly intervalDays: number | null;
  readonly occurrences: number;
  readonly windowDays: number;
  readonly createdAt: string;
  readonly cancelledAt: string | null;
  readonly instances: readonly InstanceView[];
}

export interface TimelinePoint {
  readonly responseId: string;
  readonly at: string;
  readonly total: number | null;
  readonly valid: boolean;
  readonly band: string | null;
  readonly version: string;
  readonly source: string;
  readonly isBaseline: boolean;
  readonly flags: readonly string[];
  readonly response: boolean | null;
  readonly remission: boolean | null;
  readonly reliableChange: { readonly category: 'improved' | 'deteriorated' | 'no_reliable_change'; readonly rci: number; readonly threshold: number } | null;
  readonly answers: Readonly<Record<string, number>>;
  readonly reason: Localized | null;
}

export interface TimelineScale {
  readonly scaleId: string;
  readonly shortName: string;
  readonly name: Localized;
  readonly direction: ScaleDefinition['direction'];
  readonly range: { readonly min: number; readonly max: number } | null;
  readonly bands: ReadonlyArray<{ readonly id: string; readonly label: Localized; readonly min: number | null; readonly max: number | null }>;
  readonly remission: { readonly atMost: number | null; readonly atLeast: number | null } | null;
  readonly responseReduction: number | null;
  readonly items: ReadonlyArray<{ readonly id: string; readonly text: Localized | null }>;
  readonly series: ReadonlyArray<{ readonly informant: Informant; readonly points: readonly TimelinePoint[] }>;
}

export interface ScaleDefinitionView {
  readonly id: string;
  readonly version: string;
  readonly shortName: string;
  readonly name: Localized;
  readonly informants: readonly Informant[];
  readonly items: ReadonlyArray<{ readonly id: string; readonly text?: Localized; readonly options: ReadonlyArray<{ readonly value: number; readonly label?: Localized }> }>;
}

/** A crisis contact as the editor holds it: a row added on the page has no audience or check date until saved. */
export type CrisisContact = Omit<StoredCrisisContact, 'audience' | 'checkedOn'> & Partial<Pick<StoredCrisisContact, 'audience' | 'checkedOn'>>;

export interface AlertItem {
  readonly id: string;
  readonly kind: string;
  readonly severity: string;
  readonly summary: { readonly key: string; readonly params?: Readonly<Record<string, string | number>> };
  readonly createdAt: string;
  readonly overdue: boolean;
  readonly patient: { readonly id: string; readonly patientNumber: string; readonly nameKanji: string; readonly nameKana: string; readonly birthDate: string };
}

export function useCatalogue() {
  return useQuery({ queryKey: ['scales', 'catalogue'], queryFn: ({ signal }) => api<{ items: CatalogueEntry[] }>('/api/scales', { signal }), select: (r) => r.items });
}

export function useDefinition(scaleId: string | null) {
  return useQuery({
    queryKey: ['scales', 'definition', scaleId],
    enabled: Boolean(scaleId),
    queryFn: ({ signal }) => api<{ definition: ScaleDefinitionView }>(`/api/scales/${encodeURIComponent(scaleId ?? '')}`, { signal }),
    select: (r) => r.definition,
  });
}

export function useAssignments(patientId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['scales', 'assignments', patientId],
    enabled,
    queryFn: ({ signal }) => api<{ assignments: AssignmentView[] }>(`/api/patients/${encodeURIComponent(patientId)}/scale-assignments`, { signal }),
    select: (r) => r.assignments,
  });
}

export function useTimeline(patientId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['scales', 'timeline', patientId],
    enabled,
    queryFn: ({ signal }) => api<{ scales: TimelineScale[] }>(`/api/patients/${encodeURIComponent(patientId)}/scale-results`, { signal }),
    select: (r) => r.scales,
  });
}

export function useCrisisContacts() {
  return useQuery({
    queryKey: ['scales', 'crisis'],
    queryFn: ({ signal }) => api<{ contacts: CrisisContact[]; isDefault: boolean }>('/api/crisis-contacts', { signal }),
  });
}

export function useOpenAlerts(enabled: boolean) {
  return useQuery({
    queryKey: ['alerts', 'open'],
    enabled,
    refetchInterval: 60_000,
    queryFn: ({ signal }) => api<{ items: AlertItem[]; overdueMinutes: number }>('/api/alerts?status=open', { signal }),
  });
}
