export * from './public-hours.ts';
export * from './recruitment-page.ts';
export * from './recruitment-rules.ts';
export * from './check-recruitment-page.ts';
export * from './site-content.ts';
export * from './demo-public-site.ts';
export * from './check-application.ts';
