export * from './csv-line.ts';
export * from './csv-document.ts';
export * from './outcome-report-json.ts';
export * from './outcome-analysis-r.ts';
export * from './outcome-charts.ts';
export * from './outcome-report-html.ts';
export * from './html-to-pdf.ts';
export * from './zip-archive.ts';
