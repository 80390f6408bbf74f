import { api } from '../../shared/api/client.ts';
import type { CrisisContact } from '../crisis/crisis-panel.tsx';

export interface LocalText {
  readonly ja?: string;
  readonly en?: string;
}

export interface QItem {
  readonly id: string;
  readonly text: LocalText | null;
  readonly optional: boolean;
  readonly enableWhen: { readonly item: string; readonly atLeast: number } | null;
  readonly options: ReadonlyArray<{ readonly value: number; readonly label: LocalText | null }>;
}

/** The crisis panel's contact: one type for intake, questionnaires and the panel. */
export type { CrisisContact };

export interface LoadedQuestionnaire {
  readonly id: string;
  readonly status: 'open' | 'submitted';
  readonly closesAt: string;
  readonly draft: Readonly<Record<string, number>>;
  readonly safety: boolean;
  readonly crisisContacts: ReadonlyArray<CrisisContact>;
  readonly form: {
    readonly shortName: string;
    readonly name: LocalText;
    readonly instructions: LocalText | null;
    readonly recallPeriod: LocalText | null;
    readonly copyright: string | null;
    readonly items: ReadonlyArray<QItem>;
  };
}

export interface SubmitResult {
  readonly status: 'submitted';
  readonly duplicate: boolean;
  readonly safety: boolean;
  readonly crisisContacts: ReadonlyArray<CrisisContact>;
}

export const lt = (t: LocalText | null | undefined, lang: 'ja' | 'en'): string => (t ? ((lang === 'en' ? (t.en ?? t.ja) : (t.ja ?? t.en)) ?? '') : '');

export const loadQuestionnaire = (id: string) => api<LoadedQuestionnaire>(`/api/p/questionnaires/${encodeURIComponent(id)}`);
export interface SavedDraft {
  readonly savedAt: string;
  readonly safety: boolean;
  readonly crisisContacts: ReadonlyArray<CrisisContact>;
}

export const saveDraft = (id: string, answers: Readonly<Record<string, number>>) =>
  api<SavedDraft>(`/api/p/questionnaires/${encodeURIComponent(id)}/draft`, { method: 'PUT', body: { answers } });
export const submitAnswers = (id: string, answers: Readonly<Record<string, number>>) =>
  api<SubmitResult>(`/api/p/questionnaires/${encodeURIComponent(id)}/submit`, { method: 'POST', body: { answers } });

/** Items asked given the answers so far (an item with `enableWhen` follows a qualifying answer). */
export function askedItems(items: ReadonlyArray<QItem>, answers: Readonly<Record<string, number>>): ReadonlyArray<QItem> {
  return items.filter((i) => !i.enableWhen || (answers[i.enableWhen.item] ?? -Infinity) >= i.enableWhen.atLeast);
}
