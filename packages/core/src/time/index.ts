export * from './local-date.ts';
export * from './local-time.ts';
export * from './time-zone.ts';
export * from './zoned-to-instant.ts';
export * from './instant-to-zoned.ts';
export * from './parse-instant.ts';
export * from './format-instant.ts';
