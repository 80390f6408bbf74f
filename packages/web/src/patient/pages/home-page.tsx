/** @jsxImportSource preact */
import type { Messages } from '../shared/i18n.ts';

export function HomePage({ m }: { readonly m: Messages }) {
  return (
    <section class="panel">
      <h1>{m.homeTitle}</h1>
      <p>{m.homeBody}</p>
      <p class="muted">{m.homeHelp}</p>
    </section>
  );
}
