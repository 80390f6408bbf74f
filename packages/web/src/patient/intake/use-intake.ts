import { useMemo, useRef, useState } from 'preact/hooks';
import { intakeVisibility } from '@mimamori/core/intake/intake-visibility';
import { ApiError } from '../../shared/api/api-error.ts';
import { useAutosave } from '../form/use-autosave.ts';
import { usePatientLink } from '../form/use-patient-link.ts';
import { loadIntake, saveIntake, submitIntake, type FieldError, type LoadedIntake, type SaveResult } from './intake-api.ts';
import type { IntakeMessages } from './intake-i18n.ts';
import { questionOf } from './intake-text.ts';

/**
 * The screen shown. A screen opened from the review names the question to bring into view
 * (`focus`) and offers the way straight back to the review (`fromReview`).
 */
export type IntakeScreen =
  | { kind: 'intro' }
  | { kind: 'group'; groupId: string; focus?: string; fromReview?: boolean }
  | { kind: 'review' }
  | { kind: 'done' };
type Failure = 'session' | 'other' | 'failed';

const failure = (status: number): Failure => (status === 401 || status === 410 ? 'session' : status === 403 ? 'other' : 'failed');
const ended = (e: unknown): boolean => e instanceof ApiError && (e.status === 401 || e.status === 410);

/**
 * The state of one WEB問診 and what the patient can do with it: the answers (saved to the server a
 * moment after typing stops, valid or not), the screen shown, the server's progress and problems,
 * and the steps "next" (save and check this screen), "back" and "submit".
 */
export function useIntake({
  intakeId,
  t,
  setClinicName,
}: {
  readonly intakeId: string;
  readonly t: IntakeMessages;
  readonly setClinicName: (n: string) => void;
}) {
  const [screen, setScreen] = useState<IntakeScreen>({ kind: 'intro' });
  const [errors, setErrors] = useState<ReadonlyArray<FieldError>>([]);
  const [busy, setBusy] = useState<'idle' | 'saving' | 'submitting'>('idle');
  const [notice, setNotice] = useState<string | null>(null);
  const [crisis, setCrisis] = useState(false);
  const [progress, setProgress] = useState<LoadedIntake['progress'] | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const form = useAutosave<unknown, SaveResult, string>({
    delayMs: 1500,
    // Only what changed is sent; with a screen to confirm, the server also checks that screen.
    send: ({ changes, arg }) => saveIntake(intakeId, changes, arg),
    adopt: (r) => r.values as Record<string, unknown>,
    onSaved: (r) => {
      setProgress(r.progress);
      if (r.crisis) setCrisis(true);
      setNotice(null);
    },
    onFailed: (e) => {
      if (ended(e)) link.end('session');
      else setNotice(e instanceof ApiError && e.status !== 0 ? e.message : t.saveFailed);
    },
  });

  const link = usePatientLink<LoadedIntake, Failure>({
    id: intakeId,
    load: loadIntake,
    failure,
    setClinicName,
    onLoad: (d) => {
      form.load(d.values as Record<string, unknown>);
      setProgress(d.progress);
      setCrisis(d.crisis);
      setScreen(d.intake.status === 'submitted' ? { kind: 'done' } : { kind: 'intro' });
    },
  });
  const data = link.data;
  const values = form.answers;

  const vis = useMemo(
    () => (data ? intakeVisibility(data.definition, values, { audience: data.intake.audience, today: data.today }) : null),
    [data, values],
  );
  const groups = vis?.groups ?? [];
  const index = screen.kind === 'group' ? groups.findIndex((g) => g.group.id === screen.groupId) : -1;

  const focusErrors = () => window.setTimeout(() => errorRef.current?.focus(), 0);

  const goGroup = (groupId: string, o: { readonly focus?: string; readonly fromReview?: boolean } = {}) => {
    setErrors([]);
    setScreen({ kind: 'group', groupId, ...(o.focus ? { focus: o.focus } : {}), ...(o.fromReview ? { fromReview: true } : {}) });
  };

  /** Saves and checks this screen, then goes on to the next screen (or, with `toReview`, back to the review). */
  const next = async (o: { readonly toReview?: boolean } = {}) => {
    if (screen.kind !== 'group' || !data) return;
    setBusy('saving');
    // Every answer on this screen is sent, so the server checks the screen as the patient sees it.
    form.touch((groups[index]?.questions ?? []).map((q) => q.id));
    const r = await form.flush(screen.groupId);
    setBusy('idle');
    if (!r) return;
    if (r.errors.length) {
      setErrors(r.errors);
      focusErrors();
      return;
    }
    setErrors([]);
    const after = intakeVisibility(data.definition, r.values, { audience: data.intake.audience, today: data.today }).groups;
    const at = after.findIndex((g) => g.group.id === screen.groupId);
    const following = after[at + 1];
    setScreen(following && !o.toReview ? { kind: 'group', groupId: following.group.id } : { kind: 'review' });
  };

  const back = () => {
    if (form.pending()) void form.flush();
    setErrors([]);
    if (screen.kind === 'review') {
      const last = groups[groups.length - 1];
      if (last) setScreen({ kind: 'group', groupId: last.group.id });
    } else if (index > 0) setScreen({ kind: 'group', groupId: groups[index - 1]!.group.id });
    else setScreen({ kind: 'intro' });
  };

  const submit = async () => {
    setBusy('submitting');
    if (form.pending() && !(await form.flush())) {
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
          focusErrors();
        } else setNotice(e.message);
      } else if (ended(e)) link.end('session');
      else setNotice(e instanceof ApiError && e.status !== 0 ? e.message : t.saveFailed);
    } finally {
      setBusy('idle');
    }
  };

  return {
    state: link.state,
    data,
    vis,
    values,
    setValue: form.set,
    screen,
    setScreen,
    index,
    errors,
    errorRef,
    busy,
    notice,
    crisis,
    progress,
    goGroup,
    next,
    back,
    submit,
  };
}
