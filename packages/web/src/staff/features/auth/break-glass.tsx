import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isEmergencyRead, type Permission } from '@mimamori/core/auth/permissions';
import { api } from '../../../shared/api/client.ts';
import type { Session } from '../../../shared/api/types.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../components/alert.tsx';
import { TextAreaField } from '../../components/field.tsx';

/**
 * Offered on a page the role may not open when the page only reads clinical records: start
 * emergency (break-glass) access with a reason. The server asks for password and code again first
 * (the re-authentication dialog), grants reads for at most 4 hours and tells the administrators.
 */
export function BreakGlassOffer({ permission }: { readonly permission: Permission }): ReactNode {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [reason, setReason] = useState('');
  const start = useMutation({
    mutationFn: () => api<Session>('/api/auth/break-glass', { method: 'POST', body: { reason: reason.trim() } }),
    onSuccess: (s) => signedIn(s),
  });
  if (!isEmergencyRead(permission)) return null;
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    start.mutate();
  };
  return (
    <section className="card break-glass" aria-labelledby="break-glass-title">
      <h2 id="break-glass-title">{t('breakGlass.title')}</h2>
      <p>{t('breakGlass.intro')}</p>
      <ErrorMessage error={start.error} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextAreaField
          label={t('breakGlass.reason')}
          hint={t('breakGlass.reasonHint')}
          name="reason"
          required
          minLength={10}
          maxLength={500}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="btn btn--danger" disabled={start.isPending || reason.trim().length < 10}>
          {start.isPending ? t('common.working') : t('breakGlass.start')}
        </button>
      </form>
    </section>
  );
}

/** While emergency access is on: a banner on every page, with the end time and a way to end it. */
export function BreakGlassBanner(): ReactNode {
  const { t } = useTranslation();
  const { session, signedIn } = useSession();
  const end = useMutation({
    mutationFn: () => api<Session>('/api/auth/break-glass', { method: 'DELETE' }),
    onSuccess: (s) => signedIn(s),
  });
  if (!session?.breakGlass) return null;
  return (
    <div className="break-glass-banner" role="status">
      <p>{t('breakGlass.active', { until: formatDateTime(session.breakGlass.expiresAt) })}</p>
      <button type="button" className="btn" disabled={end.isPending} onClick={() => end.mutate()}>
        {t('breakGlass.end')}
      </button>
    </div>
  );
}
