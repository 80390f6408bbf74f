export * from './analytes.ts';
export * from './lab-result.ts';
export * from './reference-range.ts';
export * from './parse-csv.ts';
export * from './import-lab-csv.ts';
export * from './lab-catalogue.ts';
