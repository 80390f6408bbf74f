/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/api-error.ts';
import type { Lang } from '../shared/i18n.ts';
import { useAutosave } from '../form/use-autosave.ts';
import { usePatientLink } from '../form/use-patient-link.ts';
import {
  askedItems, loadQuestionnaire, lt, saveDraft, submitAnswers, type CrisisContact, type LoadedQuestionnaire, type SavedDraft,
} from './questionnaire-api.ts';
import { fill } from '../../shared/format/fill.ts';
import { Q_MESSAGES } from './questionnaire-i18n.ts';
import { CrisisPanel } from '../crisis/crisis-panel.tsx';
import './questionnaire.css';

type Screen = { kind: 'intro' } | { kind: 'item'; index: number } | { kind: 'review' } | { kind: 'done'; safety: boolean; contacts: ReadonlyArray<CrisisContact>; already: boolean };
type Failure = 'closed' | 'session' | 'failed';

/** A link that no longer opens this questionnaire: its session ended, or the questionnaire closed. */
const ended = (status: number): Failure | null => (status === 410 ? 'closed' : status === 401 || status === 403 ? 'session' : null);

function formatUntil(iso: string, lang: Lang): string {
  const last = new Date(Date.parse(iso) - 60_000);
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', month: 'long', day: 'numeric', weekday: 'short' }).format(last);
}

/**
 * One questionnaire on the patient's phone: one question a screen with large answer buttons,
 * every answer saved to the server at once (resume on any device), a review, and an idempotent
 * send. When the answers meet a safety threshold the crisis contacts appear immediately.
 */
export function QuestionnairePage({ id, lang, setClinicName }: { readonly id: string; readonly lang: Lang; readonly setClinicName: (n: string) => void }) {
  const t = Q_MESSAGES[lang];
  const [screen, setScreen] = useState<Screen>({ kind: 'intro' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Crisis contacts shown while answering, as soon as a saved answer meets a safety rule.
  const [help, setHelp] = useState<ReadonlyArray<CrisisContact> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Every answer is saved at once, the whole draft each time (the server keeps the last one).
  const form = useAutosave<number, SavedDraft>({
    delayMs: 0,
    send: ({ answers }) => saveDraft(id, answers),
    onSaved: (r) => {
      if (r.safety) setHelp(r.crisisContacts);
    },
    onFailed: (e, latest) => {
      const why = latest && e instanceof ApiError ? ended(e.status) : null;
      if (why) link.end(why);
    },
  });
  const answers = form.answers;

  const link = usePatientLink<LoadedQuestionnaire, Failure>({
    id,
    load: loadQuestionnaire,
    failure: (status) => ended(status) ?? 'failed',
    setClinicName,
    onLoad: (d) => {
      form.load(d.draft);
      if (d.status === 'submitted') setScreen({ kind: 'done', safety: d.safety, contacts: d.crisisContacts, already: true });
    },
  });
  const { state: load, data } = link;

  useEffect(() => {
    heading.current?.focus();
  }, [screen]);

  if (load === 'loading') return <p role="status">{t.loading}</p>;
  if (load !== 'ready' || !data) {
    const msg = load === 'closed' ? t.closed : load === 'session' ? t.sessionEnded : t.failed;
    return (
      <section class="panel panel--notice">
        <p role="alert">{msg}</p>
      </section>
    );
  }

  const items = askedItems(data.form.items, answers);
  const title = lt(data.form.name, lang) || data.form.shortName;

  const choose = (itemId: string, value: number, index: number): void => {
    const next = { ...answers, [itemId]: value };
    // Answers to items no longer asked are dropped (the server refuses them).
    const asked = new Set(askedItems(data.form.items, next).map((i) => i.id));
    for (const k of Object.keys(next)) if (!asked.has(k)) delete next[k];
    form.replace(next);
    const list = askedItems(data.form.items, next);
    window.setTimeout(() => setScreen(index + 1 < list.length ? { kind: 'item', index: index + 1 } : { kind: 'review' }), 180);
  };

  const send = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    // A lost answer is retried with the same body; the server stores one response per questionnaire.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const r = await submitAnswers(id, answers);
        setScreen({ kind: 'done', safety: r.safety, contacts: r.crisisContacts, already: false });
        setBusy(false);
        return;
      } catch (e) {
        if (e instanceof ApiError && e.status !== 0) {
          const why = ended(e.status);
          if (why) link.end(why);
          else setError(e.message);
          setBusy(false);
          return;
        }
        await new Promise((r) => window.setTimeout(r, 800 * (attempt + 1)));
      }
    }
    setError(t.saveFailed);
    setBusy(false);
  };

  const status = form.status === 'saving' ? t.saving : form.status === 'saved' ? t.saved : form.status === 'failed' ? t.saveFailed : '';

  if (screen.kind === 'done') {
    return (
      <section class="q">
        {screen.safety ? <CrisisPanel lang={lang} /> : null}
        <h1 ref={heading} tabIndex={-1}>
          {screen.already ? t.alreadyDone : t.doneTitle}
        </h1>
        {screen.already ? null : <p>{t.doneBody}</p>}
      </section>
    );
  }

  if (screen.kind === 'intro') {
    const started = Object.keys(answers).length > 0;
    const firstOpen = Math.max(0, items.findIndex((i) => answers[i.id] === undefined));
    return (
      <section class="q">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p>{fill(t.intro, { n: items.length })}</p>
        {data.form.instructions ? <p class="q-instructions">{lt(data.form.instructions, lang)}</p> : null}
        {data.form.recallPeriod ? <p>{fill(t.recall, { period: lt(data.form.recallPeriod, lang) })}</p> : null}
        <p class="muted">{fill(t.until, { date: formatUntil(data.closesAt, lang) })}</p>
        <button
          type="button"
          class="q-button q-button--primary"
          onClick={() => setScreen(started && items.every((i) => answers[i.id] !== undefined || i.optional) ? { kind: 'review' } : { kind: 'item', index: started ? firstOpen : 0 })}
        >
          {started ? t.resume : t.start}
        </button>
        {data.form.copyright ? <p class="q-copyright">{data.form.copyright}</p> : null}
      </section>
    );
  }

  if (screen.kind === 'review') {
    const missing = items.filter((i) => !i.optional && answers[i.id] === undefined);
    return (
      <section class="q">
        {help ? <CrisisPanel lang={lang} /> : null}
        <h1 ref={heading} tabIndex={-1}>
          {t.review}
        </h1>
        <p>{t.reviewHelp}</p>
        <ol class="q-review">
          {items.map((item, n) => {
            const chosen = item.options.find((o) => o.value === answers[item.id]);
            return (
              <li key={item.id}>
                <button type="button" class="q-review__item" onClick={() => setScreen({ kind: 'item', index: n })}>
                  <span class="q-review__q">{lt(item.text, lang) || fill(t.questionOf, { i: n + 1 })}</span>
                  <span class={chosen ? 'q-review__a' : 'q-review__a q-review__a--missing'}>{chosen ? lt(chosen.label, lang) || String(chosen.value) : t.notAnswered}</span>
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
        <button type="button" class="q-button q-button--primary" disabled={busy || missing.length > 0} onClick={() => void send()}>
          {busy ? t.submitting : t.submit}
        </button>
        <p class="q-save" role="status" aria-live="polite">
          {status}
        </p>
      </section>
    );
  }

  const index = Math.min(screen.index, items.length - 1);
  const item = items[index]!;
  const name = `q-${item.id}`;
  return (
    <section class="q">
      {help ? <CrisisPanel lang={lang} /> : null}
      <p class="q-progress">
        <span>{fill(t.progress, { i: index + 1, n: items.length })}</span>
        <span class="q-progress__bar" aria-hidden="true">
          <span style={{ width: `${Math.round(((index + 1) / items.length) * 100)}%` }} />
        </span>
      </p>
      {data.form.recallPeriod && index === 0 ? <p class="muted">{fill(t.recall, { period: lt(data.form.recallPeriod, lang) })}</p> : null}
      <fieldset class="q-item">
        <legend>
          <h1 ref={heading} tabIndex={-1} class="q-item__text">
            {lt(item.text, lang) || fill(t.questionOf, { i: index + 1 })}
          </h1>
        </legend>
        <div class="q-options">
          {item.options.map((o) => (
            <label key={o.value} class={`q-option${answers[item.id] === o.value ? ' q-option--chosen' : ''}`}>
              <input type="radio" name={name} value={String(o.value)} checked={answers[item.id] === o.value} onChange={() => choose(item.id, o.value, index)} />
              <span>{lt(o.label, lang) || String(o.value)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="q-nav">
        <button type="button" class="q-button" onClick={() => setScreen(index === 0 ? { kind: 'intro' } : { kind: 'item', index: index - 1 })}>
          {t.back}
        </button>
        <button
          type="button"
          class="q-button"
          disabled={answers[item.id] === undefined && !item.optional}
          onClick={() => setScreen(index + 1 < items.length ? { kind: 'item', index: index + 1 } : { kind: 'review' })}
        >
          {t.next}
        </button>
      </div>
      <p class="q-save" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
