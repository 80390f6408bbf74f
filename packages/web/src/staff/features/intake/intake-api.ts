import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IntakeDefinition, IntakeText } from '@mimamori/core/intake/intake-definition';
import type { IntakeStatusView } from '@mimamori/server/api-types';
import { api } from '../../../shared/api/client.ts';

export type IntakeStatusName = 'sent' | 'started' | 'submitted' | 'cancelled';

/** Status only — what reception and the day list may see (the server's view). */
export type IntakeStatusItem = IntakeStatusView;

export interface StoredScore {
  readonly scaleId: string;
  readonly shortName: string;
  readonly total: number | null;
  readonly maxTotal: number | null;
  readonly band: IntakeText | null;
  readonly bandId: string | null;
  readonly flags: ReadonlyArray<{ id: string; severity: string; item: string; score: number; action: IntakeText }>;
}

export interface SummaryView {
  readonly text: string;
  readonly alerts: ReadonlyArray<string>;
  readonly sections: ReadonlyArray<{ id: string; title: string; lines: ReadonlyArray<{ label: string; text: string }> }>;
}

export interface IntakeView {
  readonly intake: IntakeStatusItem & {
    audience: 'adult' | 'child';
    definitionVersion: number;
    consentPolicyVersion: string | null;
    consentAt: string | null;
    expiresAt: string;
  };
  readonly summary: { readonly ja: SummaryView; readonly en: SummaryView };
  readonly answers: ReadonlyArray<{
    id: string;
    title: string;
    groups: ReadonlyArray<{
      id: string;
      title: string;
      items: ReadonlyArray<{
        questionId: string;
        label: string;
        text: string;
        rows?: ReadonlyArray<ReadonlyArray<{ fieldId: string; label: string; text: string }>>;
      }>;
    }>;
  }>;
  readonly scores: ReadonlyArray<StoredScore>;
  /** Where the intake and the patient register disagree (sex, birth date). */
  readonly mismatches: ReadonlyArray<{ readonly field: 'sex' | 'birth_date'; readonly registered: string; readonly answered: string }>;
  readonly changes: {
    since: string;
    items: ReadonlyArray<{ kind: 'added' | 'removed' | 'changed'; questionId: string; label: string; before?: string; after?: string }>;
  } | null;
}

export interface SentIntake {
  readonly intakeId: string;
  readonly reused: boolean;
  /** The reused intake already held answers, which are kept. */
  readonly answersKept: boolean;
  readonly status: string;
  readonly mailQueued: boolean;
  /** Only for roles that may read intake answers; for the others the link is mailed to the patient. */
  readonly qr: string | null;
  readonly link: { readonly url: string; readonly expiresAt: string } | null;
}

export function usePatientIntakes(patientId: string) {
  return useQuery({
    queryKey: ['intake', 'patient', patientId],
    queryFn: ({ signal }) => api<{ items: IntakeStatusItem[] }>(`/api/patients/${encodeURIComponent(patientId)}/intakes`, { signal }),
    select: (r) => r.items,
  });
}

export function useSendIntake(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { audience?: 'adult' | 'child'; email: boolean }) =>
      api<SentIntake>(`/api/patients/${encodeURIComponent(patientId)}/intakes`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['intake'] }),
  });
}

export function useSendAdolescentIntake(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: boolean }) =>
      api<SentIntake>(`/api/patients/${encodeURIComponent(patientId)}/intakes/adolescent`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['intake'] }),
  });
}

export function useCancelIntake() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/intakes/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['intake'] }),
  });
}

export function useIntakeView(id: string) {
  return useQuery({
    queryKey: ['intake', 'view', id],
    queryFn: ({ signal }) => api<IntakeView>(`/api/intakes/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useIntakeDefinition() {
  return useQuery({
    queryKey: ['intake', 'definition'],
    queryFn: ({ signal }) =>
      api<{ definition: IntakeDefinition; versions: Array<{ version: number; createdAt: string; createdBy: string | null }> }>(
        '/api/intake/definition',
        { signal },
      ),
  });
}

export function usePublishIntakeDefinition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (o: { definition: IntakeDefinition; noScreenConfirmation?: string }) =>
      api<{ version: number }>('/api/intake/definition', { method: 'POST', body: o }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['intake'] }),
  });
}

export interface ChildScreenStatus {
  readonly version: number;
  /** The child form has no scored youth self-harm screen. */
  readonly missing: boolean;
  /** The clinic's written confirmation stored with the current version, when it has none. */
  readonly confirmation: { readonly text: string; readonly at: string; readonly by: string | null; readonly byName: string | null } | null;
}

export function useChildScreen(enabled: boolean) {
  return useQuery({
    queryKey: ['intake', 'child-screen'],
    queryFn: ({ signal }) => api<ChildScreenStatus>('/api/intake/child-screen', { signal }),
    enabled,
  });
}
