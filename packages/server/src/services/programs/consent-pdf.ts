import { localDate, type ConsentRecord, type ProgramDefinition } from '@mimamori/core/programs/index';
import { instantToZoned } from '@mimamori/core/time/index';
import { htmlToPdf } from '@mimamori/reports/html-to-pdf';
import type { Lang } from '../../i18n/lang.ts';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const L = {
  ja: {
    heading: '同意書の控え', program: 'プログラム', document: '文書', version: '版', hash: '文書のSHA-256', role: '種別', signer: '署名者', signedAt: '署名日時',
    identity: '本人確認', questions: '質問と回答', none: 'なし', scopes: '任意の同意', signature: '署名', typed: '（入力による署名）',
    roles: { participant: '本人の同意', guardian: '代諾者の同意', assent: '本人のアセント' },
  },
  en: {
    heading: 'Copy of the consent', program: 'Program', document: 'Document', version: 'version', hash: 'SHA-256 of the document', role: 'Kind', signer: 'Signed by', signedAt: 'Signed at',
    identity: 'Identity checked', questions: 'Questions and answers', none: 'None', scopes: 'Optional consents', signature: 'Signature', typed: '(typed signature)',
    roles: { participant: 'Participant consent', guardian: 'Guardian consent', assent: 'Child assent' },
  },
} as const;

export interface ConsentCopy {
  readonly record: ConsentRecord;
  readonly program: ProgramDefinition;
  readonly title: string;
  readonly text: string;
  readonly signaturePng: string | null;
  readonly zone: string;
}

/** The HTML of the patient's copy: the exact document text, the record and the signature. */
export function consentCopyHtml(c: ConsentCopy, lang: Lang): string {
  const t = L[lang];
  const r = c.record;
  const when = (iso: string) => `${localDate(iso, c.zone)} ${instantToZoned(Date.parse(iso), c.zone).time}`;
  const sig = r.signature.method === 'drawn' && c.signaturePng?.startsWith('data:image/png;base64,')
    ? `<img alt="" src="${c.signaturePng}" style="max-width:12cm;max-height:4cm;border-bottom:1px solid #000">`
    : `<p style="font-size:20pt;border-bottom:1px solid #000;display:inline-block">${esc(r.signature.method === 'typed' ? r.signature.typedName : '')}</p> ${t.typed}`;
  const q = r.questions.length ? r.questions.map((x) => `<li><b>${esc(x.question)}</b><br>${esc(x.answer)}</li>`).join('') : `<li>${t.none}</li>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; font-size: 10.5pt; line-height: 1.6; margin: 0; }
    h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.2em; } pre { white-space: pre-wrap; font-family: inherit; border: 1px solid #999; padding: 8px; }
    dt { font-weight: bold; } dd { margin: 0 0 .4em 0; } code { font-size: 8pt; word-break: break-all; }
  </style></head><body>
  <h1>${t.heading}</h1>
  <dl>
    <dt>${t.program}</dt><dd>${esc(c.program.title[lang])}（v${c.program.version}）</dd>
    <dt>${t.document}</dt><dd>${esc(c.title)} — ${esc(r.document.id)} ${t.version} ${esc(r.document.version)} (${r.document.language})</dd>
    <dt>${t.hash}</dt><dd><code>${r.document.contentHash}</code></dd>
    <dt>${t.role}</dt><dd>${t.roles[r.role]}</dd>
    <dt>${t.signer}</dt><dd>${esc(r.signer.name)}${r.signer.kind === 'guardian' ? ` (${esc(r.signer.relation)})` : ''}</dd>
    <dt>${t.signedAt}</dt><dd>${when(r.signedAt)} (${esc(c.zone)})</dd>
    <dt>${t.identity}</dt><dd>${esc(r.identity.method)} — ${when(r.identity.at)}</dd>
    <dt>${t.scopes}</dt><dd>${r.scopes.length ? r.scopes.map(esc).join(', ') : t.none}</dd>
  </dl>
  <h2>${esc(c.title)}</h2><pre>${esc(c.text)}</pre>
  <h2>${t.questions}</h2><ul>${q}</ul>
  <h2>${t.signature}</h2>${sig}
  </body></html>`;
}

/**
 * Renders the copy to PDF with the system Chromium (Noto CJK fonts are installed, so Japanese is
 * embedded correctly), through the reports package's printer.
 */
export async function renderConsentPdf(c: ConsentCopy, lang: Lang): Promise<Buffer> {
  return Buffer.from(await htmlToPdf(consentCopyHtml(c, lang)));
}
