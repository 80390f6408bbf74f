import type { Lang } from '@mimamori/core/text/localized-text';
import { consentCopyHtml, type ConsentCopy } from './consent-copy-html.ts';
import { htmlToPdf } from './html-to-pdf.ts';

/**
 * The patient's copy of a signed consent as an A4 PDF: the HTML of `consentCopyHtml`, printed by
 * the system Chromium through `htmlToPdf` (the Noto CJK fonts embed the Japanese text).
 */
export async function renderConsentPdf(c: ConsentCopy, lang: Lang): Promise<Uint8Array> {
  return htmlToPdf(consentCopyHtml(c, lang));
}
