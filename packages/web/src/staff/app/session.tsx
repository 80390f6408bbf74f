/** @deprecated Moved to `session/session.tsx` (features import down, never from the app); kept until pages added meanwhile move. */
export * from '../session/session.tsx';
