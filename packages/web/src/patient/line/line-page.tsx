/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { IssuedLineLinkCode, PatientLineView } from '@mimamori/server/api-types';
import { api } from '../../shared/api/client.ts';
import { fill } from '../../shared/format/fill.ts';
import { APPOINTMENT_MESSAGES } from '../appointments/messages.ts';
import { ErrorBox, Go, WithSession } from '../appointments/bits.tsx';
import { instantLabel } from '../appointments/patient-appointments-api.ts';
import { LINE_MESSAGES } from './line-messages.ts';
import './line.css';

export interface LinePageProps {
  readonly lang: 'ja' | 'en';
  readonly loading: string;
  readonly setClinicName: (name: string) => void;
}

/**
 * `/p/line`: the patient links LINE without ever giving a LINE id — a one-time code, sent to the
 * clinic's official account from LINE (a button opens LINE with it typed in; a QR code for a
 * computer) — and chooses how messages come, or unlinks.
 */
export function LinePage(props: LinePageProps) {
  const t = APPOINTMENT_MESSAGES[props.lang];
  return (
    <WithSession t={t} lang={props.lang} loading={props.loading} setClinicName={props.setClinicName}>
      {() => <LineLink {...props} />}
    </WithSession>
  );
}

function LineLink({ lang, loading }: LinePageProps) {
  const t = LINE_MESSAGES[lang];
  const [view, setView] = useState<PatientLineView | null>(null);
  const [code, setCode] = useState<IssuedLineLinkCode | null>(null);
  const [guardian, setGuardian] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : t.failed);
  useEffect(() => {
    api<PatientLineView>('/api/p/line').then(setView).catch(fail);
  }, []);
  // While a code is shown, look again now and then: the page says "linked" as soon as the code arrives.
  // The code arrived: say so once, and put the code away.
  useEffect(() => {
    if (code && view?.linked) {
      setCode(null);
      setNote(t.justLinked);
    }
  }, [code, view?.linked]);
  useEffect(() => {
    if (!code || view?.linked) return;
    const timer = setInterval(() => void api<PatientLineView>('/api/p/line').then(setView).catch(() => undefined), 4000);
    return () => clearInterval(timer);
  }, [code, view?.linked]);
  if (!view) return error ? <ErrorBox message={error} /> : <p role="status">{loading}</p>;
  const own = view.links.find((l) => l.status !== 'unlinked');
  const setPref = (preference: string) => api<PatientLineView>('/api/p/line/preference', { method: 'PUT', body: { preference } }).then(setView).catch(fail);
  const unlink = () => api<PatientLineView>('/api/p/line/unlink', { method: 'POST' }).then((v) => { setView(v); setCode(null); setNote(t.unlinked); }).catch(fail);
  const issue = () => api<IssuedLineLinkCode>('/api/p/line/code', { method: 'POST', body: { asGuardian: guardian } }).then(setCode).catch(fail);
  return (
    <section class="panel line-panel">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {error ? <ErrorBox message={error} /> : null}
      {note ? <p class="line-note" role="status">{note}</p> : null}
      {view.linked ? (
        <>
          <p class="line-ok" role="status" data-testid="line-linked">{view.asGuardian ? t.linkedGuardian : t.linked}</p>
          {view.displayName ? <p data-testid="line-account">{fill(t.account, { name: view.displayName })}</p> : null}
          <fieldset class="line-prefs">
            <legend>{t.how}</legend>
            {(['line', 'both', 'mail'] as const).map((p) => (
              <label key={p} class="line-pref">
                <input type="radio" name="pref" checked={view.preference === p} onChange={() => void setPref(p)} /> {t.prefs[p]}
              </label>
            ))}
          </fieldset>
          <button type="button" class="appt-btn appt-btn--plain" onClick={() => void unlink()}>{t.unlink}</button>
        </>
      ) : !view.available ? (
        <p>{t.notReady}</p>
      ) : (
        <>
          {own?.status === 'unfollowed' ? <p class="line-note">{t.blocked}</p> : null}
          {!code ? (
            <>
              <label class="line-pref">
                <input type="checkbox" checked={guardian} onChange={(e) => setGuardian((e.target as HTMLInputElement).checked)} /> {t.asGuardian}
              </label>
              <button type="button" class="appt-btn appt-btn--primary" onClick={() => void issue()}>{t.start}</button>
            </>
          ) : (
            <div class="line-code-box">
              <p>{t.step1}</p>
              <p>{t.step2}</p>
              <a class="appt-btn appt-btn--primary line-open" href={code.messageUrl} rel="noopener">{t.openLine}</a>
              <a class="appt-btn" href={code.addFriendUrl} rel="noopener">{t.addFriend}（{code.botBasicId}）</a>
              <p class="line-code-label">{t.code}</p>
              <p class="line-code" data-testid="line-code">{code.code}</p>
              <p class="muted">{fill(t.expires, { time: instantLabel(code.expiresAt, lang) })}</p>
              <p class="muted">{t.qr}</p>
              <img class="line-qr" src={code.qrDataUrl} alt={`QR ${code.code}`} width={180} height={180} />
            </div>
          )}
        </>
      )}
      <Go to="/appointments" class="appt-btn appt-btn--plain">{t.back}</Go>
    </section>
  );
}
