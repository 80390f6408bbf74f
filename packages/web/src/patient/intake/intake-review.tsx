/** @jsxImportSource preact */
import type { ComponentChildren, Ref } from 'preact';
import type { IntakeQuestion, IntakeText } from '@mimamori/core/intake/intake-definition';
import type { IntakeConditionContext } from '@mimamori/core/intake/evaluate-intake-condition';
import { formatIntakeValue } from '@mimamori/core/intake/format-intake-value';
import type { Lang } from '../shared/i18n.ts';
import type { IntakeMessages } from './intake-i18n.ts';
import { tx } from './intake-text.ts';

/**
 * Every screen with "complete" or "not yet" and the answers given on it, as the patient chose them
 * (option labels, はい/いいえ, dates); each answer leads to its question, from where 「確認画面に戻る」
 * comes straight back here. Then the send button.
 */
export function IntakeReview({
  groups,
  values,
  rowContext,
  completeIds,
  goGroup,
  back,
  submit,
  submitting,
  busy,
  progress,
  notice,
  headingRef,
  lang,
  t,
}: {
  readonly groups: ReadonlyArray<{ readonly group: { readonly id: string; readonly title: IntakeText }; readonly questions: ReadonlyArray<IntakeQuestion> }>;
  readonly values: Readonly<Record<string, unknown>>;
  /** For the fields of repeated rows that show only with a sibling's answer. */
  readonly rowContext: IntakeConditionContext;
  readonly completeIds: ReadonlySet<string>;
  readonly goGroup: (groupId: string, o?: { readonly focus?: string; readonly fromReview?: boolean }) => void;
  readonly back: () => void;
  readonly submit: () => void;
  readonly submitting: boolean;
  readonly busy: boolean;
  /** The progress bar, above the heading. */
  readonly progress: ComponentChildren;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly lang: Lang;
  readonly t: IntakeMessages;
  /** A problem with saving or sending. */
  readonly notice: ComponentChildren;
}) {
  const incomplete = groups.filter((g) => !completeIds.has(g.group.id));
  return (
    <>
      {progress}
      <h1 ref={headingRef} tabIndex={-1}>
        {t.reviewTitle}
      </h1>
      <p>{incomplete.length ? t.reviewIncomplete : t.reviewBody}</p>
      {notice}
      <ul class="review">
        {groups.map((g) => (
          <li key={g.group.id} class="review__group">
            <div class="review__item">
              <h2 class="review__title">
                {tx(g.group.title, lang)}
                <span class={completeIds.has(g.group.id) ? 'tag tag--ok' : 'tag tag--todo'}>
                  {completeIds.has(g.group.id) ? t.complete : t.incomplete}
                </span>
              </h2>
              <button
                type="button"
                class="btn btn--quiet"
                onClick={() => goGroup(g.group.id, { fromReview: true })}
                aria-label={`${t.edit}: ${tx(g.group.title, lang)}`}
              >
                {t.edit}
              </button>
            </div>
            <dl class="review__answers">
              {g.questions.map((q) => {
                const label = tx(q.label, lang);
                const shown = formatIntakeValue(q, values[q.id], { lang, style: 'display', ctx: rowContext });
                return (
                  <div key={q.id} class="review__answer">
                    <dt>{label}</dt>
                    <dd>
                      <button
                        type="button"
                        class="review__jump"
                        onClick={() => goGroup(g.group.id, { focus: q.id, fromReview: true })}
                      >
                        <span class={shown ? 'review__value' : 'review__value review__value--none'}>{shown || t.noAnswer}</span>
                        <span class="review__edit">{t.edit}</span>
                      </button>
                    </dd>
                  </div>
                );
              })}
            </dl>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="btn btn--secondary" onClick={back}>
          {t.back}
        </button>
        <button type="button" class="btn btn--primary" disabled={busy} onClick={submit}>
          {submitting ? t.submitting : t.submit}
        </button>
      </div>
    </>
  );
}
