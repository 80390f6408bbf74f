import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDomainError } from '@mimamori/core/errors/domain-error';
import { dataCutFiles, outcomeCheckText, outcomeReport, parseDataCut, type DataCut, type DataCutFileName } from '@mimamori/core/outcome/index';
import { UsageError, type Command } from '../command.ts';
import { parseStatsArgs, required } from './stats-args.ts';

const help = [
  'Usage: mimamori report --data DIR [--lang ja|en] [--format html|pdf|json|r|bundle] [--out FILE] [--no-pdf]',
  '',
  'The outcome report of a data cut (a directory in the documented format: participants.csv,',
  'outcomes.csv, adverse_events.csv, medications.csv, labs.csv, exposures.csv, codebook.csv,',
  'plan.json, manifest.json; see docs/outcome-report.md), computed from the directory alone.',
  '',
  '  --format html  the report in HTML with its charts (default)',
  '  --format pdf   the same as PDF (needs Chromium; --out is required)',
  '  --format json  one JSON object: flow, primary, perVisit, sensitivity (per protocol,',
  '                 tipping point, …), responders, remitters, rtm, adverseEvents, biomarkers, plan, …',
  '  --format r     analysis.R: reproduces the primary analysis, the responder table, the',
  '                 per-protocol analysis and the tipping point with R (nlme, emmeans)',
  '  --format bundle  one ZIP (--out required): the report in HTML and PDF, ja and en, the data',
  '                 cut, analysis.R and bundle.json with the SHA-256 of every file (--no-pdf: no PDFs)',
  '  --lang         ja (default) or en',
  '  --out FILE     write to FILE instead of standard output',
  '',
].join('\n');

/** Reads the files of a data-cut directory; absent files are left out (the parser names them). */
function readCut(dir: string): Partial<Record<DataCutFileName, string>> {
  const files: Partial<Record<DataCutFileName, string>> = {};
  for (const f of dataCutFiles) {
    try {
      files[f] = readFileSync(resolve(dir, f), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      if (code === 'ENOTDIR') throw new UsageError(`--data must be a directory ("${dir}" is not)`);
      throw new UsageError(`cannot read ${f} in "${dir}"`);
    }
  }
  return files;
}

export const reportCommand: Command = {
  name: 'report',
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(help);
      return 0;
    }
    const a = parseStatsArgs(args, { options: ['data', 'lang', 'format', 'out'], flags: ['no-pdf'] });
    const dir = resolve(io.cwd, required(a, 'data'));
    const lang = a.values.get('lang') ?? 'ja';
    if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang must be ja or en (got "${lang}")`);
    const format = a.values.get('format') ?? 'html';
    if (!['html', 'pdf', 'json', 'r', 'bundle'].includes(format)) throw new UsageError(`--format must be html, pdf, json, r or bundle (got "${format}")`);
    const out = a.values.get('out');
    if ((format === 'pdf' || format === 'bundle') && !out) throw new UsageError(`--format ${format} needs --out FILE`);
    const files = readCut(dir);
    if (Object.keys(files).length === 0) throw new UsageError(`"${dir}" has none of the data-cut files (${dataCutFiles.join(', ')})`);
    let cut: DataCut;
    try {
      cut = parseDataCut(files);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      io.stderr(`mimamori report: the data cut is not valid:\n${e.issues.map((i) => `  ${i.path}: ${outcomeCheckText(i)}\n`).join('')}`);
      return 1;
    }
    const report = outcomeReport(cut);
    const reports = await import('@mimamori/reports');
    let body: string | Uint8Array;
    if (format === 'json') body = `${JSON.stringify(reports.outcomeReportJson(report), null, 2)}\n`;
    else if (format === 'r') body = reports.outcomeAnalysisR({ plan: cut.plan, report });
    else if (format === 'bundle') {
      body = await reports.outcomeBundle({ files: files as Record<DataCutFileName, string>, cut, report, pdf: !a.flags.has('no-pdf') });
    } else {
      const html = reports.outcomeReportHtml(report, lang);
      body = format === 'html' ? html : await reports.htmlToPdf(html);
    }
    if (out) writeFileSync(resolve(io.cwd, out), body);
    else io.stdout(typeof body === 'string' ? body : Buffer.from(body).toString('latin1'));
    return 0;
  },
};
