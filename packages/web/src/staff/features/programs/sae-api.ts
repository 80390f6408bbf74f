import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../../shared/api/client.ts';

// Types mirror `packages/server/src/services/programs/sae-clock-service.ts`.
export interface SaeDeadlineView {
  readonly recipient: string;
  readonly rule: string;
  readonly days: number;
  readonly dueDate: string;
  readonly state: 'reported' | 'overdue' | 'due_today' | 'open';
  readonly daysLeft: number;
  readonly late?: boolean;
  readonly reportedOn?: string;
}
export interface SaeReportView { readonly id: string; readonly recipient: string; readonly reportedOn: string; readonly reportedTo: string; readonly note: string | null; readonly recordedAt: string }
export interface SaeClockView { readonly knownOn: string; readonly periodicOnly: boolean; readonly deadlines: readonly SaeDeadlineView[]; readonly reports: readonly SaeReportView[] }
export interface SaeTaskView {
  readonly adverseEventId: string; readonly enrolmentId: string; readonly programId: string; readonly term: string;
  readonly patientNumber: string | null; readonly patientName: string | null; readonly deadline: SaeDeadlineView;
}

export const useSaeTasks = (programId?: string) =>
  useQuery({ queryKey: ['program-sae-tasks', programId ?? ''], queryFn: ({ signal }) => api<{ today: string; tasks: SaeTaskView[] }>(`/api/program-sae-tasks${query(programId ? { programId } : {})}`, { signal }) });

export interface ReconsentView {
  readonly items: readonly { readonly reason: 'turned_16' | 'turned_18' | 'document_version'; readonly dueDate: string; readonly key: string; readonly document?: { readonly id: string; readonly version: string }; readonly blocking: boolean; readonly overridden: boolean }[];
  readonly blocked: boolean;
  readonly overrides: readonly { readonly id: string; readonly items: readonly string[]; readonly reason: string; readonly by: string; readonly at: string }[];
}
export interface ReconsentTaskView {
  readonly enrolmentId: string; readonly programId: string; readonly patientNumber: string; readonly patientName: string;
  readonly reason: 'turned_16' | 'turned_18' | 'document_version'; readonly dueDate: string; readonly blocking: boolean; readonly document?: { readonly id: string; readonly version: string };
}
export const useReconsentTasks = (programId?: string) =>
  useQuery({ queryKey: ['program-reconsent-tasks', programId ?? ''], queryFn: ({ signal }) => api<{ today: string; tasks: ReconsentTaskView[] }>(`/api/program-reconsent-tasks${query(programId ? { programId } : {})}`, { signal }) });
