/** @jsxImportSource preact */
import type { ComponentChildren, Ref } from 'preact';
import type { IntakeText } from '@mimamori/core/intake/intake-definition';
import type { Lang } from '../shared/i18n.ts';
import type { IntakeMessages } from './intake-i18n.ts';
import { tx } from './intake-text.ts';

/** Every screen with "complete" or "not yet", a way back to each, and the send button. */
export function IntakeReview({
  groups,
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
  readonly groups: ReadonlyArray<{ readonly group: { readonly id: string; readonly title: IntakeText } }>;
  readonly completeIds: ReadonlySet<string>;
  readonly goGroup: (groupId: string) => void;
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
          <li key={g.group.id} class="review__item">
            <span>
              {tx(g.group.title, lang)}
              <span class={completeIds.has(g.group.id) ? 'tag tag--ok' : 'tag tag--todo'}>
                {completeIds.has(g.group.id) ? t.complete : t.incomplete}
              </span>
            </span>
            <button
              type="button"
              class="btn btn--quiet"
              onClick={() => goGroup(g.group.id)}
              aria-label={`${t.edit}: ${tx(g.group.title, lang)}`}
            >
              {t.edit}
            </button>
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
