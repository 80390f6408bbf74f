/** @jsxImportSource preact */
import type { Messages } from '../shared/i18n.ts';

export function NotFoundPage({ m }: { readonly m: Messages }) {
  return (
    <section class="panel panel--notice">
      <h1>{m.notFoundTitle}</h1>
      <p>{m.notFoundBody}</p>
      <p class="muted">{m.homeHelp}</p>
    </section>
  );
}
