import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api-error.ts';
import { api } from '../../../shared/api/client.ts';
import type { Session } from '../../../shared/api/types.ts';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { PasswordAndCodeFields } from './credential-fields.tsx';
import { safeNext } from './safe-next.ts';

export function LoginPage(): ReactNode {
  const { t } = useTranslation();
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (session) return <Navigate to={next} replace />;

  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await api<Session>('/api/auth/login', { method: 'POST', body: { loginId, password, code } });
      signedIn(s);
      void navigate(next, { replace: true });
    } catch (err) {
      setCode('');
      if (err instanceof ApiError && err.status === 429 && err.retryAfterSeconds) {
        setError(`${err.message} ${t('auth.retryAfter', { minutes: Math.ceil(err.retryAfterSeconds / 60) })}`);
      } else {
        setError(err instanceof Error ? err.message : t('auth.loginFailed'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('auth.loginTitle')}>
      {params.get('expired') ? <Alert tone="info">{t('auth.expired')}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label={t('auth.loginId')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={loginId}
          onChange={(e) => setLoginId(e.target.value)}
        />
        <PasswordAndCodeFields password={password} onPassword={setPassword} code={code} onCode={setCode} />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('common.working') : t('auth.login')}
        </button>
      </form>
      <p className="muted small">{t('auth.forgot')}</p>
    </AuthFrame>
  );
}
