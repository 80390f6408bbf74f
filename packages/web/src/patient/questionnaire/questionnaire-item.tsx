/** @jsxImportSource preact */
import type { Ref } from 'preact';
import { fill } from '../../shared/format/fill.ts';
import type { Lang } from '../shared/i18n.ts';
import { lt, type LocalText, type QItem } from './questionnaire-api.ts';
import type { QMessages } from './questionnaire-i18n.ts';

/** One question a screen: progress, large answer buttons, back and next. */
export function QuestionnaireItem({
  item,
  index,
  count,
  recallPeriod,
  value,
  onChoose,
  onBack,
  onNext,
  status,
  heading,
  lang,
  t,
}: {
  readonly item: QItem;
  /** 0-based position among the questions asked. */
  readonly index: number;
  readonly count: number;
  /** Shown above the first question. */
  readonly recallPeriod: LocalText | null;
  readonly value: number | undefined;
  readonly onChoose: (value: number) => void;
  readonly onBack: () => void;
  readonly onNext: () => void;
  /** Where the last save stands, in words. */
  readonly status: string;
  readonly heading: Ref<HTMLHeadingElement>;
  readonly lang: Lang;
  readonly t: QMessages;
}) {
  const name = `q-${item.id}`;
  return (
    <>
      <p class="q-progress">
        <span>{fill(t.progress, { i: index + 1, n: count })}</span>
        <span class="q-progress__bar" aria-hidden="true">
          <span style={{ width: `${Math.round(((index + 1) / count) * 100)}%` }} />
        </span>
      </p>
      {recallPeriod && index === 0 ? <p class="muted">{fill(t.recall, { period: lt(recallPeriod, lang) })}</p> : null}
      <fieldset class="q-item">
        <legend>
          <h1 ref={heading} tabIndex={-1} class="q-item__text">
            {lt(item.text, lang) || fill(t.questionOf, { i: index + 1 })}
          </h1>
        </legend>
        <div class="q-options">
          {item.options.map((o) => (
            <label key={o.value} class={`q-option${value === o.value ? ' q-option--chosen' : ''}`}>
              <input type="radio" name={name} value={String(o.value)} checked={value === o.value} onChange={() => onChoose(o.value)} />
              <span>{lt(o.label, lang) || String(o.value)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="q-nav">
        <button type="button" class="q-button" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" class="q-button" disabled={value === undefined && !item.optional} onClick={onNext}>
          {t.next}
        </button>
      </div>
      <p class="q-save" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
