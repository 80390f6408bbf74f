import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { IssuedLineLinkCode, PatientLineView } from '@mimamori/server/api-types';
import { api } from '../../../shared/api/client.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import '../outbox/outbox.css';

/** A patient's LINE: its state, how messages go, a one-time link code with its QR code (reception), unlink. */
export function PatientLinePage(): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const key = ['line', 'patient', id];
  const q = useQuery({ queryKey: key, queryFn: () => api<PatientLineView>(`/api/patients/${id}/line`) });
  const [asGuardian, setAsGuardian] = useState(false);
  const code = useMutation({ mutationFn: () => api<IssuedLineLinkCode>(`/api/patients/${id}/line/code`, { method: 'POST', body: { asGuardian } }) });
  const pref = useMutation({ mutationFn: (preference: string) => api<PatientLineView>(`/api/patients/${id}/line/preference`, { method: 'PUT', body: { preference } }), onSuccess: (v) => qc.setQueryData(key, v) });
  const unlink = useMutation({ mutationFn: () => api<PatientLineView>(`/api/patients/${id}/line/unlink`, { method: 'POST' }), onSuccess: (v) => qc.setQueryData(key, v) });
  if (q.isPending) return <Page title={t('line.patientTitle')}><Loading /></Page>;
  if (q.isError) return <Page title={t('line.patientTitle')}><ErrorMessage error={q.error} /></Page>;
  const v = q.data;
  return (
    <Page title={t('line.patientTitle')}>
      <div className="patient-line">
        {v.links.length === 0 ? <p>{t('line.notLinked')}</p> : (
          <ul className="plain">
            {v.links.map((l) => (
              <li key={`${l.linkedAt}-${l.asGuardian}`}>
                {l.asGuardian ? t('line.guardian') : t('line.own')}: <strong>{t(`line.statuses.${l.status}`, { defaultValue: l.status })}</strong>
                {' '}{l.displayName ? <span>（{t('line.displayName')}: {l.displayName}）</span> : null}
                <span className="muted small"> · {formatDateTime(l.changedAt, lang)}</span>
              </li>
            ))}
          </ul>
        )}
        {v.linked ? (
          <section aria-labelledby="line-pref">
            <h2 id="line-pref">{t('line.preference')}</h2>
            <div className="row-actions" role="group" aria-labelledby="line-pref">
              {(['line', 'both', 'mail'] as const).map((p) => (
                <button key={p} type="button" className={`btn${v.preference === p ? ' btn--primary' : ''}`} aria-pressed={v.preference === p} onClick={() => pref.mutate(p)}>
                  {t(`line.preferences.${p}`)}
                </button>
              ))}
            </div>
            <p><button type="button" className="btn" onClick={() => unlink.mutate()}>{t('line.unlink')}</button></p>
            <ErrorMessage error={pref.error ?? unlink.error} />
          </section>
        ) : null}
        <section aria-labelledby="line-code">
          <h2 id="line-code">{t('line.showCode')}</h2>
          {!v.available ? <Alert tone="info">{t('line.notReady')}</Alert> : (
            <>
              <p className="muted">{t('line.codeLead')}</p>
              <div className="field">
                <label><input type="checkbox" checked={asGuardian} onChange={(e) => setAsGuardian(e.target.checked)} /> {t('line.asGuardian')}</label>
              </div>
              <button type="button" className="btn btn--primary" disabled={code.isPending} onClick={() => code.mutate()}>{t('line.showCode')}</button>
              <ErrorMessage error={code.error} />
              {code.data ? (
                <div className="line-code">
                  <img src={code.data.qrDataUrl} alt={`QR: ${code.data.code}`} />
                  <div>
                    <p className="line-code__code" data-testid="line-code">{code.data.code}</p>
                    <p className="muted small">{t('line.codeExpires', { time: formatDateTime(code.data.expiresAt, lang) })}</p>
                    <p className="small">{code.data.botBasicId}</p>
                  </div>
                </div>
              ) : null}
            </>
          )}
        </section>
      </div>
    </Page>
  );
}
