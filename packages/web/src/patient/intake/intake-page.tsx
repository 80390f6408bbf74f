/** @jsxImportSource preact */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IntakeText } from '@mimamori/core/intake/intake-definition';
import { intakeConditionContext, intakeVisibility } from '@mimamori/core/intake/intake-visibility';
import { ApiError } from '../../shared/api/api-error.ts';
import { api, setCsrfToken } from '../../shared/api/client.ts';
import type { Lang } from '../i18n.ts';
import { CrisisPanel } from '../crisis/crisis-panel.tsx';
import {
  loadIntake,
  saveIntake,
  submitIntake,
  type FieldError,
  type LoadedIntake,
} from './intake-api.ts';
import { fill } from '../../shared/format/fill.ts';
import { INTAKE_MESSAGES } from './intake-i18n.ts';
import { QuestionField, fieldId } from './question-field.tsx';
import './intake.css';

type Screen = { kind: 'intro' } | { kind: 'group'; groupId: string } | { kind: 'review' } | { kind: 'done' };
type LoadState = 'loading' | 'ready' | 'session' | 'other' | 'failed';

const tx = (t: IntakeText | undefined, lang: Lang): string => (t ? t[lang] || t.ja : '');
/** The question an error path belongs to: `medicines[1].dose` → `medicines`. */
const questionOf = (path: string): string => path.split(/[.[]/)[0] ?? path;

/**
 * The WEB問診 on the patient's phone: one screen per question group, a progress bar, autosave to
 * the server (nothing typed is lost, valid or not), resume at the right screen from any device,
 * and an idempotent submit.
 */
export function IntakePage({
  intakeId,
  lang,
  setClinicName,
}: {
  readonly intakeId: string;
  readonly lang: Lang;
  readonly setClinicName: (n: string) => void;
}) {
  const t = INTAKE_MESSAGES[lang];
  const [state, setState] = useState<LoadState>('loading');
  const [data, setData] = useState<LoadedIntake | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [screen, setScreen] = useState<Screen>({ kind: 'intro' });
  const [errors, setErrors] = useState<ReadonlyArray<FieldError>>([]);
  const [busy, setBusy] = useState<'idle' | 'saving' | 'submitting'>('idle');
  const [notice, setNotice] = useState<string | null>(null);
  const [crisis, setCrisis] = useState(false);
  const [progress, setProgress] = useState<LoadedIntake['progress'] | null>(null);
  const dirty = useRef(new Set<string>());
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const timer = useRef<number | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        // Both at once: the session gives the CSRF token for saving, the intake what to draw.
        const [sess, d] = await Promise.all([api<{ csrfToken: string; clinicName: string }>('/api/p/session'), loadIntake(intakeId)]);
        setCsrfToken(sess.csrfToken);
        if (sess.clinicName) setClinicName(sess.clinicName);
        if (!live) return;
        setData(d);
        setValues({ ...d.values });
        setProgress(d.progress);
        setCrisis(d.crisis);
        setScreen(d.intake.status === 'submitted' ? { kind: 'done' } : { kind: 'intro' });
        setState('ready');
      } catch (e) {
        if (!live) return;
        const status = e instanceof ApiError ? e.status : 0;
        setState(status === 401 || status === 410 ? 'session' : status === 403 ? 'other' : 'failed');
      }
    })();
    return () => {
      live = false;
    };
  }, [intakeId]);

  const vis = useMemo(
    () => (data ? intakeVisibility(data.definition, values, { audience: data.intake.audience, today: data.today }) : null),
    [data, values],
  );

  useEffect(() => {
    headingRef.current?.focus();
    window.scrollTo(0, 0);
  }, [screen]);

  const changes = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const k of dirty.current) out[k] = valuesRef.current[k] ?? null;
    return out;
  };

  /** Saves what changed; with `confirmGroup` the server also checks that screen. */
  const save = async (confirmGroup?: string) => {
    window.clearTimeout(timer.current);
    const sent = changes();
    const sentKeys = [...dirty.current];
    dirty.current.clear();
    try {
      const r = await saveIntake(intakeId, sent, confirmGroup);
      // Keep anything typed while the request was in flight.
      setValues((cur) => {
        const next: Record<string, unknown> = { ...(r.values as Record<string, unknown>) };
        for (const k of dirty.current) next[k] = cur[k];
        return next;
      });
      setProgress(r.progress);
      if (r.crisis) setCrisis(true);
      setNotice(null);
      return r;
    } catch (e) {
      for (const k of sentKeys) dirty.current.add(k);
      if (e instanceof ApiError && (e.status === 401 || e.status === 410)) setState('session');
      else setNotice(e instanceof ApiError && e.status !== 0 ? e.message : t.saveFailed);
      return null;
    }
  };

  const onChange = (qid: string, v: unknown) => {
    setValues((cur) => {
      const next = { ...cur };
      if (v === null || v === undefined) delete next[qid];
      else next[qid] = v;
      return next;
    });
    dirty.current.add(qid);
    // Autosave a moment after typing stops, so leaving the page half-way loses nothing.
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), 1500);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  if (state === 'loading') {
    // The welcome text needs no data: it is drawn at once, so the page is readable while the form loads.
    return (
      <section class="intake" aria-busy="true">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <p class="muted" aria-live="polite">
          {t.loading}
        </p>
      </section>
    );
  }
  if (state !== 'ready' || !data || !vis) {
    const msg = state === 'session' ? t.sessionEnded : state === 'other' ? t.otherPatient : t.loadFailed;
    return (
      <section class="panel panel--notice">
        <h1>{t.title}</h1>
        <p role="alert">{msg}</p>
      </section>
    );
  }

  const groups = vis.groups;
  const index = screen.kind === 'group' ? groups.findIndex((g) => g.group.id === screen.groupId) : -1;
  const total = groups.length;
  const completeIds = new Set((progress?.groups ?? []).filter((g) => g.complete).map((g) => g.groupId));
  const done = groups.filter((g) => completeIds.has(g.group.id)).length;

  const goGroup = (groupId: string) => {
    setErrors([]);
    setScreen({ kind: 'group', groupId });
  };
  const errorMap = new Map(errors.map((e) => [e.path, e.message]));

  const next = async () => {
    if (screen.kind !== 'group') return;
    setBusy('saving');
    // Every answer on this screen is sent, so the server checks the screen as the patient sees it.
    for (const q of groups[index]?.questions ?? []) if (q.id in valuesRef.current) dirty.current.add(q.id);
    const r = await save(screen.groupId);
    setBusy('idle');
    if (!r) return;
    if (r.errors.length) {
      setErrors(r.errors);
      window.setTimeout(() => errorRef.current?.focus(), 0);
      return;
    }
    setErrors([]);
    const after = intakeVisibility(data.definition, r.values, { audience: data.intake.audience, today: data.today }).groups;
    const at = after.findIndex((g) => g.group.id === screen.groupId);
    const following = after[at + 1];
    setScreen(following ? { kind: 'group', groupId: following.group.id } : { kind: 'review' });
  };

  const back = () => {
    if (dirty.current.size) void save();
    setErrors([]);
    if (screen.kind === 'review') {
      const last = groups[groups.length - 1];
      if (last) setScreen({ kind: 'group', groupId: last.group.id });
    } else if (index > 0) setScreen({ kind: 'group', groupId: groups[index - 1]!.group.id });
    else setScreen({ kind: 'intro' });
  };

  const submit = async () => {
    setBusy('submitting');
    if (dirty.current.size && !(await save())) {
      setBusy('idle');
      return;
    }
    try {
      const r = await submitIntake(intakeId);
      if (r.crisis) setCrisis(true);
      setScreen({ kind: 'done' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.details.length) {
        const byQuestion = new Map<string, string>();
        for (const g of groups) for (const q of g.questions) byQuestion.set(q.id, g.group.id);
        const errs: FieldError[] = e.details.map((d) => ({
          path: d.path,
          questionId: questionOf(d.path),
          groupId: byQuestion.get(questionOf(d.path)) ?? '',
          key: '',
          message: d.message,
        }));
        const first = errs.find((x) => x.groupId);
        if (first) {
          setScreen({ kind: 'group', groupId: first.groupId });
          setErrors(errs.filter((x) => x.groupId === first.groupId));
          window.setTimeout(() => errorRef.current?.focus(), 0);
        } else setNotice(e.message);
      } else if (e instanceof ApiError && (e.status === 401 || e.status === 410)) setState('session');
      else setNotice(e instanceof ApiError && e.status !== 0 ? e.message : t.saveFailed);
    } finally {
      setBusy('idle');
    }
  };

  const progressBar = (
    <div class="progress">
      <p class="progress__text" id="progress-text">
        {fill(t.progress, { done: screen.kind === 'group' ? index + 1 : done, total })}
      </p>
      <div
        class="progress__bar"
        role="progressbar"
        aria-labelledby="progress-text"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <span style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
      </div>
    </div>
  );

  const noticeBox = notice ? (
    <p class="notice" role="alert">
      {notice}
    </p>
  ) : null;

  if (screen.kind === 'done') {
    return (
      <section class="intake">
        {crisis ? <CrisisPanel lang={lang} /> : null}
        <h1 ref={headingRef} tabIndex={-1}>
          {t.doneTitle}
        </h1>
        <p>{t.doneBody}</p>
      </section>
    );
  }

  if (screen.kind === 'intro') {
    const started = Object.keys(values).length > 0;
    const resumeAt =
      progress?.currentGroupId && groups.some((g) => g.group.id === progress.currentGroupId) ? progress.currentGroupId : null;
    return (
      <section class="intake">
        {crisis ? <CrisisPanel lang={lang} /> : null}
        <h1 ref={headingRef} tabIndex={-1}>
          {tx(data.definition.title, lang) || t.title}
        </h1>
        <p>{t.intro}</p>
        {started ? progressBar : null}
        <div class="actions">
          <button
            type="button"
            class="btn btn--primary"
            onClick={() =>
              started ? (resumeAt ? goGroup(resumeAt) : setScreen({ kind: 'review' })) : groups[0] && goGroup(groups[0].group.id)
            }
          >
            {started ? t.resume : t.start}
          </button>
        </div>
      </section>
    );
  }

  if (screen.kind === 'review') {
    const incomplete = groups.filter((g) => !completeIds.has(g.group.id));
    return (
      <section class="intake">
        {crisis ? <CrisisPanel lang={lang} /> : null}
        {progressBar}
        <h1 ref={headingRef} tabIndex={-1}>
          {t.reviewTitle}
        </h1>
        <p>{incomplete.length ? t.reviewIncomplete : t.reviewBody}</p>
        {noticeBox}
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
          <button type="button" class="btn btn--primary" disabled={busy !== 'idle'} onClick={() => void submit()}>
            {busy === 'submitting' ? t.submitting : t.submit}
          </button>
        </div>
      </section>
    );
  }

  const current = groups[index];
  if (!current) {
    // The screen was hidden by an answer change (e.g. an age): go on to the review.
    return (
      <section class="intake">
        <div class="actions">
          <button type="button" class="btn btn--primary" onClick={() => setScreen({ kind: 'review' })}>
            {t.toReview}
          </button>
        </div>
      </section>
    );
  }
  const rowCtx = intakeConditionContext(vis, values, data.intake.audience);
  return (
    <section class="intake">
      {crisis ? <CrisisPanel lang={lang} /> : null}
      {progressBar}
      <p class="intake__section">{tx(current.section.title, lang)}</p>
      <h1 ref={headingRef} tabIndex={-1}>
        {tx(current.group.title, lang)}
      </h1>
      {current.group.description ? <p class="muted">{tx(current.group.description, lang)}</p> : null}
      {errors.length ? (
        <div class="error-summary" role="alert" tabIndex={-1} ref={errorRef}>
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
                  {labelOf(current.questions, e.path, lang)}: {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {noticeBox}
      <form
        class="intake__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void next();
        }}
      >
        {current.questions.map((q) => (
          <QuestionField
            key={q.id}
            q={q}
            value={values[q.id]}
            onChange={(v) => onChange(q.id, v)}
            lang={lang}
            t={t}
            errors={errorMap}
            scales={data.scales}
            rowContext={rowCtx}
          />
        ))}
        <div class="actions">
          <button type="button" class="btn btn--secondary" onClick={back}>
            {t.back}
          </button>
          <button type="submit" class="btn btn--primary" disabled={busy !== 'idle'}>
            {busy === 'saving' ? t.saving : index === total - 1 ? t.toReview : t.next}
          </button>
        </div>
      </form>
    </section>
  );
}

function labelOf(questions: ReadonlyArray<{ id: string; label: IntakeText }>, path: string, lang: Lang): string {
  const q = questions.find((x) => x.id === questionOf(path));
  return q ? tx(q.label, lang) : path;
}
