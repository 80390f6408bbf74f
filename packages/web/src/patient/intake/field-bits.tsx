/** @jsxImportSource preact */
import type { IntakeFieldQuestion, IntakeQuestion } from '@mimamori/core/intake/intake-definition';
import type { IntakeConditionContext } from '@mimamori/core/intake/evaluate-intake-condition';
import type { Lang } from '../shared/i18n.ts';
import type { ScaleView } from './intake-api.ts';
import type { IntakeMessages } from './intake-i18n.ts';
import { tx } from './intake-text.ts';

// The pieces every kind of intake field is made of: its props, its DOM id, its label and its error.

export interface FieldProps {
  readonly q: IntakeQuestion;
  readonly value: unknown;
  readonly onChange: (v: unknown) => void;
  readonly lang: Lang;
  readonly t: IntakeMessages;
  /** Error messages by path (`birth_date`, `symptoms.other`, `medicines[1].dose`). */
  readonly errors: ReadonlyMap<string, string>;
  readonly scales: Readonly<Record<string, ScaleView>>;
  readonly rowContext: IntakeConditionContext;
}

/** DOM id of an answer path: `medicines[1].dose` → `q-medicines-1-dose`. */
export const fieldId = (path: string): string => `q-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;

export function ErrorText({ path, errors }: { readonly path: string; readonly errors: ReadonlyMap<string, string> }) {
  const e = errors.get(path);
  return e ? (
    <p class="field__error" id={`${fieldId(path)}-error`}>
      {e}
    </p>
  ) : null;
}

export function Label({
  q,
  lang,
  t,
  htmlFor,
}: {
  readonly q: IntakeFieldQuestion | IntakeQuestion;
  readonly lang: Lang;
  readonly t: IntakeMessages;
  readonly htmlFor?: string;
}) {
  const inner = (
    <>
      {tx(q.label, lang)}
      <span class={q.required ? 'badge badge--req' : 'badge'}>{q.required ? t.required : t.optional}</span>
    </>
  );
  return htmlFor ? (
    <label class="field__label" for={htmlFor}>
      {inner}
    </label>
  ) : (
    <legend class="field__label">{inner}</legend>
  );
}

export function describedBy(path: string, errors: ReadonlyMap<string, string>, help: boolean): string | undefined {
  const ids = [help ? `${fieldId(path)}-help` : '', errors.has(path) ? `${fieldId(path)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));
