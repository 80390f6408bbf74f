/** @jsxImportSource preact */
import type { Ref } from 'preact';
import { fill } from '../../shared/format/fill.ts';
import type { Lang } from '../shared/i18n.ts';
import { lt, type LoadedQuestionnaire } from './questionnaire-api.ts';
import type { QMessages } from './questionnaire-i18n.ts';

/** The last day to answer: the day of the minute before the questionnaire closes, in the clinic's zone. */
function formatUntil(iso: string, lang: Lang): string {
  const last = new Date(Date.parse(iso) - 60_000);
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(last);
}

/** The first screen: what the questionnaire is, how many questions, until when; start or resume. */
export function QuestionnaireIntro({
  data,
  count,
  started,
  onStart,
  heading,
  lang,
  t,
}: {
  readonly data: LoadedQuestionnaire;
  /** Questions asked given the answers so far. */
  readonly count: number;
  readonly started: boolean;
  readonly onStart: () => void;
  readonly heading: Ref<HTMLHeadingElement>;
  readonly lang: Lang;
  readonly t: QMessages;
}) {
  const { form } = data;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {lt(form.name, lang) || form.shortName}
      </h1>
      <p>{fill(t.intro, { n: count })}</p>
      {form.instructions ? <p class="q-instructions">{lt(form.instructions, lang)}</p> : null}
      {form.recallPeriod ? <p>{fill(t.recall, { period: lt(form.recallPeriod, lang) })}</p> : null}
      <p class="muted">{fill(t.until, { date: formatUntil(data.closesAt, lang) })}</p>
      <button type="button" class="q-button q-button--primary" onClick={onStart}>
        {started ? t.resume : t.start}
      </button>
      {form.copyright ? <p class="q-copyright">{form.copyright}</p> : null}
    </>
  );
}
