export * from './csv-line.ts';
