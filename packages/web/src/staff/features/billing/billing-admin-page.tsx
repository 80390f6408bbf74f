import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { usePendingRefunds, usePrices, useSettings, yen, type BillingSettings } from './billing-api.ts';
import './billing.css';

const TAX = ['taxable_10', 'non_taxable', 'not_subject'] as const;
const EVENTS = ['none', 'infusion_session', 'tms_session', 'screening_visit', 'document_medical_certificate', 'document_opinion_certificate', 'document_referral_copy', 'document_medical_certificate_en'] as const;

/** `/billing/admin` (admin): the price list and its history, statement settings, refund approvals. */
export function BillingAdminPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <Page title={t('bil.adminTitle')} actions={<Link className="btn" to="/billing">{t('bil.title')}</Link>}>
      <RefundApprovals />
      <PriceSection />
      <SettingsSection />
    </Page>
  );
}

function RefundApprovals(): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = usePendingRefunds();
  const decide = useMutation({
    mutationFn: (o: { id: string; decision: 'approved' | 'rejected' }) => api(`/api/billing/refunds/${o.id}/decision`, { method: 'POST', body: { decision: o.decision } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['billing'] }),
  });
  return (
    <section className="card card--wide" aria-labelledby="bil-pending">
      <h2 id="bil-pending">{t('bil.pendingRefunds')}</h2>
      {q.isLoading ? <Loading /> : null}
      <ErrorMessage error={q.error ?? decide.error} />
      {q.data?.items.length === 0 ? <p className="empty">{t('bil.noPending')}</p> : null}
      <ul className="cards">
        {q.data?.items.map((r) => (
          <li key={r.id} className="card">
            <p><strong>{yen(r.amountYen)}</strong> ({t(`bil.methods.${r.method}`)}) — {r.reason}</p>
            <p>{t('bil.patient')}: {r.patient ? <Link to={`/billing/patients/${r.patient.id}`}>{r.patient.name_kanji}（{r.patient.patient_number}）</Link> : '—'}</p>
            {r.proposal ? <p className="field__hint">{t('bil.proposal', { unused: r.proposal.unusedSessions, share: yen(r.proposal.unusedShareYen), fee: yen(r.proposal.feeYen) })}</p> : null}
            <div className="form__actions">
              <button type="button" className="btn btn--primary" onClick={() => decide.mutate({ id: r.id, decision: 'approved' })}>{t('bil.approve')}</button>
              <button type="button" className="btn" onClick={() => decide.mutate({ id: r.id, decision: 'rejected' })}>{t('bil.reject')}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PriceSection(): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const lang = currentLanguage();
  const prices = usePrices();
  const [f, setF] = useState({ code: '', nameJa: '', nameEn: '', priceYen: '', taxCategory: 'taxable_10', effectiveFrom: '', event: 'none', programId: '', sessions: '', fee: '', feeFreeDays: '' });
  useEffect(() => { if (prices.data && !f.effectiveFrom) setF((x) => ({ ...x, effectiveFrom: prices.data.today })); }, [prices.data, f.effectiveFrom]);
  const add = useMutation({
    mutationFn: () => api('/api/billing/prices', {
      method: 'POST',
      body: {
        code: f.code, name: { ja: f.nameJa, en: f.nameEn }, priceYen: Number(f.priceYen), taxCategory: f.taxCategory, effectiveFrom: f.effectiveFrom,
        event: f.event === 'none' ? null : f.event, programId: f.programId.trim() || null, sessions: f.sessions.trim() ? Number(f.sessions) : null,
        refundPolicy: f.sessions.trim() ? { kind: 'pro_rata', cancellationFeeYen: Number(f.fee || 0), feeFreeDaysBefore: Number(f.feeFreeDays || 0) } : null,
      },
    }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['billing', 'prices'] }),
  });
  const errors = fieldErrors(add.error);
  const fill = (code: string) => {
    const p = prices.data?.current.find((x) => x.code === code);
    if (p) setF({ ...f, code: p.code, nameJa: p.name.ja, nameEn: p.name.en, priceYen: String(p.priceYen), taxCategory: p.taxCategory, event: p.event ?? 'none', programId: p.programId ?? '', sessions: p.sessions ? String(p.sessions) : '',
      fee: p.refundPolicy?.kind === 'pro_rata' ? String(p.refundPolicy.cancellationFeeYen) : '', feeFreeDays: p.refundPolicy?.kind === 'pro_rata' ? String(p.refundPolicy.feeFreeDaysBefore) : '' });
  };
  return (
    <section className="card card--wide" aria-labelledby="bil-prices">
      <h2 id="bil-prices">{t('bil.prices')}</h2>
      {prices.isLoading ? <Loading /> : null}
      <ErrorMessage error={prices.error} />
      {prices.data ? (
        <div className="table-scroll billing-scroll" role="region" tabIndex={0} aria-labelledby="bil-prices">
          <table className="table">
            <thead><tr><th scope="col">{t('bil.code')}</th><th scope="col">{t('bil.item')}</th><th scope="col" className="num">{t('bil.priceYen')}</th><th scope="col">{t('bil.taxCategory')}</th><th scope="col">{t('bil.effectiveFrom')}</th><th scope="col">{t('bil.event')}</th><th scope="col"><span className="visually-hidden">{t('bil.addPrice')}</span></th></tr></thead>
            <tbody>
              {prices.data.current.map((p) => (
                <tr key={p.code}>
                  <td>{p.code}</td><td>{p.name[lang] || p.name.ja}{p.sessions ? ` (${p.programId}, ${p.sessions})` : ''}</td><td className="num">{yen(p.priceYen)}</td>
                  <td>{t(`bil.taxCategories.${p.taxCategory}`)}</td><td>{p.effectiveFrom}</td><td>{t(`bil.events.${p.event ?? 'none'}`)}</td>
                  <td><button type="button" className="btn btn--small btn--quiet" onClick={() => fill(p.code)}>{t('bil.addPrice')}<span className="visually-hidden"> {p.code}</span></button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {prices.data && prices.data.versions.length > prices.data.current.length ? (
        <details>
          <summary>{t('bil.versions')}</summary>
          <ul>{prices.data.versions.map((v) => <li key={v.id}>{v.code} · {v.effectiveFrom} · {yen(v.priceYen)} · {t(`bil.taxCategories.${v.taxCategory}`)}</li>)}</ul>
        </details>
      ) : null}
      {add.isSuccess ? <Alert tone="success">{t('bil.saved')}</Alert> : null}
      <form className="form" onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
        <h3>{t('bil.addPrice')}</h3>
        <div className="field"><label htmlFor="bp-code">{t('bil.code')}</label><input id="bp-code" required pattern="[A-Z0-9][A-Z0-9\-]*" value={f.code} onChange={(e) => setF({ ...f, code: e.target.value.toUpperCase() })} /></div>
        <div className="field"><label htmlFor="bp-ja">{t('bil.nameJa')}</label><input id="bp-ja" required value={f.nameJa} onChange={(e) => setF({ ...f, nameJa: e.target.value })} /></div>
        <div className="field"><label htmlFor="bp-en">{t('bil.nameEn')}</label><input id="bp-en" required value={f.nameEn} onChange={(e) => setF({ ...f, nameEn: e.target.value })} /></div>
        <div className="field"><label htmlFor="bp-yen">{t('bil.priceYen')}</label><input id="bp-yen" required inputMode="numeric" pattern="[0-9]+" value={f.priceYen} onChange={(e) => setF({ ...f, priceYen: e.target.value })} /></div>
        <div className="field">
          <label htmlFor="bp-tax">{t('bil.taxCategory')}</label>
          <select id="bp-tax" value={f.taxCategory} onChange={(e) => setF({ ...f, taxCategory: e.target.value })}>{TAX.map((x) => <option key={x} value={x}>{t(`bil.taxCategories.${x}`)}</option>)}</select>
        </div>
        <div className="field">
          <label htmlFor="bp-from">{t('bil.effectiveFrom')}</label><input id="bp-from" type="date" required value={f.effectiveFrom} onChange={(e) => setF({ ...f, effectiveFrom: e.target.value })} />
          {errors.effectiveFrom ? <p className="field__error">{errors.effectiveFrom}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="bp-event">{t('bil.event')}</label>
          <select id="bp-event" value={f.event} onChange={(e) => setF({ ...f, event: e.target.value })}>{EVENTS.map((x) => <option key={x} value={x}>{t(`bil.events.${x}`)}</option>)}</select>
        </div>
        <div className="field"><label htmlFor="bp-program">{t('bil.program')}</label><input id="bp-program" value={f.programId} onChange={(e) => setF({ ...f, programId: e.target.value })} /></div>
        <div className="field"><label htmlFor="bp-sessions">{t('bil.sessions')}</label><input id="bp-sessions" inputMode="numeric" pattern="[0-9]*" value={f.sessions} onChange={(e) => setF({ ...f, sessions: e.target.value })} /></div>
        {f.sessions.trim() ? (
          <>
            <p className="field__hint">{t('bil.refundPolicyHelp')}</p>
            <div className="field"><label htmlFor="bp-fee">{t('bil.cancellationFee')}</label><input id="bp-fee" inputMode="numeric" pattern="[0-9]*" value={f.fee} onChange={(e) => setF({ ...f, fee: e.target.value })} /></div>
            <div className="field"><label htmlFor="bp-feefree">{t('bil.feeFreeDays')}</label><input id="bp-feefree" inputMode="numeric" pattern="[0-9]*" value={f.feeFreeDays} onChange={(e) => setF({ ...f, feeFreeDays: e.target.value })} /></div>
          </>
        ) : null}
        {add.isError && Object.keys(errors).length === 0 ? <ErrorMessage error={add.error} /> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('bil.add')}</button></div>
      </form>
    </section>
  );
}

function SettingsSection(): ReactNode {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useSettings();
  const [f, setF] = useState<{ address: string; phone: string; registrationNumber: string; rounding: BillingSettings['rounding'] } | null>(null);
  useEffect(() => { if (q.data && !f) setF({ ...q.data, registrationNumber: q.data.registrationNumber ?? '' }); }, [q.data, f]);
  const save = useMutation({ mutationFn: () => api<BillingSettings>('/api/billing/settings', { method: 'PUT', body: f }), onSuccess: () => void qc.invalidateQueries({ queryKey: ['billing', 'settings'] }) });
  const errors = fieldErrors(save.error);
  if (!f) return <Loading />;
  return (
    <section className="card card--wide" aria-labelledby="bil-settings">
      <h2 id="bil-settings">{t('bil.settings')}</h2>
      {save.isSuccess ? <Alert tone="success">{t('bil.saved')}</Alert> : null}
      <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <div className="field"><label htmlFor="bs-address">{t('bil.address')}</label><input id="bs-address" value={f.address} onChange={(e) => setF({ ...f, address: e.target.value })} /></div>
        <div className="field"><label htmlFor="bs-phone">{t('bil.phone')}</label><input id="bs-phone" value={f.phone} onChange={(e) => setF({ ...f, phone: e.target.value })} /></div>
        <div className="field">
          <label htmlFor="bs-reg">{t('bil.registrationNumber')}</label><input id="bs-reg" value={f.registrationNumber} onChange={(e) => setF({ ...f, registrationNumber: e.target.value })} aria-invalid={errors.registrationNumber ? true : undefined} />
          {errors.registrationNumber ? <p className="field__error">{errors.registrationNumber}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="bs-round">{t('bil.rounding')}</label>
          <select id="bs-round" value={f.rounding} onChange={(e) => setF({ ...f, rounding: e.target.value as BillingSettings['rounding'] })}>
            {(['floor', 'round', 'ceil'] as const).map((r) => <option key={r} value={r}>{t(`bil.roundings.${r}`)}</option>)}
          </select>
        </div>
        {save.isError && Object.keys(errors).length === 0 ? <ErrorMessage error={save.error} /> : null}
        <div className="form__actions"><button className="btn btn--primary" type="submit">{t('bil.save')}</button></div>
      </form>
    </section>
  );
}
