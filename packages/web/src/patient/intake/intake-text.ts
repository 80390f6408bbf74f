import type { IntakeText } from '@mimamori/core/intake/intake-definition';
import type { Lang } from '../shared/i18n.ts';

/** An intake text in the page's language (Japanese when the English is missing). */
export const tx = (t: IntakeText | undefined, lang: Lang): string => (t ? t[lang] || t.ja : '');

/** The question an error path belongs to: `medicines[1].dose` → `medicines`. */
export const questionOf = (path: string): string => path.split(/[.[]/)[0] ?? path;

/** The label of the question an error path belongs to (the path itself when none matches). */
export function labelOf(questions: ReadonlyArray<{ id: string; label: IntakeText }>, path: string, lang: Lang): string {
  const q = questions.find((x) => x.id === questionOf(path));
  return q ? tx(q.label, lang) : path;
}
