/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import type { Messages } from './shared/i18n.ts';
import { HomePage } from './pages/home-page.tsx';
import { InvalidLinkPage } from './pages/invalid-link-page.tsx';
import { IntakePage } from './intake/intake-page.tsx';
import { LinkPage } from './pages/link-page.tsx';
import { BookPage } from './appointments/book-page.tsx';
import { CancelPage } from './appointments/cancel-page.tsx';
import { MyAppointmentsPage } from './appointments/my-appointments-page.tsx';
import { StatementPage } from './billing/statement-page.tsx';
import { QuestionnairePage } from './questionnaire/questionnaire-page.tsx';
import { LinePage } from './line/line-page.tsx';

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
}

/**
 * The patient pages. Later features add theirs here (WEB問診 "/intake/:token", questionnaires
 * "/q/:token", "my appointments" "/a/:token"); a page whose token the server rejects shows
 * `InvalidLinkPage`.
 */
export const ROUTES: readonly PatientRoute[] = [
  { path: '/', render: ({ m }) => <HomePage m={m} /> },
  { path: '/link-invalid', render: ({ m }) => <InvalidLinkPage m={m} /> },
  { path: '/q/:id', render: ({ params, lang, setClinicName }) => <QuestionnairePage id={params.id!} lang={lang} setClinicName={setClinicName} /> },
  { path: '/intake/:id', render: ({ params, lang, setClinicName }) => <IntakePage intakeId={params.id!} lang={lang} setClinicName={setClinicName} /> },
  {
    path: '/l/:token',
    render: ({ params, m, lang, setClinicName }) => <LinkPage token={params.token ?? ''} m={m} lang={lang} setClinicName={setClinicName} />,
  },
  { path: '/statement', render: ({ lang, setClinicName }) => <StatementPage lang={lang} setClinicName={setClinicName} /> },
  {
    path: '/appointments',
    render: ({ m, lang, setClinicName }) => <MyAppointmentsPage lang={lang} loading={m.loading} setClinicName={setClinicName} />,
  },
  {
    path: '/signin',
    render: ({ m, lang, setClinicName }) => <MyAppointmentsPage lang={lang} loading={m.loading} setClinicName={setClinicName} />,
  },
  {
    path: '/line',
    render: ({ m, lang, setClinicName }) => <LinePage lang={lang} loading={m.loading} setClinicName={setClinicName} />,
  },
  {
    path: '/appointments/book',
    render: ({ m, lang, setClinicName }) => <BookPage lang={lang} loading={m.loading} setClinicName={setClinicName} />,
  },
  {
    path: '/appointments/:id/change',
    render: ({ params, m, lang, setClinicName }) => (
      <BookPage lang={lang} loading={m.loading} setClinicName={setClinicName} changeId={params.id ?? ''} />
    ),
  },
  {
    path: '/appointments/:id/cancel',
    render: ({ params, m, lang, setClinicName }) => (
      <CancelPage lang={lang} loading={m.loading} setClinicName={setClinicName} id={params.id ?? ''} />
    ),
  },
];
