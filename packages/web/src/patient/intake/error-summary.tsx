/** @jsxImportSource preact */
import type { Ref } from 'preact';
import type { IntakeText } from '@mimamori/core/intake/intake-definition';
import type { Lang } from '../shared/i18n.ts';
import type { FieldError } from './intake-api.ts';
import type { IntakeMessages } from './intake-i18n.ts';
import { labelOf, questionOf } from './intake-text.ts';
import { fieldId } from './field-bits.tsx';

/** The problems of one screen at its top, each a link that moves to its field. */
export function ErrorSummary({
  errors,
  questions,
  lang,
  t,
  summaryRef,
}: {
  readonly errors: ReadonlyArray<FieldError>;
  readonly questions: ReadonlyArray<{ id: string; label: IntakeText }>;
  readonly lang: Lang;
  readonly t: IntakeMessages;
  readonly summaryRef: Ref<HTMLDivElement>;
}) {
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <p class="error-summary__title">{t.errorsTitle}</p>
      <ul>
        {errors.map((e) => (
          <li key={e.path}>
            <a
              href={`#${fieldId(e.path)}`}
              onClick={(ev) => {
                ev.preventDefault();
                const el = document.getElementById(fieldId(e.path)) ?? document.getElementById(fieldId(questionOf(e.path)));
                el?.focus();
                el?.scrollIntoView({ block: 'center' });
              }}
            >
              {labelOf(questions, e.path, lang)}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
