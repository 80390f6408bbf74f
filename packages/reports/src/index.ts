export * from './csv-line.ts';
export * from './csv-document.ts';
