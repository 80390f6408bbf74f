import { useState, type ReactNode } from 'react';
import './intake.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { usePatient } from '../patients/patient-api.ts';
import { PatientBanner } from '../patients/patient-banner.tsx';
import { useCancelIntake, usePatientIntakes, useSendAdolescentIntake, useSendIntake, type SentIntake } from './intake-api.ts';

/** Copies text with the Clipboard API (no pop-up); says so for screen readers. */
export function CopyButton({ text, label }: { readonly text: string; readonly label: string }): ReactNode {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(() => {
            setDone(true);
            window.setTimeout(() => setDone(false), 2000);
          });
        }}
      >
        {label}
      </button>
      <span role="status" className="muted small">
        {done ? ` ${t('intake.copied')}` : ''}
      </span>
    </>
  );
}

function SentBox({ sent, own = false }: { readonly sent: SentIntake; readonly own?: boolean }): ReactNode {
  const { t } = useTranslation();
  const titleId = own ? 'intake-own-sent-title' : 'intake-sent-title';
  return (
    <section className="card card--wide intake-sent" aria-labelledby={titleId}>
      <h2 id={titleId}>{own ? t('intake.adolescentLink') : t('intake.link')}</h2>
      <Alert tone="success">
        {t('intake.sent')} {sent.mailQueued ? t('intake.mailQueued') : t('intake.noMail')} {sent.answersKept ? t('intake.reused') : sent.reused ? t('intake.relinked') : ''}
      </Alert>
      {sent.link && sent.qr ? <LinkAndQr link={sent.link} qr={sent.qr} /> : null}
    </section>
  );
}

function LinkAndQr({ link, qr }: { readonly link: { readonly url: string; readonly expiresAt: string }; readonly qr: string }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <>
      <div className="intake-link">
        <input
          className="intake-link__url mono"
          readOnly
          value={link.url}
          aria-label={t('intake.link')}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={link.url} label={t('intake.copy')} />
      </div>
      <p className="muted small">{t('intake.validUntil', { date: formatDateTime(link.expiresAt, lang) })}</p>
      <figure className="intake-qr">
        <img src={qr} alt={t('intake.qr')} width={200} height={200} />
        <figcaption className="muted small">{t('intake.qr')}</figcaption>
      </figure>
    </>
  );
}

/**
 * Whether the patient is 12–17 today (the browser's day; the server decides with the clinic's
 * calendar day and refuses other ages with a message).
 */
function isAdolescent(birthDate: string): boolean {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const now = new Date();
  const age = now.getFullYear() - y - (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d) ? 1 : 0);
  return age >= 12 && age < 18;
}

/** The patient's intake panel: send (email, link to copy, QR code) and the status of each intake. */
export function PatientIntakePage(): ReactNode {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const lang = currentLanguage();
  const patient = usePatient(id);
  const intakes = usePatientIntakes(id);
  const send = useSendIntake(id);
  const sendOwn = useSendAdolescentIntake(id);
  const cancel = useCancelIntake();
  const [audience, setAudience] = useState<'' | 'adult' | 'child'>('');
  const [email, setEmail] = useState(true);

  if (patient.isPending) return <Loading />;
  if (patient.isError) return <ErrorMessage error={patient.error} />;
  const open = (intakes.data ?? []).some((i) => i.status === 'sent' || i.status === 'started');
  return (
    <Page title={t('intake.patientTitle')} before={<PatientBanner patient={patient.data} />}>
      <p>
        <Link to={`/patients/${encodeURIComponent(id)}`}>{t('patients.detailTitle')}</Link>
      </p>
      {can('intake:send') ? (
        <form
          className="form card"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate({ ...(audience ? { audience } : {}), email });
          }}
        >
          <div className="field">
            <label htmlFor="intake-audience">{t('intake.audience')}</label>
            <select id="intake-audience" value={audience} onChange={(e) => setAudience(e.target.value as '' | 'adult' | 'child')}>
              <option value="">{t('intake.audienceAuto')}</option>
              <option value="adult">{t('intake.audienceAdult')}</option>
              <option value="child">{t('intake.audienceChild')}</option>
            </select>
          </div>
          {can('intake:read') ? (
            <label className="check">
              <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} /> {t('intake.sendEmail')}
            </label>
          ) : (
            <p className="muted small">{t('intake.mailOnly')}</p>
          )}
          <ErrorMessage error={send.error} />
          <div>
            <button type="submit" className="btn btn--primary" disabled={send.isPending}>
              {open ? t('intake.resend') : t('intake.send')}
            </button>
          </div>
        </form>
      ) : null}
      {send.data ? <SentBox sent={send.data} /> : null}
      {can('intake:send') && isAdolescent(patient.data.birthDate) ? (
        <section className="card" aria-labelledby="intake-own-title">
          <h2 id="intake-own-title">{t('intake.adolescentTitle')}</h2>
          <p className="small">{t('intake.adolescentIntro')}</p>
          <ErrorMessage error={sendOwn.error} />
          <button type="button" className="btn" disabled={sendOwn.isPending} onClick={() => sendOwn.mutate({ email })}>
            {t('intake.adolescentSend')}
          </button>
        </section>
      ) : null}
      {sendOwn.data ? <SentBox sent={sendOwn.data} own /> : null}
      <section aria-labelledby="intake-history">
        <h2 id="intake-history">{t('intake.history')}</h2>
        {intakes.isPending ? <Loading /> : null}
        <ErrorMessage error={intakes.error} />
        {intakes.data && intakes.data.length === 0 ? <p className="empty">{t('intake.none')}</p> : null}
        {intakes.data && intakes.data.length > 0 ? (
          <div className="table-scroll">
            <table className="table table--cards">
              <caption className="visually-hidden">{t('intake.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('intake.respondent')}</th>
                  <th scope="col">{t('intake.status')}</th>
                  <th scope="col">{t('intake.sentAt')}</th>
                  <th scope="col">{t('intake.submittedAt')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {intakes.data.map((i) => (
                  <tr key={i.id}>
                    <td data-label={t('intake.respondent')}>{t(`intake.respondents.${i.respondent}`)}</td>
                    <td data-label={t('intake.status')}>
                      <span className={`status intake-status intake-status--${i.status}`}>{t(`intake.statuses.${i.status}`)}</span>{' '}
                      {i.status === 'started' ? (
                        <span className="muted small">{t('intake.progress', { done: i.progress.completed, total: i.progress.total })}</span>
                      ) : null}
                    </td>
                    <td data-label={t('intake.sentAt')}>{formatDateTime(i.sentAt, lang)}</td>
                    <td data-label={t('intake.submittedAt')}>{i.submittedAt ? formatDateTime(i.submittedAt, lang) : '—'}</td>
                    <td data-label={t('common.actions')} className="row-actions">
                      {i.status === 'submitted' && can('intake:read') ? (
                        <Link className="btn btn--small btn--primary" to={`/intakes/${encodeURIComponent(i.id)}`}>
                          {t('intake.open')}
                        </Link>
                      ) : null}
                      {(i.status === 'sent' || i.status === 'started') && can('intake:send') ? (
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => window.confirm(t('intake.cancelConfirm')) && cancel.mutate(i.id)}
                        >
                          {t('intake.cancel')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
