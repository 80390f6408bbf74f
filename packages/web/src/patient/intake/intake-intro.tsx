/** @jsxImportSource preact */
import type { ComponentChildren, Ref } from 'preact';
import type { IntakeText } from '@mimamori/core/intake/intake-definition';
import type { Lang } from '../shared/i18n.ts';
import type { IntakeMessages } from './intake-i18n.ts';
import { tx } from './intake-text.ts';

/** The welcome screen (inside the page's section, below the crisis panel): start, or resume at the screen the server says the patient left off. */
export function IntakeIntro({
  title,
  started,
  resume,
  progress,
  headingRef,
  lang,
  t,
  loading = false,
}: {
  readonly title: IntakeText | undefined;
  readonly started: boolean;
  readonly resume: () => void;
  readonly progress: ComponentChildren;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly lang: Lang;
  readonly t: IntakeMessages;
  /** While the form loads: the same heading and text, and "loading" in place of the button. */
  readonly loading?: boolean;
}) {
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {tx(title, lang) || t.title}
      </h1>
      <p>{t.intro}</p>
      {started ? progress : null}
      {loading ? (
        <p class="muted" aria-live="polite">
          {t.loading}
        </p>
      ) : (
        <div class="actions">
          <button type="button" class="btn btn--primary" onClick={resume}>
            {started ? t.resume : t.start}
          </button>
        </div>
      )}
    </>
  );
}
