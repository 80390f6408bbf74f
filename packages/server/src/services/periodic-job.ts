export interface PeriodicJob {
  /** Runs the task now, then every `intervalMs`; a second start does nothing. */
  readonly start: () => void;
  /** Stops the timer and waits for a run in progress to finish. */
  readonly stop: () => Promise<void>;
}

/**
 * A background task of the server process (reminders, questionnaire delivery, audit heads, idle
 * accounts): runs at start and then on an interval, never two runs at once, errors passed to
 * `onError` (the caller logs them without patient data). The timer does not keep the process alive.
 */
export function createPeriodicJob(task: () => Promise<unknown>, o: { readonly intervalMs: number; readonly onError?: (err: unknown) => void }): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = task()
      .catch((err: unknown) => o.onError?.(err))
      .finally(() => {
        running = null;
      });
  };
  return {
    start: () => {
      if (timer) return;
      tick();
      timer = setInterval(tick, o.intervalMs);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
