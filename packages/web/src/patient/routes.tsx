/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import type { Messages } from './shared/i18n.ts';
import { HomePage } from './pages/home-page.tsx';
import { InvalidLinkPage } from './pages/invalid-link-page.tsx';
import { lazyPage } from './shared/lazy-page.ts';
import { matchPath } from './shared/router.ts';

// Each page that loads data is its own chunk (`lazyPage`). The build reads the `lazyPage(() =>
// import('…'))` lines and each route's `path` with its `preload` to tell the server which
// chunks an address needs (packages/web/build/patient-pages.ts): keep those two forms.
const Intake = lazyPage(() => import('./intake/intake-page.tsx').then((x) => x.IntakePage));
const Link = lazyPage(() => import('./pages/link-page.tsx').then((x) => x.LinkPage));
const Questionnaire = lazyPage(() => import('./questionnaire/questionnaire-page.tsx').then((x) => x.QuestionnairePage));
const Statement = lazyPage(() => import('./billing/statement-page.tsx').then((x) => x.StatementPage));
const MyAppointments = lazyPage(() => import('./appointments/my-appointments-page.tsx').then((x) => x.MyAppointmentsPage));
const Line = lazyPage(() => import('./line/line-page.tsx').then((x) => x.LinePage));
const Book = lazyPage(() => import('./appointments/book-page.tsx').then((x) => x.BookPage));
const Cancel = lazyPage(() => import('./appointments/cancel-page.tsx').then((x) => x.CancelPage));

export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  readonly m: Messages;
  readonly lang: 'ja' | 'en';
  /** Pages that load a token learn the clinic's name from the server; the header then shows it. */
  readonly setClinicName: (name: string) => void;
}

export interface PatientRoute {
  readonly path: string;
  readonly render: (ctx: RouteContext) => ComponentChildren;
  /** Fetches the page's code ahead (lazy pages only). */
  readonly preload?: () => Promise<unknown>;
}

/**
 * The patient pages. Later features add theirs here (WEB問診 "/intake/:token", questionnaires
 * "/q/:token", "my appointments" "/a/:token"); a page whose token the server rejects shows
 * `InvalidLinkPage`.
 */
export const ROUTES: readonly PatientRoute[] = [
  { path: '/', render: ({ m }) => <HomePage m={m} /> },
  { path: '/link-invalid', render: ({ m }) => <InvalidLinkPage m={m} /> },
  { path: '/q/:id', preload: Questionnaire.preload, render: ({ params, lang, setClinicName }) => <Questionnaire.Page id={params.id!} lang={lang} setClinicName={setClinicName} /> },
  { path: '/intake/:id', preload: Intake.preload, render: ({ params, lang, setClinicName }) => <Intake.Page intakeId={params.id!} lang={lang} setClinicName={setClinicName} /> },
  {
    path: '/l/:token', preload: Link.preload,
    render: ({ params, m, lang, setClinicName }) => <Link.Page token={params.token ?? ''} m={m} lang={lang} setClinicName={setClinicName} preloadPath={preloadPath} />,
  },
  { path: '/statement', preload: Statement.preload, render: ({ lang, setClinicName }) => <Statement.Page lang={lang} setClinicName={setClinicName} /> },
  {
    path: '/appointments', preload: MyAppointments.preload,
    render: ({ m, lang, setClinicName }) => <MyAppointments.Page lang={lang} loading={m.loading} setClinicName={setClinicName} />,
  },
  {
    path: '/signin', preload: MyAppointments.preload,
    render: ({ m, lang, setClinicName }) => <MyAppointments.Page lang={lang} loading={m.loading} setClinicName={setClinicName} />,
  },
  {
    path: '/line', preload: Line.preload,
    render: ({ m, lang, setClinicName }) => <Line.Page lang={lang} loading={m.loading} setClinicName={setClinicName} />,
  },
  {
    path: '/appointments/book', preload: Book.preload,
    render: ({ m, lang, setClinicName }) => <Book.Page lang={lang} loading={m.loading} setClinicName={setClinicName} />,
  },
  {
    path: '/appointments/:id/change', preload: Book.preload,
    render: ({ params, m, lang, setClinicName }) => (
      <Book.Page lang={lang} loading={m.loading} setClinicName={setClinicName} changeId={params.id ?? ''} />
    ),
  },
  {
    path: '/appointments/:id/cancel', preload: Cancel.preload,
    render: ({ params, m, lang, setClinicName }) => (
      <Cancel.Page lang={lang} loading={m.loading} setClinicName={setClinicName} id={params.id ?? ''} />
    ),
  },
];

/** Fetches ahead the code of the page at `path` (below /p), if it is a page of its own chunk. */
export function preloadPath(path: string): void {
  const r = ROUTES.find((x) => matchPath(x.path, path));
  void r?.preload?.().catch(() => undefined);
}
