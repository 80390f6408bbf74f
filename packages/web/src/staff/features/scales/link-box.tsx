import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format/dates.ts';
import type { IssuedLink } from './scales-api.ts';

/** The patient's link as text to copy (into LINE) and a QR code rendered by the server. */
export function LinkBox({ link }: { readonly link: IssuedLink }): ReactNode {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="q-link" data-testid="questionnaire-link">
      <h3>{t('scl.linkTitle')}</h3>
      <p className="small">{t('scl.linkHelp', { date: formatDateTime(link.expiresAt) })}</p>
      <div className="q-link__row">
        <img className="q-link__qr" src={link.qr} alt={t('scl.qrAlt')} width={168} height={168} />
        <div className="q-link__text">
          <input className="mono" readOnly value={link.url} aria-label={t('scl.linkTitle')} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              void navigator.clipboard?.writeText(link.url).then(() => setCopied(true));
            }}
          >
            {copied ? t('scl.copied') : t('scl.copy')}
          </button>
        </div>
      </div>
    </div>
  );
}
