import type { Lang } from '@mimamori/core/text/localized-text';
import type { StatementModel } from '@mimamori/core/billing/index';
import { escapeXml } from './escape-xml.ts';

const L = {
  ja: {
    receipt: '領収書 兼 明細書', refund: '返金明細書', reissue: '再発行', void: '無効（訂正済み）', number: '番号', issued: '発行日', patient: '患者番号',
    registration: '登録番号', notRegistered: '（適格請求書発行事業者の登録なし）', honorific: ' 様', date: '日付', item: '内容', qty: '数量', unit: '単価', amount: '金額',
    total: '合計', received: '上記の金額を領収いたしました。', refunded: '上記の金額を返金いたしました。', method: 'お支払い方法', refundMethod: '返金方法', replaces: '訂正前の番号',
    taxLine: (rate: number, total: string, tax: string) => `${rate}%対象 ${total}（内消費税 ${tax}）`, nonTaxable: '非課税', notSubject: '不課税',
    methods: { cash: '現金', card: 'クレジットカード', transfer: '銀行振込' }, yen: (n: string) => `¥${n}`, reissuedOn: '再発行日', voidReason: '無効の理由',
    note: 'この明細書は無料で発行しています。医療費控除の証明として5年間保管してください。',
  },
  en: {
    receipt: 'Receipt and itemized statement', refund: 'Refund note', reissue: 'REISSUED', void: 'VOID (corrected)', number: 'No.', issued: 'Issued', patient: 'Patient no.',
    registration: 'Registration no.', notRegistered: '(not a registered qualified-invoice issuer)', honorific: '', date: 'Date', item: 'Item', qty: 'Qty', unit: 'Unit price', amount: 'Amount',
    total: 'Total', received: 'Received with thanks.', refunded: 'Refunded.', method: 'Paid by', refundMethod: 'Refunded by', replaces: 'Replaces no.',
    taxLine: (rate: number, total: string, tax: string) => `${rate}% taxable ${total} (consumption tax ${tax})`, nonTaxable: 'Non-taxable', notSubject: 'Outside the tax',
    methods: { cash: 'Cash', card: 'Card', transfer: 'Bank transfer' }, yen: (n: string) => `¥${n}`, reissuedOn: 'Reissued on', voidReason: 'Void because',
    note: 'This statement is free of charge. Keep it for five years as evidence for the medical expense deduction.',
  },
} as const;

/** How a statement is printed today: reissued (再発行, with the date) or void. */
export interface StatementPrintState {
  readonly reissuedOn: string | null;
  readonly voided: { readonly reason: string } | null;
}

/** `1234567` → `1,234,567`; negatives keep their sign. */
export function yen(n: number): string {
  return `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/**
 * The HTML of a 領収書 兼 明細書 (or a refund note): issuer with registration number, number and
 * date, the patient's name, each line with date, quantity, unit price and amount, the totals per tax
 * rate with the tax in each (as computed once for the document), the payment method, and 再発行 or
 * void marks. Self-contained, every text escaped; A4 for `htmlToPdf`, and readable on a phone.
 */
export function statementHtml(m: StatementModel, o: { readonly lang: Lang; readonly state: StatementPrintState }): string {
  const t = L[o.lang];
  const y = (n: number) => t.yen(yen(n));
  const rateLine = (r: StatementModel['rates'][number]) =>
    r.taxCategory === 'taxable_10' ? t.taxLine(r.ratePercent, y(r.totalYen), y(r.taxYen)) : `${r.taxCategory === 'non_taxable' ? t.nonTaxable : t.notSubject} ${y(r.totalYen)}`;
  const rows = m.lines.map((l) => `<tr><td>${escapeXml(l.date)}</td><td>${escapeXml(l.name[o.lang])}${l.taxCategory === 'taxable_10' ? '' : ` <small>(${l.taxCategory === 'non_taxable' ? t.nonTaxable : t.notSubject})</small>`}</td><td class="n">${l.quantity}</td><td class="n">${y(l.unitPriceYen)}</td><td class="n">${y(l.amountYen)}</td></tr>`).join('');
  const marks = [
    o.state.voided ? `<p class="mark void">${t.void} — ${t.voidReason}: ${escapeXml(o.state.voided.reason)}</p>` : '',
    o.state.reissuedOn ? `<p class="mark">${t.reissue}（${t.reissuedOn} ${escapeXml(o.state.reissuedOn)}）</p>` : '',
  ].join('');
  return `<!doctype html><html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.kind === 'refund' ? t.refund : t.receipt} ${escapeXml(m.number)}</title><style>
    body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; font-size: 10.5pt; line-height: 1.5; margin: 0; color: #111; }
    h1 { font-size: 16pt; margin: 0 0 .4em; } .head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1em; }
    .to { font-size: 14pt; border-bottom: 1px solid #111; padding-bottom: 2px; } table { width: 100%; border-collapse: collapse; margin: 1em 0; }
    th, td { border-bottom: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; } .n { text-align: right; white-space: nowrap; }
    .total { font-size: 14pt; font-weight: bold; } .mark { border: 2px solid #b00; color: #b00; font-weight: bold; padding: 4px 8px; display: inline-block; }
    .void { background: #fee; } small { color: #444; } dl { margin: 0; } dt { font-weight: bold; display: inline; } dd { display: inline; margin: 0 1em 0 .3em; }
  </style></head><body>
  ${marks}
  <h1>${m.kind === 'refund' ? t.refund : t.receipt}</h1>
  <div class="head">
    <div><p class="to">${escapeXml(m.recipientName)}${t.honorific}</p><dl><dt>${t.patient}</dt><dd>${escapeXml(m.patientNumber)}</dd></dl></div>
    <div><dl><dt>${t.number}</dt><dd>${escapeXml(m.number)}</dd><br><dt>${t.issued}</dt><dd>${escapeXml(m.issueDate)}</dd>${m.replaces ? `<br><dt>${t.replaces}</dt><dd>${escapeXml(m.replaces)}</dd>` : ''}</dl></div>
  </div>
  <table><thead><tr><th>${t.date}</th><th>${t.item}</th><th class="n">${t.qty}</th><th class="n">${t.unit}</th><th class="n">${t.amount}</th></tr></thead><tbody>${rows}</tbody></table>
  <p class="total">${t.total} ${y(m.totalYen)}</p>
  <ul>${m.rates.map((r) => `<li>${rateLine(r)}</li>`).join('')}</ul>
  <p>${m.kind === 'refund' ? t.refundMethod : t.method}: ${t.methods[m.payment.method]} — ${m.kind === 'refund' ? t.refunded : t.received}</p>
  <hr>
  <p><b>${escapeXml(m.issuer.name)}</b><br>${escapeXml(m.issuer.address)}<br>${escapeXml(m.issuer.phone)}<br>${t.registration}: ${m.issuer.registrationNumber ? escapeXml(m.issuer.registrationNumber) : t.notRegistered}</p>
  <p><small>${t.note}</small></p>
  </body></html>`;
}
