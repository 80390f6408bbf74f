/** @deprecated Moved to `shared/router.ts` (pages import down, never from the app's root); kept until pages added meanwhile move. */
export * from './shared/router.ts';
