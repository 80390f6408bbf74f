import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/api-error.ts';
import { api, setCsrfToken } from '../../shared/api/client.ts';

/** Loading, loaded, or why not (the page's own reasons, from the HTTP status; 0 when no answer came). */
export type LinkState<F extends string> = 'loading' | 'ready' | F;

export interface PatientLinkOptions<D, F extends string> {
  /** The id in the link; another id loads again. */
  readonly id: string;
  readonly load: (id: string) => Promise<D>;
  /** Why the load failed, from the HTTP status (0: no answer from the server). */
  readonly failure: (status: number) => F;
  /** The header shows the clinic's name once the patient session names it. */
  readonly setClinicName: (name: string) => void;
  /** Sets the page up from what was loaded (the saved answers: resume where the patient left off). */
  readonly onLoad: (data: D) => void;
}

/**
 * A patient page opened from a link: the patient session (its CSRF token for saving, the clinic's
 * name) and the page's data, both asked for at once; a failed session answers for the page first.
 * `end` switches the page to a failure later (a save refused because the session ended).
 */
export function usePatientLink<D, F extends string>(
  options: PatientLinkOptions<D, F>,
): {
  readonly state: LinkState<F>;
  readonly data: D | null;
  readonly end: (why: F) => void;
} {
  const [state, setState] = useState<LinkState<F>>('loading');
  const [data, setData] = useState<D | null>(null);
  const { id } = options;

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [sess, loaded] = await Promise.allSettled([
          api<{ csrfToken: string; clinicName: string }>('/api/p/session'),
          options.load(id),
        ]);
        if (sess.status === 'rejected') throw sess.reason;
        setCsrfToken(sess.value.csrfToken);
        if (sess.value.clinicName) options.setClinicName(sess.value.clinicName);
        if (loaded.status === 'rejected') throw loaded.reason;
        if (!live) return;
        setData(loaded.value);
        options.onLoad(loaded.value);
        setState('ready');
      } catch (e) {
        if (!live) return;
        setState(options.failure(e instanceof ApiError ? e.status : 0));
      }
    })();
    return () => {
      live = false;
    };
    // Loads once per link id; the callbacks are the page's of that moment.
  }, [id]);

  return { state, data, end: setState };
}
