/** @jsxImportSource preact */
import type { Messages } from '../shared/i18n.ts';

/** Shown for an expired, used or unknown link: friendly, with no detail that helps guessing. */
export function InvalidLinkPage({ m }: { readonly m: Messages }) {
  return (
    <section class="panel panel--notice">
      <h1>{m.invalidTitle}</h1>
      <p>{m.invalidBody}</p>
      <p>{m.invalidHelp}</p>
    </section>
  );
}
