/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/api-error.ts';
import type { Lang } from '../shared/i18n.ts';
import { useAutosave } from '../form/use-autosave.ts';
import { usePatientLink } from '../form/use-patient-link.ts';
import {
  askedItems,
  loadQuestionnaire,
  saveDraft,
  submitAnswers,
  type CrisisContact,
  type LoadedQuestionnaire,
  type SavedDraft,
} from './questionnaire-api.ts';
import { Q_MESSAGES } from './questionnaire-i18n.ts';
import { QuestionnaireIntro } from './questionnaire-intro.tsx';
import { QuestionnaireItem } from './questionnaire-item.tsx';
import { QuestionnaireReview } from './questionnaire-review.tsx';
import { CrisisPanel } from '../crisis/crisis-panel.tsx';
import './questionnaire.css';

type Screen =
  | { kind: 'intro' }
  | { kind: 'item'; index: number }
  | { kind: 'review' }
  | { kind: 'done'; safety: boolean; contacts: ReadonlyArray<CrisisContact>; already: boolean };
type Failure = 'closed' | 'session' | 'failed';

/** A link that no longer opens this questionnaire: its session ended, or the questionnaire closed. */
const ended = (status: number): Failure | null => (status === 410 ? 'closed' : status === 401 || status === 403 ? 'session' : null);

/**
 * One questionnaire on the patient's phone: one question a screen with large answer buttons,
 * every answer saved to the server at once (resume on any device), a review, and an idempotent
 * send. When the answers meet a safety threshold the crisis contacts appear immediately.
 */
export function QuestionnairePage({
  id,
  lang,
  setClinicName,
}: {
  readonly id: string;
  readonly lang: Lang;
  readonly setClinicName: (n: string) => void;
}) {
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
    const firstOpen = Math.max(
      0,
      items.findIndex((i) => answers[i.id] === undefined),
    );
    return (
      <section class="q">
        <QuestionnaireIntro
          data={data}
          count={items.length}
          started={started}
          onStart={() =>
            setScreen(
              started && items.every((i) => answers[i.id] !== undefined || i.optional)
                ? { kind: 'review' }
                : { kind: 'item', index: started ? firstOpen : 0 },
            )
          }
          heading={heading}
          lang={lang}
          t={t}
        />
      </section>
    );
  }

  // The crisis panel comes first in the section on every screen, so it stays put (with the contacts
  // it loaded) from one question to the next and on to the review.
  const crisisPanel = help ? <CrisisPanel lang={lang} /> : null;

  if (screen.kind === 'review') {
    return (
      <section class="q">
        {crisisPanel}
        <QuestionnaireReview
          items={items}
          answers={answers}
          onEdit={(n) => setScreen({ kind: 'item', index: n })}
          onSend={() => void send()}
          busy={busy}
          error={error}
          status={status}
          heading={heading}
          lang={lang}
          t={t}
        />
      </section>
    );
  }

  const index = Math.min(screen.index, items.length - 1);
  const item = items[index]!;
  return (
    <section class="q">
      {crisisPanel}
      <QuestionnaireItem
        item={item}
        index={index}
        count={items.length}
        recallPeriod={data.form.recallPeriod}
        value={answers[item.id]}
        onChoose={(value) => choose(item.id, value, index)}
        onBack={() => setScreen(index === 0 ? { kind: 'intro' } : { kind: 'item', index: index - 1 })}
        onNext={() => setScreen(index + 1 < items.length ? { kind: 'item', index: index + 1 } : { kind: 'review' })}
        status={status}
        heading={heading}
        lang={lang}
        t={t}
      />
    </section>
  );
}
