import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { closingCsvUrl, useClosing, yen } from './billing-api.ts';
import './billing.css';

/** Today's clinic date (Asia/Tokyo) as `YYYY-MM-DD`. */
function tokyoToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** `/billing/closing`: the 日計表 of a day, per payment method, with the CSV for the accountant. */
export function ClosingPage(): ReactNode {
  const { t } = useTranslation();
  const [date, setDate] = useState(tokyoToday);
  const [from, setFrom] = useState(() => `${tokyoToday().slice(0, 8)}01`);
  const [to, setTo] = useState(tokyoToday);
  const c = useClosing(date);
  return (
    <Page title={t('bil.closingTitle')} actions={<Link className="btn" to="/billing">{t('bil.title')}</Link>}>
      <p className="lead">{t('bil.closingLead')}</p>
      <div className="field">
        <label htmlFor="bil-date">{t('bil.closingDate')}</label>
        <input id="bil-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      {c.isLoading ? <Loading /> : null}
      <ErrorMessage error={c.error} />
      {c.data ? (
        <section className="card card--wide billing-closing" aria-labelledby="bil-closing-h">
          <h2 id="bil-closing-h">{c.data.date}</h2>
          <div className="table-scroll billing-scroll" role="region" tabIndex={0} aria-labelledby="bil-closing-h">
            <table className="table billing-table">
              <thead><tr><th scope="col">{t('bil.method')}</th><th scope="col" className="num">{t('bil.paidYen')}</th><th scope="col" className="num">{t('bil.refundedYen')}</th><th scope="col" className="num">{t('bil.net')}</th><th scope="col" className="num">{t('bil.count')}</th></tr></thead>
              <tbody>
                {c.data.methods.map((m) => (
                  <tr key={m.method}><th scope="row">{t(`bil.methods.${m.method}`)}</th><td className="num">{yen(m.paidYen)}</td><td className="num">{yen(m.refundedYen)}</td><td className="num">{yen(m.netYen)}</td><td className="num">{m.count}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl>
            <dt>{t('bil.charged')}</dt><dd>{yen(c.data.chargedYen)}</dd>
            <dt>{t('bil.paidTotal')}</dt><dd>{yen(c.data.paidYen)}</dd>
            <dt>{t('bil.refundedTotal')}</dt><dd>{yen(c.data.refundedYen)}</dd>
            <dt>{t('bil.cashDrawer')}</dt><dd><strong>{yen(c.data.cashDrawerYen)}</strong></dd>
            <dt>{t('bil.owedAtClose')}</dt><dd>{yen(c.data.owedAtCloseYen)}</dd>
          </dl>
          {c.data.payments.length ? (
            <>
              <h3>{t('bil.closingPayments')}</h3>
              <ul>
                {c.data.payments.map((p) => <li key={p.id}>{formatDateTime(p.paidAt)} · {t('bil.patientNumber')} {p.patientNumber} · {yen(p.amountYen)} ({t(`bil.methods.${p.method}`)}) · {t('bil.receivedBy')}: {p.receivedBy ?? '—'}</li>)}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section className="card card--wide" aria-labelledby="bil-csv-h">
        <h2 id="bil-csv-h">{t('bil.csv')}</h2>
        <div className="form">
          <div className="field"><label htmlFor="bil-csv-from">{t('bil.csvFrom')}</label><input id="bil-csv-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></div>
          <div className="field"><label htmlFor="bil-csv-to">{t('bil.csvTo')}</label><input id="bil-csv-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} /></div>
          <div className="form__actions"><a className="btn" href={closingCsvUrl(from, to)} download>{t('bil.csv')}</a></div>
        </div>
      </section>
    </Page>
  );
}
