import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import { ApiError } from '../../../shared/api/api-error.ts';

// Types mirror the server's answers (`packages/server/src/services/outcome/`).
export interface L10n { readonly ja: string; readonly en: string }
export interface ProgramVisit {
  readonly id: string; readonly label: L10n; readonly baseline: 'screening' | 'pre_treatment' | null; readonly postBaseline: boolean;
  readonly dayOffset: number | null; readonly scales: readonly string[]; readonly biomarkers: readonly string[];
}
export interface PlanInput {
  readonly primary: { readonly scale: string; readonly visit: string };
  readonly visits: readonly string[];
  readonly alpha: number;
  readonly secondary: readonly { readonly scale: string; readonly visit: string }[];
  readonly responder: { readonly minReduction: number | null; readonly minBaseline: number | null };
  readonly remission: { readonly atMost: number | null; readonly sustained: boolean };
  readonly reliableChange: { readonly sd: number | null; readonly reliability: number | null };
  readonly sensitivity: readonly string[];
  readonly perProtocol: PerProtocolInput | null;
  readonly biomarkers: readonly { readonly id: string; readonly analyte: string; readonly sampleType: string; readonly direction: string; readonly visit: string }[];
  readonly design: { readonly raterBlinded: boolean; readonly selfPay: boolean };
}
/** Who counts as per protocol: at least `doses` doses, dose k within its window around day (k − 1)·intervalDays. */
export interface PerProtocolInput { readonly doses: number; readonly intervalDays: number | null; readonly windowBeforeDays: number; readonly windowAfterDays: number }
export interface PlanVersion {
  readonly version: number; readonly plan: Partial<PlanInput> & Record<string, unknown>; readonly sha256: string | null; readonly lockedAt: string | null;
  readonly amendmentReason: string | null; readonly createdAt: string; readonly lockedBeforeFirstEnrolment: boolean | null;
}
export interface PlansAnswer {
  readonly program: { readonly id: string; readonly version: number; readonly title: L10n; readonly visits: readonly ProgramVisit[] };
  /** The plan the form starts from when none is stored (per protocol from the program's course). */
  readonly draft: Partial<PlanInput> & Record<string, unknown>;
  readonly versions: readonly PlanVersion[];
}
export interface DataCut {
  readonly id: string; readonly cutAt: string; readonly sha256: string; readonly participants: number; readonly excludedNoDataUse: number;
  readonly plan: { readonly version: number | null; readonly sha256: string; readonly lockedAt: string | null };
}

const base = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;
export const plansKey = (programId: string) => ['outcome', programId, 'plans'];
export const cutsKey = (programId: string) => ['outcome', programId, 'cuts'];

export const usePlans = (programId: string) => useQuery({ queryKey: plansKey(programId), queryFn: ({ signal }) => api<PlansAnswer>(`${base(programId)}/analysis-plans`, { signal }) });
export const useCuts = (programId: string) => useQuery({ queryKey: cutsKey(programId), queryFn: ({ signal }) => api<{ items: DataCut[] }>(`${base(programId)}/data-cuts`, { signal }) });
export const savePlan = (programId: string, body: { plan: PlanInput; reason?: string }) => api<{ version: number; created: boolean }>(`${base(programId)}/analysis-plan`, { method: 'PUT', body });
export const lockPlan = (programId: string) => api<{ version: number; sha256: string; lockedAt: string }>(`${base(programId)}/analysis-plan/lock`, { method: 'POST' });
export const createCut = (programId: string, planVersion: number | null) => api<DataCut>(`${base(programId)}/data-cuts`, { method: 'POST', body: planVersion ? { planVersion } : {} });
/** The report of a cut; with `planVersion`, reported again under that locked version of the plan. */
export const reportUrl = (programId: string, cutId: string, format: 'html' | 'json' | 'pdf', lang: 'ja' | 'en', planVersion?: number | null) =>
  `${base(programId)}/data-cuts/${encodeURIComponent(cutId)}/report?format=${format}&lang=${lang}${planVersion ? `&planVersion=${planVersion}` : ''}`;
export const bundleUrl = (programId: string, cutId: string) => `${base(programId)}/data-cuts/${encodeURIComponent(cutId)}/bundle`;

/**
 * Field errors of a plan answer by form path: `primary.visit`, `biomarkers.0.analyte`. The server
 * names schema problems `plan.biomarkers.0.analyte` and plan checks `biomarkers[0].analyte`.
 */
export function planFieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of e.details) {
    const path = d.path.replace(/^plan\./, '').replace(/\[(\d+)\]/g, '.$1');
    out[path] ??= d.message;
  }
  return out;
}
