import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api/client.ts';
import { fieldErrors } from '../../../shared/api/api-error.ts';
import { formatDateTime } from '../../../shared/format/dates.ts';
import { useSession } from '../../session/session.tsx';
import { Alert, ErrorMessage } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { accountKey, DOCUMENT_KINDS, documentsKey, newFormId, PAYMENT_METHODS, statementPdfUrl, useAccount, useDocuments, usePrices, yen, type DocumentView, type PatientAccountView, type PaymentMethod, type StatementView } from './billing-api.ts';
import './billing.css';

/** `/billing/patients/:id`: a patient's account — open charges and the payment, statements, refunds. */
export function PatientAccountPage(): ReactNode {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const account = useAccount(id);
  if (account.isError) return <Page title={t('bil.title')}><ErrorMessage error={account.error} /></Page>;
  if (!account.data) return <Page title={t('bil.title')}><Loading /></Page>;
  const a = account.data;
  const b = a.balance.balanceYen;
  return (
    <Page title={t('bil.accountTitle', { name: a.patient.name })} actions={<Link className="btn" to="/billing">{t('bil.title')}</Link>}>
      <p>{t('bil.patientNumber')} {a.patient.patientNumber} · {a.patient.nameKana}</p>
      <p className="billing-balance">
        {t('bil.balance')}: <strong>{b > 0 ? t('bil.balanceOwed', { yen: yen(b) }) : b < 0 ? t('bil.balanceAhead', { yen: yen(-b) }) : t('bil.balanceZero')}</strong>
      </p>
      <PaySection account={a} />
      <DocumentsSection account={a} />
      <AddChargeSection account={a} />
      <StatementsSection account={a} />
      <RefundSection account={a} />
    </Page>
  );
}

function ChargeCells({ c }: { readonly c: PatientAccountView['charges'][number] }): ReactNode {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <>
      <td>{c.date}</td>
      <td className="billing-name">{c.name[lang] || c.name.ja}{c.reason ? <small className="billing-reason"> — {c.reason}</small> : null}</td>
      <td className="num">{c.quantity}</td>
      <td className="num">{yen(c.unitPriceYen)}</td>
      <td className="num">{yen(c.amountYen)}</td>
      <td>{t(`bil.sources.${c.source}`, { defaultValue: c.source })}</td>
    </>
  );
}

function PaySection({ account }: { readonly account: PatientAccountView }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const open = account.charges.filter((c) => !c.paymentId && c.source !== 'refund');
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const chosen = open.filter((c) => !unticked.has(c.id));
  const total = chosen.reduce((s, c) => s + c.amountYen, 0);
  const pay = useMutation({
    mutationFn: () => api<{ paymentId: string; statement: StatementView }>('/api/billing/payments', { method: 'POST', body: { patientId: account.patient.id, chargeIds: chosen.map((c) => c.id), method } }),
    onSuccess: () => { setUnticked(new Set()); void qc.invalidateQueries({ queryKey: accountKey(account.patient.id) }); },
  });
  return (
    <section className="card card--wide" aria-labelledby="bil-open">
      <h2 id="bil-open">{t('bil.openCharges')}</h2>
      {pay.data ? (
        <Alert tone="success">
          {t('bil.paid', { number: pay.data.statement.number })}{' '}
          <a href={statementPdfUrl(pay.data.statement.id, currentLanguage())} download>{t('bil.pdf')}</a>
        </Alert>
      ) : null}
      {open.length === 0 ? <p className="empty">{t('bil.noOpen')}</p> : (
        <form onSubmit={(e) => { e.preventDefault(); pay.mutate(); }}>
          <div className="table-scroll billing-scroll" role="region" tabIndex={0} aria-labelledby="bil-open">
            <table className="table billing-table">
              <thead><tr><th scope="col">{t('bil.select')}</th><th scope="col">{t('bil.date')}</th><th scope="col">{t('bil.item')}</th><th scope="col" className="num">{t('bil.qty')}</th><th scope="col" className="num">{t('bil.unit')}</th><th scope="col" className="num">{t('bil.amount')}</th><th scope="col">{t('bil.source')}</th></tr></thead>
              <tbody>
                {open.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <input type="checkbox" aria-label={`${t('bil.select')}: ${c.name.ja} ${c.date}`} checked={!unticked.has(c.id)} disabled={!can('billing:collect')}
                        onChange={(e) => { const n = new Set(unticked); if (e.target.checked) n.delete(c.id); else n.add(c.id); setUnticked(n); }} />
                    </td>
                    <ChargeCells c={c} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {can('billing:collect') ? (
            <div className="form billing-pay">
              <fieldset className="billing-methods">
                <legend>{t('bil.method')}</legend>
                {PAYMENT_METHODS.map((m) => (
                  <label key={m} className="check"><input type="radio" name="bil-method" value={m} checked={method === m} onChange={() => setMethod(m)} /> {t(`bil.methods.${m}`)}</label>
                ))}
              </fieldset>
              <ErrorMessage error={pay.error} />
              <div className="form__actions">
                <button className="btn btn--primary" type="submit" disabled={chosen.length === 0 || pay.isPending}>{t('bil.pay', { yen: yen(total) })}</button>
              </div>
            </div>
          ) : null}
        </form>
      )}
    </section>
  );
}

/** 文書発行: record a document handed to the patient; its charge (from the price list) joins the open charges. */
function DocumentsSection({ account }: { readonly account: PatientAccountView }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const prices = usePrices();
  const documents = useDocuments(account.patient.id);
  const [form, setForm] = useState({ id: newFormId(), kind: '', issuedDate: '', note: '' });
  const issuedDate = form.issuedDate || prices.data?.today || '';
  const issue = useMutation({
    mutationFn: () => api<DocumentView>(`/api/patients/${encodeURIComponent(account.patient.id)}/documents`, {
      method: 'POST', body: { id: form.id, kind: form.kind, issuedDate, ...(form.note.trim() ? { note: form.note } : {}) },
    }),
    onSuccess: () => {
      setForm({ id: newFormId(), kind: '', issuedDate: '', note: '' });
      void qc.invalidateQueries({ queryKey: accountKey(account.patient.id) });
      void qc.invalidateQueries({ queryKey: documentsKey(account.patient.id) });
    },
  });
  const errors = fieldErrors(issue.error);
  const items = documents.data?.items ?? [];
  return (
    <section className="card card--wide" aria-labelledby="bil-docs">
      <h2 id="bil-docs">{t('bil.documents')}</h2>
      {issue.data ? <Alert tone="success">{t('bil.documentIssued', { yen: yen(issue.data.charge?.amountYen ?? 0) })}</Alert> : null}
      {documents.isError ? <ErrorMessage error={documents.error} /> : items.length === 0 ? <p className="empty">{t('bil.noDocuments')}</p> : (
        <ul className="billing-documents">
          {items.map((d) => (
            <li key={d.id}>
              {d.issuedDate} — <strong>{t(`bil.documentKinds.${d.kind}`)}</strong>{d.note ? ` (${d.note})` : ''} · {d.charge ? yen(d.charge.amountYen) : t('bil.documentNoCharge')} · {t('bil.issuedBy')}: {d.issuedByName ?? '—'}
            </li>
          ))}
        </ul>
      )}
      {can('billing:collect') ? (
        <form className="form" onSubmit={(e) => { e.preventDefault(); issue.mutate(); }}>
          <h3>{t('bil.issueDocument')}</h3>
          <p className="field__hint" id="bil-doc-help">{t('bil.documentHelp')}</p>
          <div className="field">
            <label htmlFor="bil-doc-kind">{t('bil.documentKind')}</label>
            <select id="bil-doc-kind" required aria-describedby="bil-doc-help" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              <option value="">—</option>
              {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{t(`bil.documentKinds.${k}`)}</option>)}
            </select>
            {errors.kind ? <p className="field__error">{errors.kind}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="bil-doc-date">{t('bil.issuedDate')}</label>
            <input id="bil-doc-date" type="date" required value={issuedDate} max={prices.data?.today} onChange={(e) => setForm({ ...form, issuedDate: e.target.value })} />
            {errors.issuedDate ? <p className="field__error">{errors.issuedDate}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="bil-doc-note">{t('bil.documentNote')}</label>
            <input id="bil-doc-note" maxLength={500} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
            {errors.note ? <p className="field__error">{errors.note}</p> : null}
          </div>
          {issue.isError && Object.keys(errors).length === 0 ? <ErrorMessage error={issue.error} /> : null}
          <div className="form__actions"><button className="btn" type="submit" disabled={issue.isPending}>{t('bil.issueDocument')}</button></div>
        </form>
      ) : null}
    </section>
  );
}

function AddChargeSection({ account }: { readonly account: PatientAccountView }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const prices = usePrices();
  const lang = currentLanguage();
  const [form, setForm] = useState({ code: '', quantity: 1, reason: '', enrolmentId: '' });
  const item = prices.data?.current.find((p) => p.code === form.code);
  const course = item?.sessions != null;
  const add = useMutation({
    mutationFn: () => api('/api/billing/charges', {
      method: 'POST',
      body: { patientId: account.patient.id, code: form.code, quantity: form.quantity, ...(course ? { enrolmentId: form.enrolmentId } : { reason: form.reason }) },
    }),
    onSuccess: () => { setForm({ code: '', quantity: 1, reason: '', enrolmentId: '' }); void qc.invalidateQueries({ queryKey: accountKey(account.patient.id) }); },
  });
  if (!can('billing:collect')) return null;
  const errors = fieldErrors(add.error);
  const enrolments = account.enrolments.filter((e) => !item?.programId || e.programId === item.programId);
  return (
    <section className="card card--wide" aria-labelledby="bil-add">
      <h2 id="bil-add">{t('bil.addCharge')}</h2>
      <form className="form" onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
        <div className="field">
          <label htmlFor="bil-code">{t('bil.code')}</label>
          <select id="bil-code" required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })}>
            <option value="">—</option>
            {prices.data?.current.map((p) => <option key={p.code} value={p.code}>{p.name[lang] || p.name.ja} — {yen(p.priceYen)}</option>)}
          </select>
          {errors.code ? <p className="field__error">{errors.code}</p> : null}
        </div>
        {course ? (
          <div className="field">
            <label htmlFor="bil-enrolment">{t('bil.enrolment')}</label>
            <select id="bil-enrolment" required value={form.enrolmentId} onChange={(e) => setForm({ ...form, enrolmentId: e.target.value })}>
              <option value="">—</option>
              {enrolments.map((e) => <option key={e.id} value={e.id}>{e.programId} ({e.id.slice(0, 8)})</option>)}
            </select>
            {errors.enrolmentId ? <p className="field__error">{errors.enrolmentId}</p> : null}
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="bil-qty">{t('bil.qty')}</label>
              <input id="bil-qty" type="number" min={1} max={100} value={form.quantity} onChange={(e) => setForm({ ...form, quantity: Number(e.target.value) })} />
            </div>
            <div className="field">
              <label htmlFor="bil-reason">{t('bil.reason')}</label>
              <input id="bil-reason" value={form.reason} aria-describedby="bil-reason-help" onChange={(e) => setForm({ ...form, reason: e.target.value })} />
              <p className="field__hint" id="bil-reason-help">{t('bil.reasonHelp')}</p>
              {errors.reason ? <p className="field__error">{errors.reason}</p> : null}
            </div>
          </>
        )}
        {add.isError && Object.keys(errors).length === 0 ? <ErrorMessage error={add.error} /> : null}
        <div className="form__actions"><button className="btn" type="submit" disabled={add.isPending}>{t('bil.add')}</button></div>
      </form>
    </section>
  );
}

function StatementRow({ s, patientId }: { readonly s: StatementView; readonly patientId: string }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const lang = currentLanguage();
  const [correcting, setCorrecting] = useState(false);
  const [form, setForm] = useState({ reason: '', recipientName: '' });
  const done = () => void qc.invalidateQueries({ queryKey: accountKey(patientId) });
  const reissue = useMutation({ mutationFn: () => api(`/api/billing/statements/${s.id}/reissue`, { method: 'POST' }), onSuccess: done });
  const link = useMutation({ mutationFn: () => api<{ url: string; expiresAt: string }>(`/api/billing/statements/${s.id}/patient-link`, { method: 'POST' }) });
  const correct = useMutation({ mutationFn: () => api(`/api/billing/statements/${s.id}/void`, { method: 'POST', body: { reason: form.reason, ...(form.recipientName.trim() ? { recipientName: form.recipientName } : {}) } }), onSuccess: () => { setCorrecting(false); done(); } });
  const status = s.voided ? t('bil.void') : s.reissuedAt ? t('bil.reissued', { date: s.reissuedAt.slice(0, 10) }) : t('bil.valid');
  return (
    <>
      <tr className={s.voided ? 'billing-void' : undefined}>
        <td>{s.number}{s.kind === 'refund' ? ` (${t('bil.sources.refund')})` : ''}</td>
        <td>{s.model.issueDate}</td>
        <td className="num">{yen(s.model.totalYen)}</td>
        <td>{status}</td>
        <td className="billing-actions">
          <a className="btn btn--small" href={statementPdfUrl(s.id, lang)} download>{t('bil.pdf')}<span className="visually-hidden"> {s.number}</span></a>
          {can('billing:collect') && !s.voided ? (
            <>
              <button type="button" className="btn btn--small" onClick={() => reissue.mutate()}>{t('bil.reissue')}<span className="visually-hidden"> {s.number}</span></button>
              <button type="button" className="btn btn--small" onClick={() => link.mutate()}>{t('bil.phoneLink')}<span className="visually-hidden"> {s.number}</span></button>
              <button type="button" className="btn btn--small btn--quiet" aria-expanded={correcting} onClick={() => setCorrecting(!correcting)}>{t('bil.correct')}<span className="visually-hidden"> {s.number}</span></button>
            </>
          ) : null}
        </td>
      </tr>
      {link.data ? <tr><td colSpan={5}>{t('bil.phoneLinkMade')} <code className="billing-link">{link.data.url}</code></td></tr> : null}
      {reissue.error || link.error ? <tr><td colSpan={5}><ErrorMessage error={reissue.error ?? link.error} /></td></tr> : null}
      {correcting ? (
        <tr><td colSpan={5}>
          <form className="form" onSubmit={(e) => { e.preventDefault(); correct.mutate(); }}>
            <div className="field"><label htmlFor={`bil-cr-${s.id}`}>{t('bil.correctReason')}</label><input id={`bil-cr-${s.id}`} required value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} /></div>
            <div className="field"><label htmlFor={`bil-cn-${s.id}`}>{t('bil.recipientName')}</label><input id={`bil-cn-${s.id}`} value={form.recipientName} onChange={(e) => setForm({ ...form, recipientName: e.target.value })} /></div>
            <ErrorMessage error={correct.error} />
            <div className="form__actions"><button className="btn btn--primary" type="submit">{t('bil.doCorrect')}</button></div>
          </form>
        </td></tr>
      ) : null}
    </>
  );
}

function StatementsSection({ account }: { readonly account: PatientAccountView }): ReactNode {
  const { t } = useTranslation();
  if (account.statements.length === 0) return null;
  return (
    <section className="card card--wide" aria-labelledby="bil-statements">
      <h2 id="bil-statements">{t('bil.statements')}</h2>
      <div className="table-scroll billing-scroll" role="region" tabIndex={0} aria-labelledby="bil-statements">
        <table className="table billing-table">
          <thead><tr><th scope="col">{t('bil.number')}</th><th scope="col">{t('bil.issued')}</th><th scope="col" className="num">{t('bil.total')}</th><th scope="col">{t('bil.status')}</th><th scope="col"><span className="visually-hidden">{t('bil.pdf')}</span></th></tr></thead>
          <tbody>{account.statements.map((s) => <StatementRow key={s.id} s={s} patientId={account.patient.id} />)}</tbody>
        </table>
      </div>
      <h3>{t('bil.payments')}</h3>
      <ul>
        {account.payments.map((p) => <li key={p.id}>{formatDateTime(p.paidAt)} — {yen(p.amountYen)} ({t(`bil.methods.${p.method}`)}) · {t('bil.receivedBy')}: {p.receivedBy ?? '—'}</li>)}
      </ul>
    </section>
  );
}

function RefundSection({ account }: { readonly account: PatientAccountView }): ReactNode {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const lang = currentLanguage();
  const paid = account.charges.filter((c) => c.paymentId && c.source !== 'refund');
  const [form, setForm] = useState({ chargeId: '', amount: '', method: 'cash' as PaymentMethod, reason: '' });
  const request = useMutation({
    mutationFn: () => api('/api/billing/refunds', { method: 'POST', body: { chargeId: form.chargeId, method: form.method, reason: form.reason, ...(form.amount.trim() ? { amountYen: Number(form.amount) } : {}) } }),
    onSuccess: () => { setForm({ chargeId: '', amount: '', method: 'cash', reason: '' }); void qc.invalidateQueries({ queryKey: accountKey(account.patient.id) }); },
  });
  if (paid.length === 0 && account.refunds.length === 0) return null;
  const errors = fieldErrors(request.error);
  return (
    <section className="card card--wide" aria-labelledby="bil-refunds">
      <h2 id="bil-refunds">{t('bil.refunds')}</h2>
      {request.isSuccess ? <Alert tone="success">{t('bil.refundRequested')}</Alert> : null}
      {account.refunds.length ? (
        <ul>
          {account.refunds.map((r) => (
            <li key={r.id}>{r.requestedAt.slice(0, 10)} — {yen(r.amountYen)} ({t(`bil.methods.${r.method}`)}) · {r.reason} · <strong>{t(`bil.refundStates.${r.decision ?? 'pending'}`)}</strong>{r.decidedByName ? ` (${r.decidedByName})` : ''}</li>
          ))}
        </ul>
      ) : null}
      {can('billing:collect') && paid.length ? (
        <form className="form" onSubmit={(e) => { e.preventDefault(); request.mutate(); }}>
          <h3>{t('bil.requestRefund')}</h3>
          <div className="field">
            <label htmlFor="bil-rf-charge">{t('bil.paidCharges')}</label>
            <select id="bil-rf-charge" required value={form.chargeId} onChange={(e) => setForm({ ...form, chargeId: e.target.value })}>
              <option value="">—</option>
              {paid.map((c) => <option key={c.id} value={c.id}>{c.date} {c.name[lang] || c.name.ja} {yen(c.amountYen)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bil-rf-amount">{t('bil.refundAmount')}</label>
            <input id="bil-rf-amount" inputMode="numeric" pattern="[0-9]*" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
            {errors.amountYen ? <p className="field__error">{errors.amountYen}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="bil-rf-method">{t('bil.method')}</label>
            <select id="bil-rf-method" value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value as PaymentMethod })}>
              {PAYMENT_METHODS.map((m) => <option key={m} value={m}>{t(`bil.methods.${m}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bil-rf-reason">{t('bil.refundReason')}</label>
            <input id="bil-rf-reason" required value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          </div>
          {request.isError && Object.keys(errors).length === 0 ? <ErrorMessage error={request.error} /> : null}
          <div className="form__actions"><button className="btn" type="submit" disabled={request.isPending}>{t('bil.requestRefund')}</button></div>
        </form>
      ) : null}
    </section>
  );
}
