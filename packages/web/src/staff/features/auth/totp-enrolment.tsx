import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import type { Enrolment, Session } from '../../../shared/api/types.ts';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/alert.tsx';
import { TotpCodeField } from './credential-fields.tsx';
import { groupSecret, svgDataUrl } from './totp-display.ts';

/** Step 2 of setup and invitation: scan the QR (or type the key), then prove it with a code. */
export function TotpEnrolment({ enrolment }: { readonly enrolment: Enrolment }): ReactNode {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await api<Session>('/api/auth/totp/enrol', { method: 'POST', body: { code } });
      signedIn(s);
      void navigate('/', { replace: true });
    } catch (err) {
      setCode('');
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="enrol">
      <ol className="steps">
        <li>{t('enrol.step1')}</li>
        <li>{t('enrol.step2')}</li>
        <li>{t('enrol.step3')}</li>
      </ol>
      <div className="enrol__qr">
        <img src={svgDataUrl(enrolment.qrSvg)} alt={t('enrol.qrAlt')} width={200} height={200} />
      </div>
      <p className="small">{t('enrol.manual')}</p>
      <p className="secret" aria-label={t('enrol.secretLabel')}>
        <code>{groupSecret(enrolment.secret)}</code>
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TotpCodeField value={code} onChange={setCode} />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy || code.length !== 6}>
          {busy ? t('common.working') : t('enrol.finish')}
        </button>
      </form>
    </div>
  );
}
