/** @jsxImportSource preact */
import { fill } from '../../shared/format/fill.ts';
import type { IntakeMessages } from './intake-i18n.ts';

/** "n / total screens" and a bar of the screens the server counts complete. */
export function IntakeProgress({
  t,
  at,
  done,
  total,
}: {
  readonly t: IntakeMessages;
  readonly at: number;
  readonly done: number;
  readonly total: number;
}) {
  return (
    <div class="progress">
      <p class="progress__text" id="progress-text">
        {fill(t.progress, { done: at, total })}
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
}
