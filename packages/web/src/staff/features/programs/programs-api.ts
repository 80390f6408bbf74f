import { useQuery } from '@tanstack/react-query';
import type { ConsentDocument, ProgramDefinition } from '@mimamori/core/programs/program-definition';
import type { EnrolmentSchedule, PlannedSession } from '@mimamori/core/programs/program-booking';
import type { ScheduledItem } from '@mimamori/core/programs/propose-schedule';
import type { TimelineEntry } from '@mimamori/core/timeline/patient-timeline';
import type { ConsentRecord } from '@mimamori/core/programs/consent-record';
import type { ConsentState } from '@mimamori/core/programs/consent-state';
import type { CriterionResult, EligibilityResult } from '@mimamori/core/programs/eligibility';
import type { InfusionRecord } from '@mimamori/core/treatment/infusion-record';
import type { TmsRecord } from '@mimamori/core/treatment/tms-record';
import type { AdverseEvent } from '@mimamori/core/safety/adverse-event';
import type { CoIntervention } from '@mimamori/core/medication/co-intervention';
import type { ConcomitantMedication } from '@mimamori/core/medication/concomitant-medication';
import { api, query } from '../../../shared/api/client.ts';
import type { ReconsentView, SaeClockView } from './sae-api.ts';

// Types mirror the server's answers (`packages/server/src/services/programs/`); `import type` only.
export type Lang = 'ja' | 'en';
export interface L10n { readonly ja: string; readonly en: string }
/** A program as the server answers it: its definition (one version). */
export type Program = ProgramDefinition;
export type { ConsentDocument, ScheduledItem, PlannedSession, TimelineEntry };
/** An enrolment's schedule as stored: the proposal, its booking and questionnaire links. */
export type Schedule = EnrolmentSchedule;
export interface BookingProposal {
  readonly service: { readonly id: string; readonly name: string; readonly nameEn?: string; readonly durationMinutes: number };
  readonly startDate: string;
  readonly occurrences: readonly {
    readonly sessionNumber: number; readonly targetDate: string; readonly date: string | null; readonly status: 'ok' | 'shifted' | 'skipped' | 'conflict';
    readonly reason?: string; readonly holidayName?: string; readonly holidayNameEn?: string; readonly closureReason?: string; readonly programDate?: string; readonly windowStart?: string; readonly windowEnd?: string;
    readonly slot?: { readonly startTime: string; readonly date: string };
  }[];
  readonly passedOver: readonly { readonly date: string; readonly reason: string; readonly holidayName?: string; readonly holidayNameEn?: string; readonly closureReason?: string }[];
  readonly complete: boolean;
  readonly booked: boolean;
}
/** An adverse event as stored: core's record, with its revision and amendments once edited. */
export type AdverseEventView = AdverseEvent & {
  readonly revision?: number;
  readonly amendments?: readonly { readonly revision: number; readonly at: string; readonly changes: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[] }[];
};
export type Criterion = CriterionResult;
export interface EnrolmentDetail {
  readonly enrolment: { readonly id: string; readonly status: string; readonly programId: string; readonly programVersion: number; readonly enrolmentDate: string | null; readonly nextStatuses: readonly string[] };
  readonly patient: { readonly id: string; readonly patientNumber: string; readonly nameKanji: string; readonly nameKana: string; readonly birthDate: string };
  readonly program: Program;
  readonly documentTexts: Readonly<Record<string, string>>;
  readonly eligibility: EligibilityResult | null;
  readonly consentState: ConsentState;
  readonly consents: readonly { readonly id: string; readonly record: ConsentRecord; readonly hasDrawnSignature: boolean }[];
  readonly events: readonly { readonly from: string | null; readonly to: string; readonly at: string; readonly reason: string | null }[];
  readonly schedule: Schedule | null;
  readonly scheduleStatus: readonly { readonly itemId: string; readonly status: string }[];
  readonly sessions: readonly (InfusionRecord | TmsRecord)[];
  readonly adverseEvents: readonly AdverseEventView[];
  readonly plannedSessions: readonly PlannedSession[];
  readonly booking: { readonly seriesId: string; readonly serviceId: string } | null;
  readonly assessmentLinks: readonly { readonly visitId: string; readonly scaleId: string; readonly opensOn: string; readonly closesOn: string }[];
  /** The first session moved or was cancelled since the questionnaire windows were set. */
  readonly assessmentLinksStale?: boolean;
  /** The reporting clock of each serious adverse event, by event id. */
  readonly saeClocks?: Readonly<Record<string, SaeClockView>>;
  /** Re-consent owed (turned 16 / 18, revised documents) and doctors' overrides. */
  readonly reconsent?: ReconsentView;
  readonly today: string;
}
/**
 * Who a dashboard row is: staff who may read the patient register get the patient number and the
 * enrolment (for the link); everyone else gets the program's study id only.
 */
export type DashboardParticipant = { readonly enrolmentId: string; readonly patientNumber: string; readonly nameKanji: string; readonly nameKana: string; readonly studyId?: never } | { readonly studyId: string; readonly enrolmentId?: never; readonly patientNumber?: never; readonly nameKanji?: never; readonly nameKana?: never };
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
  readonly enrolments: readonly ({ status: string; enrolmentDate?: string | null; enrolmentDay?: number | null; overdue: number; missed: number; due: number; sessions?: { planned: number; booked: number; notBooked: number } } & ({ id: string; patientNumber: string; nameKanji: string; nameKana: string; studyId?: never } | { studyId: string; id?: never; patientNumber?: never; nameKanji?: never }))[];
}

export const usePrograms = () => useQuery({ queryKey: ['programs'], queryFn: ({ signal }) => api<{ items: { program: Program; versions: number[] }[] }>('/api/programs', { signal }) });
export const useDashboard = (id: string) => useQuery({ queryKey: ['programs', id, 'dashboard'], queryFn: ({ signal }) => api<Dashboard>(`/api/programs/${encodeURIComponent(id)}/dashboard`, { signal }) });
export const useEnrolment = (id: string) => useQuery({ queryKey: ['program-enrolment', id], queryFn: ({ signal }) => api<EnrolmentDetail>(`/api/program-enrolments/${encodeURIComponent(id)}`, { signal }) });
/** `GET /api/patients/:id/program-timeline`: the timeline, the records behind it and the analytes' names. */
export interface TimelineView {
  readonly patient: EnrolmentDetail['patient'];
  readonly enrolments: readonly { id: string; programId: string; status: string; plannedSessions?: PlannedSession[] }[];
  readonly entries: readonly TimelineEntry[];
  readonly medications: readonly ConcomitantMedication[];
  readonly coInterventions: readonly CoIntervention[];
  readonly analytes: Readonly<Record<string, L10n>>;
  readonly confounders: readonly { genericName: string; event: string; date: string; detail?: { from?: string | number; to?: string | number } }[];
}
export const useTimeline = (patientId: string) =>
  useQuery({ queryKey: ['program-timeline', patientId], queryFn: ({ signal }) => api<TimelineView>(`/api/patients/${encodeURIComponent(patientId)}/program-timeline`, { signal }) });
export const useBookingProposal = (enrolmentId: string, preferredTime: string, enabled: boolean) =>
  useQuery({
    queryKey: ['program-booking-proposal', enrolmentId, preferredTime],
    enabled,
    queryFn: ({ signal }) => api<BookingProposal>(`/api/program-enrolments/${encodeURIComponent(enrolmentId)}/booking-proposal${query(preferredTime ? { preferredTime } : {})}`, { signal }),
  });
export const searchPatients = (q: string) => api<{ items: { id: string; patientNumber: string; nameKanji: string; nameKana: string; birthDate: string }[] }>(`/api/patients${query({ q, limit: 10 })}`);

export const pick = (t: L10n | undefined, lang: Lang): string => (t ? t[lang] || t.ja : '');
