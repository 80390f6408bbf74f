/** @jsxImportSource preact */
import type { ComponentChildren, Ref } from 'preact';
import type { IntakeConditionContext } from '@mimamori/core/intake/evaluate-intake-condition';
import type { IntakeQuestion, IntakeText } from '@mimamori/core/intake/intake-definition';
import type { Lang } from '../shared/i18n.ts';
import { ErrorSummary } from './error-summary.tsx';
import type { FieldError, ScaleView } from './intake-api.ts';
import type { IntakeMessages } from './intake-i18n.ts';
import { tx } from './intake-text.ts';
import { QuestionField } from './question-field.tsx';

/** One screen of questions: its problems at the top, the fields, "back" and "next". */
export function IntakeGroupScreen({
  section,
  group,
  questions,
  values,
  setValue,
  errors,
  errorRef,
  scales,
  rowContext,
  next,
  back,
  backToReview,
  busy,
  saving,
  last,
  progress,
  notice,
  headingRef,
  lang,
  t,
}: {
  readonly section: { readonly title: IntakeText };
  readonly group: { readonly title: IntakeText; readonly description?: IntakeText };
  readonly questions: ReadonlyArray<IntakeQuestion>;
  readonly values: Readonly<Record<string, unknown>>;
  readonly setValue: (questionId: string, value: unknown) => void;
  readonly errors: ReadonlyArray<FieldError>;
  readonly errorRef: Ref<HTMLDivElement>;
  readonly scales: Readonly<Record<string, ScaleView>>;
  readonly rowContext: IntakeConditionContext;
  readonly next: () => void;
  readonly back: () => void;
  /** Opened from the review: save and check this screen, then return to the review. */
  readonly backToReview?: (() => void) | undefined;
  readonly busy: boolean;
  readonly saving: boolean;
  /** The last screen: "next" leads to the review. */
  readonly last: boolean;
  /** The progress bar, above the heading. */
  readonly progress: ComponentChildren;
  readonly notice: ComponentChildren;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly lang: Lang;
  readonly t: IntakeMessages;
}) {
  const errorMap = new Map(errors.map((e) => [e.path, e.message]));
  return (
    <>
      {progress}
      <p class="intake__section">{tx(section.title, lang)}</p>
      <h1 ref={headingRef} tabIndex={-1}>
        {tx(group.title, lang)}
      </h1>
      {group.description ? <p class="muted">{tx(group.description, lang)}</p> : null}
      <ErrorSummary errors={errors} questions={questions} lang={lang} t={t} summaryRef={errorRef} />
      {notice}
      <form
        class="intake__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        {questions.map((q) => (
          <QuestionField
            key={q.id}
            q={q}
            value={values[q.id]}
            onChange={(v) => setValue(q.id, v)}
            lang={lang}
            t={t}
            errors={errorMap}
            scales={scales}
            rowContext={rowContext}
          />
        ))}
        <div class="actions">
          <button type="button" class="btn btn--secondary" onClick={back}>
            {t.back}
          </button>
          <button type="submit" class="btn btn--primary" disabled={busy}>
            {saving ? t.saving : last ? t.toReview : t.next}
          </button>
        </div>
        {backToReview ? (
          <div class="actions">
            <button type="button" class="btn btn--secondary" disabled={busy} onClick={backToReview}>
              {t.backToReview}
            </button>
          </div>
        ) : null}
      </form>
    </>
  );
}
