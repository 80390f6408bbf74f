import type { Lang } from '@mimamori/core/text/localized-text';
import type { ConsentRecord, ProgramDefinition } from '@mimamori/core/programs/index';
import { clinicDate, instantToZoned } from '@mimamori/core/time/index';
import { escapeXml } from './escape-xml.ts';

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

/**
 * The HTML of the patient's copy of a signed consent: the exact document text, the record (who,
 * when, identity check, optional consents, questions) and the signature, in Japanese or English.
 * Self-contained (no external resources) so that `htmlToPdf` prints it offline. All text from the
 * record is escaped.
 */
export function consentCopyHtml(c: ConsentCopy, lang: Lang): string {
  const t = L[lang];
  const r = c.record;
  const when = (iso: string) => `${clinicDate(iso, c.zone)} ${instantToZoned(Date.parse(iso), c.zone).time}`;
  const sig = r.signature.method === 'drawn' && c.signaturePng?.startsWith('data:image/png;base64,')
    ? `<img alt="" src="${c.signaturePng}" style="max-width:12cm;max-height:4cm;border-bottom:1px solid #000">`
    : `<p style="font-size:20pt;border-bottom:1px solid #000;display:inline-block">${escapeXml(r.signature.method === 'typed' ? r.signature.typedName : '')}</p> ${t.typed}`;
  const q = r.questions.length ? r.questions.map((x) => `<li><b>${escapeXml(x.question)}</b><br>${escapeXml(x.answer)}</li>`).join('') : `<li>${t.none}</li>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; font-size: 10.5pt; line-height: 1.6; margin: 0; }
    h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.2em; } pre { white-space: pre-wrap; font-family: inherit; border: 1px solid #999; padding: 8px; }
    dt { font-weight: bold; } dd { margin: 0 0 .4em 0; } code { font-size: 8pt; word-break: break-all; }
  </style></head><body>
  <h1>${t.heading}</h1>
  <dl>
    <dt>${t.program}</dt><dd>${escapeXml(c.program.title[lang])}（v${c.program.version}）</dd>
    <dt>${t.document}</dt><dd>${escapeXml(c.title)} — ${escapeXml(r.document.id)} ${t.version} ${escapeXml(r.document.version)} (${r.document.language})</dd>
    <dt>${t.hash}</dt><dd><code>${r.document.contentHash}</code></dd>
    <dt>${t.role}</dt><dd>${t.roles[r.role]}</dd>
    <dt>${t.signer}</dt><dd>${escapeXml(r.signer.name)}${r.signer.kind === 'guardian' ? ` (${escapeXml(r.signer.relation)})` : ''}</dd>
    <dt>${t.signedAt}</dt><dd>${when(r.signedAt)} (${escapeXml(c.zone)})</dd>
    <dt>${t.identity}</dt><dd>${escapeXml(r.identity.method)} — ${when(r.identity.at)}</dd>
    <dt>${t.scopes}</dt><dd>${r.scopes.length ? r.scopes.map(escapeXml).join(', ') : t.none}</dd>
  </dl>
  <h2>${escapeXml(c.title)}</h2><pre>${escapeXml(c.text)}</pre>
  <h2>${t.questions}</h2><ul>${q}</ul>
  <h2>${t.signature}</h2>${sig}
  </body></html>`;
}
