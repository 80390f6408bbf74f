// The patient intake API as the page sees it (types only from the server's shapes).
import type { IntakeAudience, IntakeDefinition, IntakeValues } from '@mimamori/core/intake/intake-definition';
import type { IntakeGroupProgress, IntakeProgress } from '@mimamori/core/intake/intake-progress';
import { api } from '../../shared/api/client.ts';
import type { CrisisContact } from '../crisis/crisis-panel.tsx';

export interface ScaleView {
  readonly scaleId: string;
  readonly instructions: { ja: string; en: string } | null;
  readonly copyright: string | null;
  readonly items: ReadonlyArray<{
    id: string;
    text: { ja: string; en: string };
    options: ReadonlyArray<{ value: number; label: { ja: string; en: string } }>;
  }>;
}

/** Core's progress of an intake, as far as the server sends it (no titles, counts or fraction per screen). */
export type IntakeProgressView = Pick<IntakeProgress, 'currentGroupId' | 'completed' | 'total'> & {
  readonly groups: ReadonlyArray<Pick<IntakeGroupProgress, 'groupId' | 'complete'>>;
};

export interface LoadedIntake {
  readonly intake: { id: string; status: string; audience: IntakeAudience; expiresAt: string; submittedAt: string | null };
  readonly today: string;
  readonly definition: IntakeDefinition;
  readonly values: IntakeValues;
  readonly confirmedGroups: ReadonlyArray<string>;
  readonly progress: IntakeProgressView;
  readonly scales: Readonly<Record<string, ScaleView>>;
  readonly crisis: boolean;
}

export interface FieldError {
  readonly path: string;
  readonly questionId: string;
  readonly groupId: string;
  readonly key: string;
  readonly message: string;
}

export interface SaveResult {
  readonly values: IntakeValues;
  readonly confirmedGroups: ReadonlyArray<string>;
  readonly progress: IntakeProgressView;
  readonly errors: ReadonlyArray<FieldError>;
  readonly crisis: boolean;
}

/** The crisis panel's contact: one type for intake, questionnaires and the panel. */
export type { CrisisContact };

export const loadIntake = (id: string): Promise<LoadedIntake> => api(`/api/p/intakes/${encodeURIComponent(id)}`);
export const saveIntake = (id: string, values: Record<string, unknown>, confirmGroup?: string): Promise<SaveResult> =>
  api(`/api/p/intakes/${encodeURIComponent(id)}/answers`, { method: 'PUT', body: confirmGroup ? { values, confirmGroup } : { values } });
export const submitIntake = (id: string): Promise<{ status: string; submittedAt: string; crisis: boolean }> =>
  api(`/api/p/intakes/${encodeURIComponent(id)}/submit`, { method: 'POST', body: {} });
export const loadCrisisContacts = (): Promise<{ contacts: ReadonlyArray<CrisisContact> }> => api('/api/p/crisis-contacts');
