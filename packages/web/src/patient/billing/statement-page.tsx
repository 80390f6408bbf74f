/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { StatementModel } from '@mimamori/core/billing/index';
import { api } from '../../shared/api/client.ts';
import { fill } from '../../shared/format/fill.ts';
import '../appointments/appointments.css';
import './statement.css';

const TEXT = {
  ja: {
    receipt: '領収書 兼 明細書', refund: '返金明細書', number: '番号', issued: '発行日', date: '日付', item: '内容', amount: '金額', total: '合計',
    taxLine: '{rate}%対象 {total}（内消費税 {tax}）', nonTaxable: '非課税 {total}', notSubject: '不課税 {total}', method: 'お支払い方法', refundMethod: '返金方法',
    methods: { cash: '現金', card: 'クレジットカード', transfer: '銀行振込' }, registration: '登録番号', notRegistered: '登録なし', reissue: '再発行（{date}）',
    void: 'この領収書は無効です（訂正後の領収書が発行されています）。', pdf: 'PDFを保存する', honorific: ' 様', failed: '表示できませんでした。リンクの有効期限が切れている可能性があります。クリニックにお問い合わせください。',
    loading: '読み込み中…', keep: '医療費控除の証明として5年間保管してください。', qty: '×{n}',
  },
  en: {
    receipt: 'Receipt and itemized statement', refund: 'Refund note', number: 'No.', issued: 'Issued', date: 'Date', item: 'Item', amount: 'Amount', total: 'Total',
    taxLine: '{rate}% taxable {total} (consumption tax {tax})', nonTaxable: 'Non-taxable {total}', notSubject: 'Outside the tax {total}', method: 'Paid by', refundMethod: 'Refunded by',
    methods: { cash: 'Cash', card: 'Card', transfer: 'Bank transfer' }, registration: 'Registration no.', notRegistered: 'not registered', reissue: 'Reissued ({date})',
    void: 'This statement is void: a corrected one was issued.', pdf: 'Save as PDF', honorific: '', failed: 'This could not be shown. The link may have expired: please contact the clinic.',
    loading: 'Loading…', keep: 'Keep it for five years as evidence for the medical expense deduction.', qty: '×{n}',
  },
} as const;

interface PatientStatement {
  readonly number: string;
  readonly kind: 'receipt' | 'refund';
  readonly model: StatementModel;
  readonly state: { readonly reissuedOn: string | null; readonly voided: { readonly reason: string } | null };
}

const yen = (n: number) => `${n < 0 ? '-' : ''}¥${Math.abs(n).toLocaleString('en-US')}`;

/** `/p/statement`: the patient's 領収書 兼 明細書 on their phone (a statement link's session), with its PDF. */
export function StatementPage(props: { readonly lang: 'ja' | 'en'; readonly setClinicName: (name: string) => void }) {
  const t = TEXT[props.lang];
  const [s, setS] = useState<PatientStatement | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    api<PatientStatement>('/api/p/statement')
      .then((x) => {
        setS(x);
        props.setClinicName(x.model.issuer.name);
      })
      .catch(() => setError(true));
  }, []);
  if (error) return <section class="panel"><p role="alert">{t.failed}</p></section>;
  if (!s) return <p role="status">{t.loading}</p>;
  const m = s.model;
  return (
    <section class="panel statement">
      {s.state.voided ? <p class="statement__mark" role="alert">{t.void}</p> : null}
      {s.state.reissuedOn ? <p class="statement__mark">{fill(t.reissue, { date: s.state.reissuedOn })}</p> : null}
      <h1>{m.kind === 'refund' ? t.refund : t.receipt}</h1>
      <p class="statement__to">{m.recipientName}{t.honorific}</p>
      <dl class="statement__meta">
        <dt>{t.number}</dt><dd>{m.number}</dd>
        <dt>{t.issued}</dt><dd>{m.issueDate}</dd>
      </dl>
      <ul class="statement__lines">
        {m.lines.map((l, i) => (
          <li key={i}>
            <span class="statement__item">{l.name[props.lang]}{l.quantity > 1 ? ` ${fill(t.qty, { n: l.quantity })}` : ''}<small>{l.date}</small></span>
            <span class="statement__amount">{yen(l.amountYen)}</span>
          </li>
        ))}
      </ul>
      <p class="statement__total">{t.total} <strong>{yen(m.totalYen)}</strong></p>
      <ul class="statement__rates">
        {m.rates.map((r) => (
          <li key={r.taxCategory}>
            {r.taxCategory === 'taxable_10'
              ? fill(t.taxLine, { rate: r.ratePercent, total: yen(r.totalYen), tax: yen(r.taxYen) })
              : fill(r.taxCategory === 'non_taxable' ? t.nonTaxable : t.notSubject, { total: yen(r.totalYen) })}
          </li>
        ))}
      </ul>
      <p>{m.kind === 'refund' ? t.refundMethod : t.method}: {t.methods[m.payment.method]}</p>
      <p class="muted">
        {m.issuer.name}<br />{m.issuer.address}<br />{m.issuer.phone}<br />
        {t.registration}: {m.issuer.registrationNumber ?? t.notRegistered}
      </p>
      <p><a class="appt-btn" href={`/api/p/statement/pdf?lang=${props.lang}`} download>{t.pdf}</a></p>
      <p class="muted">{t.keep}</p>
    </section>
  );
}
