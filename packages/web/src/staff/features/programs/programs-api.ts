import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../../shared/api/client.ts';

// Types mirror the server's answers (`packages/server/src/services/programs/`); `import type` only.
export type Lang = 'ja' | 'en';
export interface L10n { readonly ja: string; readonly en: string }
export interface ConsentDocument { readonly id: string; readonly version: string; readonly role: 'participant' | 'guardian' | 'assent'; readonly language: Lang; readonly title: string; readonly contentHash: string; readonly effectiveFrom: string }
export interface Program {
  readonly id: string; readonly version: number; readonly title: L10n; readonly treatment: 'infusion' | 'tms';
  readonly minorAgeThreshold: number; readonly consentDocuments: readonly ConsentDocument[];
  readonly assessments: readonly { readonly id: string; readonly label: L10n }[];
  readonly price: { readonly amountExclTaxYen: number }; readonly ethicsApprovalId?: string; readonly registryId?: string;
}
export interface ScheduledItem { readonly id: string; readonly kind: 'session' | 'assessment'; readonly sessionNumber?: number; readonly visitId?: string; readonly targetDate: string; readonly date: string; readonly windowStart: string; readonly windowEnd: string; readonly inClinic: boolean; readonly scales: readonly string[]; readonly biomarkers: readonly string[] }
export interface Schedule { readonly day0: string; readonly items: readonly ScheduledItem[]; readonly shifts: readonly { itemId: string; from: string; to: string; reason: string }[]; readonly conflicts: readonly { itemId: string; date: string; kind: string }[] }
export interface PlannedSession {
  readonly sessionNumber: number; readonly date: string; readonly windowStart: string; readonly windowEnd: string;
  readonly status: 'recorded' | 'booked' | 'cancelled' | 'not_booked';
  readonly appointment?: { readonly id: string; readonly date: string; readonly time: string; readonly status: string };
  readonly outsideWindow: boolean;
}
export interface BookingProposal {
  readonly service: { readonly id: string; readonly name: string; readonly nameEn?: string; readonly durationMinutes: number };
  readonly startDate: string;
  readonly occurrences: readonly {
    readonly sessionNumber: number; readonly targetDate: string; readonly date: string | null; readonly status: 'ok' | 'shifted' | 'skipped' | 'conflict';
    readonly reason?: string; readonly holidayName?: string; readonly closureReason?: string; readonly programDate?: string; readonly windowStart?: string; readonly windowEnd?: string;
    readonly slot?: { readonly startTime: string; readonly date: string };
  }[];
  readonly passedOver: readonly { readonly date: string; readonly reason: string; readonly holidayName?: string; readonly closureReason?: string }[];
  readonly complete: boolean;
  readonly booked: boolean;
}
export interface AdverseEventView {
  readonly id: string; readonly term: string; readonly grade: number; readonly onsetDate: string; readonly endDate?: string; readonly outcome: string; readonly seriousness: readonly string[];
  readonly relatedness: string; readonly expectedness: string; readonly actionTaken: string; readonly description?: string; readonly revision?: number;
  readonly amendments?: readonly { readonly revision: number; readonly at: string; readonly changes: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[] }[];
}
export interface Criterion { readonly id: string; readonly kind: string; readonly status: 'met' | 'not_met' | 'attested' | 'missing_data'; readonly params: Record<string, unknown>; readonly message?: { readonly ja: string; readonly en: string } }
export interface EnrolmentDetail {
  readonly enrolment: { readonly id: string; readonly status: string; readonly programId: string; readonly programVersion: number; readonly enrolmentDate: string | null; readonly nextStatuses: readonly string[] };
  readonly patient: { readonly id: string; readonly patientNumber: string; readonly nameKanji: string; readonly nameKana: string; readonly birthDate: string };
  readonly program: Program;
  readonly documentTexts: Readonly<Record<string, string>>;
  readonly eligibility: { readonly outcome: string; readonly criteria: readonly Criterion[] } | null;
  readonly consentState: { readonly status: string };
  readonly consents: readonly { readonly id: string; readonly record: { readonly role: string; readonly signer: { name: string }; readonly signedAt: string; readonly document: { id: string; version: string; language: string; contentHash: string } } }[];
  readonly events: readonly { readonly from: string | null; readonly to: string; readonly at: string; readonly reason: string | null }[];
  readonly schedule: Schedule | null;
  readonly scheduleStatus: readonly { readonly itemId: string; readonly status: string }[];
  readonly sessions: readonly { readonly sessionNumber: number; readonly startedAt: string; readonly lot?: string; readonly product?: string }[];
  readonly adverseEvents: readonly AdverseEventView[];
  readonly plannedSessions: readonly PlannedSession[];
  readonly booking: { readonly seriesId: string; readonly serviceId: string } | null;
  readonly assessmentLinks: readonly { readonly visitId: string; readonly scaleId: string; readonly opensOn: string; readonly closesOn: string }[];
  /** The first session moved or was cancelled since the questionnaire windows were set. */
  readonly assessmentLinksStale?: boolean;
  readonly today: string;
}
/**
 * Who a dashboard row is: staff who may read the patient register get the patient number and the
 * enrolment (for the link); everyone else gets the program's study id only.
 */
export type DashboardParticipant = { readonly enrolmentId: string; readonly patientNumber: string; readonly studyId?: never } | { readonly studyId: string; readonly enrolmentId?: never; readonly patientNumber?: never };
export interface Dashboard {
  readonly program: { readonly id: string; readonly version: number; readonly title: L10n };
  readonly identified: boolean;
  readonly funnel: { readonly total: number; readonly current: Record<string, number>; readonly reached: Record<string, number> };
  readonly assessments: readonly ({ readonly visitId: string; readonly total: number } & Record<string, number | string>)[];
  readonly adherence: { readonly planned: number; readonly done: number; readonly dueSoFar: number };
  readonly safety: {
    readonly adverseEvents: number; readonly seriousAdverseEvents: number;
    // Dates for staff who may read the register; days from the first dose (null before it) for everyone else.
    readonly open: readonly ({ id: string; term: string; grade: number; onsetDate?: string; onsetDay?: number | null; serious: boolean; outcome: string } & DashboardParticipant)[];
    readonly unreviewedAlerts: readonly ({ alertId: string; adverseEventId: string; createdAt?: string; createdOn?: string; createdDay?: number | null; summary: { key: string; params?: Record<string, string | number> } } & DashboardParticipant)[];
  };
  readonly enrolments: readonly ({ status: string; enrolmentDate?: string | null; enrolmentDay?: number | null; overdue: number; missed: number; due: number; sessions?: { planned: number; booked: number; notBooked: number } } & ({ id: string; patientNumber: string; studyId?: never } | { studyId: string; id?: never; patientNumber?: never }))[];
}
export interface TimelineEntry { readonly date: string; readonly at?: string; readonly kind: string; readonly refId: string; readonly event: string; readonly values: Record<string, string | number | boolean | null> }

export const usePrograms = () => useQuery({ queryKey: ['programs'], queryFn: ({ signal }) => api<{ items: { program: Program; versions: number[] }[] }>('/api/programs', { signal }) });
export const useDashboard = (id: string) => useQuery({ queryKey: ['programs', id, 'dashboard'], queryFn: ({ signal }) => api<Dashboard>(`/api/programs/${encodeURIComponent(id)}/dashboard`, { signal }) });
export const useEnrolment = (id: string) => useQuery({ queryKey: ['program-enrolment', id], queryFn: ({ signal }) => api<EnrolmentDetail>(`/api/program-enrolments/${encodeURIComponent(id)}`, { signal }) });
export const useTimeline = (patientId: string) =>
  useQuery({ queryKey: ['program-timeline', patientId], queryFn: ({ signal }) => api<{ patient: EnrolmentDetail['patient']; enrolments: { id: string; programId: string; status: string; plannedSessions?: PlannedSession[] }[]; entries: TimelineEntry[]; confounders: { genericName: string; event: string; date: string; detail?: { from?: string | number; to?: string | number } }[] }>(`/api/patients/${encodeURIComponent(patientId)}/program-timeline`, { signal }) });
export const useBookingProposal = (enrolmentId: string, preferredTime: string, enabled: boolean) =>
  useQuery({
    queryKey: ['program-booking-proposal', enrolmentId, preferredTime],
    enabled,
    queryFn: ({ signal }) => api<BookingProposal>(`/api/program-enrolments/${encodeURIComponent(enrolmentId)}/booking-proposal${query(preferredTime ? { preferredTime } : {})}`, { signal }),
  });
export const searchPatients = (q: string) => api<{ items: { id: string; patientNumber: string; nameKanji: string; nameKana: string; birthDate: string }[] }>(`/api/patients${query({ q, limit: 10 })}`);

export const pick = (t: L10n | undefined, lang: Lang): string => (t ? t[lang] || t.ja : '');
