import { createHash } from 'node:crypto';
import { dataCutFiles, type DataCut, type DataCutFileName, type OutcomeReport } from '@mimamori/core/outcome/index';
import { htmlToPdf } from './html-to-pdf.ts';
import { outcomeAnalysisR } from './outcome-analysis-r.ts';
import { outcomeReportHtml } from './outcome-report-html.ts';
import { zipArchive } from './zip-archive.ts';

const sha256 = (d: string | Uint8Array) => createHash('sha256').update(d).digest('hex');

/**
 * The reproducible bundle of a report (one ZIP): the data cut under `data/`, `analysis.R`, the
 * report in HTML (and PDF unless `pdf` is false) in Japanese and English, and `bundle.json` with
 * the plan's version, hash and lock time and the SHA-256 of every other file. The archive's time
 * stamps are fixed, so the same inputs give the same bytes.
 */
export async function outcomeBundle(input: {
  readonly files: Readonly<Record<DataCutFileName, string>>;
  readonly cut: DataCut;
  readonly report: OutcomeReport;
  readonly pdf: boolean;
}): Promise<Buffer> {
  const entries: Array<{ name: string; data: string | Uint8Array }> = dataCutFiles.map((f) => ({ name: `data/${f}`, data: input.files[f] }));
  entries.push({ name: 'analysis.R', data: outcomeAnalysisR({ plan: input.cut.plan, report: input.report }) });
  for (const lang of ['ja', 'en'] as const) {
    const html = outcomeReportHtml(input.report, lang);
    entries.push({ name: `report-${lang}.html`, data: html });
    if (input.pdf) entries.push({ name: `report-${lang}.pdf`, data: await htmlToPdf(html) });
  }
  entries.push({ name: 'bundle.json', data: `${JSON.stringify({ plan: input.report.plan, files: Object.fromEntries(entries.map((e) => [e.name, sha256(e.data)])) }, null, 2)}\n` });
  return zipArchive(entries);
}
