/** @jsxImportSource preact */
import type { Ref } from 'preact';
import { fill } from '../../shared/format/fill.ts';
import type { Lang } from '../shared/i18n.ts';
import { lt, type QItem } from './questionnaire-api.ts';
import type { QMessages } from './questionnaire-i18n.ts';

/** Every question with its answer (each a way back to it), and the send button. */
export function QuestionnaireReview({
  items,
  answers,
  onEdit,
  onSend,
  busy,
  error,
  status,
  heading,
  lang,
  t,
}: {
  readonly items: ReadonlyArray<QItem>;
  readonly answers: Readonly<Record<string, number>>;
  readonly onEdit: (index: number) => void;
  readonly onSend: () => void;
  readonly busy: boolean;
  readonly error: string | null;
  /** Where the last save stands, in words. */
  readonly status: string;
  readonly heading: Ref<HTMLHeadingElement>;
  readonly lang: Lang;
  readonly t: QMessages;
}) {
  const missing = items.filter((i) => !i.optional && answers[i.id] === undefined);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.review}
      </h1>
      <p>{t.reviewHelp}</p>
      <ol class="q-review">
        {items.map((item, n) => {
          const chosen = item.options.find((o) => o.value === answers[item.id]);
          return (
            <li key={item.id}>
              <button type="button" class="q-review__item" onClick={() => onEdit(n)}>
                <span class="q-review__q">{lt(item.text, lang) || fill(t.questionOf, { i: n + 1 })}</span>
                <span class={chosen ? 'q-review__a' : 'q-review__a q-review__a--missing'}>
                  {chosen ? lt(chosen.label, lang) || String(chosen.value) : t.notAnswered}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {missing.length ? <p class="q-error">{t.answerAll}</p> : null}
      {error ? (
        <p class="q-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" class="q-button q-button--primary" disabled={busy || missing.length > 0} onClick={onSend}>
        {busy ? t.submitting : t.submit}
      </button>
      <p class="q-save" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
