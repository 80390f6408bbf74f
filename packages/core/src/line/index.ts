export * from './choose-channels.ts';
export * from './classify-line-failure.ts';
export * from './link-code.ts';
export * from './line-notice-text.ts';
export * from './line-auto-reply.ts';
