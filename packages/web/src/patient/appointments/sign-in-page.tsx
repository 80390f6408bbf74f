/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { requestCode, verifyCode } from './patient-appointments-api.ts';
import type { AppointmentMessages } from './messages.ts';
import { ErrorBox } from './error-box.tsx';

/**
 * Sign in with 診察券番号 + birth date, then the 6-digit code mailed to the registered address.
 * The server answers the first step the same way whether or not the patient exists.
 */
export function SignInPage({ t, onSignedIn }: { readonly t: AppointmentMessages; readonly onSignedIn: () => void }) {
  const [number, setNumber] = useState('');
  const [birth, setBirth] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ask = async (e: Event): Promise<void> => {
    e.preventDefault();
    const n = number.replace(/\s+/g, '');
    // Accept 1985/4/1 and full-width digits too: phones type them.
    const b = birth
      .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[/.年月]/g, '-')
      .replace(/日/g, '')
      .replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')
      .replace(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
    if (!n) return setError(`${t.patientNumber}: ${t.required}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(b)) return setError(t.badDate);
    setBusy(true);
    setError(null);
    try {
      const r = await requestCode(n, b);
      setChallenge(r.challengeId);
    } catch (err) {
      setError(err instanceof Error ? err.message : t.failed);
    } finally {
      setBusy(false);
    }
  };

  const check = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!challenge) return;
    setBusy(true);
    setError(null);
    try {
      await verifyCode(challenge, code.replace(/\D/g, ''));
      onSignedIn();
    } catch (err) {
      setError(err instanceof Error ? err.message : t.failed);
      setBusy(false);
    }
  };

  return (
    <section class="panel">
      <h1>{t.signInTitle}</h1>
      {challenge === null ? (
        <form onSubmit={(e) => void ask(e)} noValidate>
          <p>{t.signInIntro}</p>
          <div class="appt-field">
            <label for="pn">{t.patientNumber}</label>
            <input
              id="pn"
              inputMode="numeric"
              autoComplete="off"
              value={number}
              aria-describedby="pn-hint"
              onInput={(e) => setNumber(e.currentTarget.value)}
            />
            <p id="pn-hint" class="muted">
              {t.patientNumberHint}
            </p>
          </div>
          <div class="appt-field">
            <label for="bd">{t.birthDate}</label>
            <input
              id="bd"
              inputMode="numeric"
              autoComplete="bday"
              value={birth}
              aria-describedby="bd-hint"
              onInput={(e) => setBirth(e.currentTarget.value)}
            />
            <p id="bd-hint" class="muted">
              {t.birthDateHint}
            </p>
          </div>
          <ErrorBox message={error} />
          <button type="submit" class="appt-btn appt-btn--primary" disabled={busy}>
            {t.sendCode}
          </button>
        </form>
      ) : (
        <form onSubmit={(e) => void check(e)} noValidate>
          <p role="status">{t.codeSent}</p>
          <div class="appt-field">
            <label for="code">{t.code}</label>
            <input
              id="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </div>
          <ErrorBox message={error} />
          <button type="submit" class="appt-btn appt-btn--primary" disabled={busy || code.replace(/\D/g, '').length !== 6}>
            {t.verify}
          </button>
          <button
            type="button"
            class="appt-btn"
            onClick={() => {
              setChallenge(null);
              setCode('');
              setError(null);
            }}
          >
            {t.again}
          </button>
        </form>
      )}
    </section>
  );
}
