import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken, setReauthHandler } from '../../../shared/api/client.ts';
import type { Session } from '../../../shared/api/types.ts';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/alert.tsx';
import { PasswordAndCodeFields } from './credential-fields.tsx';

/**
 * Asks for password and code again when the server answers `reauth_required` (a sensitive action
 * more than 5 minutes after signing in). The request that was refused is sent again once the
 * fresh session is in place; cancelling leaves the page as it was, with the server's message.
 */
export function ReauthDialog(): ReactNode {
  const { t } = useTranslation();
  const { session, signedIn } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const pending = useRef<((ok: boolean) => void) | null>(null);
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setReauthHandler(
      () =>
        new Promise<boolean>((resolve) => {
          pending.current?.(false);
          pending.current = resolve;
          setPassword('');
          setCode('');
          setError(null);
          setOpen(true);
        }),
    );
    return () => setReauthHandler(null);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const finish = (ok: boolean): void => {
    setOpen(false);
    const resolve = pending.current;
    pending.current = null;
    resolve?.(ok);
  };

  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await api<Session>('/api/auth/reauth', { method: 'POST', body: { password, code } });
      // The retried request must carry the new session's token before React re-renders.
      setCsrfToken(s.csrfToken);
      signedIn(s);
      setPassword('');
      finish(true);
    } catch (err) {
      setCode('');
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="reauth-dialog" aria-labelledby="reauth-title" onCancel={() => finish(false)}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2 id="reauth-title">{t('auth.reauthTitle')}</h2>
        <p className="muted small">{t('auth.reauthIntro')}</p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <input type="text" name="username" autoComplete="username" value={session?.user.loginId ?? ''} readOnly hidden />
        <PasswordAndCodeFields password={password} onPassword={setPassword} code={code} onCode={setCode} />
        <div className="reauth-dialog__actions">
          <button type="button" className="btn" onClick={() => finish(false)} disabled={busy}>
            {t('auth.reauthCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('common.working') : t('auth.reauthSubmit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
