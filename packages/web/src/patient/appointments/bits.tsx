/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BASE, navigate } from '../shared/router.ts';
import { loadSession, type PatientSession } from './patient-appointments-api.ts';
import { SignInPage } from './sign-in-page.tsx';
import type { AppointmentMessages } from './messages.ts';
import { ErrorBox } from './error-box.tsx';
import './appointments.css';

export { ErrorBox };

/** An in-app link: a real href (long-press, new tab) that navigates without a reload. */
export function Go(props: { readonly to: string; readonly class?: string; readonly children: ComponentChildren }) {
  return (
    <a
      href={BASE + props.to}
      class={props.class}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

/** "Please phone us": the number as a big tel: link. */
export function CallUs({ t, phone }: { readonly t: AppointmentMessages; readonly phone: string }) {
  if (!phone) return null;
  return (
    <p class="appt-call">
      {t.callUs}
      <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
    </p>
  );
}

/** True once, if the HTML says the page was opened without a patient session (packages/server/src/web-app.ts). */
function takeSignedOutHint(): boolean {
  const meta = document.querySelector('meta[name="mm-session"]');
  meta?.remove();
  return meta?.getAttribute('content') === 'none';
}

/**
 * Renders the page once an appointments session exists; otherwise the sign-in form in its place
 * (after signing in, the page the patient wanted opens).
 */
export function WithSession(props: {
  readonly t: AppointmentMessages;
  readonly lang: 'ja' | 'en';
  readonly loading: string;
  readonly setClinicName: (name: string) => void;
  readonly children: (s: PatientSession) => ComponentChildren;
}) {
  // The server says when the request that opened the page carried no session: sign-in at once.
  const [state, setState] = useState<{ s: PatientSession | null; done: boolean; error: boolean }>(() =>
    takeSignedOutHint() ? { s: null, done: true, error: false } : { s: null, done: false, error: false },
  );
  const [round, setRound] = useState(0);
  const { setClinicName } = props;
  useEffect(() => {
    if (round === 0 && state.done) return;
    let stop = false;
    loadSession()
      .then((s) => {
        if (stop) return;
        if (s?.clinicName) setClinicName(s.clinicName);
        setState({ s, done: true, error: false });
      })
      .catch(() => !stop && setState({ s: null, done: true, error: true }));
    return () => {
      stop = true;
    };
  }, [round, setClinicName]);
  if (!state.done) return <p role="status">{props.loading}</p>;
  if (state.error) return <ErrorBox message={props.t.failed} />;
  if (!state.s) return <SignInPage t={props.t} onSignedIn={() => setRound((r) => r + 1)} />;
  return <>{props.children(state.s)}</>;
}
