import { useEffect, useRef, useState } from 'preact/hooks';
import { adoptStored, changedKeys, changesOf, withAnswer, type Answers } from './autosave-merge.ts';

/** Where the last save stands: nothing sent yet, on its way, stored, or not stored (offline or refused). */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export type { Answers };

/** One save as the page sends it. */
export interface AutosaveRequest<V, A> {
  /** The answers changed since the last save that went through; `null` for a cleared one. */
  readonly changes: Readonly<Record<string, V | null>>;
  /** Every answer as the patient sees it now. */
  readonly answers: Answers<V>;
  /** What the page passed to `flush` (the intake's "check this screen"). */
  readonly arg: A | undefined;
}

export interface AutosaveOptions<V, R, A> {
  /** Sends one save to the server. */
  readonly send: (request: AutosaveRequest<V, A>) => Promise<R>;
  /** How long after the last change to save (ms); 0 saves at once. */
  readonly delayMs: number;
  /**
   * The answers as the server stored them, taken over after a save (what was changed while the save
   * was on its way is kept). Without it the page's own answers stand.
   */
  readonly adopt?: (result: R) => Answers<V>;
  /** After a save went through; `latest` is false when a later save was already sent. */
  readonly onSaved?: (result: R, latest: boolean) => void;
  /** After a save failed; its changes are kept and go again with the next save. */
  readonly onFailed?: (error: unknown, latest: boolean) => void;
}

export interface Autosave<V, R, A> {
  readonly answers: Answers<V>;
  readonly status: SaveStatus;
  /** Starts from the answers the server holds (resume after a reload or on another device). */
  readonly load: (answers: Answers<V>) => void;
  /** Sets one answer (`null` clears it) and saves after the delay. */
  readonly set: (key: string, value: V | null | undefined) => void;
  /** Replaces every answer (answers no longer asked drop out) and saves after the delay. */
  readonly replace: (answers: Answers<V>) => void;
  /** Marks answers as changed, so that the next save sends them although they did not change. */
  readonly touch: (keys: Iterable<string>) => void;
  /** Whether changes wait to be saved. */
  readonly pending: () => boolean;
  /** Saves what waits now; the server's answer, or null when the save failed. */
  readonly flush: (arg?: A) => Promise<R | null>;
}

/**
 * A form that saves itself: every change goes to the server a moment after the patient stops (or at
 * once), so that closing the page half-way loses nothing; the page learns whether its answers are
 * stored, and a refused save (an ended session, a closed form) is the page's to handle in `onFailed`.
 */
export function useAutosave<V, R, A = never>(options: AutosaveOptions<V, R, A>): Autosave<V, R, A> {
  const [answers, setAnswers] = useState<Answers<V>>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const opts = useRef(options);
  opts.current = options;
  const current = useRef<Answers<V>>(answers);
  const dirty = useRef(new Set<string>());
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const show = (next: Answers<V>) => {
    current.current = next;
    setAnswers(next);
  };

  const flush = async (arg?: A): Promise<R | null> => {
    window.clearTimeout(timer.current);
    const sentKeys = [...dirty.current];
    const changes = changesOf(sentKeys, current.current);
    dirty.current.clear();
    const mine = ++seq.current;
    setStatus('saving');
    try {
      const r = await opts.current.send({ changes, answers: current.current, arg });
      const latest = mine === seq.current;
      const adopt = opts.current.adopt;
      // Keep anything typed while the request was in flight.
      if (adopt) show(adoptStored(adopt(r), current.current, dirty.current));
      if (latest) setStatus('saved');
      opts.current.onSaved?.(r, latest);
      return r;
    } catch (e) {
      for (const k of sentKeys) dirty.current.add(k);
      const latest = mine === seq.current;
      if (latest) setStatus('failed');
      opts.current.onFailed?.(e, latest);
      return null;
    }
  };

  const schedule = () => {
    window.clearTimeout(timer.current);
    if (opts.current.delayMs <= 0) void flush();
    else timer.current = window.setTimeout(() => void flush(), opts.current.delayMs);
  };

  return {
    answers,
    status,
    load: (saved) => {
      dirty.current.clear();
      show({ ...saved });
    },
    set: (key, value) => {
      show(withAnswer(current.current, key, value));
      dirty.current.add(key);
      schedule();
    },
    replace: (all) => {
      for (const k of changedKeys(current.current, all)) dirty.current.add(k);
      show({ ...all });
      schedule();
    },
    touch: (keys) => {
      for (const k of keys) if (k in current.current) dirty.current.add(k);
    },
    pending: () => dirty.current.size > 0,
    flush,
  };
}
