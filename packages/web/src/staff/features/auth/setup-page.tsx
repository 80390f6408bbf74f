import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { api } from '../../../shared/api/client.ts';
import type { Enrolment } from '../../../shared/api/types.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading } from '../../components/page.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules.ts';
import { TotpEnrolment } from './totp-enrolment.tsx';
import { useUrlToken } from './use-url-token.ts';

/** First run: the link the server printed creates the first administrator. */
export function SetupPage(): ReactNode {
  const { t } = useTranslation();
  const token = useUrlToken();
  const status = useQuery({
    queryKey: ['setup-status', token],
    queryFn: () =>
      api<{ needsSetup: boolean; clinicName?: string }>(`/api/setup/status${token ? `?token=${encodeURIComponent(token)}` : ''}`),
  });
  const [loginId, setLoginId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [clinicName, setClinicName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);

  if (enrolment) {
    return (
      <AuthFrame title={t('enrol.title')}>
        <TotpEnrolment enrolment={enrolment} />
      </AuthFrame>
    );
  }
  if (status.isPending) return <Loading />;
  if (status.data && !status.data.needsSetup) {
    return (
      <AuthFrame title={t('setup.title')}>
        <Alert tone="info">{t('setup.done')}</Alert>
        <p>
          <Link to="/login">{t('auth.goLogin')}</Link>
        </p>
      </AuthFrame>
    );
  }
  if (!token) {
    return (
      <AuthFrame title={t('setup.title')}>
        <Alert tone="warning">{t('setup.noToken')}</Alert>
      </AuthFrame>
    );
  }

  const problem = passwordProblem(password, confirm);
  const errs = fieldErrors(error);
  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setTried(true);
    if (problem || !loginId || !displayName) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ enrolment: Enrolment }>('/api/setup', {
        method: 'POST',
        body: { token, loginId, displayName, password, ...(clinicName.trim() ? { clinicName: clinicName.trim() } : {}) },
      });
      setEnrolment(r.enrolment);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <ErrorMessage error={error} />
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {status.data?.clinicName ? (
          <p>
            {t('setup.clinicName')}: <strong>{status.data.clinicName}</strong>
          </p>
        ) : (
          <TextField
            label={t('setup.clinicName')}
            hint={t('setup.clinicNameHint')}
            autoComplete="organization"
            value={clinicName}
            error={errs.clinicName}
            onChange={(e) => setClinicName(e.target.value)}
          />
        )}
        <TextField
          label={t('auth.loginId')}
          hint={t('setup.loginIdHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={loginId}
          error={errs.loginId ?? (tried && !loginId ? t('common.required') : undefined)}
          onChange={(e) => setLoginId(e.target.value)}
        />
        <TextField
          label={t('staff.displayName')}
          autoComplete="name"
          required
          value={displayName}
          error={errs.displayName ?? (tried && !displayName ? t('common.required') : undefined)}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <PasswordFields
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          error={errs.password ?? (tried && problem ? t(`password.${problem}`, { min: MIN_PASSWORD_LENGTH }) : undefined)}
        />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('common.working') : t('setup.next')}
        </button>
      </form>
    </AuthFrame>
  );
}

export function PasswordFields(props: {
  readonly password: string;
  readonly confirm: string;
  readonly onPassword: (v: string) => void;
  readonly onConfirm: (v: string) => void;
  readonly error: string | undefined;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('auth.newPassword')}
        hint={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
        value={props.password}
        onChange={(e) => props.onPassword(e.target.value)}
      />
      <TextField
        label={t('auth.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={props.confirm}
        error={props.error}
        onChange={(e) => props.onConfirm(e.target.value)}
      />
    </>
  );
}
