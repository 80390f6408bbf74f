import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../../shared/api/api-error.ts';
import { api } from '../../../shared/api/client.ts';
import type { Enrolment, Invitation } from '../../../shared/api/types.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading } from '../../components/page.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules.ts';
import { PasswordFields } from './setup-page.tsx';
import { TotpEnrolment } from './totp-enrolment.tsx';
import { useUrlToken } from './use-url-token.ts';

/** An invitation or a reset link from an administrator: choose a password, then enrol TOTP. */
export function InvitePage(): ReactNode {
  const { t } = useTranslation();
  const token = useUrlToken();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<Invitation>(`/api/invitations/${encodeURIComponent(token)}`),
    enabled: token !== '',
    staleTime: Infinity,
  });
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
  if (!token || invitation.isError) {
    const gone = !token || (invitation.error instanceof ApiError && [404, 410].includes(invitation.error.status));
    return (
      <AuthFrame title={t('invite.title')}>
        {gone ? <Alert tone="warning">{t('invite.invalid')}</Alert> : <ErrorMessage error={invitation.error} />}
      </AuthFrame>
    );
  }
  if (invitation.isPending) return <Loading />;
  const inv = invitation.data;
  const problem = passwordProblem(password, confirm);
  const errs = fieldErrors(error);

  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setTried(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ enrolment: Enrolment }>('/api/invitations/accept', { method: 'POST', body: { token, password } });
      setEnrolment(r.enrolment);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={inv.purpose === 'reset' ? t('invite.resetTitle') : t('invite.title')}>
      <p>{inv.purpose === 'reset' ? t('invite.resetIntro') : t('invite.intro')}</p>
      <dl className="facts">
        <div>
          <dt>{t('auth.loginId')}</dt>
          <dd>
            <code>{inv.loginId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('staff.displayName')}</dt>
          <dd>{inv.displayName}</dd>
        </div>
      </dl>
      <ErrorMessage error={error} />
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {/* Lets password managers store the new password under the right login id. */}
        <input type="text" name="username" autoComplete="username" value={inv.loginId} readOnly hidden />
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
