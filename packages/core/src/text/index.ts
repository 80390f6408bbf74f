export * from './normalize-kana.ts';
export * from './is-kana.ts';
export * from './normalize-phone.ts';
export * from './normalize-postal-code.ts';
export * from './validate-date-string.ts';
export * from './check-free-text.ts';
export * from './parse-csv.ts';
export * from './canonical-json.ts';
