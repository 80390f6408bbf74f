/** @deprecated Moved to `shared/i18n.ts` (pages import down, never from the app's root); kept until pages added meanwhile move. */
export * from './shared/i18n.ts';
