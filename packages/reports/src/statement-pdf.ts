import type { Lang } from '@mimamori/core/text/localized-text';
import type { StatementModel } from '@mimamori/core/billing/index';
import { htmlToPdf } from './html-to-pdf.ts';
import { statementHtml, type StatementPrintState } from './statement-html.ts';

/** A statement as an A4 PDF: the HTML of `statementHtml` printed by `htmlToPdf`. */
export async function renderStatementPdf(m: StatementModel, o: { readonly lang: Lang; readonly state: StatementPrintState }): Promise<Uint8Array> {
  return htmlToPdf(statementHtml(m, o));
}
